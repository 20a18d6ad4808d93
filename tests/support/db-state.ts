import pg from "pg";

// Whole-database checks for the attack tests: a fingerprint of every application table (row count and a hash of
// every row, so an UPDATE shows as well as an INSERT or DELETE), and a snapshot of a built world that a test restores
// in a few milliseconds instead of rebuilding it. Straight SQL through `pg` on the integration database.

let client: pg.Client | null = null;

async function sql(): Promise<pg.Client> {
  if (client) return client;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (tests/integration/setup.ts sets it)");
  client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

export async function closeDbState(): Promise<void> {
  await client?.end();
  client = null;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function appTables(): Promise<string[]> {
  const { rows } = await (await sql()).query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  return rows.map((r) => r.tablename);
}

let fingerprintSql: string | null = null;

export type Fingerprint = Record<string, string>;

/** Per table "count:md5 of all rows": equal fingerprints mean nothing was written anywhere. */
export async function fingerprint(): Promise<Fingerprint> {
  fingerprintSql ??= (await appTables())
    .map((t) => `SELECT '${t}' AS t, count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS f FROM public.${quote(t)} x`)
    .join(" UNION ALL ");
  const { rows } = await (await sql()).query<{ t: string; f: string }>(fingerprintSql);
  return Object.fromEntries(rows.map((r) => [r.t, r.f]));
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]).sort();
}

const SNAPSHOT_SCHEMA = "attack_snapshot";

/** Copies every application table into a side schema. */
export async function takeSnapshot(): Promise<void> {
  const c = await sql();
  const tables = await appTables();
  await c.query(`DROP SCHEMA IF EXISTS ${SNAPSHOT_SCHEMA} CASCADE; CREATE SCHEMA ${SNAPSHOT_SCHEMA};`
    + tables.map((t) => `CREATE TABLE ${SNAPSHOT_SCHEMA}.${quote(t)} AS TABLE public.${quote(t)};`).join(""));
}

/**
 * Puts every application table back as the snapshot had it. Foreign keys and row triggers (the audit log's refusal of
 * DELETE among them) are skipped while the rows are replaced (they were valid when taken); sequences keep counting, so
 * ids never repeat.
 */
export async function restoreSnapshot(): Promise<void> {
  const c = await sql();
  const tables = await appTables();
  // DELETE, not TRUNCATE: on a few hundred rows it is ten times faster (TRUNCATE makes new files for every table).
  await c.query(
    "BEGIN; SET LOCAL session_replication_role = replica; SET LOCAL synchronous_commit = off;"
    + tables.map((t) => `DELETE FROM public.${quote(t)};`).join("")
    + tables.map((t) => `INSERT INTO public.${quote(t)} SELECT * FROM ${SNAPSHOT_SCHEMA}.${quote(t)};`).join("")
    + "COMMIT;",
  );
}

export async function dropSnapshot(): Promise<void> {
  await (await sql()).query(`DROP SCHEMA IF EXISTS ${SNAPSHOT_SCHEMA} CASCADE`);
}
