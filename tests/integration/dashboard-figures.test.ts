import { beforeAll, describe, expect, it } from "vitest";
import { communeProgress, dashboardFigures } from "@/lib/dashboard/figures";
import { gapToTarget } from "@/lib/dashboard/rules";
import type { CommuneProgress, DashboardFigures } from "@/lib/dashboard/types";
import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import { compareVi } from "@/lib/text";
import { makeCouncil } from "../factories/council";
import { makeCampaignYear, makeReview, type YearRow } from "../factories/cycle";
import { makeHouseholdAwards } from "../factories/hamlet-title";
import { makeHamlet, makeHousehold, makeWorld, resetDb, type HamletRow, type World } from "../factories";

// The steering committee's figures against a year with known outcomes. Every figure is checked twice: against a
// hand-counted number, and against a count written here directly in SQL (joins, not the implementation's EXISTS).
//
// Commune C, campaign year 2024 (targets 90 / 90 / 100), hamlets sorted Vietnamese-aware:
//   Xóm Bản Chang (A): 10 active + 1 MOVED_OUT; 8 active + the moved-out one registered; review DECIDED by the
//     issued household decision: 7 đạt (awards a1–a7, a7 CANCELLED; the moved-out one also awarded), 1 không đạt
//     (B-criterion unmet), 1 không xét (E1), 1 not assessed → recognised 6.
//   Xóm Dạ (B): 5 active, 4 registered; review in NOTICE (posted 6/11, ends 16/11): 3 đạt, 1 không đạt (two codes).
//   Xóm Đồng Tâm (C): 3 active, nothing else.            Xóm Đèo (D): no households; hamlet title registered only.
//   Xóm Nà Mòn (E): 2 active; review at MEETING: 1 đạt.
//   Hamlet title: council entries A đạt (HamletAward ACTIVE, issued), B đạt (no award), C không đạt; D registered.
//   Agencies: 3; g1 đạt, g2 không đạt, g3 not registered.
//   2023: awards a1–a9 (+ the moved-out one), HamletAwards A and B (+ one CANCELLED for C).
// Commune D (the other) has its own 2024 with households, registrations, awards, agencies: never counted for C.

let w: World;
let y2024: YearRow;
let y2023: YearRow;
let A: HamletRow, B: HamletRow, C: HamletRow, D: HamletRow, E: HamletRow;
let standardCodes: string[];
const TODAY = utcDate(2024, 11, 10);

async function register(year: YearRow, households: { id: string; hamletId: string; communeId: string }[]) {
  await db.registration.createMany({
    data: households.map((h) => ({
      communeId: h.communeId, campaignYearId: year.id, householdId: h.id, hamletId: h.hamletId, registeredOn: utcDate(year.year, 2, 1),
    })),
  });
}

let hamletDecisionNumber = 500;
async function hamletAward(year: YearRow, hamlet: { id: string }, status: "ACTIVE" | "CANCELLED" = "ACTIVE") {
  const decision = await db.decision.create({
    data: {
      communeId: year.communeId, campaignYearId: year.id, subject: "HAMLET", kind: "AWARD", status: "ISSUED", number: ++hamletDecisionNumber,
      numberYear: year.year, issuedOn: utcDate(year.year, 12, 10), signerTitle: "CHỦ TỊCH", signerName: "Ma Văn Quyết", legalBasis: "Căn cứ Nghị định số 86/2023/NĐ-CP",
    },
    select: { id: true },
  });
  await db.hamletAward.create({ data: { communeId: year.communeId, hamletId: hamlet.id, campaignYearId: year.id, year: year.year, decisionId: decision.id, status } });
}

async function many(hamlet: HamletRow, n: number) {
  const rows = [];
  for (let i = 0; i < n; i++) rows.push(await makeHousehold(hamlet));
  return rows;
}

beforeAll(async () => {
  await resetDb();
  w = await makeWorld();
  const c = w.commune.id;
  A = await makeHamlet(c, { name: "Xóm Bản Chang" });
  B = await makeHamlet(c, { name: "Xóm Dạ" });
  C = await makeHamlet(c, { name: "Xóm Đồng Tâm" });
  D = await makeHamlet(c, { name: "Xóm Đèo" });
  E = await makeHamlet(c, { name: "Xóm Nà Mòn" });
  // The world's own hamlets A/B are not part of this scenario: move them to the other commune.
  await db.hamlet.updateMany({ where: { id: { in: [w.hamletA.id, w.hamletB.id] } }, data: { communeId: w.otherCommune.id } });
  await db.user.updateMany({ where: { hamletId: w.hamletA.id }, data: { hamletId: null } });

  y2023 = await makeCampaignYear(c, 2023);
  y2024 = await makeCampaignYear(c, 2024);
  standardCodes = (
    await db.criterion.findMany({ where: { criteriaSetId: y2024.criteriaSetId, kind: "STANDARD" }, orderBy: { position: "asc" }, select: { code: true } })
  ).map((r) => r.code);

  const a = await many(A, 10);
  const movedOut = await makeHousehold(A, { status: "MOVED_OUT" });
  const b = await many(B, 5);
  await many(C, 3);
  const e = await many(E, 2);

  await register(y2024, [...a.slice(0, 8), movedOut, ...b.slice(0, 4)]);
  await makeHouseholdAwards(y2024, [...a.slice(0, 7), movedOut], { cancelled: [a[6]!.id] });
  const householdDecision = await db.decision.findFirstOrThrow({ where: { campaignYearId: y2024.id, subject: "HOUSEHOLD" }, select: { id: true } });
  await makeReview(y2024, A, {
    status: "DECIDED", decisionId: householdDecision.id,
    assessments: [
      ...a.slice(0, 7).map((h) => ({ householdId: h.id, result: "ACHIEVED" as const })),
      { householdId: a[7]!.id, result: "NOT_ACHIEVED" as const, unmetCodes: [standardCodes[1]!] },
      { householdId: a[8]!.id, result: "EXCLUDED" as const, exclusions: ["E1" as const] },
    ],
  });
  await makeReview(y2024, B, {
    status: "NOTICE", noticePostedOn: utcDate(2024, 11, 6),
    assessments: [
      ...b.slice(0, 3).map((h) => ({ householdId: h.id, result: "ACHIEVED" as const })),
      { householdId: b[3]!.id, result: "NOT_ACHIEVED" as const, unmetCodes: [standardCodes[1]!, standardCodes[4]!] },
    ],
  });
  await makeReview(y2024, E, { status: "MEETING", assessments: [{ householdId: e[0]!.id, result: "ACHIEVED" }] });

  await makeCouncil(y2024, {
    status: "PROPOSED",
    entries: [{ hamlet: A, councilResult: "ACHIEVED" }, { hamlet: B, councilResult: "ACHIEVED" }, { hamlet: C, councilResult: "NOT_ACHIEVED" }],
  });
  await db.hamletTitleEntry.create({ data: { communeId: c, campaignYearId: y2024.id, hamletId: D.id, registeredOn: utcDate(2024, 3, 2) } });
  await hamletAward(y2024, A);

  const agencies = await Promise.all(
    ["Trường Mầm non", "Trạm Y tế", "Công ty Chè"].map((name, i) =>
      db.agency.create({ data: { communeId: c, name, kind: i === 2 ? "ENTERPRISE" : "PUBLIC_UNIT" }, select: { id: true } }),
    ),
  );
  await db.agencyYear.create({ data: { communeId: c, campaignYearId: y2024.id, agencyId: agencies[0]!.id, registeredOn: utcDate(2024, 2, 1), result: "ACHIEVED" } });
  await db.agencyYear.create({
    data: { communeId: c, campaignYearId: y2024.id, agencyId: agencies[1]!.id, registeredOn: utcDate(2024, 2, 1), result: "NOT_ACHIEVED", unmetCodes: ["T2"] },
  });

  // 2023: nine active households and the moved-out one awarded; hamlets A and B recognised, C's award cancelled.
  await makeHouseholdAwards(y2023, [...a.slice(0, 9), movedOut]);
  await hamletAward(y2023, A);
  await hamletAward(y2023, B);
  await hamletAward(y2023, C, "CANCELLED");

  // The other commune: its own year, households, awards, reviews and agencies.
  const z = await many(w.hamletZ, 4);
  const zYear = await makeCampaignYear(w.otherCommune.id, 2024);
  await register(zYear, z);
  await makeHouseholdAwards(zYear, z.slice(0, 3));
  await makeReview(zYear, w.hamletZ, { status: "NOTICE", assessments: [{ householdId: z[3]!.id, result: "NOT_ACHIEVED", unmetCodes: [standardCodes[1]!] }] });
  const zAgency = await db.agency.create({ data: { communeId: w.otherCommune.id, name: "Trường Tiểu học", kind: "PUBLIC_UNIT" }, select: { id: true } });
  await db.agencyYear.create({ data: { communeId: w.otherCommune.id, campaignYearId: zYear.id, agencyId: zAgency.id, registeredOn: utcDate(2024, 2, 1), result: "ACHIEVED" } });
  await hamletAward(zYear, w.hamletZ);
});

// ---- Counts written directly in SQL --------------------------------------------------------------------------------

type PerHamlet = Map<string, number>;
const toMap = (rows: { hamletId: string; n: number }[]): PerHamlet => new Map(rows.map((r) => [r.hamletId, r.n]));

async function sqlHouseholds(communeId: string, yearId: string) {
  const [total, registered, recognised, provisional] = await Promise.all([
    db.$queryRaw<{ hamletId: string; n: number }[]>`
      SELECT "hamletId", count(*)::int AS n FROM "Household" WHERE "communeId" = ${communeId}::uuid AND "status" = 'ACTIVE' GROUP BY 1`,
    db.$queryRaw<{ hamletId: string; n: number }[]>`
      SELECT hh."hamletId", count(DISTINCT r."id")::int AS n FROM "Registration" r JOIN "Household" hh ON hh."id" = r."householdId"
      WHERE r."campaignYearId" = ${yearId}::uuid AND hh."status" = 'ACTIVE' AND hh."communeId" = ${communeId}::uuid GROUP BY 1`,
    db.$queryRaw<{ hamletId: string; n: number }[]>`
      SELECT hh."hamletId", count(DISTINCT a."id")::int AS n FROM "TitleAward" a JOIN "Household" hh ON hh."id" = a."householdId"
      JOIN "Decision" d ON d."id" = a."decisionId"
      WHERE a."campaignYearId" = ${yearId}::uuid AND a."status" = 'ACTIVE' AND d."status" = 'ISSUED' AND hh."status" = 'ACTIVE'
        AND hh."communeId" = ${communeId}::uuid GROUP BY 1`,
    db.$queryRaw<{ hamletId: string; n: number }[]>`
      SELECT hh."hamletId", count(DISTINCT s."householdId")::int AS n FROM "Assessment" s
      JOIN "HamletReview" rv ON rv."id" = s."hamletReviewId" JOIN "Household" hh ON hh."id" = s."householdId"
      LEFT JOIN "TitleAward" a ON a."householdId" = s."householdId" AND a."campaignYearId" = rv."campaignYearId"
      WHERE rv."campaignYearId" = ${yearId}::uuid AND rv."status" <> 'DECIDED' AND s."result" = 'ACHIEVED' AND a."id" IS NULL
        AND hh."status" = 'ACTIVE' AND hh."communeId" = ${communeId}::uuid GROUP BY 1`,
  ]);
  return { total: toMap(total), registered: toMap(registered), recognised: toMap(recognised), provisional: toMap(provisional) };
}

const sumOf = (m: PerHamlet) => [...m.values()].reduce((s, n) => s + n, 0);
const rate = (n: number, d: number) => (d === 0 ? null : Math.round((1000 * n) / d) / 10);

async function one(query: Promise<{ n: number }[]>): Promise<number> {
  return (await query)[0]!.n;
}

async function sqlHamletTitles(communeId: string, yearId: string) {
  return {
    total: await one(db.$queryRaw`SELECT count(*)::int AS n FROM "Hamlet" WHERE "communeId" = ${communeId}::uuid`),
    registered: await one(db.$queryRaw`
      SELECT count(*)::int AS n FROM "HamletTitleEntry" e JOIN "Hamlet" h ON h."id" = e."hamletId"
      WHERE e."campaignYearId" = ${yearId}::uuid AND e."registeredOn" IS NOT NULL AND h."communeId" = ${communeId}::uuid`),
    recognised: await one(db.$queryRaw`
      SELECT count(*)::int AS n FROM "HamletAward" ha JOIN "Hamlet" h ON h."id" = ha."hamletId"
      WHERE ha."campaignYearId" = ${yearId}::uuid AND ha."status" = 'ACTIVE' AND h."communeId" = ${communeId}::uuid`),
    provisional: await one(db.$queryRaw`
      SELECT count(*)::int AS n FROM "HamletTitleEntry" e JOIN "Hamlet" h ON h."id" = e."hamletId"
      WHERE e."campaignYearId" = ${yearId}::uuid AND e."result" = 'ACHIEVED' AND h."communeId" = ${communeId}::uuid
        AND e."hamletId" NOT IN (SELECT "hamletId" FROM "HamletAward" WHERE "campaignYearId" = ${yearId}::uuid)`),
  };
}

async function sqlAgencies(communeId: string, yearId: string) {
  return {
    total: await one(db.$queryRaw`SELECT count(*)::int AS n FROM "Agency" WHERE "communeId" = ${communeId}::uuid`),
    registered: await one(db.$queryRaw`
      SELECT count(*)::int AS n FROM "AgencyYear" ay JOIN "Agency" ag ON ag."id" = ay."agencyId"
      WHERE ay."campaignYearId" = ${yearId}::uuid AND ag."communeId" = ${communeId}::uuid`),
    recognised: await one(db.$queryRaw`
      SELECT count(*)::int AS n FROM "AgencyYear" ay JOIN "Agency" ag ON ag."id" = ay."agencyId"
      WHERE ay."campaignYearId" = ${yearId}::uuid AND ag."communeId" = ${communeId}::uuid AND ay."result" = 'ACHIEVED'`),
    provisional: 0,
  };
}

async function checkAgainstSql(progress: CommuneProgress, communeId: string, yearId: string) {
  const hh = await sqlHouseholds(communeId, yearId);
  const households = {
    total: sumOf(hh.total), registered: sumOf(hh.registered), recognised: sumOf(hh.recognised), provisional: sumOf(hh.provisional),
  };
  expect(progress.households).toEqual({ ...households, rate: rate(households.recognised, households.total) });
  const hamlets = await sqlHamletTitles(communeId, yearId);
  expect(progress.hamlets).toEqual({ ...hamlets, rate: rate(hamlets.recognised, hamlets.total) });
  const agencies = await sqlAgencies(communeId, yearId);
  expect(progress.agencies).toEqual({ ...agencies, rate: rate(agencies.recognised, agencies.total) });
  const names = await db.$queryRaw<{ id: string; name: string }[]>`SELECT "id", "name" FROM "Hamlet" WHERE "communeId" = ${communeId}::uuid`;
  expect(progress.byHamlet.map((h) => h.id).sort()).toEqual(names.map((h) => h.id).sort());
  for (const row of progress.byHamlet) {
    const total = hh.total.get(row.id) ?? 0;
    const recognised = hh.recognised.get(row.id) ?? 0;
    expect(row).toEqual({
      id: row.id, name: names.find((n) => n.id === row.id)!.name, total, registered: hh.registered.get(row.id) ?? 0, recognised,
      provisional: hh.provisional.get(row.id) ?? 0, rate: rate(recognised, total),
    });
  }
}

// ---- communeProgress --------------------------------------------------------------------------------------------

describe("communeProgress", () => {
  it("gives every figure as counted in SQL", async () => {
    const progress = (await communeProgress(w.commune.id, 2024))!;
    await checkAgainstSql(progress, w.commune.id, y2024.id);
    const other = (await communeProgress(w.otherCommune.id, 2024))!;
    const zYear = await db.campaignYear.findFirstOrThrow({ where: { communeId: w.otherCommune.id, year: 2024 }, select: { id: true } });
    await checkAgainstSql(other, w.otherCommune.id, zYear.id);
    await checkAgainstSql((await communeProgress(w.commune.id, 2023))!, w.commune.id, y2023.id);
  });

  it("gives the hand-counted figures of the scenario", async () => {
    const p = (await communeProgress(w.commune.id, 2024))!;
    expect(p.year).toBe(2024);
    expect(p.targets).toEqual({ households: 90, hamlets: 90, agencies: 100 });
    // Active households only: the moved-out household's registration and award count nowhere; a7's award is cancelled.
    expect(p.households).toEqual({ total: 20, registered: 12, recognised: 6, provisional: 4, rate: 30 });
    expect(p.hamlets).toEqual({ total: 5, registered: 4, recognised: 1, provisional: 1, rate: 20 });
    expect(p.agencies).toEqual({ total: 3, registered: 2, recognised: 1, provisional: 0, rate: 33.3 });
    expect(p.byHamlet.map((h) => h.name)).toEqual(["Xóm Bản Chang", "Xóm Dạ", "Xóm Đèo", "Xóm Đồng Tâm", "Xóm Nà Mòn"]);
    expect(p.byHamlet.map((h) => h.name)).toEqual(p.byHamlet.map((h) => h.name).sort(compareVi));
    const [a, b, d, c, e] = p.byHamlet;
    expect(a).toEqual({ id: A.id, name: "Xóm Bản Chang", total: 10, registered: 8, recognised: 6, provisional: 0, rate: 60 });
    expect(b).toMatchObject({ id: B.id, total: 5, registered: 4, recognised: 0, provisional: 3, rate: 0 });
    expect(c).toMatchObject({ id: C.id, total: 3, registered: 0, recognised: 0, provisional: 0, rate: 0 });
    expect(d).toMatchObject({ id: D.id, total: 0, registered: 0, recognised: 0, provisional: 0, rate: null });
    expect(e).toMatchObject({ id: E.id, total: 2, registered: 0, recognised: 0, provisional: 1, rate: 0 });
  });

  it("never counts another commune's rows", async () => {
    const p = (await communeProgress(w.otherCommune.id, 2024))!;
    // hamletZ (4 households) plus the world's hamlets moved there (empty).
    expect(p.households).toEqual({ total: 4, registered: 4, recognised: 3, provisional: 0, rate: 75 });
    expect(p.hamlets).toMatchObject({ total: 3, recognised: 1 });
    expect(p.agencies).toMatchObject({ total: 1, registered: 1, recognised: 1 });
    expect(p.byHamlet.map((h) => h.id)).not.toContain(A.id);
  });

  it("returns null for a year the commune has not opened", async () => {
    expect(await communeProgress(w.commune.id, 2019)).toBeNull();
    expect(await communeProgress(w.commune.id, 2024.5)).toBeNull();
  });
});

// ---- dashboardFigures -------------------------------------------------------------------------------------------

async function sqlReviews(yearId: string) {
  return db.$queryRaw<
    { hamletId: string; status: string; meetingDate: Date; noticePostedOn: Date | null; noticeEndsOn: Date | null; decidedOn: Date | null; assessed: number; achieved: number; notAchieved: number; excluded: number }[]
  >`
    SELECT rv."hamletId", rv."status"::text AS status, rv."meetingDate", rv."noticePostedOn", rv."noticeEndsOn", d."issuedOn" AS "decidedOn",
      (SELECT count(*)::int FROM "Assessment" s WHERE s."hamletReviewId" = rv."id") AS assessed,
      (SELECT count(*)::int FROM "Assessment" s WHERE s."hamletReviewId" = rv."id" AND s."result" = 'ACHIEVED') AS achieved,
      (SELECT count(*)::int FROM "Assessment" s WHERE s."hamletReviewId" = rv."id" AND s."result" = 'NOT_ACHIEVED') AS "notAchieved",
      (SELECT count(*)::int FROM "Assessment" s WHERE s."hamletReviewId" = rv."id" AND s."result" = 'EXCLUDED') AS excluded
    FROM "HamletReview" rv LEFT JOIN "Decision" d ON d."id" = rv."decisionId" WHERE rv."campaignYearId" = ${yearId}::uuid`;
}

const ceilTarget = (pct: number, total: number) => Math.ceil((pct * total) / 100 - 1e-9);

describe("dashboardFigures", () => {
  let f: DashboardFigures;
  beforeAll(async () => {
    f = (await dashboardFigures(w.commune.id, 2024, { today: TODAY }))!;
  });

  it("contains communeProgress unchanged", async () => {
    const p = (await communeProgress(w.commune.id, 2024))!;
    expect({ year: f.year, targets: f.targets, households: f.households, hamlets: f.hamlets, agencies: f.agencies, byHamlet: f.byHamlet }).toEqual(p);
    expect(f.hamletId).toBeNull();
    expect(f.today).toEqual(TODAY);
  });

  it("gives each hamlet's review counts, status and dates as in SQL", async () => {
    const reviews = await sqlReviews(y2024.id);
    expect(f.hamletFigures.map((h) => h.id)).toEqual(f.byHamlet.map((h) => h.id));
    for (const h of f.hamletFigures) {
      const r = reviews.find((x) => x.hamletId === h.id);
      expect({ assessed: h.assessed, achieved: h.achieved, notAchieved: h.notAchieved, excluded: h.excluded }).toEqual({
        assessed: r?.assessed ?? 0, achieved: r?.achieved ?? 0, notAchieved: r?.notAchieved ?? 0, excluded: r?.excluded ?? 0,
      });
      expect(h.review?.status ?? null).toBe(r?.status ?? null);
      expect(h.review?.meetingDate ?? null).toEqual(r?.meetingDate ?? null);
      expect(h.review?.noticeEndsOn ?? null).toEqual(r?.noticeEndsOn ?? null);
      expect(h.review?.decidedOn ?? null).toEqual(r?.decidedOn ?? null);
      expect(h.gap.official).toBe(Math.max(0, ceilTarget(90, h.total) - h.recognised));
      expect(h.gap.withProvisional).toBe(Math.max(0, ceilTarget(90, h.total) - h.recognised - h.provisional));
    }
  });

  it("gives the hand-counted per-hamlet figures", () => {
    const [a, b, d, c, e] = f.hamletFigures;
    expect(a).toMatchObject({ assessed: 9, achieved: 7, notAchieved: 1, excluded: 1, gap: { official: 3, withProvisional: 3 } });
    expect(a!.review).toMatchObject({ status: "DECIDED", meetingDate: utcDate(2024, 11, 5), decidedOn: utcDate(2024, 12, 5) });
    expect(a!.review!.acceptedAt).toBeInstanceOf(Date);
    expect(b).toMatchObject({ assessed: 4, achieved: 3, notAchieved: 1, excluded: 0, gap: { official: 5, withProvisional: 2 } });
    expect(b!.review).toMatchObject({ status: "NOTICE", noticePostedOn: utcDate(2024, 11, 6), noticeEndsOn: utcDate(2024, 11, 16), submittedAt: null, decidedOn: null });
    expect(b!.deadlines).toEqual({ meetingOverdue: false, submissionOverdue: false, noticeDaysLeft: 6 });
    expect(c).toMatchObject({ assessed: 0, review: null, gap: { official: 3, withProvisional: 3 } });
    expect(d).toMatchObject({ assessed: 0, review: null, gap: { official: 0, withProvisional: 0 } });
    expect(e).toMatchObject({ assessed: 1, achieved: 1, gap: { official: 2, withProvisional: 1 } });
    expect(e!.review).toMatchObject({ status: "MEETING", noticePostedOn: null });
    expect(f.householdsGap).toEqual({ official: 12, withProvisional: 8 });
    expect(f.hamletsGap).toEqual({ official: 4, withProvisional: 3 });
    expect(f.agenciesGap).toBe(2);
  });

  it("gives each hamlet's 'Xóm văn hóa' file", async () => {
    const entries = await db.$queryRaw<{ hamletId: string; registeredOn: Date | null; result: string | null }[]>`
      SELECT "hamletId", "registeredOn", "result"::text AS result FROM "HamletTitleEntry" WHERE "campaignYearId" = ${y2024.id}::uuid`;
    for (const h of f.hamletFigures) {
      const entry = entries.find((x) => x.hamletId === h.id);
      expect(h.title?.registeredOn ?? null).toEqual(entry?.registeredOn ?? null);
      expect(h.title?.result ?? null).toBe(entry?.result ?? null);
    }
    const byId = new Map(f.hamletFigures.map((h) => [h.id, h]));
    expect(byId.get(A.id)!.title).toMatchObject({ result: "ACHIEVED", councilResult: "ACHIEVED", award: { status: "ACTIVE", issuedOn: utcDate(2024, 12, 10) } });
    expect(byId.get(B.id)!.title).toMatchObject({ result: "ACHIEVED", award: null });
    expect(byId.get(C.id)!.title).toMatchObject({ result: "NOT_ACHIEVED", award: null });
    expect(byId.get(D.id)!.title).toMatchObject({ registeredOn: utcDate(2024, 3, 2), reportedOn: null, result: null, award: null });
    expect(byId.get(E.id)!.title).toBeNull();
    expect(f.council).toMatchObject({ status: "PROPOSED", noticeEndsOn: utcDate(2024, 11, 25) });
  });

  it("counts completeness and the days left as of today", async () => {
    const counted = await db.$queryRaw<{ withoutMeeting: number; withoutNotice: number; notSubmitted: number; notDecided: number }[]>`
      SELECT
        count(*) FILTER (WHERE rv."id" IS NULL)::int AS "withoutMeeting",
        count(*) FILTER (WHERE rv."noticePostedOn" IS NULL)::int AS "withoutNotice",
        count(*) FILTER (WHERE rv."status" IS NULL OR rv."status" NOT IN ('SUBMITTED', 'ACCEPTED', 'DECIDED'))::int AS "notSubmitted",
        count(*) FILTER (WHERE rv."status" IS DISTINCT FROM 'DECIDED')::int AS "notDecided"
      FROM "Hamlet" h LEFT JOIN "HamletReview" rv ON rv."hamletId" = h."id" AND rv."campaignYearId" = ${y2024.id}::uuid
      WHERE h."communeId" = ${w.commune.id}::uuid`;
    expect(f.completeness).toMatchObject({ hamlets: 5, ...counted[0] });
    expect(f.completeness).toMatchObject({ withoutMeeting: 2, withoutNotice: 3, notSubmitted: 4, notDecided: 4 });
    expect(f.completeness.meetingDeadline).toEqual({ date: utcDate(2024, 11, 15), daysLeft: 5, overdue: false });
    expect(f.completeness.reviewDeadline).toEqual({ date: utcDate(2024, 11, 25), daysLeft: 15, overdue: false });
    expect(f.completeness.notices).toEqual([{ hamletId: B.id, name: "Xóm Dạ", endsOn: utcDate(2024, 11, 16), daysLeft: 6, ended: false }]);

    const late = (await dashboardFigures(w.commune.id, 2024, { today: utcDate(2024, 11, 26) }))!;
    expect(late.completeness.meetingDeadline).toMatchObject({ daysLeft: -11, overdue: true });
    expect(late.completeness.reviewDeadline).toMatchObject({ daysLeft: -1, overdue: true });
    expect(late.completeness.notices[0]).toMatchObject({ daysLeft: -10, ended: true });
    const byId = new Map(late.hamletFigures.map((h) => [h.id, h.deadlines]));
    expect(byId.get(A.id)).toEqual({ meetingOverdue: false, submissionOverdue: false, noticeDaysLeft: null });
    expect(byId.get(B.id)).toEqual({ meetingOverdue: false, submissionOverdue: true, noticeDaysLeft: -10 });
    expect(byId.get(C.id)).toEqual({ meetingOverdue: true, submissionOverdue: true, noticeDaysLeft: null });
  });

  it("gives the three official rates of every year, from SQL", async () => {
    const active = await one(db.$queryRaw`SELECT count(*)::int AS n FROM "Household" WHERE "communeId" = ${w.commune.id}::uuid AND "status" = 'ACTIVE'`);
    const expected = [];
    for (const y of [y2023, y2024]) {
      const hh = await sqlHouseholds(w.commune.id, y.id);
      const hamlets = await sqlHamletTitles(w.commune.id, y.id);
      const agencies = await sqlAgencies(w.commune.id, y.id);
      expected.push({
        year: y.year, targets: { households: 90, hamlets: 90, agencies: 100 }, households: rate(sumOf(hh.recognised), active),
        hamlets: rate(hamlets.recognised, hamlets.total), agencies: rate(agencies.recognised, agencies.total),
      });
    }
    expect(f.yearOverYear).toEqual(expected);
    expect(f.yearOverYear).toEqual([
      { year: 2023, targets: { households: 90, hamlets: 90, agencies: 100 }, households: 45, hamlets: 40, agencies: 0 },
      { year: 2024, targets: { households: 90, hamlets: 90, agencies: 100 }, households: 30, hamlets: 20, agencies: 33.3 },
    ]);
  });

  it("counts why households fail, with the criterion text and no names", async () => {
    const criteria = await db.criterion.findMany({ where: { criteriaSetId: y2024.criteriaSetId }, select: { code: true, text: true, kind: true, category: true } });
    const unmet = await db.$queryRaw<{ code: string; n: number }[]>`
      SELECT c."code", count(s."id")::int AS n FROM "Criterion" c
      JOIN "Assessment" s ON c."code" = ANY(s."unmetCodes")
      JOIN "HamletReview" rv ON rv."id" = s."hamletReviewId" AND rv."campaignYearId" = ${y2024.id}::uuid
      WHERE c."criteriaSetId" = ${y2024.criteriaSetId}::uuid GROUP BY c."code"`;
    expect(f.failures.unmet.map((u) => [u.code, u.count]).sort()).toEqual(unmet.map((u) => [u.code, u.n]).sort());
    expect(f.failures.unmet).toEqual([
      { code: standardCodes[1], text: criteria.find((c) => c.code === standardCodes[1])!.text, count: 2 },
      { code: standardCodes[4], text: criteria.find((c) => c.code === standardCodes[4])!.text, count: 1 },
    ]);
    const e1 = criteria.find((c) => c.kind === "EXCLUSION" && c.category === "E1")!.text;
    expect(f.failures.exclusions.map((x) => [x.code, x.count])).toEqual([["E1", 1], ["E2", 0], ["E3", 0], ["E4", 0]]);
    expect(f.failures.exclusions[0]!.text).toBe(e1);
    expect(JSON.stringify(f.failures)).not.toMatch(/Chủ Hộ/);
  });

  it("limits the figures to one hamlet for a hamlet head: its households, its years; the commune-wide titles stay", async () => {
    const own = (await dashboardFigures(w.commune.id, 2024, { hamletId: B.id, today: TODAY }))!;
    expect(own.hamletId).toBe(B.id);
    expect(own.byHamlet.map((h) => h.id)).toEqual([B.id]);
    expect(own.hamletFigures.map((h) => h.id)).toEqual([B.id]);
    const row = f.byHamlet.find((h) => h.id === B.id)!;
    expect(own.byHamlet[0]).toEqual(row);
    // The households headline is the hamlet's own, counted in SQL; the gap is to the hamlet's target count.
    const hh = await sqlHouseholds(w.commune.id, y2024.id);
    expect(own.households).toEqual({
      total: hh.total.get(B.id) ?? 0, registered: hh.registered.get(B.id) ?? 0, recognised: hh.recognised.get(B.id) ?? 0,
      provisional: hh.provisional.get(B.id) ?? 0, rate: row.rate,
    });
    expect(own.householdsGap.official).toBe(gapToTarget(90, row.total, row.recognised));
    expect(own.hamlets).toEqual(f.hamlets);
    expect(own.agencies).toEqual(f.agencies);
    // Year over year: the hamlet's household rate per year, from SQL.
    for (const y of [y2023, y2024]) {
      const rows = await sqlHouseholds(w.commune.id, y.id);
      expect(own.yearOverYear.find((r) => r.year === y.year)!.households).toBe(rate(rows.recognised.get(B.id) ?? 0, row.total));
    }
    expect(own.completeness).toMatchObject({ hamlets: 1, withoutMeeting: 0, withoutNotice: 0, notSubmitted: 1, notDecided: 1 });
    expect(own.failures.unmet.map((u) => [u.code, u.count])).toEqual([[standardCodes[1], 1], [standardCodes[4], 1]]);
    expect(own.failures.exclusions.every((x) => x.count === 0)).toBe(true);
    // Another commune's hamlet is no hamlet of this commune.
    expect(await dashboardFigures(w.commune.id, 2024, { hamletId: w.hamletZ.id })).toBeNull();
  });

  it("returns null for an unknown year and counts nothing of another commune", async () => {
    expect(await dashboardFigures(w.commune.id, 2019, {})).toBeNull();
    const other = (await dashboardFigures(w.otherCommune.id, 2024, { today: TODAY }))!;
    expect(other.yearOverYear.map((y) => y.year)).toEqual([2024]);
    expect(other.failures.unmet).toEqual([{ code: standardCodes[1], text: expect.any(String), count: 1 }]);
    expect(other.failures.exclusions.every((x) => x.count === 0)).toBe(true);
    expect(other.hamletFigures.find((h) => h.id === w.hamletZ.id)).toMatchObject({ assessed: 1, notAchieved: 1, achieved: 0 });
    expect(other.council).toBeNull();
  });
});
