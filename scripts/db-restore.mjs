#!/usr/bin/env node
// `npm run db:restore -- FILE [--force]`: restores a backup made by db:backup into the database (the embedded one
// when DATABASE_URL is unset, otherwise MIGRATION_DATABASE_URL or DATABASE_URL), in one transaction. A database that
// holds data is refused unless --force; a damaged file, or one made by a different version of the app, is refused
// before anything is touched.
import { BackupError, ownerDatabase, regrantApp, restoreDatabase } from "./backup-lib.mjs";

const args = process.argv.slice(2).filter((a) => a !== "--");
const force = args.includes("--force");
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("Cách dùng: npm run db:restore -- TỆP [--force]");
  process.exit(2);
}
const db = await ownerDatabase();
let code = 0;
try {
  const result = await restoreDatabase(db.url, file, { force });
  if (result.format === "vanhoa") {
    const tables = Object.values(result.tables);
    console.log(`Đã khôi phục ${file}: ${tables.length} bảng, ${tables.reduce((n, t) => n + t.rows, 0)} dòng, ${result.migrations} migration của bản sao lưu.`);
  } else {
    console.log(`Đã khôi phục ${file} bằng pg_restore.`);
  }
  if (result.newerMigrations.length > 0) console.log(`Đã áp dụng thêm ${result.newerMigrations.length} migration mới hơn: ${result.newerMigrations.join(", ")}`);
  if (await regrantApp(db.url, db.appRole)) console.log(`Đã cấp lại quyền đọc, ghi dữ liệu cho vai trò ${db.appRole}.`);
} catch (error) {
  console.error(error instanceof BackupError ? error.message : `Khôi phục thất bại, không có gì thay đổi: ${error instanceof Error ? error.message : error}`);
  code = 1;
} finally {
  await db.stop().catch(() => {});
}
process.exit(code);
