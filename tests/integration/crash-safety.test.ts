import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { searchTextOf, dedupeKeyOf } from "@/lib/text";
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { decisionIssueCase, householdImportCase, type DecisionIssueContext, type HouseholdImportContext } from "../support/crash/cases";
import { canKillDatabaseBackends, injectFault, runToCompletion, type Fault, type FaultReport, type Urls } from "../support/crash/harness";
import { makeActor, makeCommune, makeHamlet, resetDb, type HamletRow } from "../factories";
import type { Actor } from "@/lib/policy";

// Crash safety, for real: a child process runs the real issueDecision on a decision of 4,000 awards against this
// database, and is killed with SIGKILL in the middle of its transaction — the app server (the child) or the
// database backend serving it (PostgreSQL crashes and recovers from its WAL). Afterwards the database must hold all
// of the issue or none of it, and a restarted app must be able to issue it. tests/support/crash/harness.ts says how
// "in the middle" is proven; every fault injected is counted and listed at the end.

const HAMLETS = 4;
const HOUSEHOLDS_PER_HAMLET = 1000;

let fixture: { officer: Actor; leader: Actor; hamlets: { hamlet: HamletRow; householdIds: string[] }[] };
let importFixture: { officer: Actor; hamlet: HamletRow; file: string };
const IMPORT_HOUSEHOLDS = 20_000;
const importCrash = householdImportCase(() => importFixture, IMPORT_HOUSEHOLDS);
const crash = decisionIssueCase(() => fixture);
const urls: Urls = { owner: inject("databaseUrl"), app: inject("appDatabaseUrl") };
const reports: FaultReport[] = [];
let attempted = 0;
let canKillDatabase = false;
/** The decision the next fault works on: the same one while faults leave it undone, a fresh one after an "all". */
let context: DecisionIssueContext | null = null;

beforeAll(async () => {
  await resetDb();
  const commune = await makeCommune();
  const officer = await makeActor("OFFICER", { communeId: commune.id });
  const leader = await makeActor("LEADER", { communeId: commune.id });
  const hamlets = [];
  for (let i = 0; i < HAMLETS; i++) {
    const hamlet = await makeHamlet(commune.id);
    const rows = Array.from({ length: HOUSEHOLDS_PER_HAMLET }, (_, n) => {
      const headName = `Hộ Thử ${i}-${n}`;
      const address = `Số ${n}, ${hamlet.name}`;
      return { communeId: commune.id, hamletId: hamlet.id, headName, address, searchText: searchTextOf(headName, address), dedupeKey: dedupeKeyOf(headName, address) };
    });
    await db.household.createMany({ data: rows });
    const householdIds = (await db.household.findMany({ where: { hamletId: hamlet.id }, select: { id: true } })).map((h) => h.id);
    hamlets.push({ hamlet, householdIds });
  }
  fixture = { officer, leader, hamlets };
  const importCommune = await makeCommune();
  importFixture = {
    officer: await makeActor("OFFICER", { communeId: importCommune.id }),
    hamlet: await makeHamlet(importCommune.id),
    file: path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vanhoa-crash-import-")), "ho-gia-dinh.csv"),
  };
  canKillDatabase = await canKillDatabaseBackends(urls.owner);
}, 120_000);

afterAll(() => {
  // The closing note of SECURITY.md counts these.
  console.log(`[crash-safety] ${attempted} faults attempted, ${reports.length} injected (SIGKILL), ${reports.filter((r) => r.outcome === "none").length} left nothing, ` +
    `${reports.filter((r) => r.outcome === "all").length} left all, ${attempted - reports.length} failed (partial or not injected):\n${reports.map((r) => `  ${r.kind.padEnd(8)} ${r.at} → ${r.outcome} (killed after ${r.ms.untilKill} ms, checked ${r.ms.recovery} ms later)`).join("\n")}`);
});

let importContext: HouseholdImportContext | null = null;

async function importFault(f: Fault): Promise<FaultReport> {
  importContext ??= await importCrash.prepare();
  attempted++;
  const report = await injectFault(importCrash, importContext, f, urls);
  reports.push(report);
  if (report.outcome === "all") importContext = null;
  return report;
}

async function fault(f: Fault): Promise<FaultReport> {
  context ??= await crash.prepare();
  attempted++;
  const report = await injectFault(crash, context, f, urls);
  reports.push(report);
  // An issue that got through before the kill is final; the next fault needs a fresh draft.
  if (report.outcome === "all") context = null;
  return report;
}

describe("SIGKILL in the middle of issuing a decision of 4,000 awards", () => {
  it.each(crash.pausePoints)("the app server killed before it writes $before: nothing was issued", async (pause) => {
    const report = await fault({ kind: "app", pause });
    // Held mid-transaction, the child never sent COMMIT: PostgreSQL rolled everything back.
    expect(report.outcome).toBe("none");
  }, 120_000);

  it.each(crash.pausePoints)("the database backend killed before it writes $before: after WAL recovery nothing was issued", async (pause) => {
    if (!canKillDatabase) throw new Error("This process cannot signal the database server's processes (run the tests on this machine's server)");
    const report = await fault({ kind: "database", pause });
    expect(report.outcome).toBe("none");
  }, 120_000);

  it.each([0, 50, 200, 800])("the app server killed free-running, %i ms after its first write: all or nothing", async (delayMs) => {
    const report = await fault({ kind: "app", delayMs });
    expect(["all", "none"]).toContain(report.outcome);
  }, 120_000);

  it("the database backend killed free-running: all or nothing", async () => {
    if (!canKillDatabase) throw new Error("This process cannot signal the database server's processes (run the tests on this machine's server)");
    const report = await fault({ kind: "database", delayMs: 30 });
    expect(["all", "none"]).toContain(report.outcome);
  }, 120_000);

  it("after the faults, a restarted app issues the decision completely, once", async () => {
    context ??= await crash.prepare();
    const printed = await runToCompletion(crash, context, urls);
    expect(printed).toContain(`DONE {"id":"${context.decisionId}","awards":${context.achieved},"cancelled":0}`);
    const sql = new pg.Client({ connectionString: urls.owner });
    await sql.connect();
    try {
      expect(await crash.outcome(context, sql)).toBe("all");
    } finally {
      await sql.end();
    }
    // Every fault was injected mid-transaction, and none left a partial issue (outcome() throws on one).
    expect(reports).toHaveLength(2 * crash.pausePoints.length + 5);
  }, 120_000);
});

describe(`SIGKILL in the middle of importing ${IMPORT_HOUSEHOLDS.toLocaleString("en")} households`, () => {
  it.each(importCrash.pausePoints)("the app server killed before it writes $before: nothing was imported", async (pause) => {
    expect((await importFault({ kind: "app", pause })).outcome).toBe("none");
  }, 180_000);

  it.each(importCrash.pausePoints)("the database backend killed before it writes $before: after WAL recovery nothing was imported", async (pause) => {
    if (!canKillDatabase) throw new Error("This process cannot signal the database server's processes (run the tests on this machine's server)");
    expect((await importFault({ kind: "database", pause })).outcome).toBe("none");
  }, 180_000);

  it.each([0, 300])("the app server killed free-running, %i ms after its first write: all or nothing", async (delayMs) => {
    expect(["all", "none"]).toContain((await importFault({ kind: "app", delayMs })).outcome);
  }, 180_000);

  it("after the faults, a restarted app imports the file completely, once", async () => {
    importContext ??= await importCrash.prepare();
    await runToCompletion(importCrash, importContext, urls);
    const sql = new pg.Client({ connectionString: urls.owner });
    await sql.connect();
    try {
      expect(await importCrash.outcome(importContext, sql)).toBe("all");
    } finally {
      await sql.end();
    }
  }, 180_000);
});
