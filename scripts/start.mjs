#!/usr/bin/env node
// `npm start`: builds the app when needed, then serves it (embedded database unless DATABASE_URL is set).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { ROOT } from "./db-lib.mjs";

const status = buildIfNeeded();
if (status !== 0) process.exit(status);

const port = process.env.PORT ?? "3000";
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
const run = spawnSync(process.execPath, [path.join(ROOT, "scripts", "launch.mjs"), "--", path.join(ROOT, "node_modules", ".bin", "next"), "start", "-p", port],
  { stdio: "inherit", cwd: ROOT, env: process.env });
process.exit(run.status ?? 1);
