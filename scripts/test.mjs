#!/usr/bin/env node
// `npm test`: every tier in turn — unit (vitest), integration (vitest on a real PostgreSQL), end-to-end
// (Playwright in Chromium against `next start`) — each printing its own summary, then one closing line for all.
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { ROOT } from "./db-lib.mjs";

const bin = (name) => path.join(ROOT, "node_modules", ".bin", name);
// Runners write to a pipe here; plain text keeps CI logs readable.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
if (!process.stdout.isTTY) {
  delete env.FORCE_COLOR;
  env.NO_COLOR = "1";
}

/** Reads a runner's own summary: vitest "Tests  3 failed | 52 passed (55)", Playwright "  52 passed (1.2m)". */
function counts(name, text) {
  const scope = name === "end-to-end" ? text : (/^\s*Tests\s+(.*)$/m.exec(text)?.[1] ?? "");
  const n = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(scope)?.[1] ?? 0);
  return { passed: n("passed"), failed: n("failed") };
}

function runTier(name, command, args) {
  return new Promise((resolve) => {
    console.log(`\n=== ${name} ===`);
    const started = Date.now();
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      output = (output + chunk.toString()).slice(-20_000);
    });
    child.on("close", (code) => {
      const { passed, failed } = counts(name, output.replace(/\x1b\[[0-9;]*m/g, ""));
      resolve({ name, code: code ?? 1, passed, failed, seconds: (Date.now() - started) / 1000 });
    });
  });
}

const results = [];
results.push(await runTier("unit", bin("vitest"), ["run", "--project", "unit"]));
results.push(await runTier("integration", bin("vitest"), ["run", "--project", "integration"]));
console.log("\n=== build ===");
const buildStatus = buildIfNeeded();
if (buildStatus === 0) results.push(await runTier("end-to-end", bin("playwright"), ["test"]));
else results.push({ name: "end-to-end", code: buildStatus, passed: 0, failed: 1, seconds: 0 });

console.log("\n=== summary ===");
for (const r of results) {
  console.log(`${r.name.padEnd(12)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(1)} s${r.code !== 0 && r.failed === 0 ? `  (exit ${r.code})` : ""}`);
}
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed + (r.code !== 0 && r.failed === 0 ? 1 : 0), 0);
console.log(`${passed} passed, ${failed} failed`);
// A tier that reports a failure fails the run whatever its exit code said.
process.exit(failed === 0 && results.every((r) => r.code === 0) ? 0 : 1);
