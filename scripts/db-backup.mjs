#!/usr/bin/env node
// `npm run db:backup [-- FILE]`: backs the database up (scripts/backup-lib.mjs): the embedded one when DATABASE_URL is
// unset, otherwise MIGRATION_DATABASE_URL or DATABASE_URL. Without FILE: .data/backups/vanhoa-<date>-<time>.<ext>.
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./db-lib.mjs";
import { BackupError, backupDatabase, chooseFormat, ownerDatabase } from "./backup-lib.mjs";

const args = process.argv.slice(2).filter((a) => a !== "--");
const db = await ownerDatabase();
let code = 0;
try {
  const format = await chooseFormat(db.url);
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const file = path.resolve(args[0] ?? path.join(db.dataDir ?? path.join(ROOT, ".data"), "backups", `vanhoa-${stamp}.${format === "pg_dump" ? "dump" : "vhbak"}`));
  const result = await backupDatabase(db.url, file, { format });
  const size = (fs.statSync(file).size / 1024 / 1024).toFixed(1);
  if (result.format === "pg_dump") {
    console.log(`Đã sao lưu cơ sở dữ liệu vào ${file} (pg_dump, định dạng custom, ${size} MB).`);
  } else {
    const tables = Object.values(result.tables);
    const rows = tables.reduce((n, t) => n + t.rows, 0);
    console.log(`Đã sao lưu cơ sở dữ liệu vào ${file} (định dạng vanhoa, ${tables.length} bảng, ${rows} dòng, ${size} MB).`);
  }
} catch (error) {
  console.error(error instanceof BackupError ? error.message : `Sao lưu thất bại: ${error instanceof Error ? error.message : error}`);
  code = 1;
} finally {
  await db.stop().catch(() => {});
}
process.exit(code);
