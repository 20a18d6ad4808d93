#!/usr/bin/env node
// Runs a command with a ready database: uses DATABASE_URL when set, otherwise starts the embedded PostgreSQL
// (data in .data/pg, or $VANHOA_DATA_DIR), applies the committed migrations, seeds the demo commune into an empty
// database, then spawns the command with DATABASE_URL set and stops the database when the command ends.
//   node scripts/launch.mjs [--no-seed] -- <command> [args…]
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ROOT, applyMigrations, startEmbedded } from "./db-lib.mjs";

const argv = process.argv.slice(2);
const dash = argv.indexOf("--");
const flags = dash >= 0 ? argv.slice(0, dash) : argv;
const command = dash >= 0 ? argv.slice(dash + 1) : [];
const shouldSeed = !flags.includes("--no-seed");

const dataDir = path.resolve(ROOT, process.env.VANHOA_DATA_DIR ?? ".data");
let stopDb = async () => {};
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

if (!env.DATABASE_URL) {
  const port = Number(env.VANHOA_PG_PORT ?? 54329);
  const started = await startEmbedded({ dataDir: path.join(dataDir, "pg"), port, database: "vanhoa" });
  env.DATABASE_URL = started.url;
  stopDb = started.stop;
  console.log(`Cơ sở dữ liệu nhúng (PostgreSQL 17) đang chạy tại cổng ${port}, dữ liệu ở ${path.relative(ROOT, dataDir) || "."}/pg`);
  // The embedded demo keeps its own session secret; a real deployment must set NEXTAUTH_SECRET itself.
  if (!env.NEXTAUTH_SECRET) {
    const secretFile = path.join(dataDir, "nextauth-secret");
    if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
    env.NEXTAUTH_SECRET = fs.readFileSync(secretFile, "utf8").trim();
  }
} else if (!env.NEXTAUTH_SECRET) {
  console.error("NEXTAUTH_SECRET chưa được đặt. Khi dùng DATABASE_URL riêng, hãy đặt NEXTAUTH_SECRET (một chuỗi ngẫu nhiên dài).");
  process.exit(1);
}

const stopAndExit = async (code) => {
  await stopDb().catch(() => {});
  process.exit(code);
};

try {
  const applied = await applyMigrations(env.DATABASE_URL);
  if (applied.length) console.log(`Đã áp dụng ${applied.length} migration: ${applied.join(", ")}`);
  if (shouldSeed) {
    const seed = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "scripts", "seed-if-empty.ts")], { stdio: "inherit", env, cwd: ROOT });
    if (seed.status !== 0) throw new Error("Seeding the demo data failed.");
  }
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
