import "server-only";
import { db } from "@/lib/db";
import type { AssessmentResult, AwardStatus, DecisionKind, DecisionStatus, ReviewStatus } from "@/lib/generated/prisma/enums";
import { pageArgs, toPage, type Page } from "@/lib/paging";
import { communeScope, hamletRowScope, type Actor } from "@/lib/policy";
import { compareVi, isUuid } from "@/lib/text";

// Reads for the decision pages. Decisions are commune-wide rows: only roles with decision.read see them.

export type DecisionRef = { id: string; number: number; symbol: string; issuedOn: Date; status: DecisionStatus };
const REF = { id: true, number: true, symbol: true, issuedOn: true, status: true } as const;

export type DecisionFilters = { year?: number; kind?: DecisionKind; status?: DecisionStatus; page: number };

export type DecisionRow = DecisionRef & { kind: DecisionKind; year: number; hamlets: number; households: number };

async function hamletNames(communeId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.hamlet.findMany({ where: { communeId, id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(rows.map((h) => [h.id, h.name]));
}

/** ACHIEVED (and other) counts per review, counted by the database. */
async function resultCounts(reviewIds: string[]): Promise<Map<string, Record<AssessmentResult, number>>> {
  const counts = new Map<string, Record<AssessmentResult, number>>();
  if (reviewIds.length === 0) return counts;
  const rows = await db.assessment.groupBy({ by: ["hamletReviewId", "result"], where: { hamletReviewId: { in: reviewIds } }, _count: { _all: true } });
  for (const row of rows) {
    const entry = counts.get(row.hamletReviewId) ?? { ACHIEVED: 0, NOT_ACHIEVED: 0, EXCLUDED: 0 };
    entry[row.result] = row._count._all;
    counts.set(row.hamletReviewId, entry);
  }
  return counts;
}

export async function listDecisions(actor: Actor, filters: DecisionFilters): Promise<Page<DecisionRow>> {
  const where = {
    AND: [
      communeScope(actor, "decision.read"),
      filters.year ? { campaignYear: { year: filters.year } } : {},
      filters.kind ? { kind: filters.kind } : {},
      filters.status ? { status: filters.status } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.decision.findMany({
      where,
      orderBy: [{ issuedOn: "desc" }, { number: "desc" }, { id: "asc" }],
      ...pageArgs(filters.page),
      select: {
        ...REF, kind: true, campaignYear: { select: { year: true } },
        reviews: { select: { id: true } },
        cancelItems: { select: { award: { select: { hamletId: true } } } },
        _count: { select: { awards: true } },
      },
    }),
    db.decision.count({ where }),
  ]);
  // A draft award counts the households its dossiers propose; an issued one the awards it created.
  const draftReviewIds = rows.filter((r) => r.kind === "AWARD" && r.status === "DRAFT").flatMap((r) => r.reviews.map((v) => v.id));
  const counts = await resultCounts(draftReviewIds);
  return toPage(
    rows.map((r) => ({
      id: r.id, number: r.number, symbol: r.symbol, issuedOn: r.issuedOn, status: r.status, kind: r.kind, year: r.campaignYear.year,
      hamlets: r.kind === "AWARD" ? r.reviews.length : new Set(r.cancelItems.map((i) => i.award.hamletId)).size,
      households: r.kind === "CANCELLATION"
        ? r.cancelItems.length
        : r.status === "ISSUED" ? r._count.awards : r.reviews.reduce((sum, v) => sum + (counts.get(v.id)?.ACHIEVED ?? 0), 0),
    })),
    total,
    filters.page,
  );
}

export type DecisionHousehold = {
  householdId: string;
  headName: string;
  address: string;
  hamletId: string;
  hamletName: string;
  votesFor: number | null;
  /** The award this row stands for (issued award decisions and cancellations). */
  award?: {
    id: string;
    year: number;
    status: AwardStatus;
    decision: DecisionRef;
    cancelDecision: DecisionRef | null;
    /** A draft cancellation that already names the award. */
    pendingCancelId: string | null;
  };
};

/** A xóm the decision covers: `achieved` households (awards cancelled, for a cancellation) of `assessed`. */
export type DecisionHamlet = { hamletId: string; reviewId: string | null; hamletName: string; status: ReviewStatus | null; achieved: number; assessed: number };

/** `?hamlet=all` lists every household of the decision, whatever its size. */
export const ALL_HAMLETS = "all";
/** Up to this many households the page lists them all; a larger decision opens on its first xóm. */
export const ALL_HOUSEHOLDS_LIMIT = 300;

const byHamletThenName = (a: DecisionHousehold, b: DecisionHousehold) => compareVi(a.hamletName, b.hamletName) || compareVi(a.headName, b.headName);

const AWARD_SELECT = {
  id: true, year: true, status: true, votesFor: true, hamletId: true, householdId: true,
  household: { select: { headName: true, address: true } },
  decision: { select: REF },
  cancelDecision: { select: REF },
  cancelItems: { where: { decision: { status: "DRAFT" as const } }, select: { decisionId: true } },
} as const;

type AwardRow = {
  id: string; year: number; status: AwardStatus; votesFor: number | null; hamletId: string; householdId: string;
  household: { headName: string; address: string };
  decision: DecisionRef; cancelDecision: DecisionRef | null; cancelItems: { decisionId: string }[];
};

function awardHousehold(a: AwardRow, names: Map<string, string>): DecisionHousehold {
  return {
    householdId: a.householdId, headName: a.household.headName, address: a.household.address, hamletId: a.hamletId, hamletName: names.get(a.hamletId) ?? "",
    votesFor: a.votesFor,
    award: { id: a.id, year: a.year, status: a.status, decision: a.decision, cancelDecision: a.cancelDecision, pendingCancelId: a.cancelItems[0]?.decisionId ?? null },
  };
}

/** Which xóm the household list shows (null: all): `?hamlet=all`, one of the decision's xóm, or the default. */
export function shownHamlet(hamlets: DecisionHamlet[], total: number, requested: string | undefined): string | null {
  if (requested === ALL_HAMLETS) return null;
  if (requested !== undefined && hamlets.some((h) => h.hamletId === requested)) return requested;
  return total <= ALL_HOUSEHOLDS_LIMIT ? null : hamlets[0]?.hamletId ?? null;
}

export type DecisionView = {
  /** `?hamlet=`: "all" or a hamlet id; anything else gives the default (see shownHamlet). */
  hamlet?: string;
  /** False when the page needs only the header and the per-xóm counts. */
  households?: boolean;
};

/**
 * One decision with what it covers, or null when out of scope: the xóm with their counts (counted by the database),
 * and the households of the xóm shown (`view.hamlet`), so a commune-wide decision of ~1,200 households stays light.
 */
export async function getDecision(actor: Actor, id: string, view: DecisionView = {}) {
  if (!isUuid(id)) return null;
  const decision = await db.decision.findFirst({
    where: { AND: [{ id }, communeScope(actor, "decision.read")] },
    select: {
      id: true, kind: true, status: true, number: true, symbol: true, numberYear: true, issuedOn: true, signerAuthority: true, signerTitle: true,
      signerName: true, legalBasis: true, cancelGround: true, cancelReason: true, draftedById: true, approvedById: true, approvedAt: true,
      version: true, createdAt: true, updatedAt: true, communeId: true,
      campaignYear: { select: { id: true, year: true } },
      reviews: { select: { id: true, status: true, hamletId: true, hamlet: { select: { name: true } } } },
    },
  });
  if (!decision) return null;

  const [users, hamlets] = await Promise.all([
    db.user.findMany({
      where: { id: { in: [decision.draftedById, decision.approvedById].filter((v): v is string => !!v) }, communeId: decision.communeId },
      select: { id: true, fullName: true },
    }),
    decisionHamlets(decision),
  ]);
  const userName = (userId: string | null) => (userId ? users.find((u) => u.id === userId)?.fullName ?? null : null);
  hamlets.sort((a, b) => compareVi(a.hamletName, b.hamletName));
  const householdCount = hamlets.reduce((sum, h) => sum + h.achieved, 0);
  const shownHamletId = shownHamlet(hamlets, householdCount, view.hamlet);
  const households = view.households === false ? [] : await listDecisionHouseholds({ ...decision, hamlets }, shownHamletId);
  return {
    ...decision, draftedByName: userName(decision.draftedById), approvedByName: userName(decision.approvedById),
    hamlets, householdCount, shownHamletId, households,
  };
}
export type DecisionDetail = NonNullable<Awaited<ReturnType<typeof getDecision>>>;

type LoadedDecision = {
  id: string; kind: DecisionKind; status: DecisionStatus; communeId: string;
  reviews: { id: string; status: ReviewStatus; hamletId: string; hamlet: { name: string } }[];
};

/** Per xóm: an award decision's dossiers with their results, a cancellation's awards counted by xóm. */
async function decisionHamlets(decision: LoadedDecision): Promise<DecisionHamlet[]> {
  if (decision.kind === "AWARD") {
    const counts = await resultCounts(decision.reviews.map((r) => r.id));
    return decision.reviews.map((r) => {
      const c = counts.get(r.id) ?? { ACHIEVED: 0, NOT_ACHIEVED: 0, EXCLUDED: 0 };
      return { hamletId: r.hamletId, reviewId: r.id, hamletName: r.hamlet.name, status: r.status, achieved: c.ACHIEVED, assessed: c.ACHIEVED + c.NOT_ACHIEVED + c.EXCLUDED };
    });
  }
  const perHamlet = await db.titleAward.groupBy({
    by: ["hamletId"], where: { cancelItems: { some: { decisionId: decision.id } } }, _count: { _all: true },
  });
  const names = await hamletNames(decision.communeId, perHamlet.map((h) => h.hamletId));
  return perHamlet.map((h) => ({
    hamletId: h.hamletId, reviewId: null, hamletName: names.get(h.hamletId) ?? "", status: null, achieved: h._count._all, assessed: h._count._all,
  }));
}

/**
 * The households of a decision read with getDecision (so already in scope), of one xóm or all when hamletId is null:
 * the awards once issued, the ACHIEVED households of a draft, the awards a cancellation names; by xóm, then name.
 */
export async function listDecisionHouseholds(decision: LoadedDecision & { hamlets: DecisionHamlet[] }, hamletId: string | null): Promise<DecisionHousehold[]> {
  const rows = await decisionHouseholds(decision, new Map(decision.hamlets.map((h) => [h.hamletId, h.hamletName])), hamletId);
  return rows.sort(byHamletThenName);
}

async function decisionHouseholds(decision: LoadedDecision, names: Map<string, string>, hamletId: string | null): Promise<DecisionHousehold[]> {
  const inHamlet = hamletId === null ? {} : { hamletId };
  if (decision.kind === "CANCELLATION") {
    const items = await db.cancellationItem.findMany({
      where: { AND: [{ decisionId: decision.id }, hamletId === null ? {} : { award: { hamletId } }] },
      select: { award: { select: AWARD_SELECT } },
    });
    return items.map((i) => awardHousehold(i.award, names));
  }
  if (decision.status === "ISSUED") {
    const awards = await db.titleAward.findMany({ where: { AND: [{ decisionId: decision.id }, inHamlet] }, select: AWARD_SELECT });
    return awards.map((a) => awardHousehold(a, names));
  }
  const reviewIds = decision.reviews.filter((r) => hamletId === null || r.hamletId === hamletId).map((r) => r.id);
  if (reviewIds.length === 0) return [];
  const achieved = await db.assessment.findMany({
    where: { hamletReviewId: { in: reviewIds }, result: "ACHIEVED" },
    select: { householdId: true, votesFor: true, review: { select: { hamletId: true } }, household: { select: { headName: true, address: true } } },
  });
  return achieved.map((a) => ({
    householdId: a.householdId, headName: a.household.headName, address: a.household.address,
    hamletId: a.review.hamletId, hamletName: names.get(a.review.hamletId) ?? "", votesFor: a.votesFor,
  }));
}

export type DraftableReview = {
  id: string;
  hamletName: string;
  status: ReviewStatus;
  achieved: number;
  assessed: number;
  /** The decision that holds it, when it is in one. */
  decision: { id: string; number: number; symbol: string; status: DecisionStatus } | null;
};

/**
 * The year's dossiers for the award form: `available` are ACCEPTED and free (or already in `decisionId`), `others`
 * are the rest with where they stand. Null when the year does not exist for the actor.
 */
export async function listReviewsForDecision(actor: Actor, year: number, decisionId?: string) {
  if (!Number.isInteger(year)) return null;
  const campaignYear = await db.campaignYear.findFirst({ where: { AND: [{ year }, communeScope(actor, "decision.read")] }, select: { id: true, year: true } });
  if (!campaignYear) return null;
  const reviews = await db.hamletReview.findMany({
    where: { AND: [{ campaignYearId: campaignYear.id }, hamletRowScope(actor, "decision.read")] },
    select: { id: true, status: true, hamlet: { select: { name: true } }, decision: { select: { id: true, number: true, symbol: true, status: true } } },
  });
  const counts = await resultCounts(reviews.map((r) => r.id));
  const rows: DraftableReview[] = reviews
    .map((r) => {
      const c = counts.get(r.id) ?? { ACHIEVED: 0, NOT_ACHIEVED: 0, EXCLUDED: 0 };
      return { id: r.id, hamletName: r.hamlet.name, status: r.status, achieved: c.ACHIEVED, assessed: c.ACHIEVED + c.NOT_ACHIEVED + c.EXCLUDED, decision: r.decision };
    })
    .sort((a, b) => compareVi(a.hamletName, b.hamletName));
  const isAvailable = (r: DraftableReview) => r.status === "ACCEPTED" && (r.decision === null || (decisionId !== undefined && r.decision.id === decisionId));
  return { campaignYear, available: rows.filter(isAvailable), others: rows.filter((r) => !isAvailable(r)) };
}

/** Awards named in ?award=…, for the cancellation form (the service checks them again). */
export async function listAwardsForCancellation(actor: Actor, awardIds: string[]): Promise<DecisionHousehold[]> {
  const ids = [...new Set(awardIds.filter(isUuid))].slice(0, 500);
  if (ids.length === 0) return [];
  const awards = await db.titleAward.findMany({ where: { AND: [{ id: { in: ids } }, communeScope(actor, "decision.read")] }, select: AWARD_SELECT });
  const names = await hamletNames(actor.communeId, awards.map((a) => a.hamletId));
  return awards.map((a) => awardHousehold(a, names)).sort(byHamletThenName);
}

/** What a new decision's form starts with: the next free number of the year, and the signer of the last one. */
export async function decisionDefaults(actor: Actor, numberYear: number) {
  const scope = communeScope(actor, "decision.read");
  const [max, last] = await Promise.all([
    db.decision.aggregate({ where: { AND: [{ numberYear }, scope] }, _max: { number: true } }),
    db.decision.findFirst({ where: scope, orderBy: { createdAt: "desc" }, select: { signerAuthority: true, signerTitle: true, signerName: true, symbol: true } }),
  ]);
  return { number: (max._max.number ?? 0) + 1, signer: last };
}
