#!/usr/bin/env node
// `npm start`: builds the app when there is no build (or sources changed), then serves it on the database.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./db-lib.mjs";

const buildId = path.join(ROOT, ".next", "BUILD_ID");
const SOURCES = ["app", "components", "lib", "proxy.ts", "next.config.ts", "package.json", "postcss.config.mjs"];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
if (builtAt === 0 || SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > builtAt)) {
  console.log("Đang build ứng dụng (lần đầu mất khoảng một phút)…");
  const build = spawnSync(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], { stdio: "inherit", cwd: ROOT, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? "3000";
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
const run = spawnSync(process.execPath, [path.join(ROOT, "scripts", "launch.mjs"), "--", path.join(ROOT, "node_modules", ".bin", "next"), "start", "-p", port],
  { stdio: "inherit", cwd: ROOT, env: process.env });
process.exit(run.status ?? 1);
