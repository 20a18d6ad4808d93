#!/usr/bin/env node
// `npm start`: builds the app when needed, then serves it (embedded database unless DATABASE_URL is set).
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { ROOT } from "./db-lib.mjs";

const status = buildIfNeeded();
if (status !== 0) process.exit(status);

const port = process.env.PORT ?? "3000";
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
const child = spawn(process.execPath, [path.join(ROOT, "scripts", "launch.mjs"), "--", path.join(ROOT, "node_modules", ".bin", "next"), "start", "-p", port],
  { stdio: "inherit", cwd: ROOT, env: process.env });
// Stopping this process stops the server and its database too.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
