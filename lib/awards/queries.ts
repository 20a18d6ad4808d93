import "server-only";
import { db } from "@/lib/db";
import type { AwardStatus, DecisionStatus } from "@/lib/generated/prisma/enums";
import { communeScope, hamletRowScope, type Actor } from "@/lib/policy";
import { honourCandidates, streakAt } from "@/lib/review/rules";
import { compareVi, isUuid } from "@/lib/text";

// Awards over the years: a household's history, "N năm liên tục" and the "tiêu biểu" candidates.

type Ref = { id: string; number: number; symbol: string; issuedOn: Date; status: DecisionStatus };
const REF = { id: true, number: true, symbol: true, issuedOn: true, status: true } as const;

export type AwardHistoryRow = {
  id: string;
  year: number;
  status: AwardStatus;
  cancelledAt: Date | null;
  decision: Ref;
  cancelDecision: Ref | null;
  /** A draft cancellation that names the award, if any. */
  pendingCancelId: string | null;
};

/** Every award of a household, newest first; empty when the household lies outside the actor's scope. */
export async function awardHistory(actor: Actor, householdId: string): Promise<AwardHistoryRow[]> {
  if (!isUuid(householdId)) return [];
  const rows = await db.titleAward.findMany({
    // The history follows the household (it may have moved hamlet since an award), so scope through it.
    where: { AND: [{ householdId }, { household: hamletRowScope(actor, "household.read") }] },
    orderBy: { year: "desc" },
    select: {
      id: true, year: true, status: true, cancelledAt: true,
      decision: { select: REF },
      cancelDecision: { select: REF },
      cancelItems: { where: { decision: { status: "DRAFT" } }, select: { decisionId: true } },
    },
  });
  return rows.map(({ cancelItems, ...r }) => ({ ...r, pendingCancelId: cancelItems[0]?.decisionId ?? null }));
}

/**
 * Consecutive years with an active award ending at `atYear`, per household (0 when none). The caller passes
 * households it has already scoped; one query reads all their awards, rules.streakAt counts.
 */
export async function streaksFor(householdIds: string[], atYear: number): Promise<Map<string, number>> {
  const ids = [...new Set(householdIds)];
  const streaks = new Map<string, number>(ids.map((id) => [id, 0]));
  if (ids.length === 0) return streaks;
  const awards = await db.titleAward.findMany({
    where: { householdId: { in: ids }, year: { lte: atYear } },
    select: { householdId: true, year: true, status: true },
  });
  const byHousehold = new Map<string, { year: number; status: AwardStatus }[]>();
  for (const a of awards) {
    const list = byHousehold.get(a.householdId) ?? [];
    list.push(a);
    byHousehold.set(a.householdId, list);
  }
  for (const [id, list] of byHousehold) streaks.set(id, streakAt(list, atYear));
  return streaks;
}

/** The streak a household's history shows: counted at its latest active year. */
export function currentStreak(history: { year: number; status: AwardStatus }[]): { streak: number; from: number; to: number } | null {
  const latest = Math.max(...history.filter((a) => a.status === "ACTIVE").map((a) => a.year));
  if (!Number.isFinite(latest)) return null;
  const streak = streakAt(history, latest);
  return { streak, from: latest - streak + 1, to: latest };
}

export type HonourRow = {
  householdId: string;
  headName: string;
  address: string;
  hamletName: string;
  streak: number;
  votesFor: number | null;
  registeredOn: Date | null;
};

/**
 * "Gia đình văn hóa tiêu biểu" candidates of a year by its rule (honourYears consecutive years, optional quota
 * of the year's active awards, ranked by votes for). Null when the year does not exist for the actor. The database
 * counts the year's awards and finds the households active in each of the last honourYears years; only those are read.
 */
export async function listHonourCandidates(actor: Actor, year: number) {
  if (!Number.isInteger(year)) return null;
  const scope = communeScope(actor, "decision.read");
  const campaignYear = await db.campaignYear.findFirst({
    where: { AND: [{ year }, scope] },
    select: { id: true, year: true, honourYears: true, honourQuotaPct: true },
  });
  if (!campaignYear) return null;
  const years = Math.max(1, campaignYear.honourYears);
  const [awardsThisYear, runs] = await Promise.all([
    db.titleAward.count({ where: { AND: [{ year: campaignYear.year, status: "ACTIVE" }, scope] } }),
    // One award per household and year (unique), so `years` active rows in the window mean an unbroken run.
    db.titleAward.groupBy({
      by: ["householdId"],
      where: { AND: [{ year: { gte: campaignYear.year - years + 1, lte: campaignYear.year }, status: "ACTIVE" }, scope] },
      having: { householdId: { _count: { equals: years } } },
    }),
  ]);
  const householdIds = runs.map((r) => r.householdId);
  const [awards, streaks, registrations] = await Promise.all([
    db.titleAward.findMany({
      where: { AND: [{ householdId: { in: householdIds }, year: campaignYear.year, status: "ACTIVE" }, scope] },
      select: { householdId: true, hamletId: true, votesFor: true, household: { select: { headName: true, address: true } } },
    }),
    streaksFor(householdIds, campaignYear.year),
    db.registration.findMany({ where: { campaignYearId: campaignYear.id, householdId: { in: householdIds } }, select: { householdId: true, registeredOn: true } }),
  ]);
  const hamlets = await db.hamlet.findMany({
    where: { communeId: actor.communeId, id: { in: [...new Set(awards.map((a) => a.hamletId))] } }, select: { id: true, name: true },
  });
  const registeredOn = new Map(registrations.map((r) => [r.householdId, r.registeredOn]));
  const hamletName = new Map(hamlets.map((h) => [h.id, h.name]));
  const rows: HonourRow[] = awards
    .map((a) => ({
      householdId: a.householdId, headName: a.household.headName, address: a.household.address, hamletName: hamletName.get(a.hamletId) ?? "",
      streak: streaks.get(a.householdId) ?? 0, votesFor: a.votesFor, registeredOn: registeredOn.get(a.householdId) ?? null,
    }))
    .sort((a, b) => compareVi(a.hamletName, b.hamletName) || compareVi(a.headName, b.headName));
  const eligible = honourCandidates(rows, years, null, awardsThisYear);
  const candidates = honourCandidates(rows, years, campaignYear.honourQuotaPct, awardsThisYear);
  return { ...campaignYear, awardsThisYear, eligibleCount: eligible.length, candidates };
}
