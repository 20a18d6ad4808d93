#!/usr/bin/env node
// Runs a command with a ready database: uses DATABASE_URL when set, otherwise starts the embedded PostgreSQL
// (data in .data/pg, or $VANHOA_DATA_DIR), applies the committed migrations and seeds the demo commune into an empty
// database as the owner, then spawns the command with DATABASE_URL set to the app's least-privilege role and stops
// the database when the command ends.
//   node scripts/launch.mjs [--no-seed] -- <command> [args…]
// Roles: embedded — the owner "vanhoa" migrates and seeds, the app runs as "vanhoa_app" (password generated and kept
// in the data folder). Own server — MIGRATION_DATABASE_URL (owner) migrates, seeds and grants, DATABASE_URL (app role)
// runs the app; with DATABASE_URL alone both use that one role, as before (the log says so).
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import {
  APP_ROLE, ROOT, appRoleWarnings, applyMigrations, ensureAppRole, grantAppPrivileges, keptSecret, startEmbedded, userOf,
} from "./db-lib.mjs";

const argv = process.argv.slice(2);
const dash = argv.indexOf("--");
const flags = dash >= 0 ? argv.slice(0, dash) : argv;
const command = dash >= 0 ? argv.slice(dash + 1) : [];
const shouldSeed = !flags.includes("--no-seed");

const dataDir = path.resolve(ROOT, process.env.VANHOA_DATA_DIR ?? ".data");
let stopDb = async () => {};
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
// The owner's URL never reaches the command: only the launcher migrates, seeds and grants.
delete env.MIGRATION_DATABASE_URL;
const embedded = !process.env.DATABASE_URL;
/** Who migrates and seeds (the owner), and who the app runs as. */
let ownerUrl = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
let appUrl = process.env.DATABASE_URL;

if (embedded) {
  const port = Number(env.VANHOA_PG_PORT ?? 54329);
  const started = await startEmbedded({ dataDir: path.join(dataDir, "pg"), port, database: "vanhoa" });
  ownerUrl = started.url;
  stopDb = started.stop;
  console.log(`Cơ sở dữ liệu nhúng (PostgreSQL 17) đang chạy tại cổng ${port}, dữ liệu ở ${path.relative(ROOT, dataDir) || "."}/pg`);
  // The embedded demo keeps its own session secret; a real deployment must set NEXTAUTH_SECRET itself.
  if (!env.NEXTAUTH_SECRET) env.NEXTAUTH_SECRET = keptSecret(path.join(dataDir, "nextauth-secret"));
} else if (!env.NEXTAUTH_SECRET) {
  console.error("NEXTAUTH_SECRET chưa được đặt. Khi dùng DATABASE_URL riêng, hãy đặt NEXTAUTH_SECRET (một chuỗi ngẫu nhiên dài).");
  process.exit(1);
}

const stopAndExit = async (code) => {
  await stopDb().catch(() => {});
  process.exit(code);
};

try {
  const applied = await applyMigrations(ownerUrl);
  if (applied.length) console.log(`Đã áp dụng ${applied.length} migration: ${applied.join(", ")}`);
  if (shouldSeed) {
    const seedEnv = { ...env, DATABASE_URL: ownerUrl };
    const seed = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "scripts", "seed-if-empty.ts")], { stdio: "inherit", env: seedEnv, cwd: ROOT });
    if (seed.status !== 0) throw new Error("Seeding the demo data failed.");
  }
  // After the migrations, so tables they created are granted too.
  if (embedded) {
    appUrl = await ensureAppRole(ownerUrl, { role: APP_ROLE, password: keptSecret(path.join(dataDir, "db-app-password")) });
    console.log(`Ứng dụng kết nối bằng vai trò ${APP_ROLE} (chỉ đọc, ghi dữ liệu; không sở hữu bảng, không TRUNCATE); migration và dữ liệu mẫu chạy bằng vai trò ${userOf(ownerUrl)}.`);
  } else if (userOf(ownerUrl) !== userOf(appUrl)) {
    await grantAppPrivileges(ownerUrl, userOf(appUrl));
    console.log(`Ứng dụng kết nối bằng vai trò ${userOf(appUrl)} (DATABASE_URL); migration chạy bằng vai trò ${userOf(ownerUrl)} (MIGRATION_DATABASE_URL).`);
  } else {
    console.log(
      `Chỉ có một vai trò cơ sở dữ liệu (${userOf(appUrl)}): migration và ứng dụng dùng chung. Đặt MIGRATION_DATABASE_URL cho vai trò sở hữu ` +
        "và DATABASE_URL cho một vai trò chỉ đọc, ghi dữ liệu để cơ sở dữ liệu tự bảo vệ quyết định đã ban hành (xem README).",
    );
  }
  const warnings = await appRoleWarnings(appUrl);
  if (warnings.length > 0 && userOf(ownerUrl) !== userOf(appUrl)) {
    console.warn(`Cảnh báo: vai trò ${userOf(appUrl)} của ứng dụng ${warnings.join(", ")}; vai trò này có thể tắt các trigger bảo vệ dữ liệu.`);
  }
  env.DATABASE_URL = appUrl;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stopAndExit(1);
}

if (command.length === 0) await stopAndExit(0);

const child = spawn(command[0], command.slice(1), { stdio: "inherit", env, cwd: ROOT });
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => stopAndExit(code ?? (signal ? 1 : 0)));
