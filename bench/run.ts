// `npm run bench -- [--size commune|district|province|all] [--only dashboard,province,meeting,import,http,lighthouse]
//                  [--runs N] [--seconds N]`
// Times the app against its floors on a generated dataset (made first when missing: npm run bench:data) and writes
// bench/results.json and BENCHMARKS.md. Not part of `npm test`: timings on shared machines are noisy, ratios are not.

import { spawnSync } from "node:child_process";
import pg from "pg";
import { applyMigrations } from "../scripts/db-lib.mjs";
import { arg, buildDataset, DEFAULT_SEED } from "./data";
import { datasetInfo, openBenchServer } from "./db";
import { CURRENT_YEAR, REFERENCE_CODE, SIZE_NAMES, type SizeName } from "./generate";
import type { Figure } from "./cases";
import { loadStored, machine, meets, save } from "./report";

const CASES = ["dashboard", "province", "meeting", "import", "http", "lighthouse"] as const;

function growth(figures: Figure[]): Figure[] {
  const dash = (size: string) => figures.find((f) => f.name === "commune dashboard data" && f.size === size);
  const base = dash("commune");
  return (["district", "province"] as const).flatMap((size) => {
    const other = dash(size);
    if (!base || !other) return [];
    return [{
      name: `dashboard time, commune → ${size}`, size: `commune→${size}`, median_ms: other.median_ms, floor_ms: base.median_ms,
      ratio: other.median_ms / base.median_ms, goal: "<=1.3", unit: "ms", runs: other.runs,
      note: "the same commune's dashboard with the other communes' rows around it",
    }];
  });
}

async function runSize(size: SizeName, only: Set<string>, runs: number, seconds: number): Promise<void> {
  const server = await openBenchServer();
  try {
    const url = await server.urlOf(size);
    let info = await datasetInfo(url).catch(() => null);
    if (!info) {
      console.log(`No ${size} dataset yet: generating it (seed ${DEFAULT_SEED}).`);
      info = await buildDataset(url, size, DEFAULT_SEED);
    }
    const applied = await applyMigrations(url);
    if (applied.length) console.log(`Applied to the ${size} dataset: ${applied.join(", ")}`);
    process.env.DATABASE_URL = url;
    const cases = await import("./cases");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const figures: Figure[] = [];
    const report = (f: Figure) => {
      figures.push(f);
      console.log(`  ${f.name.padEnd(52)} ${f.median_ms.toFixed(1).padStart(9)} ${f.unit.padEnd(7)} ${f.ratio === null ? "" : `ratio ${f.ratio.toFixed(2)} `}goal ${f.goal} ${meets(f) ? "✓" : "✗"}`);
    };
    try {
      console.log(`== ${size}: ${info.counts.Household?.toLocaleString("en")} households in ${info.counts.Commune} communes`);
      if (only.has("dashboard")) report(await cases.dashboardCase(client, size, runs));
      if (only.has("province")) report(await cases.provinceCase(client, size, Math.max(5, Math.round(runs / 3))));
      if (only.has("meeting")) report(await cases.meetingCase(client, size, Math.max(5, Math.round(runs / 2))));
      if (only.has("import")) {
        const { importCase } = await import("./import");
        for (const f of await importCase(client, size, Number(arg("import-runs") ?? 3))) report(f);
      }
      if (only.has("http") || only.has("lighthouse")) {
        const { startServer } = await import("./server");
        const http = await import("./http");
        const app = await startServer(url, Number(process.env.BENCH_HTTP_PORT ?? 3300));
        try {
          if (only.has("http")) for (const f of await http.loadCase(app.baseUrl, size, seconds)) report(f);
          if (only.has("lighthouse")) {
            const { rows } = await client.query(
              `SELECT h."id" FROM "Hamlet" h JOIN "User" u ON u."hamletId" = h."id" WHERE u."username" = 'truongxom' AND h."communeId" = (SELECT "id" FROM "Commune" WHERE "code" = $1)`,
              [REFERENCE_CODE],
            );
            for (const f of await http.lighthouseCase(app.baseUrl, size, `/review/${CURRENT_YEAR}/${rows[0].id}/meeting`, "truongxom", 3)) report(f);
          }
        } finally {
          await app.stop();
        }
      }
      const version = (await client.query("SHOW server_version")).rows[0].server_version as string;
      const merged = [...(loadStored()?.figures ?? []).filter((f) => !figures.some((g) => g.name === f.name && g.size === f.size)), ...figures];
      for (const f of growth(merged)) report(f);
      save(figures, info, machine(`PostgreSQL ${version}`));
    } finally {
      await client.end();
      const { db } = await import("@/lib/db");
      await db.$disconnect();
    }
  } finally {
    await server.stop();
  }
}

async function main() {
  const sizeArgument = arg("size") ?? "commune";
  const only = new Set((arg("only") ?? CASES.join(",")).split(","));
  for (const c of only) if (!(CASES as readonly string[]).includes(c)) throw new Error(`--only takes ${CASES.join(", ")} (got "${c}")`);
  const runs = Number(arg("runs") ?? 30);
  const seconds = Number(arg("seconds") ?? 30);
  if (sizeArgument === "all") {
    // One process per size: the app's database client is bound to one database per process.
    for (const size of SIZE_NAMES) {
      const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, "--size", size, "--only", [...only].join(","), "--runs", String(runs), "--seconds", String(seconds)], { stdio: "inherit" });
      if (child.status !== 0) process.exit(child.status ?? 1);
    }
    return;
  }
  if (!(SIZE_NAMES as readonly string[]).includes(sizeArgument)) throw new Error(`--size takes ${SIZE_NAMES.join(", ")} or all`);
  await runSize(sizeArgument as SizeName, only, runs, seconds);
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
