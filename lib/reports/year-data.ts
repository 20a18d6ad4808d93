import "server-only";
import { listHonourCandidates } from "@/lib/awards/queries";
import { dashboardFigures } from "@/lib/dashboard/figures";
import { targetCount } from "@/lib/dashboard/rules";
import type { DashboardFigures } from "@/lib/dashboard/types";
import { db } from "@/lib/db";
import { todayInVietnam } from "@/lib/dates";
import type { CommuneInfo } from "@/lib/documents/format";
import { can, type Actor } from "@/lib/policy";
import { isYear } from "@/lib/validation";

// What the year's reports (Excel workbook and year-end .docx, issue 5 "Reports") print: the dashboard's figures of
// the whole commune plus the few counts only the upper level asks for (3 consecutive years, "tiêu biểu"). Read by
// OFFICER, LEADER and COMMITTEE of the commune; a hamlet head (or anyone else) gets null, which routes turn into 404.

export type YearReportData = {
  communeId: string;
  commune: CommuneInfo;
  campaignYearId: string;
  year: number;
  /** The date printed on the documents: today in Vietnam. */
  documentDate: Date;
  plan: { number: string | null; date: Date | null; issuer: string | null; title: string | null };
  figures: DashboardFigures;
  /** Active households whose ACTIVE awards (issued decisions) cover year, year−1 and year−2. */
  threeYears: number;
  /** "Tiêu biểu" as the app proposes it (lib/awards listHonourCandidates); no decision on it is recorded in the app. */
  honour: { years: number; quotaPct: number | null; eligible: number; proposed: number } | null;
  /** households needed to reach the target (ceil of target % × total). */
  householdsTarget: number;
};

/** May `actor` read the commune's year reports? OFFICER, LEADER, COMMITTEE (review.read, not a hamlet head). */
export function canReadYearReport(actor: Actor): boolean {
  return actor.role !== "HAMLET_HEAD" && can(actor, "review.read", { communeId: actor.communeId });
}

/** Households of the commune (ACTIVE) with ACTIVE awards under issued decisions in each of year−2 … year. */
async function threeConsecutiveYears(communeId: string, year: number): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT COUNT(*)::int AS "n" FROM (
      SELECT a."householdId"
      FROM "TitleAward" a
      JOIN "Household" hh ON hh."id" = a."householdId" AND hh."status" = 'ACTIVE' AND hh."communeId" = ${communeId}::uuid
      JOIN "Decision" d ON d."id" = a."decisionId" AND d."status" = 'ISSUED'
      WHERE a."status" = 'ACTIVE' AND a."year" BETWEEN ${year - 2} AND ${year}
      GROUP BY a."householdId"
      HAVING COUNT(DISTINCT a."year") = 3
    ) runs`;
  return row?.n ?? 0;
}

/** The year's report data for the actor's commune; null when the actor may not read it or the year is unknown. */
export async function loadYearReport(actor: Actor, year: number, today: Date = todayInVietnam()): Promise<YearReportData | null> {
  if (!isYear(year) || !canReadYearReport(actor)) return null;
  const communeId = actor.communeId;
  const [commune, campaignYear] = await Promise.all([
    db.commune.findUnique({ where: { id: communeId }, select: { name: true, kind: true } }),
    db.campaignYear.findUnique({
      where: { communeId_year: { communeId, year } },
      select: { id: true, year: true, planNumber: true, planDate: true, planIssuer: true, planTitle: true },
    }),
  ]);
  if (!commune || !campaignYear) return null;
  const [figures, threeYears, honours] = await Promise.all([
    dashboardFigures(communeId, year, { today }),
    threeConsecutiveYears(communeId, year),
    can(actor, "decision.read", { communeId }) ? listHonourCandidates(actor, year) : Promise.resolve(null),
  ]);
  if (!figures) return null;
  return {
    communeId,
    commune,
    campaignYearId: campaignYear.id,
    year,
    documentDate: today,
    plan: { number: campaignYear.planNumber, date: campaignYear.planDate, issuer: campaignYear.planIssuer, title: campaignYear.planTitle },
    figures,
    threeYears,
    honour: honours
      ? { years: honours.honourYears, quotaPct: honours.honourQuotaPct, eligible: honours.eligibleCount, proposed: honours.candidates.length }
      : null,
    householdsTarget: targetCount(figures.targets.households, figures.households.total),
  };
}
