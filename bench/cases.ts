// The in-process benchmarks: each times the app's own code path against its floor, after checking that both give
// the same figures (a fast wrong answer is not a result).

import assert from "node:assert/strict";
import pg from "pg";
import { utcDate } from "@/lib/dates";
import { dashboardFigures, provinceProgress } from "@/lib/dashboard/figures";
import { ratePct } from "@/lib/dashboard/rules";
import { assessRemaining, saveMeeting } from "@/lib/review/service";
import { CURRENT_YEAR, PROVINCE, REFERENCE_CODE } from "./generate";
import { DASHBOARD_FLOOR_SQL, PROVINCE_FLOOR_SQL } from "./floors";
import { median, pair, time } from "./measure";
import { scratchCommune, scratchHamlet } from "./scratch";

export type Figure = { name: string; size: string; median_ms: number; floor_ms: number | null; ratio: number | null; goal: string; unit: string; runs: number; note?: string };

export async function referenceCommuneId(client: pg.ClientBase): Promise<string> {
  const { rows } = await client.query(`SELECT "id" FROM "Commune" WHERE "code" = $1`, [REFERENCE_CODE]);
  if (!rows[0]) throw new Error("The dataset has no reference commune: run npm run bench:data first.");
  return rows[0].id as string;
}

/** The commune dashboard's data (dashboardFigures, the page's server-side work) vs one SQL statement. */
export async function dashboardCase(client: pg.ClientBase, size: string, runs: number): Promise<Figure> {
  const communeId = await referenceCommuneId(client);
  const app = () => dashboardFigures(communeId, CURRENT_YEAR);
  const floor = () => client.query(DASHBOARD_FLOOR_SQL, [communeId, CURRENT_YEAR]);
  const figures = (await app())!;
  const raw = (await floor()).rows[0].figures as { byHamlet: { id: string; total: number; registered: number; recognised: number; provisional: number }[]; years: { year: number; households: number }[] };
  assert.deepEqual(
    figures.byHamlet.map(({ id, total, registered, recognised, provisional }) => ({ id, total, registered, recognised, provisional })).sort((a, b) => a.id.localeCompare(b.id)),
    raw.byHamlet.map(({ id, total, registered, recognised, provisional }) => ({ id, total, registered, recognised, provisional })).sort((a, b) => a.id.localeCompare(b.id)),
    "dashboard and floor disagree on the households per hamlet",
  );
  for (const y of raw.years) {
    const rate = figures.yearOverYear.find((r) => r.year === y.year)?.households;
    assert.equal(rate, ratePct(y.households, figures.households.total), `year ${y.year} rate`);
  }
  const p = await pair(app, floor, runs, 5);
  return { name: "commune dashboard data", size, median_ms: p.medianA, floor_ms: p.medianB, ratio: p.ratio, goal: "<=1.5", unit: "ms", runs };
}

/** Every commune's three rates for a province viewer vs one SQL statement over the raw rows. */
export async function provinceCase(client: pg.ClientBase, size: string, runs: number): Promise<Figure> {
  const app = () => provinceProgress(PROVINCE, CURRENT_YEAR);
  const floor = () => client.query(PROVINCE_FLOOR_SQL, [PROVINCE, CURRENT_YEAR]);
  const figures = await app();
  const raw = (await floor()).rows as { id: string; householdsTotal: number; householdsRecognised: number; hamletsRecognised: number; agenciesRecognised: number }[];
  assert.deepEqual(
    figures.communes.map((c) => [c.id, c.households.total, c.households.recognised, c.hamlets.recognised, c.agencies.recognised]).sort(),
    raw.map((r) => [r.id, r.householdsTotal, r.householdsRecognised, r.hamletsRecognised, r.agenciesRecognised]).sort(),
    "province roll-up and floor disagree",
  );
  const p = await pair(app, floor, runs, 2);
  return { name: "province roll-up", size, median_ms: p.medianA, floor_ms: p.medianB, ratio: p.ratio, goal: "<=2", unit: "ms", runs, note: `${figures.communes.length} communes` };
}

const MEETING_HOUSEHOLDS = 150;

/**
 * "Ghi kết quả cho các hộ còn lại" for a 150-household meeting (the service: scope, rule set, violations on record,
 * each result from the rule, one transaction with its audit row and the summary triggers) vs one multi-row INSERT
 * of the same 150 rows into a like review. Each run gets fresh hamlets.
 */
export async function meetingCase(client: pg.ClientBase, size: string, runs: number): Promise<Figure> {
  const scratch = await scratchCommune();
  const ruleIds = (await client.query(`SELECT "ruleSetId", "criteriaSetId" FROM "CampaignYear" WHERE "id" = $1`, [scratch.yearId])).rows[0];
  const meeting = (hamletId: string) => saveMeeting(scratch.officer, CURRENT_YEAR, hamletId, undefined, {
    meetingDate: utcDate(CURRENT_YEAR, 11, 10), meetingPlace: "Nhà văn hóa", chairName: "Trưởng xóm", secretaryName: "Thư ký",
    invitedCount: MEETING_HOUSEHOLDS, presentCount: 120, ballotMethod: "SHOW_OF_HANDS",
  });
  const appTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const a = await scratchHamlet(client, scratch, MEETING_HOUSEHOLDS);
    const ra = await meeting(a.hamletId);
    const ta = await time(async () => assert.equal((await assessRemaining(scratch.officer, ra.id, { votesFor: 115, votesAgainst: 2 })).count, MEETING_HOUSEHOLDS));
    const b = await scratchHamlet(client, scratch, MEETING_HOUSEHOLDS);
    const rb = await meeting(b.hamletId);
    const tb = await time(() => client.query(
      `INSERT INTO "Assessment" ("communeId", "id", "hamletReviewId", "householdId", "unmetCodes", "exclusions", "votesFor", "votesAgainst", "result", "meetingResult", "ruleSetId", "criteriaSetId", "updatedById", "updatedAt")
       SELECT $1, gen_random_uuid(), $2, h, '{}', '{}', 115, 2, 'ACHIEVED', 'ACHIEVED', $3, $4, $5, now() FROM unnest($6::uuid[]) AS h`,
      [scratch.communeId, rb.id, ruleIds.ruleSetId, ruleIds.criteriaSetId, scratch.officer.id, b.householdIds],
    ));
    if (i >= 2) {
      appTimes.push(ta);
      floorTimes.push(tb);
    }
  }
  const m = median(appTimes);
  const f = median(floorTimes);
  return { name: "save a 150-household meeting", size, median_ms: m, floor_ms: f, ratio: m / f, goal: "<=3", unit: "ms", runs };
}
