// Backup and restore of vanhoa's database (npm run db:backup / db:restore; README "Sao lưu và khôi phục").
//
// Two formats, told apart by their first bytes:
// - PostgreSQL's own custom format ("PGDMP"), written by pg_dump when a pg_dump at least as new as the server is on
//   PATH, and read back by pg_restore;
// - vanhoa's own archive, written by this file when there is none (the embedded server ships no pg_dump, and
//   Debian's pg_dump 15 cannot dump PostgreSQL 17): one gzip file holding, in order,
//       "VANHOA-BACKUP 1\n"
//       "H <json>\n"                 header: format, when, server version, database, migrations (name + checksum),
//                                    tables in foreign-key order with their columns
//       per table: "T <name>\n", then "D <n>\n" + n bytes of COPY text data (repeated), then "E <rows> <sha256>\n"
//       "M <json>\n"                 manifest: per-table rows and SHA-256, sequence values, and the SHA-256 of every
//                                    byte before this line — a truncated or altered file cannot pass
//   Restoring reads the file twice: once to check it whole before touching anything, once to load it. The archive's
//   migrations (which must be the app's first ones, unchanged) build a staging schema; one transaction then COPYs
//   every table into it (triggers and foreign keys held off with session_replication_role = replica when the role
//   may), resets the sequences, compares every row count with the manifest and swaps the staging schema in for
//   `public`. Any failure rolls that back and drops the staging schema: the target is left as it was. The app's
//   newer migrations then run as at a start.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import pg from "pg";
import copyStreams from "pg-copy-streams";
import {
  APP_ROLE, ROOT, applyMigrationIn, applyMigrations, ensureMigrationTable, grantAppPrivileges, migrationChecksum, migrationFolders, startEmbedded, userOf,
} from "./db-lib.mjs";

const { to: copyTo, from: copyFrom } = copyStreams;

export const ARCHIVE_FORMAT = 1;
export const MAGIC = "VANHOA-BACKUP 1\n";
const PGDMP = "PGDMP";
const CHUNK = 1 << 20;

/** A refusal with a message for the person running the command (Vietnamese, no stack trace). */
export class BackupError extends Error {
  constructor(message) {
    super(message);
    this.name = "BackupError";
  }
}

const damaged = (detail) =>
  new BackupError(`Tệp sao lưu bị hỏng hoặc không đầy đủ (${detail}). Không khôi phục gì; cơ sở dữ liệu đích giữ nguyên.`);

/** COPY's text format ends every row with a newline and escapes the ones inside values. */
function newlines(bytes) {
  let n = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) n++;
  return n;
}

/** A libpq URL without its password, and the environment that carries it (argv is visible to every user). */
function libpq(url) {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { url: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

const q = (name) => `"${name.replaceAll('"', '""')}"`;

async function connect(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

// ---- What the database holds -------------------------------------------------------------------------------------

/** The application's tables (all of `public` but Prisma's history), parents before children. */
async function tablesInOrder(client) {
  const { rows: tables } = await client.query(
    `SELECT c.relname AS name,
            array(SELECT a.attname::text FROM pg_attribute a
                   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                   ORDER BY a.attnum) AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
      ORDER BY c.relname`,
  );
  const { rows: edges } = await client.query(
    `SELECT child.relname AS child, parent.relname AS parent
       FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND child.oid <> parent.oid`,
  );
  const parents = new Map(tables.map((t) => [t.name, new Set()]));
  for (const e of edges) parents.get(e.child)?.add(e.parent);
  const ordered = [];
  const placed = new Set();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t.name) && [...parents.get(t.name)].every((p) => placed.has(p) || !parents.has(p)));
    if (ready.length === 0) throw new Error("Foreign keys form a cycle; cannot order the tables");
    for (const t of ready) {
      ordered.push(t);
      placed.add(t.name);
    }
  }
  return ordered;
}

async function appliedMigrations(client) {
  const exists = await client.query(`SELECT to_regclass('public."_prisma_migrations"') IS NOT NULL AS ok`);
  if (!exists.rows[0].ok) return [];
  const { rows } = await client.query(
    `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows;
}

/** Columns filled from a sequence (autoincrement ids), with the sequence's state. */
async function sequences(client) {
  const { rows } = await client.query(
    `SELECT c.relname AS "table", a.attname AS "column", pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS seq
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        AND pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) IS NOT NULL
      ORDER BY 1, 2`,
  );
  const result = [];
  for (const r of rows) {
    const state = await client.query(`SELECT last_value::text AS value, is_called AS "isCalled" FROM ${r.seq}`);
    result.push({ table: r.table, column: r.column, value: state.rows[0].value, isCalled: state.rows[0].isCalled });
  }
  return result;
}

async function serverMajor(client) {
  const { rows } = await client.query("SHOW server_version_num");
  return Math.floor(Number(rows[0].server_version_num) / 10000);
}

/** The major version of a PostgreSQL client tool on PATH, or null. */
export function toolMajor(tool) {
  const run = spawnSync(tool, ["--version"], { encoding: "utf8" });
  if (run.status !== 0) return null;
  const match = /(\d+)(?:\.\d+)?/.exec(run.stdout);
  return match ? Number(match[1]) : null;
}

// ---- Writing ------------------------------------------------------------------------------------------------------

/** Writes the archive's frames through gzip into `file`, hashing every byte as it goes. */
export class ArchiveWriter {
  constructor(file) {
    this.gzip = zlib.createGzip();
    this.done = pipeline(this.gzip, fs.createWriteStream(file));
    // Awaited in close(); a failure before then must not go unhandled.
    this.done.catch(() => {});
    this.hash = crypto.createHash("sha256");
  }
  async write(data) {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    this.hash.update(bytes);
    if (!this.gzip.write(bytes)) await new Promise((resolve) => this.gzip.once("drain", resolve));
  }
  line(text) {
    return this.write(`${text}\n`);
  }
  /** The manifest closes the file: it carries the hash of everything written before it. */
  async close(manifest) {
    const sha256 = this.hash.digest("hex");
    this.gzip.end(Buffer.from(`M ${JSON.stringify({ ...manifest, sha256 })}\n`, "utf8"));
    await this.done;
  }
}

/** Streams one table's rows as COPY text into the archive; returns its row count and SHA-256. */
async function writeTable(client, writer, table) {
  await writer.line(`T ${table.name}`);
  const hash = crypto.createHash("sha256");
  let rows = 0;
  const stream = client.query(copyTo(`COPY ${q(table.name)} (${table.columns.map(q).join(", ")}) TO STDOUT`));
  let pending = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const chunk = Buffer.concat(pending, size);
    pending = [];
    size = 0;
    await writer.line(`D ${chunk.length}`);
    await writer.write(chunk);
  };
  for await (const data of stream) {
    hash.update(data);
    rows += newlines(data);
    pending.push(data);
    size += data.length;
    if (size >= CHUNK) await flush();
  }
  await flush();
  const sha256 = hash.digest("hex");
  await writer.line(`E ${rows} ${sha256}`);
  return { rows, sha256 };
}

/** vanhoa's own archive of the database at `url`, from one consistent snapshot. */
export async function writeEmbeddedArchive(url, file) {
  const client = await connect(url);
  const tmp = `${file}.partial`;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const tables = await tablesInOrder(client);
    const header = {
      format: ARCHIVE_FORMAT,
      createdAt: new Date().toISOString(),
      server: (await client.query("SHOW server_version")).rows[0].server_version,
      database: decodeURIComponent(new URL(url).pathname.replace(/^\//, "")),
      migrations: await appliedMigrations(client),
      tables: tables.map((t) => ({ name: t.name, columns: t.columns })),
    };
    const writer = new ArchiveWriter(tmp);
    await writer.write(MAGIC);
    await writer.line(`H ${JSON.stringify(header)}`);
    const counts = {};
    for (const table of tables) counts[table.name] = await writeTable(client, writer, table);
    await writer.close({ tables: counts, sequences: await sequences(client) });
    await client.query("COMMIT");
    fs.renameSync(tmp, file);
    return { format: "vanhoa", tables: counts };
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * "pg_dump" when a pg_dump at least as new as the server is on PATH (it refuses newer servers), else "vanhoa".
 * VANHOA_BACKUP_FORMAT=pg_dump|vanhoa overrides.
 */
export async function chooseFormat(url, format = process.env.VANHOA_BACKUP_FORMAT) {
  if (format === "pg_dump" || format === "vanhoa") return format;
  const client = await connect(url);
  const server = await serverMajor(client).finally(() => client.end());
  const dump = toolMajor("pg_dump");
  return dump !== null && dump >= server ? "pg_dump" : "vanhoa";
}

/** Backs the database at `url` up into `file`: pg_dump's custom format when it can, vanhoa's archive otherwise. */
export async function backupDatabase(url, file, { format } = {}) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if ((await chooseFormat(url, format)) === "vanhoa") return writeEmbeddedArchive(url, file);
  const tmp = `${file}.partial`;
  const conn = libpq(url);
  const run = spawnSync("pg_dump", ["--format=custom", `--file=${tmp}`, `--dbname=${conn.url}`], { encoding: "utf8", env: conn.env });
  if (run.status !== 0) {
    fs.rmSync(tmp, { force: true });
    throw new BackupError(`pg_dump không sao lưu được: ${run.stderr.trim()}`);
  }
  fs.renameSync(tmp, file);
  return { format: "pg_dump" };
}

// ---- Reading ------------------------------------------------------------------------------------------------------

/**
 * Reads a vanhoa archive as events — header, table, data, end, manifest — checking every frame, every table's
 * SHA-256 and row count, and the whole file's SHA-256 as it goes. Throws a BackupError on anything amiss.
 */
export async function* readArchive(file) {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const hash = crypto.createHash("sha256");
  let buffer = Buffer.alloc(0);
  let ended = false;
  const chunks = input[Symbol.asyncIterator]();
  const more = async () => {
    try {
      const { value, done } = await chunks.next();
      if (done) ended = true;
      else buffer = buffer.length === 0 ? value : Buffer.concat([buffer, value]);
    } catch (error) {
      throw damaged(`giải nén thất bại: ${error.code ?? error.message}`);
    }
  };
  const readLine = async () => {
    for (;;) {
      const at = buffer.indexOf(0x0a);
      if (at >= 0) {
        const line = buffer.subarray(0, at + 1);
        buffer = buffer.subarray(at + 1);
        return line;
      }
      if (ended) throw damaged("tệp kết thúc giữa chừng");
      if (buffer.length > 64 * CHUNK) throw damaged("dòng quá dài");
      await more();
    }
  };
  const readBytes = async (n) => {
    while (buffer.length < n) {
      if (ended) throw damaged("tệp kết thúc giữa chừng");
      await more();
    }
    const bytes = buffer.subarray(0, n);
    buffer = buffer.subarray(n);
    return bytes;
  };
  const json = (text, what) => {
    try {
      return JSON.parse(text);
    } catch {
      throw damaged(`${what} không đọc được`);
    }
  };

  await more();
  while (buffer.length < MAGIC.length && !ended) await more();
  const magic = buffer.subarray(0, MAGIC.length);
  if (magic.toString("utf8") !== MAGIC) throw new BackupError("Tệp này không phải tệp sao lưu của vanhoa.");
  buffer = buffer.subarray(MAGIC.length);
  hash.update(magic);
  const headerLine = await readLine();
  hash.update(headerLine);
  if (!headerLine.toString("utf8").startsWith("H ")) throw damaged("thiếu phần đầu");
  const header = json(headerLine.toString("utf8").slice(2), "phần đầu");
  if (header.format !== ARCHIVE_FORMAT) throw new BackupError(`Định dạng sao lưu ${header.format} không được hỗ trợ (phiên bản này đọc định dạng ${ARCHIVE_FORMAT}).`);
  yield { type: "header", header };

  const seen = {};
  let table = null;
  let tableHash = null;
  let rows = 0;
  for (;;) {
    const raw = await readLine();
    const line = raw.toString("utf8");
    if (line.startsWith("M ")) {
      if (table) throw damaged(`bảng ${table} chưa kết thúc`);
      const manifest = json(line.slice(2), "phần kết");
      if (manifest.sha256 !== hash.digest("hex")) throw damaged("mã kiểm tra toàn tệp không khớp");
      const expected = header.tables.map((t) => t.name);
      if (JSON.stringify(Object.keys(seen)) !== JSON.stringify(expected)) throw damaged("thiếu bảng");
      for (const name of expected) {
        if (manifest.tables?.[name]?.rows !== seen[name].rows || manifest.tables?.[name]?.sha256 !== seen[name].sha256) {
          throw damaged(`bảng ${name} không khớp phần kết`);
        }
      }
      while (!ended) await more();
      if (buffer.length > 0) throw damaged("có dữ liệu sau phần kết");
      yield { type: "manifest", manifest };
      return;
    }
    hash.update(raw);
    if (line.startsWith("T ")) {
      if (table) throw damaged(`bảng ${table} chưa kết thúc`);
      table = line.slice(2, -1);
      if (!header.tables.some((t) => t.name === table) || table in seen) throw damaged(`bảng lạ ${table}`);
      tableHash = crypto.createHash("sha256");
      rows = 0;
      yield { type: "table", name: table };
    } else if (line.startsWith("D ") && table) {
      const n = Number(line.slice(2, -1));
      if (!Number.isInteger(n) || n <= 0 || n > 64 * CHUNK) throw damaged("khối dữ liệu sai kích thước");
      const bytes = await readBytes(n);
      hash.update(bytes);
      tableHash.update(bytes);
      rows += newlines(bytes);
      yield { type: "data", chunk: Buffer.from(bytes) };
    } else if (line.startsWith("E ") && table) {
      const [countText, sha256] = line.slice(2, -1).split(" ");
      const digest = tableHash.digest("hex");
      if (Number(countText) !== rows || sha256 !== digest) throw damaged(`dữ liệu bảng ${table} không khớp mã kiểm tra`);
      seen[table] = { rows, sha256 };
      yield { type: "end", name: table, rows, sha256 };
      table = null;
    } else {
      throw damaged("khung dữ liệu không hợp lệ");
    }
  }
}

/** Reads the archive once through, returning its header and manifest if every check passes. */
export async function verifyArchive(file) {
  let header = null;
  let manifest = null;
  for await (const event of readArchive(file)) {
    if (event.type === "header") header = event.header;
    if (event.type === "manifest") manifest = event.manifest;
  }
  if (!header || !manifest) throw damaged("thiếu phần đầu hoặc phần kết");
  return { header, manifest };
}

export function archiveKind(file) {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(5);
    fs.readSync(fd, head, 0, 5, 0);
    if (head.toString("latin1") === PGDMP) return "pg_dump";
    if (head[0] === 0x1f && head[1] === 0x8b) return "vanhoa";
    return "unknown";
  } finally {
    fs.closeSync(fd);
  }
}

// ---- Restoring ----------------------------------------------------------------------------------------------------

/** The archive's migrations must be the app's first ones, unchanged: data is loaded into the schema they built. */
function checkMigrations(archived) {
  const app = migrationFolders();
  for (const [i, m] of archived.entries()) {
    if (app[i] !== m.name) {
      throw new BackupError(
        `Bản sao lưu được tạo bởi một phiên bản khác của ứng dụng: migration ${m.name} không có ở vị trí ${i + 1} trong prisma/migrations. ` +
          "Hãy khôi phục bằng phiên bản ứng dụng đã tạo bản sao lưu (hoặc mới hơn).",
      );
    }
    if (m.checksum && m.checksum !== migrationChecksum(m.name)) {
      throw new BackupError(`Migration ${m.name} của bản sao lưu khác với tệp trong prisma/migrations. Không khôi phục.`);
    }
  }
  return app.slice(archived.length);
}

/** Rows in the target's application tables (0 for a fresh or only-migrated database). */
async function rowsInTarget(client) {
  const { rows } = await client.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'`,
  );
  let total = 0;
  for (const { name } of rows) total += Number((await client.query(`SELECT count(*) AS n FROM ${q(name)}`)).rows[0].n);
  return { tables: rows.length, rows: total };
}

async function hasAnyTable(client) {
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'S')`,
  );
  return rows[0].n > 0;
}

/** Refuses a target that holds data, unless `force`. */
async function checkTarget(client, force) {
  const target = await rowsInTarget(client);
  if (target.rows > 0 && !force) {
    throw new BackupError(
      `Cơ sở dữ liệu đích đang có dữ liệu (${target.rows} dòng trong ${target.tables} bảng). Không khôi phục đè; ` +
        "nếu chắc chắn muốn thay toàn bộ dữ liệu hiện có, chạy lại với --force.",
    );
  }
}

/**
 * Loads a vanhoa archive into the database at `url`. The archive's migrations build a staging schema first, each in
 * its own transaction as at a start (a migration may add an enum value, which PostgreSQL lets no one use before it
 * commits); then ONE transaction loads every table into it, resets the sequences, checks the row counts and swaps
 * it in for `public` (rename, rename, drop). Until that commit `public` is untouched; on any failure the staging
 * schema is dropped and the target is as it was. The app's newer migrations run afterwards, as at a start.
 */
async function restoreEmbeddedArchive(url, file, { force }) {
  const { header, manifest } = await verifyArchive(file);
  const newer = checkMigrations(header.migrations);
  const staging = `vanhoa_restore_${crypto.randomBytes(4).toString("hex")}`;
  const old = `vanhoa_replaced_${crypto.randomBytes(4).toString("hex")}`;
  const client = await connect(url);
  let triggers = "held off (session_replication_role = replica)";
  let swapped = false;
  try {
    await checkTarget(client, force);
    await client.query(`CREATE SCHEMA ${q(staging)}`);
    // Unqualified names in the migrations land in the staging schema; public stays on the path for what is shared
    // (an extension installed there already).
    await client.query(`SET search_path TO ${q(staging)}, public`);
    await ensureMigrationTable(client);
    for (const m of header.migrations) {
      await client.query("BEGIN");
      await applyMigrationIn(client, m.name).then(() => client.query("COMMIT"), async (error) => {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed in the staging schema: ${error.message}`);
      });
    }

    await client.query("BEGIN");
    await checkTarget(client, force);
    await client.query("SAVEPOINT replica");
    try {
      await client.query("SET LOCAL session_replication_role = replica");
    } catch {
      // Not a superuser: tables load parents first with the triggers on (they let a restore's rows in).
      await client.query("ROLLBACK TO SAVEPOINT replica");
      triggers = "on (the role may not set session_replication_role)";
    }
    const columns = new Map(header.tables.map((t) => [t.name, t.columns]));
    const events = readArchive(file);
    for (;;) {
      const { value: event, done } = await events.next();
      if (done) break;
      if (event.type !== "table") continue;
      let ended = null;
      async function* chunks() {
        for (;;) {
          const next = await events.next();
          if (next.done) throw damaged("tệp kết thúc giữa chừng");
          if (next.value.type === "data") yield next.value.chunk;
          else if (next.value.type === "end") {
            ended = next.value;
            return;
          } else throw damaged("khung dữ liệu không hợp lệ");
        }
      }
      const cols = columns.get(event.name).map(q).join(", ");
      await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY ${q(staging)}.${q(event.name)} (${cols}) FROM STDIN`)));
      if (!ended) throw damaged(`bảng ${event.name} chưa kết thúc`);
    }
    for (const s of manifest.sequences ?? []) {
      const max = (await client.query(`SELECT coalesce(max(${q(s.column)}), 0)::text AS m FROM ${q(staging)}.${q(s.table)}`)).rows[0].m;
      const value = BigInt(s.value) > BigInt(max) ? BigInt(s.value) : BigInt(max);
      await client.query("SELECT setval(pg_get_serial_sequence($1, $2), $3, $4)", [
        `${q(staging)}.${q(s.table)}`, s.column, value === 0n ? "1" : value.toString(), value === 0n ? false : s.isCalled || value > BigInt(s.value),
      ]);
    }
    for (const [name, expected] of Object.entries(manifest.tables)) {
      const n = Number((await client.query(`SELECT count(*) AS n FROM ${q(staging)}.${q(name)}`)).rows[0].n);
      if (n !== expected.rows) throw new BackupError(`Bảng ${name} có ${n} dòng sau khi khôi phục, bản sao lưu ghi ${expected.rows}. Không khôi phục.`);
    }
    await client.query("SET LOCAL session_replication_role = origin").catch(() => {});
    // The swap: extensions that lived in the old public (pg_trgm, whose operators the new indexes use) move over.
    await client.query(`ALTER SCHEMA public RENAME TO ${q(old)}`);
    await client.query(`ALTER SCHEMA ${q(staging)} RENAME TO public`);
    const { rows: extensions } = await client.query(
      "SELECT e.extname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE n.nspname = $1",
      [old],
    );
    for (const { extname } of extensions) await client.query(`ALTER EXTENSION ${q(extname)} SET SCHEMA public`);
    await client.query(`DROP SCHEMA ${q(old)} CASCADE`);
    await client.query("COMMIT");
    swapped = true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    if (!swapped) await client.query(`DROP SCHEMA IF EXISTS ${q(staging)} CASCADE`).catch(() => {});
    await client.end();
  }
  // As at a start: each newer migration in its own transaction.
  const applied = newer.length > 0 ? await applyMigrations(url) : [];
  return { format: "vanhoa", tables: manifest.tables, migrations: header.migrations.length, newerMigrations: applied, triggers };
}

/** The migration names a pg_dump archive recorded (from its _prisma_migrations data). */
function dumpMigrations(file) {
  const run = spawnSync("pg_restore", ["--data-only", "--table=_prisma_migrations", "--file=-", file], { encoding: "utf8", maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new BackupError(`pg_restore không đọc được tệp: ${run.stderr.trim()}`);
  const lines = run.stdout.split("\n");
  const start = lines.findIndex((l) => l.startsWith("COPY ") && l.includes("_prisma_migrations"));
  if (start < 0) return [];
  const cols = /\(([^)]*)\)/.exec(lines[start])[1].split(", ").map((c) => c.replaceAll('"', ""));
  const result = [];
  for (const line of lines.slice(start + 1)) {
    if (line === "\\.") break;
    const v = Object.fromEntries(line.split("\t").map((x, i) => [cols[i], x]));
    if (v.finished_at !== "\\N" && v.rolled_back_at === "\\N") result.push({ name: v.migration_name, checksum: v.checksum });
  }
  return result.sort((a, b) => a.name.localeCompare(b.name));
}

/** Restores `file` into the database at `url`, refusing a database with data unless `force`. */
export async function restoreDatabase(url, file, { force = false } = {}) {
  if (!fs.existsSync(file)) throw new BackupError(`Không tìm thấy tệp ${file}.`);
  const kind = archiveKind(file);
  if (kind === "vanhoa") return restoreEmbeddedArchive(url, file, { force });
  if (kind !== "pg_dump") throw new BackupError("Tệp này không phải tệp sao lưu của vanhoa hay của pg_dump.");
  if (toolMajor("pg_restore") === null) throw new BackupError("Tệp được tạo bằng pg_dump; cần pg_restore (cùng phiên bản hoặc mới hơn) trên PATH để khôi phục.");
  const newer = checkMigrations(dumpMigrations(file));
  // pg_restore builds the tables itself, into an empty schema; a replaced database is emptied first (pg_restore
  // then runs in one transaction, but the emptying is not part of it).
  const client = await connect(url);
  try {
    await checkTarget(client, force);
    if (await hasAnyTable(client)) await client.query("BEGIN; DROP SCHEMA public CASCADE; CREATE SCHEMA public; COMMIT");
  } finally {
    await client.end();
  }
  const conn = libpq(url);
  const run = spawnSync("pg_restore", ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", `--dbname=${conn.url}`, file], { encoding: "utf8", env: conn.env });
  if (run.status !== 0) throw new BackupError(`pg_restore thất bại (mọi thay đổi của nó đã được hoàn tác): ${run.stderr.trim()}`);
  const applied = newer.length > 0 ? await applyMigrations(url) : [];
  return { format: "pg_dump", newerMigrations: applied };
}

// ---- The database the commands work on ---------------------------------------------------------------------------

/**
 * The owner's connection, as the launcher has it: MIGRATION_DATABASE_URL or DATABASE_URL, else the embedded server
 * (the running one when the app is up, otherwise started for the command and stopped after). `appRole` is the role
 * the app runs as, to grant again after a restore (null when the app shares the owner's role).
 */
export async function ownerDatabase() {
  if (process.env.DATABASE_URL) {
    const owner = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
    const app = userOf(process.env.DATABASE_URL);
    return { url: owner, appRole: app !== userOf(owner) ? app : null, stop: async () => {} };
  }
  const dataDir = path.resolve(ROOT, process.env.VANHOA_DATA_DIR ?? ".data");
  const started = await startEmbedded({
    dataDir: path.join(dataDir, "pg"), port: Number(process.env.VANHOA_PG_PORT ?? 54329), database: "vanhoa", reuseRunning: true,
  });
  return { url: started.url, appRole: APP_ROLE, stop: started.stop, dataDir };
}

/** Grants the app's role its privileges again (a restore recreates the tables); nothing when it does not exist yet. */
export async function regrantApp(ownerUrl, role) {
  if (!role) return false;
  const client = await connect(ownerUrl);
  const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]).finally(() => client.end());
  if (exists.rowCount === 0) return false;
  await grantAppPrivileges(ownerUrl, role);
  return true;
}
