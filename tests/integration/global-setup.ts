import crypto from "node:crypto";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { APP_ROLE, ROOT, applyMigrations, ensureAppRole, isLocalUrl, resetSchema, startEmbedded } from "../../scripts/db-lib.mjs";

// Prepares the integration database once per run: a local PostgreSQL (TEST_DATABASE_URL, or an embedded server
// of its own in .data/pg-test), its `public` schema dropped and rebuilt from the committed migrations, and the app's
// least-privilege role granted on it as the launcher does. The tests themselves connect as the owner (factories
// write fixtures and truncate); tests of the app role's limits use appDatabaseUrl.
// The developer's DATABASE_URL is deliberately ignored: this setup wipes the database it is given.

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** The same database as the app's least-privilege role (scripts/db-lib.mjs ensureAppRole), as `next start` uses it. */
    appDatabaseUrl: string;
  }
}

// VANHOA_TEST_PG_PORT lets two checkouts on one machine run their suites side by side.
const EMBEDDED = { dataDir: path.join(ROOT, ".data", "pg-test"), port: Number(process.env.VANHOA_TEST_PG_PORT ?? 54339), database: "vanhoa_test" };

/** Refuses anything but a local database whose name says it is for tests. */
function assertSafeTarget(url: string): void {
  if (!isLocalUrl(url)) {
    throw new Error(`Integration tests refuse to run against a non-local database (host "${new URL(url).hostname}"). Use localhost.`);
  }
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!/test/i.test(name)) {
    throw new Error(`Integration tests wipe their database; its name must contain "test" (got "${name}").`);
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let stop: () => Promise<void> = async () => {};
  let url = process.env.TEST_DATABASE_URL;
  let appUrl = "";
  if (!url) {
    const started = await startEmbedded(EMBEDDED);
    url = started.url;
    stop = started.stop;
  }
  try {
    assertSafeTarget(url);
    await resetSchema(url);
    await applyMigrations(url);
    appUrl = await ensureAppRole(url, { role: APP_ROLE, password: crypto.randomBytes(24).toString("base64url") });
  } catch (error) {
    await stop();
    throw error;
  }
  // Test workers read it through inject() (tests/integration/setup.ts); lib/db.ts reads process.env lazily.
  project.provide("databaseUrl", url);
  project.provide("appDatabaseUrl", appUrl);
  process.env.DATABASE_URL = url;
  return async () => {
    await stop();
  };
}
