import "server-only";
import { hamletStreaksFor } from "@/lib/awards/queries";
import { db } from "@/lib/db";
import type { AssessmentResult, AwardStatus, DecisionKind, DecisionStatus, ReviewStatus } from "@/lib/generated/prisma/enums";
import { pageArgs, toPage, type Page } from "@/lib/paging";
import { communeScope, hamletRowScope, type Actor } from "@/lib/policy";
import { compareVi, isUuid } from "@/lib/text";
import { authorityOn, isExternal } from "@/lib/titles/rules";
import type { DecisionSubject } from "./labels";
import { isYear } from "@/lib/validation";

// Reads for the decision pages. Decisions are commune-wide rows: only roles with decision.read see them.

export type DecisionRef = { id: string; number: number; symbol: string; issuedOn: Date; status: DecisionStatus };
const REF = { id: true, number: true, symbol: true, issuedOn: true, status: true } as const;

export type DecisionFilters = { year?: number; kind?: DecisionKind; status?: DecisionStatus; subject?: DecisionSubject; page: number };

/** `households` is null for a "Xóm văn hóa" decision; `issuer` is "" for the commune's own register. */
export type DecisionRow = DecisionRef & {
  kind: DecisionKind; subject: DecisionSubject; issuer: string; year: number; hamlets: number; households: number | null;
};

/** Decisions only ever concern the two titles the commune's register covers. */
const asDecisionSubject = (subject: string): DecisionSubject => (subject === "HAMLET" ? "HAMLET" : "HOUSEHOLD");

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
      filters.subject ? { subject: filters.subject } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.decision.findMany({
      where,
      orderBy: [{ issuedOn: "desc" }, { number: "desc" }, { id: "asc" }],
      ...pageArgs(filters.page),
      select: {
        ...REF, kind: true, subject: true, issuer: true, campaignYear: { select: { year: true } },
        reviews: { select: { id: true } },
        councils: { select: { _count: { select: { entries: { where: { result: "ACHIEVED" } } } } } },
        cancelItems: { select: { award: { select: { hamletId: true } }, hamletAwardId: true } },
        _count: { select: { awards: true, hamletAwards: true } },
      },
    }),
    db.decision.count({ where }),
  ]);
  // A draft award counts the households its dossiers propose; an issued one the awards it created.
  const draftReviewIds = rows.filter((r) => r.kind === "AWARD" && r.status === "DRAFT").flatMap((r) => r.reviews.map((v) => v.id));
  const counts = await resultCounts(draftReviewIds);
  const householdRow = (r: (typeof rows)[number]) => ({
    hamlets: r.kind === "AWARD" ? r.reviews.length : new Set(r.cancelItems.flatMap((i) => (i.award ? [i.award.hamletId] : []))).size,
    households: r.kind === "CANCELLATION"
      ? r.cancelItems.length
      : r.status === "ISSUED" ? r._count.awards : r.reviews.reduce((sum, v) => sum + (counts.get(v.id)?.ACHIEVED ?? 0), 0),
  });
  // A "Xóm văn hóa" draft counts the hamlets its council review proposes; an issued one its awards.
  const hamletRow = (r: (typeof rows)[number]) => ({
    hamlets: r.kind === "CANCELLATION"
      ? r.cancelItems.length
      : r.status === "ISSUED" ? r._count.hamletAwards : r.councils.reduce((sum, c) => sum + c._count.entries, 0),
    households: null,
  });
  return toPage(
    rows.map((r) => ({
      id: r.id, number: r.number, symbol: r.symbol, issuedOn: r.issuedOn, status: r.status, kind: r.kind, subject: asDecisionSubject(r.subject),
      issuer: r.issuer, year: r.campaignYear.year, ...(r.subject === "HAMLET" ? hamletRow(r) : householdRow(r)),
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
      id: true, kind: true, subject: true, status: true, issuer: true, authority: true, authorityRuleId: true, number: true, symbol: true,
      numberYear: true, issuedOn: true, signerAuthority: true, signerTitle: true, signerName: true, legalBasis: true, cancelGround: true,
      cancelReason: true, draftedById: true, approvedById: true, approvedAt: true, version: true, createdAt: true, updatedAt: true, communeId: true,
      campaignYear: { select: { id: true, year: true } },
      reviews: { select: { id: true, status: true, hamletId: true, hamlet: { select: { name: true } } } },
      councils: { select: COUNCIL_SELECT },
    },
  });
  if (!decision) return null;
  const isHamlet = decision.subject === "HAMLET";

  const [users, hamlets, hamletRows] = await Promise.all([
    db.user.findMany({
      where: { id: { in: [decision.draftedById, decision.approvedById].filter((v): v is string => !!v) }, communeId: decision.communeId },
      select: { id: true, fullName: true },
    }),
    isHamlet ? Promise.resolve([]) : decisionHamlets(decision),
    isHamlet ? decisionHamletRows(decision) : Promise.resolve([]),
  ]);
  const userName = (userId: string | null) => (userId ? users.find((u) => u.id === userId)?.fullName ?? null : null);
  hamlets.sort((a, b) => compareVi(a.hamletName, b.hamletName));
  const householdCount = hamlets.reduce((sum, h) => sum + h.achieved, 0);
  const shownHamletId = shownHamlet(hamlets, householdCount, view.hamlet);
  const households = view.households === false || isHamlet ? [] : await listDecisionHouseholds({ ...decision, hamlets }, shownHamletId);
  const { councils, ...rest } = decision;
  return {
    ...rest, subject: asDecisionSubject(decision.subject), council: councils[0] ?? null,
    draftedByName: userName(decision.draftedById), approvedByName: userName(decision.approvedById),
    hamlets, householdCount, shownHamletId, households, hamletRows,
  };
}
export type DecisionDetail = NonNullable<Awaited<ReturnType<typeof getDecision>>>;

/** The year's council review as a "Xóm văn hóa" decision shows it (the Tờ trình it answers). */
const COUNCIL_SELECT = {
  id: true, status: true, meetingDate: true, membersTotal: true, membersPresent: true, proposalNumber: true, proposalSymbol: true, proposalDate: true,
} as const;

const ISSUED_REF = { ...REF, issuer: true } as const;
type IssuedRef = DecisionRef & { issuer: string };

/** One hamlet of a "Xóm văn hóa" decision: the council's votes, "N năm liên tục", and its award once there is one. */
export type DecisionHamletRow = {
  hamletId: string;
  hamletName: string;
  votesFor: number | null;
  votesAgainst: number | null;
  /** Consecutive years at the decision's year: as it will be once issued (draft), as it stands otherwise. */
  streak: number;
  award: {
    id: string; year: number; status: AwardStatus; decision: IssuedRef; cancelDecision: IssuedRef | null;
    /** A draft cancellation that already names the award. */
    pendingCancelId: string | null;
  } | null;
};

const HAMLET_AWARD_SELECT = {
  id: true, year: true, status: true, votesFor: true, hamletId: true, entryId: true,
  hamlet: { select: { name: true } },
  decision: { select: ISSUED_REF },
  cancelDecision: { select: ISSUED_REF },
  cancelItems: { where: { decision: { status: "DRAFT" as const } }, select: { decisionId: true } },
} as const;

type HamletAwardRow = {
  id: string; year: number; status: AwardStatus; votesFor: number | null; hamletId: string; entryId: string | null; hamlet: { name: string };
  decision: IssuedRef; cancelDecision: IssuedRef | null; cancelItems: { decisionId: string }[];
};

async function hamletAwardRows(awards: HamletAwardRow[], atYear: (a: HamletAwardRow) => number): Promise<DecisionHamletRow[]> {
  const entryIds = awards.map((a) => a.entryId).filter((v): v is string => v !== null);
  const [entries, streaks] = await Promise.all([
    entryIds.length === 0 ? Promise.resolve([]) : db.hamletTitleEntry.findMany({ where: { id: { in: entryIds } }, select: { id: true, votesAgainst: true } }),
    // The awards of one decision share a year; a cancellation's do too (the service refuses mixed years).
    awards.length === 0 ? Promise.resolve(new Map<string, number>()) : hamletStreaksFor(awards.map((a) => a.hamletId), atYear(awards[0]!)),
  ]);
  const against = new Map(entries.map((e) => [e.id, e.votesAgainst]));
  return awards.map((a) => ({
    hamletId: a.hamletId, hamletName: a.hamlet.name, votesFor: a.votesFor, votesAgainst: a.entryId ? against.get(a.entryId) ?? null : null,
    streak: streaks.get(a.hamletId) ?? 0,
    award: { id: a.id, year: a.year, status: a.status, decision: a.decision, cancelDecision: a.cancelDecision, pendingCancelId: a.cancelItems[0]?.decisionId ?? null },
  }));
}

type ProposedEntry = { hamletId: string; votesFor: number | null; votesAgainst: number | null; hamlet: { name: string } };

/** Hamlets the council proposes (entries ACHIEVED), with the streak each will have once awarded in `year`. */
async function proposedRows(entries: ProposedEntry[], year: number): Promise<DecisionHamletRow[]> {
  const streaks = await hamletStreaksFor(entries.map((e) => e.hamletId), year, true);
  return entries.map((e) => ({
    hamletId: e.hamletId, hamletName: e.hamlet.name, votesFor: e.votesFor, votesAgainst: e.votesAgainst, streak: streaks.get(e.hamletId) ?? 0, award: null,
  }));
}

/**
 * The hamlets of a "Xóm văn hóa" decision, by name: a draft's from its council review (entries ACHIEVED), an issued
 * one's awards, a cancellation's named awards.
 */
async function decisionHamletRows(decision: {
  id: string; kind: DecisionKind; status: DecisionStatus; campaignYear: { year: number }; councils: { id: string }[];
}): Promise<DecisionHamletRow[]> {
  let rows: DecisionHamletRow[];
  if (decision.kind === "CANCELLATION") {
    const items = await db.cancellationItem.findMany({ where: { decisionId: decision.id, hamletAwardId: { not: null } }, select: { hamletAward: { select: HAMLET_AWARD_SELECT } } });
    rows = await hamletAwardRows(items.flatMap((i) => (i.hamletAward ? [i.hamletAward] : [])), (a) => a.year);
  } else if (decision.status === "ISSUED") {
    rows = await hamletAwardRows(await db.hamletAward.findMany({ where: { decisionId: decision.id }, select: HAMLET_AWARD_SELECT }), (a) => a.year);
  } else {
    const councilIds = decision.councils.map((c) => c.id);
    const entries = councilIds.length === 0 ? [] : await db.hamletTitleEntry.findMany({
      where: { councilId: { in: councilIds }, result: "ACHIEVED" },
      select: { hamletId: true, votesFor: true, votesAgainst: true, hamlet: { select: { name: true } } },
    });
    rows = await proposedRows(entries, decision.campaignYear.year);
  }
  return rows.sort((a, b) => compareVi(a.hamletName, b.hamletName));
}

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
    return items.flatMap((i) => (i.award ? [awardHousehold(i.award, names)] : []));
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
  if (!isYear(year)) return null;
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

/**
 * What a new decision's form starts with: the next free number of the year in the issuer's register ("" = the
 * commune's own), and the signer of the last decision of that register.
 */
export async function decisionDefaults(actor: Actor, numberYear: number, issuer = "") {
  const scope = communeScope(actor, "decision.read");
  const [max, last] = await Promise.all([
    db.decision.aggregate({ where: { AND: [{ numberYear, issuer }, scope] }, _max: { number: true } }),
    db.decision.findFirst({ where: { AND: [{ issuer }, scope] }, orderBy: { createdAt: "desc" }, select: { signerAuthority: true, signerTitle: true, signerName: true, symbol: true } }),
  ]);
  return { number: (max._max.number ?? 0) + 1, signer: last };
}

/** The commune's date-effective rules on who decides "Xóm văn hóa", oldest first. */
export async function listHamletAuthorityRules(actor: Actor) {
  return db.authorityRule.findMany({
    where: { AND: [{ subject: "HAMLET" }, communeScope(actor, "decision.read")] },
    orderBy: [{ effectiveFrom: "asc" }, { createdAt: "asc" }],
    select: { id: true, subject: true, effectiveFrom: true, effectiveTo: true, authority: true, issuer: true, parentIssuer: true, legalBasis: true },
  });
}

/** Who decides "Xóm văn hóa" on `on`, by the commune's date-effective rules; null when no rule covers the date. */
export async function hamletAuthorityOn(actor: Actor, on: Date, rules?: Awaited<ReturnType<typeof listHamletAuthorityRules>>) {
  const rule = authorityOn(rules ?? (await listHamletAuthorityRules(actor)), "HAMLET", on);
  return rule ? { ...rule, issuer: rule.issuer.trim(), isExternal: isExternal(rule) } : null;
}

/**
 * The year's "Xóm văn hóa" dossier for the decision form: the council review (status, Tờ trình, the decision that
 * holds it) and the hamlets it proposes with their streak once awarded. Null when the year does not exist for the
 * actor; `council` null while the year has no council review.
 */
export async function getHamletDecisionContext(actor: Actor, year: number) {
  if (!isYear(year)) return null;
  const campaignYear = await db.campaignYear.findFirst({ where: { AND: [{ year }, communeScope(actor, "decision.read")] }, select: { id: true, year: true } });
  if (!campaignYear) return null;
  const council = await db.councilReview.findFirst({
    where: { campaignYearId: campaignYear.id, communeId: actor.communeId },
    select: {
      ...COUNCIL_SELECT, decision: { select: { ...ISSUED_REF, kind: true } },
      entries: {
        where: { result: "ACHIEVED" },
        select: { hamletId: true, votesFor: true, votesAgainst: true, hamlet: { select: { name: true } } },
      },
    },
  });
  if (!council) return { campaignYear, council: null, hamlets: [] };
  const { entries, ...rest } = council;
  const hamlets = (await proposedRows(entries, year)).sort((a, b) => compareVi(a.hamletName, b.hamletName));
  return { campaignYear, council: rest, hamlets };
}

/** "Xóm văn hóa" awards named in ?award=…, for the cancellation form (the service checks them again). */
export async function listHamletAwardsForCancellation(actor: Actor, awardIds: string[]): Promise<DecisionHamletRow[]> {
  const ids = [...new Set(awardIds.filter(isUuid))].slice(0, 500);
  if (ids.length === 0) return [];
  const awards = await db.hamletAward.findMany({ where: { AND: [{ id: { in: ids } }, communeScope(actor, "decision.read")] }, select: HAMLET_AWARD_SELECT });
  const rows: DecisionHamletRow[] = [];
  // Streaks differ by year here: the awards may come from several years until the service refuses the mix.
  for (const year of new Set(awards.map((a) => a.year))) rows.push(...(await hamletAwardRows(awards.filter((a) => a.year === year), () => year)));
  return rows.sort((a, b) => compareVi(a.hamletName, b.hamletName) || (a.award?.year ?? 0) - (b.award?.year ?? 0));
}
