import "server-only";
import { db } from "@/lib/db";
import type { AwardStatus, DecisionStatus } from "@/lib/generated/prisma/enums";
import { communeScope, hamletRowScope, type Actor } from "@/lib/policy";
import { honourCandidates, streakAt } from "@/lib/review/rules";
import { compareVi, isUuid } from "@/lib/text";
import { isYear } from "@/lib/validation";

// Awards over the years: a household's or a hamlet's history, "N năm liên tục" and the "tiêu biểu" candidates.

type Ref = { id: string; number: number; symbol: string; issuedOn: Date; status: DecisionStatus };
const REF = { id: true, number: true, symbol: true, issuedOn: true, status: true } as const;
/** A decision as a hamlet's history shows it: with who issued it ("" = the commune's own People's Committee). */
type IssuedRef = Ref & { issuer: string };
const ISSUED_REF = { ...REF, issuer: true } as const;

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

type YearStatus = { year: number; status: AwardStatus };

/** rules.streakAt per owner (household or hamlet) over awards read in one query; 0 for an owner with none. */
function streaksOf(ids: string[], awards: (YearStatus & { ownerId: string })[], atYear: number, extra?: YearStatus): Map<string, number> {
  const byOwner = new Map<string, YearStatus[]>(ids.map((id) => [id, extra ? [extra] : []]));
  for (const a of awards) byOwner.get(a.ownerId)?.push(a);
  return new Map([...byOwner].map(([id, list]) => [id, streakAt(list, atYear)]));
}

/**
 * Consecutive years with an active award ending at `atYear`, per household (0 when none). The caller passes
 * households it has already scoped; one query reads all their awards, rules.streakAt counts.
 */
export async function streaksFor(householdIds: string[], atYear: number): Promise<Map<string, number>> {
  const ids = [...new Set(householdIds)];
  if (ids.length === 0) return new Map();
  const awards = await db.titleAward.findMany({
    where: { householdId: { in: ids }, year: { lte: atYear } },
    select: { householdId: true, year: true, status: true },
  });
  return streaksOf(ids, awards.map((a) => ({ ownerId: a.householdId, year: a.year, status: a.status })), atYear);
}

/**
 * "N năm liên tục" of "Xóm văn hóa" per hamlet at `atYear` (cancelled years break it). `ifAwarded`: count `atYear`
 * as awarded, for a draft decision that has not created its awards yet. The caller passes hamlets it has scoped.
 */
export async function hamletStreaksFor(hamletIds: string[], atYear: number, ifAwarded = false): Promise<Map<string, number>> {
  const ids = [...new Set(hamletIds)];
  if (ids.length === 0) return new Map();
  const awards = await db.hamletAward.findMany({
    where: { hamletId: { in: ids }, year: { lte: atYear } },
    select: { hamletId: true, year: true, status: true },
  });
  const mapped = awards.map((a) => ({ ownerId: a.hamletId, year: a.year, status: a.status }));
  return streaksOf(ids, ifAwarded ? mapped.filter((a) => a.year !== atYear) : mapped, atYear, ifAwarded ? { year: atYear, status: "ACTIVE" } : undefined);
}

export type HamletAwardHistoryRow = {
  id: string;
  year: number;
  status: AwardStatus;
  votesFor: number | null;
  cancelledAt: Date | null;
  decision: IssuedRef;
  cancelDecision: IssuedRef | null;
  /** A draft cancellation that names the award, if any. */
  pendingCancelId: string | null;
  /** "N năm liên tục" at this year (0 for a cancelled one). */
  streak: number;
};

/** Every "Xóm văn hóa" award of a hamlet, newest first, with the streak at each year; empty outside the actor's scope. */
export async function hamletAwardHistory(actor: Actor, hamletId: string): Promise<HamletAwardHistoryRow[]> {
  if (!isUuid(hamletId)) return [];
  const rows = await db.hamletAward.findMany({
    where: { AND: [{ hamletId }, hamletRowScope(actor, "hamlet.read")] },
    orderBy: { year: "desc" },
    select: {
      id: true, year: true, status: true, votesFor: true, cancelledAt: true,
      decision: { select: ISSUED_REF },
      cancelDecision: { select: ISSUED_REF },
      cancelItems: { where: { decision: { status: "DRAFT" } }, select: { decisionId: true } },
    },
  });
  return rows.map(({ cancelItems, ...r }) => ({ ...r, pendingCancelId: cancelItems[0]?.decisionId ?? null, streak: streakAt(rows, r.year) }));
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
  if (!isYear(year)) return null;
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
