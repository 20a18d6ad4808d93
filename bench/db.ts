// The benchmark's databases: one per size ("vanhoa_bench_<size>"), on BENCH_DATABASE_URL's server when set, or on an
// embedded PostgreSQL of their own (data in .data/bench/pg, port BENCH_PG_PORT or 54359), never the app's database.

import path from "node:path";
import pg from "pg";
import { ROOT, applyMigrations, resetSchema, startEmbedded } from "../scripts/db-lib.mjs";
import type { SizeName } from "./generate";

export type BenchServer = { urlOf: (size: SizeName) => Promise<string>; stop: () => Promise<void> };

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function openBenchServer(): Promise<BenchServer> {
  let base = process.env.BENCH_DATABASE_URL;
  let stop = async () => {};
  if (!base) {
    const started = await startEmbedded({ dataDir: path.join(ROOT, ".data", "bench", "pg"), port: Number(process.env.BENCH_PG_PORT ?? 54359), database: "postgres" });
    base = started.url;
    stop = started.stop;
  }
  const admin = withDatabase(base, "postgres");
  return {
    stop,
    async urlOf(size) {
      const database = `vanhoa_bench_${size}`;
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      try {
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
      } finally {
        await client.end();
      }
      return withDatabase(base!, database);
    },
  };
}

/** Drops the public schema and applies the committed migrations: an empty database of the app's current shape. */
export async function resetDatabase(url: string): Promise<void> {
  await resetSchema(url);
  await applyMigrations(url);
}

export type DatasetInfo = { size: SizeName; seed: number; generatedAt: string; counts: Record<string, number>; seconds: number };

/** What bench:data wrote into this database (null when it holds no generated dataset). */
export async function datasetInfo(url: string): Promise<DatasetInfo | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query(`SELECT to_regclass('public."_bench_dataset"') AS t`);
    if (!table.rows[0]?.t) return null;
    const { rows } = await client.query(`SELECT info FROM "_bench_dataset" LIMIT 1`);
    return (rows[0]?.info as DatasetInfo | undefined) ?? null;
  } finally {
    await client.end();
  }
}
