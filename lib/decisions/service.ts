import "server-only";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, communeScope, type Actor } from "@/lib/policy";
import { DomainError, MSG } from "@/lib/result";
import { nextDecisionStatus, nextReviewStatus } from "@/lib/review/rules";
import { isUuid } from "@/lib/text";
import { DECISION_MSG, decisionReference } from "./labels";
import type { AwardDecisionInput, CancellationDecisionInput, DecisionHeaderInput } from "./schema";

// Decisions (Quyết định): the officer drafts, the leader issues. Issuing an award decision moves the included
// dossiers to DECIDED and creates the TitleAward rows; issuing a cancellation marks the named awards CANCELLED.
// Lock order everywhere: the decision row first, then reviews or awards, so concurrent writers cannot deadlock.

// Twenty approvals at once queue for the same row; give them room to wait for a connection and the lock.
const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 };

type Loaded = {
  id: string;
  communeId: string;
  campaignYearId: string;
  kind: "AWARD" | "CANCELLATION";
  status: "DRAFT" | "ISSUED";
  number: number;
  symbol: string;
  issuedOn: Date;
  version: number;
  campaignYear: { year: number };
};

const LOADED = {
  id: true, communeId: true, campaignYearId: true, kind: true, status: true, number: true, symbol: true, issuedOn: true, version: true,
  campaignYear: { select: { year: true } },
} as const;

async function loadDecision(tx: Tx, actor: Actor, id: string): Promise<Loaded> {
  const decision = !isUuid(id) ? null : await tx.decision.findFirst({ where: { AND: [{ id }, communeScope(actor, "decision.read")] }, select: LOADED });
  if (!decision) throw new DomainError("NOT_FOUND", MSG.notFound);
  return decision;
}

function headerColumns(input: DecisionHeaderInput) {
  return {
    number: input.number,
    symbol: input.symbol,
    numberYear: input.issuedOn.getUTCFullYear(),
    issuedOn: input.issuedOn,
    signerAuthority: input.signerAuthority,
    signerTitle: input.signerTitle,
    signerName: input.signerName,
    legalBasis: input.legalBasis,
  };
}

/** Decree 30: a number is used once per calendar year in the commune's register. */
async function assertNumberFree(tx: Tx, communeId: string, input: DecisionHeaderInput, exceptId?: string) {
  const numberYear = input.issuedOn.getUTCFullYear();
  const taken = await tx.decision.findFirst({
    where: { communeId, numberYear, number: input.number, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) {
    const message = DECISION_MSG.numberTaken(input.number, numberYear);
    throw new DomainError("CONFLICT", message, { number: [message] });
  }
}

function assertIssuedInYear(issuedOn: Date, year: number) {
  if (issuedOn.getUTCFullYear() < year) {
    const message = DECISION_MSG.issuedBeforeYear(year);
    throw new DomainError("INVALID_INPUT", message, { issuedOn: [message] });
  }
}

/** What the audit row keeps of a decision's header. */
function headerSnapshot(input: DecisionHeaderInput) {
  return { ...headerColumns(input), issuedOn: input.issuedOn.toISOString().slice(0, 10) };
}

// ---- Award decisions ------------------------------------------------------------------------------------------

/**
 * Puts the chosen ACCEPTED dossiers into the decision. The conditional update claims only dossiers that are still
 * free, so of two officers drafting at once exactly one gets each dossier; the other is refused and rolls back.
 */
async function claimReviews(tx: Tx, decisionId: string, campaignYearId: string, communeId: string, reviewIds: string[]) {
  const reviews = await tx.hamletReview.findMany({
    where: { id: { in: reviewIds }, communeId, campaignYearId },
    select: { id: true, status: true, decisionId: true, hamlet: { select: { name: true } } },
  });
  if (reviews.length !== reviewIds.length) throw new DomainError("NOT_FOUND", MSG.notFound);
  for (const review of reviews) nextReviewStatus(review.status, "includeInDecision");
  const takenElsewhere = reviews.filter((r) => r.decisionId !== null && r.decisionId !== decisionId);
  if (takenElsewhere.length > 0) throw new DomainError("CONFLICT", DECISION_MSG.reviewTaken(takenElsewhere.map((r) => r.hamlet.name)));
  const toClaim = reviews.filter((r) => r.decisionId === null).map((r) => r.id);
  if (toClaim.length === 0) return reviews;
  const claimed = await tx.hamletReview.updateMany({
    where: { id: { in: toClaim }, status: "ACCEPTED", decisionId: null },
    data: { decisionId },
  });
  if (claimed.count !== toClaim.length) {
    // Another draft committed first; name the hamlets it took.
    const lost = await tx.hamletReview.findMany({
      where: { id: { in: toClaim }, OR: [{ decisionId: null }, { decisionId: { not: decisionId } }] },
      select: { hamlet: { select: { name: true } } },
    });
    throw new DomainError("CONFLICT", DECISION_MSG.reviewTaken(lost.map((r) => r.hamlet.name)));
  }
  return reviews;
}

export async function createAwardDecision(actor: Actor, year: number, input: AwardDecisionInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    authorize(actor, "decision.draft", { communeId: actor.communeId });
    const campaignYear = await tx.campaignYear.findFirst({ where: { communeId: actor.communeId, year }, select: { id: true, year: true } });
    if (!campaignYear) throw new DomainError("NOT_FOUND", DECISION_MSG.yearMissing(year));
    assertIssuedInYear(input.issuedOn, campaignYear.year);
    await assertNumberFree(tx, actor.communeId, input);
    const decision = await tx.decision.create({
      data: { communeId: actor.communeId, campaignYearId: campaignYear.id, kind: "AWARD", ...headerColumns(input), draftedById: actor.id },
      select: { id: true },
    });
    const reviews = await claimReviews(tx, decision.id, campaignYear.id, actor.communeId, input.reviewIds);
    await recordAudit(tx, actor, {
      action: "decision.draft",
      entityType: "Decision",
      entityId: decision.id,
      after: { kind: "AWARD", year, ...headerSnapshot(input), hamlets: reviews.map((r) => r.hamlet.name).sort() },
    });
    return decision;
  });
}

/** Edits a draft award decision: its header, and which dossiers it includes (unticked ones are released). */
export async function updateAwardDecision(actor: Actor, id: string, version: number, input: AwardDecisionInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const current = await loadDecision(tx, actor, id);
    authorize(actor, "decision.draft", { communeId: current.communeId });
    if (current.kind !== "AWARD") throw new DomainError("NOT_FOUND", DECISION_MSG.kindMismatch);
    nextDecisionStatus(current.status, "edit");
    const before = await tx.decision.findUniqueOrThrow({ where: { id }, include: { reviews: { select: { id: true, hamlet: { select: { name: true } } } } } });
    assertIssuedInYear(input.issuedOn, current.campaignYear.year);
    await assertNumberFree(tx, current.communeId, input, id);
    await lockDraft(tx, id, version, headerColumns(input));
    const chosen = new Set(input.reviewIds);
    const released = before.reviews.filter((r) => !chosen.has(r.id)).map((r) => r.id);
    if (released.length > 0) await tx.hamletReview.updateMany({ where: { id: { in: released }, decisionId: id }, data: { decisionId: null } });
    const reviews = await claimReviews(tx, id, current.campaignYearId, current.communeId, input.reviewIds);
    await recordAudit(tx, actor, {
      action: "decision.update",
      entityType: "Decision",
      entityId: id,
      before: { ...beforeSnapshot(before), hamlets: before.reviews.map((r) => r.hamlet.name).sort() },
      after: { ...headerSnapshot(input), hamlets: reviews.map((r) => r.hamlet.name).sort() },
    });
    return { id };
  });
}

/**
 * The optimistic lock of a draft edit: the row must still be the DRAFT of the version the user edited. Taking the
 * decision row first keeps the lock order of issue and discard.
 */
async function lockDraft(tx: Tx, id: string, version: number, data: Prisma.DecisionUpdateManyMutationInput) {
  const updated = await tx.decision.updateMany({ where: { id, version, status: "DRAFT" }, data: { ...data, version: { increment: 1 } } });
  if (updated.count === 1) return;
  const now = await tx.decision.findUnique({ where: { id }, select: { status: true } });
  if (!now) throw new DomainError("CONFLICT", DECISION_MSG.discarded);
  nextDecisionStatus(now.status, "edit");
  throw new DomainError("CONFLICT", MSG.stale);
}

function beforeSnapshot(d: {
  number: number; symbol: string; numberYear: number; issuedOn: Date; signerAuthority: string; signerTitle: string; signerName: string; legalBasis: string;
  cancelGround?: string | null; cancelReason?: string | null;
}) {
  return {
    number: d.number, symbol: d.symbol, numberYear: d.numberYear, issuedOn: d.issuedOn.toISOString().slice(0, 10),
    signerAuthority: d.signerAuthority, signerTitle: d.signerTitle, signerName: d.signerName, legalBasis: d.legalBasis,
    ...(d.cancelGround ? { cancelGround: d.cancelGround, cancelReason: d.cancelReason } : {}),
  };
}

/**
 * Throws away a draft: its dossiers become free again, the cancellation items go with it. With `version` (the one
 * the page showed), a draft edited meanwhile is not thrown away unseen.
 */
export async function discardDecision(actor: Actor, id: string, version?: number): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const current = await loadDecision(tx, actor, id);
    authorize(actor, "decision.draft", { communeId: current.communeId });
    nextDecisionStatus(current.status, "discard");
    const before = await tx.decision.findUniqueOrThrow({
      where: { id },
      include: { reviews: { select: { hamlet: { select: { name: true } } } }, cancelItems: { select: { awardId: true } } },
    });
    // Lock the decision row first (same order as issue), then release and delete.
    const locked = await tx.decision.updateMany({
      where: { AND: [{ id, status: "DRAFT" }, version === undefined ? {} : { version }] },
      data: { version: { increment: 1 } },
    });
    if (locked.count !== 1) {
      const now = await tx.decision.findUnique({ where: { id }, select: { status: true } });
      if (!now) throw new DomainError("CONFLICT", DECISION_MSG.discarded);
      nextDecisionStatus(now.status, "discard");
      throw new DomainError("CONFLICT", MSG.stale);
    }
    await tx.hamletReview.updateMany({ where: { decisionId: id }, data: { decisionId: null } });
    await tx.decision.delete({ where: { id } });
    await recordAudit(tx, actor, {
      action: "decision.discard",
      entityType: "Decision",
      entityId: id,
      before: {
        kind: before.kind, year: current.campaignYear.year, ...beforeSnapshot(before),
        ...(before.kind === "AWARD" ? { hamlets: before.reviews.map((r) => r.hamlet.name).sort() } : { awardIds: before.cancelItems.map((i) => i.awardId) }),
      },
    });
    return { id };
  });
}

// ---- Issue --------------------------------------------------------------------------------------------------------

/**
 * The leader approves and issues a draft. The conditional update lets exactly one of several simultaneous approvals
 * through; the rest find the decision ISSUED and get the state machine's "đã được xử lý".
 */
export async function issueDecision(actor: Actor, id: string, version: number): Promise<{ id: string; awards: number; cancelled: number }> {
  return db.$transaction(async (tx) => {
    const current = await loadDecision(tx, actor, id);
    authorize(actor, "decision.approve", { communeId: current.communeId });
    const next = nextDecisionStatus(current.status, "issue");
    if (next === null) throw new DomainError("RULE_VIOLATION", MSG.conflict);
    const approvedAt = new Date();
    const updated = await tx.decision.updateMany({
      where: { id, status: "DRAFT", version },
      data: { status: next, approvedById: actor.id, approvedAt, version: { increment: 1 } },
    });
    if (updated.count !== 1) {
      const now = await tx.decision.findUnique({ where: { id }, select: { status: true } });
      if (!now) throw new DomainError("CONFLICT", DECISION_MSG.discarded);
      nextDecisionStatus(now.status, "issue");
      throw new DomainError("CONFLICT", MSG.stale);
    }
    const outcome = current.kind === "AWARD" ? await issueAward(tx, actor, current) : await issueCancellation(tx, current, approvedAt);
    await recordAudit(tx, actor, {
      action: "decision.issue",
      entityType: "Decision",
      entityId: id,
      before: { status: current.status },
      after: { status: next, kind: current.kind, year: current.campaignYear.year, number: current.number, symbol: current.symbol, ...outcome.audit },
    });
    return { id, awards: outcome.awards, cancelled: outcome.cancelled };
  }, TX_OPTIONS);
}

async function issueAward(tx: Tx, actor: Actor, d: Loaded) {
  const reviews = await tx.hamletReview.findMany({
    where: { decisionId: d.id },
    select: { id: true, status: true, hamletId: true, hamlet: { select: { name: true } } },
  });
  if (reviews.length === 0) throw new DomainError("RULE_VIOLATION", DECISION_MSG.emptyDecision);
  // Every dossier must be ACCEPTED; they all move to the same status.
  const decided = reviews.map((r) => nextReviewStatus(r.status, "decide"))[0]!;
  const moved = await tx.hamletReview.updateMany({
    where: { id: { in: reviews.map((r) => r.id) }, status: "ACCEPTED", decisionId: d.id },
    data: { status: decided, version: { increment: 1 } },
  });
  if (moved.count !== reviews.length) throw new DomainError("CONFLICT", MSG.stale);
  await tx.reviewEvent.createMany({
    data: reviews.map((r) => ({
      communeId: d.communeId, hamletReviewId: r.id, kind: "DECIDED" as const, actorId: actor.id, actorName: actor.fullName,
      reason: `Quyết định ${decisionReference(d)}`,
    })),
  });
  const hamletOf = new Map(reviews.map((r) => [r.id, r.hamletId]));
  const achieved = await tx.assessment.findMany({
    where: { hamletReviewId: { in: reviews.map((r) => r.id) }, result: "ACHIEVED" },
    select: { id: true, householdId: true, hamletReviewId: true, votesFor: true },
  });
  const year = d.campaignYear.year;
  // A household that moved during the year may have been found ACHIEVED by two xóm; it gets one award a year.
  const perHousehold = new Map<string, number>();
  for (const a of achieved) perHousehold.set(a.householdId, (perHousehold.get(a.householdId) ?? 0) + 1);
  const twice = [...perHousehold].filter(([, n]) => n > 1).map(([id]) => id);
  if (twice.length > 0) {
    const names = await tx.household.findMany({ where: { id: { in: twice } }, select: { headName: true } });
    throw new DomainError("RULE_VIOLATION", DECISION_MSG.achievedTwice(names.map((h) => h.headName)));
  }
  const already = await tx.titleAward.findMany({
    where: { householdId: { in: achieved.map((a) => a.householdId) }, year },
    select: { household: { select: { headName: true } } },
  });
  if (already.length > 0) throw new DomainError("RULE_VIOLATION", DECISION_MSG.awardExists(already.map((a) => a.household.headName), year));
  const created = await tx.titleAward.createMany({
    data: achieved.map((a) => ({
      communeId: d.communeId, householdId: a.householdId, hamletId: hamletOf.get(a.hamletReviewId)!, campaignYearId: d.campaignYearId, year,
      decisionId: d.id, assessmentId: a.id, votesFor: a.votesFor,
    })),
  });
  return { awards: created.count, cancelled: 0, audit: { awards: created.count, hamlets: reviews.map((r) => r.hamlet.name).sort() } };
}

async function issueCancellation(tx: Tx, d: Loaded, cancelledAt: Date) {
  const items = await tx.cancellationItem.findMany({
    where: { decisionId: d.id },
    select: { awardId: true, award: { select: { status: true, household: { select: { headName: true } } } } },
  });
  if (items.length === 0) throw new DomainError("RULE_VIOLATION", DECISION_MSG.emptyDecision);
  const gone = items.filter((i) => i.award.status !== "ACTIVE");
  if (gone.length > 0) throw new DomainError("RULE_VIOLATION", DECISION_MSG.awardCancelled(gone.map((i) => i.award.household.headName)));
  const awardIds = items.map((i) => i.awardId);
  // Awards are never deleted: they keep their row with the decision that cancelled them.
  const cancelled = await tx.titleAward.updateMany({
    where: { id: { in: awardIds }, status: "ACTIVE", cancelDecisionId: null },
    data: { status: "CANCELLED", cancelDecisionId: d.id, cancelledAt },
  });
  if (cancelled.count !== awardIds.length) throw new DomainError("CONFLICT", MSG.stale);
  return { awards: 0, cancelled: cancelled.count, audit: { cancelledAwardIds: awardIds } };
}

// ---- Cancellation decisions ---------------------------------------------------------------------------------------

/**
 * The awards a cancellation may name: of this commune, one year, still ACTIVE and in no other draft cancellation.
 * Their rows are locked first, so two officers naming the same award in turn see each other's draft.
 */
async function checkAwards(tx: Tx, communeId: string, awardIds: string[], exceptDecisionId?: string) {
  await tx.$queryRaw`SELECT "id" FROM "TitleAward" WHERE "id" = ANY(${awardIds}::uuid[]) AND "communeId" = ${communeId}::uuid FOR UPDATE`;
  const awards = await tx.titleAward.findMany({
    where: { id: { in: awardIds }, communeId },
    select: { id: true, year: true, campaignYearId: true, status: true, household: { select: { headName: true } } },
  });
  if (awards.length !== awardIds.length) throw new DomainError("NOT_FOUND", MSG.notFound);
  if (new Set(awards.map((a) => a.year)).size > 1) {
    throw new DomainError("INVALID_INPUT", DECISION_MSG.awardsMixedYears, { awardIds: [DECISION_MSG.awardsMixedYears] });
  }
  const gone = awards.filter((a) => a.status !== "ACTIVE");
  if (gone.length > 0) throw new DomainError("RULE_VIOLATION", DECISION_MSG.awardCancelled(gone.map((a) => a.household.headName)));
  const pending = await tx.cancellationItem.findMany({
    where: { awardId: { in: awardIds }, decision: { status: "DRAFT", ...(exceptDecisionId ? { id: { not: exceptDecisionId } } : {}) } },
    select: { award: { select: { household: { select: { headName: true } } } } },
  });
  if (pending.length > 0) throw new DomainError("RULE_VIOLATION", DECISION_MSG.awardInOtherDraft(pending.map((p) => p.award.household.headName)));
  return { awards, year: awards[0]!.year, campaignYearId: awards[0]!.campaignYearId };
}

function cancellationColumns(input: CancellationDecisionInput) {
  return { ...headerColumns(input), cancelGround: input.cancelGround, cancelReason: input.cancelReason };
}

export async function createCancellationDecision(actor: Actor, input: CancellationDecisionInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    authorize(actor, "decision.draft", { communeId: actor.communeId });
    const { awards, year, campaignYearId } = await checkAwards(tx, actor.communeId, input.awardIds);
    assertIssuedInYear(input.issuedOn, year);
    await assertNumberFree(tx, actor.communeId, input);
    const decision = await tx.decision.create({
      data: { communeId: actor.communeId, campaignYearId, kind: "CANCELLATION", ...cancellationColumns(input), draftedById: actor.id },
      select: { id: true },
    });
    await tx.cancellationItem.createMany({ data: awards.map((a) => ({ decisionId: decision.id, awardId: a.id })) });
    await recordAudit(tx, actor, {
      action: "decision.draft",
      entityType: "Decision",
      entityId: decision.id,
      after: { kind: "CANCELLATION", year, ...headerSnapshot(input), cancelGround: input.cancelGround, cancelReason: input.cancelReason, awardIds: input.awardIds },
    });
    return decision;
  });
}

export async function updateCancellationDecision(actor: Actor, id: string, version: number, input: CancellationDecisionInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const current = await loadDecision(tx, actor, id);
    authorize(actor, "decision.draft", { communeId: current.communeId });
    if (current.kind !== "CANCELLATION") throw new DomainError("NOT_FOUND", DECISION_MSG.kindMismatch);
    nextDecisionStatus(current.status, "edit");
    const before = await tx.decision.findUniqueOrThrow({ where: { id }, include: { cancelItems: { select: { awardId: true } } } });
    assertIssuedInYear(input.issuedOn, current.campaignYear.year);
    await assertNumberFree(tx, current.communeId, input, id);
    await lockDraft(tx, id, version, cancellationColumns(input));
    const { campaignYearId } = await checkAwards(tx, current.communeId, input.awardIds, id);
    if (campaignYearId !== current.campaignYearId) {
      throw new DomainError("INVALID_INPUT", DECISION_MSG.awardsMixedYears, { awardIds: [DECISION_MSG.awardsMixedYears] });
    }
    await tx.cancellationItem.deleteMany({ where: { decisionId: id, awardId: { notIn: input.awardIds } } });
    await tx.cancellationItem.createMany({ data: input.awardIds.map((awardId) => ({ decisionId: id, awardId })), skipDuplicates: true });
    await recordAudit(tx, actor, {
      action: "decision.update",
      entityType: "Decision",
      entityId: id,
      before: { ...beforeSnapshot(before), awardIds: before.cancelItems.map((i) => i.awardId) },
      after: { ...headerSnapshot(input), cancelGround: input.cancelGround, cancelReason: input.cancelReason, awardIds: input.awardIds },
    });
    return { id };
  });
}
