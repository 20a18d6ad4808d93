import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { seedDemo } from "@/prisma/seed";
import {
  ArchiveWriter, BackupError, MAGIC, backupDatabase, readArchive, regrantApp, restoreDatabase, verifyArchive,
} from "../../scripts/backup-lib.mjs";
import { APP_ROLE, ROOT, applyMigrations, migrationFolders, withCredentials } from "../../scripts/db-lib.mjs";

// Backup and restore (scripts/backup-lib.mjs, npm run db:backup / db:restore): the demo commune is backed up from
// one database and restored into a fresh one on the same server; every table must come back with the same rows.
// Damaged, forged and foreign archives are refused with a clear message and leave the target as it was.

const ownerUrl = inject("databaseUrl");
const appUrl = inject("appDatabaseUrl");
const urlOf = (database: string) => {
  const u = new URL(ownerUrl);
  u.pathname = `/${database}`;
  return u.toString();
};
const SOURCE = "vanhoa_test_backup_source";
const TARGET = "vanhoa_test_backup_target";
const SPARE = "vanhoa_test_backup_spare";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vanhoa-backup-"));
const archive = path.join(dir, "demo.vhbak");

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function freshDatabase(name: string) {
  await withClient(ownerUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
}

/** Every application table's row count and the MD5 of its rows in a fixed order (the rows' own text: not every table has an id). */
async function fingerprint(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  return withClient(url, async (c) => {
    const { rows: tables } = await c.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
    );
    const result: Record<string, { rows: number; md5: string }> = {};
    for (const { name } of tables) {
      const { rows } = await c.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(to_jsonb(t)::text, E'\\n' ORDER BY to_jsonb(t)::text), '')) AS md5 FROM "${name}" t`);
      result[name] = { rows: rows[0].n, md5: rows[0].md5 };
    }
    return result;
  });
}

/** The checksum of the decisions: MD5 over the ordered rows of Decision, TitleAward, HamletAward, CancellationItem. */
async function decisionsChecksum(url: string): Promise<string> {
  return withClient(url, async (c) => {
    const { rows } = await c.query(`SELECT md5(
      (SELECT string_agg(to_jsonb(t)::text, E'\\n' ORDER BY t."id") FROM "Decision" t) ||
      (SELECT string_agg(to_jsonb(t)::text, E'\\n' ORDER BY t."id") FROM "TitleAward" t) ||
      (SELECT string_agg(to_jsonb(t)::text, E'\\n' ORDER BY t."id") FROM "HamletAward" t) ||
      (SELECT string_agg(to_jsonb(t)::text, E'\\n' ORDER BY t."id") FROM "CancellationItem" t)) AS md5`);
    return rows[0].md5 as string;
  });
}

/** What a refused restore must leave alone: the data, and no stray staging schema. */
async function state(url: string) {
  const schemas = await withClient(url, async (c) =>
    (await c.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'vanhoa_%' OR nspname = 'public' ORDER BY 1`)).rows.map((r) => r.nspname));
  return { schemas, data: await fingerprint(url) };
}

/** Copies an archive frame by frame, letting `edit` change one table's COPY text; recomputes every checksum. */
async function forge(source: string, target: string, edit: { header?: (h: Record<string, unknown>) => void; table?: string; data?: (text: string) => string }) {
  const writer = new ArchiveWriter(target);
  const tables: Record<string, { rows: number; sha256: string }> = {};
  let current: { name: string; text: string } | null = null;
  for await (const event of readArchive(source)) {
    if (event.type === "header") {
      edit.header?.(event.header);
      await writer.write(MAGIC);
      await writer.line(`H ${JSON.stringify(event.header)}`);
    } else if (event.type === "table") current = { name: event.name!, text: "" };
    else if (event.type === "data") current!.text += event.chunk!.toString("utf8");
    else if (event.type === "end") {
      const text = current!.name === edit.table && edit.data ? edit.data(current!.text) : current!.text;
      const bytes = Buffer.from(text, "utf8");
      await writer.line(`T ${current!.name}`);
      if (bytes.length > 0) {
        await writer.line(`D ${bytes.length}`);
        await writer.write(bytes);
      }
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const rows = text.split("\n").length - 1;
      await writer.line(`E ${rows} ${sha256}`);
      tables[current!.name] = { rows, sha256 };
    } else if (event.type === "manifest") await writer.close({ tables, sequences: event.manifest.sequences });
  }
}

const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(BackupError);
  return (error as Error).message;
};

beforeAll(async () => {
  for (const name of [SOURCE, TARGET, SPARE]) await freshDatabase(name);
  await applyMigrations(urlOf(SOURCE));
  const source = new PrismaClient({ adapter: new PrismaPg({ connectionString: urlOf(SOURCE) }) });
  try {
    expect((await seedDemo(source)).seeded).toBe(true);
  } finally {
    await source.$disconnect();
  }
}, 180_000);

afterAll(async () => {
  for (const name of [SOURCE, TARGET, SPARE]) await withClient(ownerUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("backing up the demo commune and restoring it into a fresh database", () => {
  it("brings back every table's rows and the decisions unchanged, with triggers, sequences and the app role's grants", async () => {
    const result = await backupDatabase(urlOf(SOURCE), archive, { format: "vanhoa" });
    expect(result.format).toBe("vanhoa");
    const { header, manifest } = await verifyArchive(archive);
    expect(header.migrations.map((m: { name: string }) => m.name)).toEqual(migrationFolders());
    const source = await fingerprint(urlOf(SOURCE));
    expect(Object.keys(manifest.tables).sort()).toEqual(Object.keys(source).sort());
    for (const [name, t] of Object.entries(source)) expect(manifest.tables[name].rows, name).toBe(t.rows);
    expect(source.TitleAward!.rows).toBeGreaterThan(100);
    expect(source.CancellationItem!.rows).toBeGreaterThan(0);

    const lastAuditId = await withClient(urlOf(SOURCE), async (c) => (await c.query(`SELECT max("id")::int AS id FROM "AuditLog"`)).rows[0].id as number);
    const restored = await restoreDatabase(urlOf(TARGET), archive);
    expect(restored).toMatchObject({ format: "vanhoa", newerMigrations: [], triggers: expect.stringContaining("replica") });
    expect(await fingerprint(urlOf(TARGET))).toEqual(source);
    expect(await decisionsChecksum(urlOf(TARGET))).toBe(await decisionsChecksum(urlOf(SOURCE)));

    // The restored database protects its decisions as the original does.
    await withClient(urlOf(TARGET), async (c) => {
      const issued = (await c.query(`SELECT "id" FROM "Decision" WHERE "status" = 'ISSUED' LIMIT 1`)).rows[0].id;
      await expect(c.query(`UPDATE "Decision" SET "signerName" = 'x' WHERE "id" = $1`, [issued])).rejects.toMatchObject({ code: "VH001" });
      await expect(c.query(`DELETE FROM "AuditLog"`)).rejects.toMatchObject({ code: "VH002" });
    });
    // The app's role reads and writes again after the grants are renewed, and new ids follow the restored ones.
    expect(await regrantApp(urlOf(TARGET), APP_ROLE)).toBe(true);
    const appTarget = withCredentials(urlOf(TARGET), APP_ROLE, decodeURIComponent(new URL(appUrl).password));
    await withClient(appTarget, async (c) => {
      const { rows } = await c.query(
        `INSERT INTO "AuditLog" ("actorUsername", "action", "entityType", "entityId") VALUES ('restore-test', 'probe', 'Test', 'x') RETURNING "id"::int AS id`,
      );
      expect(rows[0].id).toBe(lastAuditId + 1);
      await expect(c.query(`TRUNCATE "AuditLog"`)).rejects.toMatchObject({ code: "42501" });
    });
  }, 180_000);

  it("refuses a database that holds data, unless --force; with --force replaces it whole", async () => {
    const before = await state(urlOf(TARGET));
    expect(await refusal(restoreDatabase(urlOf(TARGET), archive))).toMatch(/^Cơ sở dữ liệu đích đang có dữ liệu \(\d+ dòng trong \d+ bảng\).*--force/);
    expect(await state(urlOf(TARGET))).toEqual(before);

    await restoreDatabase(urlOf(TARGET), archive, { force: true });
    expect(await fingerprint(urlOf(TARGET))).toEqual(await fingerprint(urlOf(SOURCE)));
  }, 180_000);

  it("works from the command line with DATABASE_URL", () => {
    const file = path.join(dir, "cli.vhbak");
    const env = { ...process.env, DATABASE_URL: urlOf(SOURCE), MIGRATION_DATABASE_URL: "", VANHOA_BACKUP_FORMAT: "vanhoa" };
    const backup = spawnSync(process.execPath, [path.join(ROOT, "scripts", "db-backup.mjs"), file], { env, encoding: "utf8" });
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^Đã sao lưu cơ sở dữ liệu vào .*cli\.vhbak \(định dạng vanhoa, \d+ bảng, \d+ dòng/);
    const again = spawnSync(process.execPath, [path.join(ROOT, "scripts", "db-restore.mjs"), file], { env, encoding: "utf8" });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("đang có dữ liệu");
    expect(again.stderr).not.toMatch(/at .*\.mjs:\d+/);
  }, 60_000);
});

describe("a damaged or foreign archive is refused, and the target stays as it was", () => {
  const bytes = () => fs.readFileSync(archive);
  const cases: [string, () => Buffer | Promise<string>, RegExp][] = [
    ["a truncated archive", () => bytes().subarray(0, Math.floor(bytes().length * 0.6)), /^Tệp sao lưu bị hỏng hoặc không đầy đủ \(.+\)\. Không khôi phục gì; cơ sở dữ liệu đích giữ nguyên\.$/],
    ["an archive cut just before its manifest", () => spliceTail(), /hỏng hoặc không đầy đủ/],
    ["an archive with one byte changed", () => {
      const b = Buffer.from(bytes());
      const at = Math.floor(b.length / 2);
      b[at] = b[at]! ^ 0xff;
      return b;
    }, /hỏng hoặc không đầy đủ/],
    ["a file that is no archive", () => Buffer.from("SELECT 1;\n"), /không phải tệp sao lưu/],
    ["an archive made by another version of the app (an unknown migration)", async () => {
      const file = path.join(dir, "future.vhbak");
      await forge(archive, file, { header: (h) => (h.migrations as unknown[]).push({ name: "20991231000000_from_the_future", checksum: "0" }) });
      return file;
    }, /phiên bản khác của ứng dụng: migration 20991231000000_from_the_future/],
    // Consistent checksums, so it passes the first reading; its data breaks a primary key while loading: the
    // transaction and the staging schema must leave nothing behind.
    ["a well-formed archive whose data break a constraint", async () => {
      const file = path.join(dir, "duplicate.vhbak");
      await forge(archive, file, { table: "Household", data: (text) => text.split("\n")[0] + "\n" + text });
      return file;
    }, /Household_pkey/],
  ];

  /** The archive's decompressed frames without the manifest line, recompressed: complete tables, no ending. */
  function spliceTail(): Buffer {
    const text = zlib.gunzipSync(bytes());
    const at = text.lastIndexOf(Buffer.from("\nM {"));
    return zlib.gzipSync(text.subarray(0, at + 1));
  }

  it.each(cases)("%s", async (_label, make, message) => {
    const made = await make();
    const file = typeof made === "string" ? made : path.join(dir, "damaged.vhbak");
    if (typeof made !== "string") fs.writeFileSync(file, made);
    // A database with data (replaced only with --force) and a fresh one.
    const withData = await state(urlOf(TARGET));
    const fresh = await state(urlOf(SPARE));
    const refused = await restoreDatabase(urlOf(TARGET), file, { force: true }).then(() => null, (e: Error) => e);
    expect(refused?.message).toMatch(message);
    expect(refused?.message).not.toMatch(/\n\s+at /);
    await expect(restoreDatabase(urlOf(SPARE), file)).rejects.toThrow(message);
    expect(await state(urlOf(TARGET))).toEqual(withData);
    expect(await state(urlOf(SPARE))).toEqual(fresh);
  }, 120_000);
});
