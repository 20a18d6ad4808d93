#!/usr/bin/env node
// Runs the Prisma CLI with the offline settings (see scripts/db-lib.mjs prismaCliEnv).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT, prismaCliEnv } from "./db-lib.mjs";

const args = process.argv.slice(2);
// `generate` never runs the engine; any existing file satisfies the CLI's check for it.
const extra = args[0] === "generate" ? { PRISMA_SCHEMA_ENGINE_BINARY: path.join(ROOT, "package.json") } : {};
const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "prisma"), args, { stdio: "inherit", env: prismaCliEnv(extra), cwd: ROOT });
process.exit(result.status ?? 1);
