import { afterAll, inject } from "vitest";
import { isLocalUrl } from "../../scripts/db-lib.mjs";
import { db } from "@/lib/db";

// Runs in every integration worker before its test file: points lib/db.ts at the database that the global setup
// migrated (never at a developer's DATABASE_URL), and closes the pool when the file is done.
const url = inject("databaseUrl");
if (!url || !isLocalUrl(url)) throw new Error("The integration database URL is missing or not local.");
process.env.DATABASE_URL = url;

afterAll(async () => {
  await db.$disconnect();
});
