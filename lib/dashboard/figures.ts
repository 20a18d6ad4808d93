import "server-only";
import { CATEGORY_LABEL } from "@/lib/review/labels";
import { db } from "@/lib/db";
import { todayInVietnam } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { compareVi } from "@/lib/text";
import { daysLeft, gapToTarget, isOverdue, ratePct } from "./rules";
import type {
  CommuneProgress, CommuneRates, Completeness, DashboardFigures, FailureCount, HamletFigures, HamletProgress, HamletReviewState,
  HamletTitleState, ProvinceProgress, RateFigure, ResultCode, ReviewStatusCode, TitleProgress, YearRates,
} from "./types";
import { isYear } from "@/lib/validation";

// The steering committee's figures (issue 5, DOMAIN.md §7), counted by PostgreSQL: every query below aggregates
// (COUNT … FILTER, GROUP BY, unnest) and returns at most one row per hamlet or per year; no household, award or
// assessment row is read into JavaScript. The households' year figures come from HamletYearSummary, which database
// triggers keep equal to the definitions below (tests/integration/summaries.test.ts holds them to it). Callers
// authorise: they pass the commune (and hamlet) the actor may see.
//
// Definitions (the official denominator is every ACTIVE household, GSO's "tỷ lệ gia đình văn hóa"):
// - households of a hamlet are the ACTIVE households now in it; a household that moved out counts nowhere;
// - registered: a Registration of the year; recognised: an ACTIVE TitleAward of the year under an ISSUED decision;
//   provisional: ACHIEVED at a review of the year that is not DECIDED, and no award of the year yet;
// - hamlets: registered = entry with registeredOn; recognised = ACTIVE HamletAward of the year; provisional =
//   entry ACHIEVED without any HamletAward of the year (council voted, not decided);
// - agencies: registered = AgencyYear of the year; recognised = its result ACHIEVED (no yearly decision); provisional 0.

type YearRow = {
  id: string;
  year: number;
  targetHouseholdsPct: number;
  targetHamletsPct: number;
  targetAgenciesPct: number;
  meetingDeadline: Date;
  reviewDeadline: Date;
  criteriaSetId: string;
};

async function findYear(communeId: string, year: number): Promise<YearRow | null> {
  if (!isYear(year)) return null;
  return db.campaignYear.findUnique({
    where: { communeId_year: { communeId, year } },
    select: {
      id: true, year: true, targetHouseholdsPct: true, targetHamletsPct: true, targetAgenciesPct: true, meetingDeadline: true,
      reviewDeadline: true, criteriaSetId: true,
    },
  });
}

type Counts = { total: number; registered: number; recognised: number; provisional: number };

function progress(c: Counts): TitleProgress {
  return { ...c, rate: ratePct(c.recognised, c.total) };
}

/**
 * Households per hamlet of the commune: the ACTIVE households counted from the index, the year's figures from the
 * HamletYearSummary rows that the database keeps in step with every write (migration 20261203120000).
 */
function householdsByHamlet(communeId: string, yearId: string) {
  return db.$queryRaw<(Counts & { hamletId: string })[]>`
    SELECT hh."hamletId" AS "hamletId", hh."total" AS "total",
      COALESCE(s."registered", 0) AS "registered", COALESCE(s."recognised", 0) AS "recognised", COALESCE(s."provisional", 0) AS "provisional"
    FROM (
      SELECT "hamletId", COUNT(*)::int AS "total" FROM "Household"
      WHERE "communeId" = ${communeId}::uuid AND "status" = 'ACTIVE' GROUP BY "hamletId"
    ) hh
    LEFT JOIN "HamletYearSummary" s ON s."hamletId" = hh."hamletId" AND s."campaignYearId" = ${yearId}::uuid`;
}

/** The commune's hamlets ("Xóm văn hóa"): one aggregate over the hamlets with their entry and award of the year. */
async function hamletTitleCounts(communeId: string, yearId: string): Promise<Counts> {
  const [row] = await db.$queryRaw<Counts[]>`
    SELECT COUNT(*)::int AS "total",
      COUNT(*) FILTER (WHERE e."registeredOn" IS NOT NULL)::int AS "registered",
      COUNT(*) FILTER (WHERE ha."status" = 'ACTIVE' AND d."status" = 'ISSUED')::int AS "recognised",
      COUNT(*) FILTER (WHERE e."result" = 'ACHIEVED' AND ha."id" IS NULL)::int AS "provisional"
    FROM "Hamlet" h
    LEFT JOIN "HamletTitleEntry" e ON e."hamletId" = h."id" AND e."campaignYearId" = ${yearId}::uuid
    LEFT JOIN "HamletAward" ha ON ha."hamletId" = h."id" AND ha."campaignYearId" = ${yearId}::uuid
    LEFT JOIN "Decision" d ON d."id" = ha."decisionId"
    WHERE h."communeId" = ${communeId}::uuid`;
  return row ?? { total: 0, registered: 0, recognised: 0, provisional: 0 };
}

/** The commune's agencies, units and businesses: their AgencyYear of the year and its result. */
async function agencyCounts(communeId: string, yearId: string): Promise<Counts> {
  const [row] = await db.$queryRaw<Omit<Counts, "provisional">[]>`
    SELECT COUNT(*)::int AS "total",
      COUNT(ay."id")::int AS "registered",
      COUNT(*) FILTER (WHERE ay."result" = 'ACHIEVED')::int AS "recognised"
    FROM "Agency" ag
    LEFT JOIN "AgencyYear" ay ON ay."agencyId" = ag."id" AND ay."campaignYearId" = ${yearId}::uuid
    WHERE ag."communeId" = ${communeId}::uuid`;
  return { ...(row ?? { total: 0, registered: 0, recognised: 0 }), provisional: 0 };
}

function sum(rows: Counts[]): Counts {
  return rows.reduce(
    (acc, r) => ({
      total: acc.total + r.total, registered: acc.registered + r.registered, recognised: acc.recognised + r.recognised,
      provisional: acc.provisional + r.provisional,
    }),
    { total: 0, registered: 0, recognised: 0, provisional: 0 },
  );
}

type Base = { campaignYear: YearRow; progress: CommuneProgress };

async function computeProgress(communeId: string, campaignYear: YearRow, hamletId: string | null): Promise<Base> {
  const [hamletRows, perHamlet, hamlets, agencies] = await Promise.all([
    db.hamlet.findMany({ where: { communeId }, select: { id: true, name: true } }),
    householdsByHamlet(communeId, campaignYear.id),
    hamletTitleCounts(communeId, campaignYear.id),
    agencyCounts(communeId, campaignYear.id),
  ]);
  const counts = new Map(perHamlet.map((r) => [r.hamletId, r]));
  const byHamlet: HamletProgress[] = hamletRows
    .filter((h) => hamletId === null || h.id === hamletId)
    .sort((a, b) => compareVi(a.name, b.name))
    .map((h) => {
      const c = counts.get(h.id) ?? { total: 0, registered: 0, recognised: 0, provisional: 0 };
      return { id: h.id, name: h.name, ...progress({ total: c.total, registered: c.registered, recognised: c.recognised, provisional: c.provisional }) };
    });
  return {
    campaignYear,
    progress: {
      year: campaignYear.year,
      targets: { households: campaignYear.targetHouseholdsPct, hamlets: campaignYear.targetHamletsPct, agencies: campaignYear.targetAgenciesPct },
      households: progress(sum(perHamlet)),
      hamlets: progress(hamlets),
      agencies: progress(agencies),
      byHamlet,
    },
  };
}

/**
 * The year's progress against its targets (the JSON API's body): households, hamlets and agencies recognised out of
 * their official totals, with registered and provisional counts, and the households figures per hamlet (sorted by
 * name). Null when the commune has no campaign year `year`.
 */
export async function communeProgress(communeId: string, year: number): Promise<CommuneProgress | null> {
  const campaignYear = await findYear(communeId, year);
  if (!campaignYear) return null;
  return (await computeProgress(communeId, campaignYear, null)).progress;
}

// ---- The dashboard ----------------------------------------------------------------------------------------------

type ReviewRow = {
  hamletId: string;
  status: ReviewStatusCode;
  meetingDate: Date;
  noticePostedOn: Date | null;
  noticeEndsOn: Date | null;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  decidedOn: Date | null;
  assessed: number;
  achieved: number;
  notAchieved: number;
  excluded: number;
};

/** Each hamlet's review of the year with its assessment counts (one row per review). */
function reviewsOfYear(yearId: string) {
  return db.$queryRaw<ReviewRow[]>`
    SELECT rv."hamletId" AS "hamletId", rv."status"::text AS "status", rv."meetingDate" AS "meetingDate",
      rv."noticePostedOn" AS "noticePostedOn", rv."noticeEndsOn" AS "noticeEndsOn", rv."submittedAt" AS "submittedAt",
      rv."acceptedAt" AS "acceptedAt", d."issuedOn" AS "decidedOn",
      COUNT(s."id")::int AS "assessed",
      COUNT(s."id") FILTER (WHERE s."result" = 'ACHIEVED')::int AS "achieved",
      COUNT(s."id") FILTER (WHERE s."result" = 'NOT_ACHIEVED')::int AS "notAchieved",
      COUNT(s."id") FILTER (WHERE s."result" = 'EXCLUDED')::int AS "excluded"
    FROM "HamletReview" rv
    LEFT JOIN "Assessment" s ON s."hamletReviewId" = rv."id"
    LEFT JOIN "Decision" d ON d."id" = rv."decisionId" AND d."status" = 'ISSUED'
    WHERE rv."campaignYearId" = ${yearId}::uuid
    GROUP BY rv."id", d."issuedOn"`;
}

type TitleRow = {
  hamletId: string;
  registeredOn: Date | null;
  reportedOn: Date | null;
  result: ResultCode | null;
  councilResult: ResultCode | null;
  awardStatus: "ACTIVE" | "CANCELLED" | null;
  awardIssuedOn: Date | null;
};

/** Each hamlet's "Xóm văn hóa" entry and award of the year (one row per hamlet that has either). */
function titlesOfYear(yearId: string) {
  return db.$queryRaw<TitleRow[]>`
    SELECT COALESCE(e."hamletId", ha."hamletId") AS "hamletId", e."registeredOn" AS "registeredOn", e."reportedOn" AS "reportedOn",
      e."result"::text AS "result", e."councilResult"::text AS "councilResult",
      ha."status"::text AS "awardStatus", d."issuedOn" AS "awardIssuedOn"
    FROM (SELECT * FROM "HamletTitleEntry" WHERE "campaignYearId" = ${yearId}::uuid) e
    FULL JOIN (SELECT * FROM "HamletAward" WHERE "campaignYearId" = ${yearId}::uuid) ha ON ha."hamletId" = e."hamletId"
    LEFT JOIN "Decision" d ON d."id" = ha."decisionId"`;
}

/**
 * The three official rates of every campaign year of the commune: one grouped query per title across the years.
 * With `hamletId` (a hamlet head's view) the households' rate is that hamlet's.
 */
async function yearOverYear(communeId: string, activeHouseholds: number, hamletId: string | null): Promise<YearRates[]> {
  const inHamlet = hamletId === null ? Prisma.empty : Prisma.sql`AND s."hamletId" = ${hamletId}::uuid`;
  const [years, households, hamlets, agencies] = await Promise.all([
    db.campaignYear.findMany({
      where: { communeId },
      select: { year: true, targetHouseholdsPct: true, targetHamletsPct: true, targetAgenciesPct: true },
      orderBy: { year: "asc" },
    }),
    db.$queryRaw<{ year: number; recognised: number }[]>`
      SELECT cy."year" AS "year", COALESCE(SUM(s."recognised"), 0)::int AS "recognised"
      FROM "CampaignYear" cy
      LEFT JOIN "HamletYearSummary" s ON s."campaignYearId" = cy."id" ${inHamlet}
      WHERE cy."communeId" = ${communeId}::uuid
      GROUP BY cy."year"`,
    db.$queryRaw<{ year: number; total: number; recognised: number }[]>`
      SELECT cy."year" AS "year",
        (SELECT COUNT(*)::int FROM "Hamlet" h WHERE h."communeId" = cy."communeId") AS "total",
        COUNT(ha."id")::int AS "recognised"
      FROM "CampaignYear" cy
      LEFT JOIN ("HamletAward" ha
        JOIN "Hamlet" h ON h."id" = ha."hamletId"
        JOIN "Decision" d ON d."id" = ha."decisionId" AND d."status" = 'ISSUED'
      ) ON ha."campaignYearId" = cy."id" AND ha."status" = 'ACTIVE' AND h."communeId" = cy."communeId"
      WHERE cy."communeId" = ${communeId}::uuid
      GROUP BY cy."id", cy."year"`,
    db.$queryRaw<{ year: number; total: number; recognised: number }[]>`
      SELECT cy."year" AS "year",
        (SELECT COUNT(*)::int FROM "Agency" ag WHERE ag."communeId" = cy."communeId") AS "total",
        COUNT(ay."id") FILTER (WHERE ay."result" = 'ACHIEVED')::int AS "recognised"
      FROM "CampaignYear" cy
      LEFT JOIN ("AgencyYear" ay JOIN "Agency" ag ON ag."id" = ay."agencyId") ON ay."campaignYearId" = cy."id" AND ag."communeId" = cy."communeId"
      WHERE cy."communeId" = ${communeId}::uuid
      GROUP BY cy."id", cy."year"`,
  ]);
  const householdsOf = new Map(households.map((r) => [r.year, r.recognised]));
  const hamletsOf = new Map(hamlets.map((r) => [r.year, r]));
  const agenciesOf = new Map(agencies.map((r) => [r.year, r]));
  return years.map((y) => {
    const h = hamletsOf.get(y.year);
    const a = agenciesOf.get(y.year);
    return {
      year: y.year,
      targets: { households: y.targetHouseholdsPct, hamlets: y.targetHamletsPct, agencies: y.targetAgenciesPct },
      households: ratePct(householdsOf.get(y.year) ?? 0, activeHouseholds),
      hamlets: h ? ratePct(h.recognised, h.total) : null,
      agencies: a ? ratePct(a.recognised, a.total) : null,
    };
  });
}

/** Why households fail: counts per unmet standard and per exclusion category of the year's assessments. */
async function failures(campaignYear: YearRow, hamletId: string | null): Promise<DashboardFigures["failures"]> {
  const inHamlet = hamletId === null ? Prisma.empty : Prisma.sql`AND rv."hamletId" = ${hamletId}::uuid`;
  const [unmet, exclusions, criteria] = await Promise.all([
    db.$queryRaw<{ code: string; count: number }[]>`
      SELECT u."code" AS "code", COUNT(*)::int AS "count"
      FROM "Assessment" s
      JOIN "HamletReview" rv ON rv."id" = s."hamletReviewId"
      CROSS JOIN LATERAL unnest(s."unmetCodes") AS u("code")
      WHERE rv."campaignYearId" = ${campaignYear.id}::uuid ${inHamlet}
      GROUP BY u."code"`,
    db.$queryRaw<{ code: string; count: number }[]>`
      SELECT x."code"::text AS "code", COUNT(*)::int AS "count"
      FROM "Assessment" s
      JOIN "HamletReview" rv ON rv."id" = s."hamletReviewId"
      CROSS JOIN LATERAL unnest(s."exclusions") AS x("code")
      WHERE rv."campaignYearId" = ${campaignYear.id}::uuid ${inHamlet}
      GROUP BY x."code"`,
    db.criterion.findMany({
      where: { criteriaSetId: campaignYear.criteriaSetId },
      select: { code: true, text: true, kind: true, category: true, position: true },
    }),
  ]);
  const standard = new Map(criteria.filter((c) => c.kind === "STANDARD").map((c) => [c.code, c]));
  const unmetRows: FailureCount[] = unmet
    .map((r) => ({ code: r.code, text: standard.get(r.code)?.text ?? "", count: r.count }))
    .sort((a, b) => b.count - a.count || (standard.get(a.code)?.position ?? 0) - (standard.get(b.code)?.position ?? 0) || a.code.localeCompare(b.code));
  const excluded = new Map(exclusions.map((r) => [r.code, r.count]));
  const categories = ["E1", "E2", "E3", "E4"] as const;
  const exclusionRows: FailureCount[] = categories.map((code) => ({
    code,
    text: criteria.find((c) => c.kind === "EXCLUSION" && c.category === code)?.text ?? CATEGORY_LABEL[code],
    count: excluded.get(code) ?? 0,
  }));
  return { unmet: unmetRows, exclusions: exclusionRows };
}

const SUBMITTED: ReviewStatusCode[] = ["SUBMITTED", "ACCEPTED", "DECIDED"];

/**
 * Everything the steering committee's dashboard shows for a year: the progress of communeProgress, and per hamlet
 * (only `hamletId` in a hamlet head's view) the review's counts, the gap to the target, the dossier's status and
 * dates, the "Xóm văn hóa" file; completeness and deadlines relative to `today`; the three rates of every year; the
 * counts of unmet standards and exclusion categories. The headline figures stay the commune's. Null when the commune
 * has no campaign year `year` (or `hamletId` is not one of its hamlets).
 */
export async function dashboardFigures(
  communeId: string,
  year: number,
  options: { hamletId?: string; today?: Date } = {},
): Promise<DashboardFigures | null> {
  const campaignYear = await findYear(communeId, year);
  if (!campaignYear) return null;
  const hamletId = options.hamletId ?? null;
  if (hamletId !== null && (await db.hamlet.count({ where: { id: hamletId, communeId } })) === 0) return null;
  const today = options.today ?? todayInVietnam();

  const [{ progress: commune }, reviews, titles, council, failureCounts] = await Promise.all([
    computeProgress(communeId, campaignYear, hamletId),
    reviewsOfYear(campaignYear.id),
    titlesOfYear(campaignYear.id),
    db.councilReview.findUnique({ where: { campaignYearId: campaignYear.id }, select: { status: true, meetingDate: true, noticeEndsOn: true } }),
    failures(campaignYear, hamletId),
  ]);
  // A hamlet head's households figures are their hamlet's; the hamlet and agency titles stay the commune's.
  const own = hamletId === null ? null : commune.byHamlet[0]!;
  const base: CommuneProgress = own === null ? commune : {
    ...commune,
    households: { total: own.total, registered: own.registered, recognised: own.recognised, provisional: own.provisional, rate: own.rate },
  };
  const years = await yearOverYear(communeId, base.households.total, hamletId);
  const reviewOf = new Map(reviews.map((r) => [r.hamletId, r]));
  const titleOf = new Map(titles.map((t) => [t.hamletId, t]));
  const target = campaignYear.targetHouseholdsPct;

  const hamletFigures: HamletFigures[] = base.byHamlet.map((h) => {
    const r = reviewOf.get(h.id);
    const t = titleOf.get(h.id);
    const review: HamletReviewState | null = r
      ? {
          status: r.status, meetingDate: r.meetingDate, noticePostedOn: r.noticePostedOn, noticeEndsOn: r.noticeEndsOn,
          submittedAt: r.submittedAt, acceptedAt: r.acceptedAt, decidedOn: r.decidedOn,
        }
      : null;
    const title: HamletTitleState | null = t
      ? {
          registeredOn: t.registeredOn, reportedOn: t.reportedOn, result: t.result, councilResult: t.councilResult,
          award: t.awardStatus && t.awardIssuedOn ? { status: t.awardStatus, issuedOn: t.awardIssuedOn } : null,
        }
      : null;
    const submitted = r !== undefined && SUBMITTED.includes(r.status);
    return {
      ...h,
      assessed: r?.assessed ?? 0,
      achieved: r?.achieved ?? 0,
      notAchieved: r?.notAchieved ?? 0,
      excluded: r?.excluded ?? 0,
      gap: { official: gapToTarget(target, h.total, h.recognised), withProvisional: gapToTarget(target, h.total, h.recognised + h.provisional) },
      review,
      title,
      deadlines: {
        meetingOverdue: isOverdue(today, campaignYear.meetingDeadline, r ? 0 : 1),
        submissionOverdue: isOverdue(today, campaignYear.reviewDeadline, submitted ? 0 : 1),
        noticeDaysLeft: r?.status === "NOTICE" && r.noticeEndsOn ? daysLeft(today, r.noticeEndsOn) : null,
      },
    };
  });

  const count = (test: (h: HamletFigures) => boolean) => hamletFigures.filter(test).length;
  const withoutMeeting = count((h) => h.review === null);
  const notSubmitted = count((h) => h.review === null || !SUBMITTED.includes(h.review.status));
  const completeness: Completeness = {
    hamlets: hamletFigures.length,
    withoutMeeting,
    withoutNotice: count((h) => h.review?.noticePostedOn == null),
    notSubmitted,
    notDecided: count((h) => h.review?.status !== "DECIDED"),
    meetingDeadline: {
      date: campaignYear.meetingDeadline, daysLeft: daysLeft(today, campaignYear.meetingDeadline),
      overdue: isOverdue(today, campaignYear.meetingDeadline, withoutMeeting),
    },
    reviewDeadline: {
      date: campaignYear.reviewDeadline, daysLeft: daysLeft(today, campaignYear.reviewDeadline),
      overdue: isOverdue(today, campaignYear.reviewDeadline, notSubmitted),
    },
    notices: hamletFigures
      .filter((h) => h.review?.status === "NOTICE" && h.review.noticeEndsOn !== null)
      .map((h) => {
        const endsOn = h.review!.noticeEndsOn!;
        const left = daysLeft(today, endsOn);
        return { hamletId: h.id, name: h.name, endsOn, daysLeft: left, ended: left < 0 };
      })
      .sort((a, b) => a.endsOn.getTime() - b.endsOn.getTime() || compareVi(a.name, b.name)),
  };

  const withProvisional = (p: TitleProgress, pct: number) => ({
    official: gapToTarget(pct, p.total, p.recognised),
    withProvisional: gapToTarget(pct, p.total, p.recognised + p.provisional),
  });
  return {
    ...base,
    hamletId,
    today,
    householdsGap: withProvisional(base.households, base.targets.households),
    hamletsGap: withProvisional(base.hamlets, base.targets.hamlets),
    agenciesGap: gapToTarget(base.targets.agencies, base.agencies.total, base.agencies.recognised),
    hamletFigures,
    council: council ? { status: council.status, meetingDate: council.meetingDate, noticeEndsOn: council.noticeEndsOn } : null,
    completeness,
    yearOverYear: years,
    failures: failureCounts,
  };
}

// ---- The province roll-up ---------------------------------------------------------------------------------------

type RollupRow = {
  id: string; name: string; district: string | null;
  targetHouseholdsPct: number; targetHamletsPct: number; targetAgenciesPct: number;
  householdsTotal: number; householdsRecognised: number; hamletsTotal: number; hamletsRecognised: number;
  agenciesTotal: number; agenciesRecognised: number;
};

const rate = (recognised: number, total: number): RateFigure => ({ total, recognised, rate: ratePct(recognised, total) });

/**
 * The three official rates of every commune of `province` that has a campaign year `year`, sorted by name, with the
 * province's totals: for a province viewer. Households come from the summaries (one row per hamlet and year), so
 * the cost grows with the number of hamlets, not of households.
 */
export async function provinceProgress(province: string, year: number): Promise<ProvinceProgress> {
  const rows = Number.isInteger(year) ? await db.$queryRaw<RollupRow[]>`
    SELECT c."id" AS "id", c."name" AS "name", c."district" AS "district",
      cy."targetHouseholdsPct" AS "targetHouseholdsPct", cy."targetHamletsPct" AS "targetHamletsPct", cy."targetAgenciesPct" AS "targetAgenciesPct",
      (SELECT COUNT(*)::int FROM "Household" hh WHERE hh."communeId" = c."id" AND hh."status" = 'ACTIVE') AS "householdsTotal",
      (SELECT COALESCE(SUM(s."recognised"), 0)::int FROM "HamletYearSummary" s WHERE s."campaignYearId" = cy."id") AS "householdsRecognised",
      (SELECT COUNT(*)::int FROM "Hamlet" h WHERE h."communeId" = c."id") AS "hamletsTotal",
      (SELECT COUNT(*)::int FROM "HamletAward" ha JOIN "Hamlet" h ON h."id" = ha."hamletId" AND h."communeId" = c."id"
        JOIN "Decision" d ON d."id" = ha."decisionId" AND d."status" = 'ISSUED'
        WHERE ha."campaignYearId" = cy."id" AND ha."status" = 'ACTIVE') AS "hamletsRecognised",
      (SELECT COUNT(*)::int FROM "Agency" ag WHERE ag."communeId" = c."id") AS "agenciesTotal",
      (SELECT COUNT(*)::int FROM "AgencyYear" ay JOIN "Agency" ag ON ag."id" = ay."agencyId" AND ag."communeId" = c."id"
        WHERE ay."campaignYearId" = cy."id" AND ay."result" = 'ACHIEVED') AS "agenciesRecognised"
    FROM "Commune" c JOIN "CampaignYear" cy ON cy."communeId" = c."id" AND cy."year" = ${year}::int
    WHERE c."province" = ${province} AND c."validTo" IS NULL` : [];
  const communes: CommuneRates[] = rows
    .sort((a, b) => compareVi(a.name, b.name))
    .map((r) => ({
      id: r.id, name: r.name, district: r.district,
      targets: { households: r.targetHouseholdsPct, hamlets: r.targetHamletsPct, agencies: r.targetAgenciesPct },
      households: rate(r.householdsRecognised, r.householdsTotal),
      hamlets: rate(r.hamletsRecognised, r.hamletsTotal),
      agencies: rate(r.agenciesRecognised, r.agenciesTotal),
    }));
  const total = (pick: (c: CommuneRates) => RateFigure) =>
    rate(communes.reduce((s, c) => s + pick(c).recognised, 0), communes.reduce((s, c) => s + pick(c).total, 0));
  return {
    province, year, communes,
    totals: { households: total((c) => c.households), hamlets: total((c) => c.hamlets), agencies: total((c) => c.agencies) },
  };
}

/** The campaign years any current commune of `province` has, newest first. */
export async function listProvinceYears(province: string): Promise<number[]> {
  const rows = await db.campaignYear.findMany({
    where: { commune: { province, validTo: null } }, distinct: ["year"], select: { year: true }, orderBy: { year: "desc" },
  });
  return rows.map((r) => r.year);
}
