import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import { insertRows } from "@/lib/bulk";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { todayInVietnam } from "@/lib/dates";
import type { AwardStatus, TitleSubject } from "@/lib/generated/prisma/enums";
import { authorize, communeScope, type Actor } from "@/lib/policy";
import { DomainError, MSG } from "@/lib/result";
import { nextDecisionStatus, nextReviewStatus } from "@/lib/review/rules";
import { authorityOn, isExternal, nextCouncilStatus, type AuthorityRuleRow } from "@/lib/titles/rules";
import { isUuid } from "@/lib/text";
import { DECISION_MSG, decisionReference } from "./labels";
import type {
  AwardDecisionInput, CancellationDecisionInput, DecisionHeaderInput, DecisionMode, HamletCancellationInput, HamletDecisionInput,
} from "./schema";

// Decisions (Quyết định) on both titles the commune handles. "Gia đình văn hóa" (subject HOUSEHOLD): the officer
// drafts, the leader issues; issuing moves the included dossiers to DECIDED and creates the TitleAward rows.
// "Xóm văn hóa" (subject HAMLET): who decides depends on the decision's date (AuthorityRule) — the commune's own
// decision is drafted and issued like a household one, an upper body's decision is recorded by the officer and
// issued at once through the same path; issuing creates HamletAward rows and closes the year's council review.
// Issuing a cancellation of either title marks the named awards CANCELLED (never deleted).
// Lock order everywhere: the decision row first, then reviews, the council review or awards, so concurrent writers
// cannot deadlock.

// Twenty approvals at once queue for the same row; give them room to wait for a connection and the lock.
const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 };

type Loaded = {
  id: string;
  communeId: string;
  campaignYearId: string;
  subject: TitleSubject;
  issuer: string;
  kind: "AWARD" | "CANCELLATION";
  status: "DRAFT" | "ISSUED";
  number: number;
  symbol: string;
  issuedOn: Date;
  version: number;
  campaignYear: { year: number };
};

const LOADED = {
  id: true, communeId: true, campaignYearId: true, subject: true, issuer: true, kind: true, status: true, number: true, symbol: true, issuedOn: true, version: true,
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

/**
 * Decree 30: a number is used once per calendar year in an issuer's register — the commune's own ("") or, for a
 * recorded decision, the upper body's.
 */
async function assertNumberFree(tx: Tx, communeId: string, issuer: string, input: DecisionHeaderInput, exceptId?: string) {
  const numberYear = input.issuedOn.getUTCFullYear();
  const taken = await tx.decision.findFirst({
    where: { communeId, issuer, numberYear, number: input.number, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) {
    const message = issuer === "" ? DECISION_MSG.numberTaken(input.number, numberYear) : DECISION_MSG.numberTakenBy(issuer, input.number, numberYear);
    throw new DomainError("CONFLICT", message, { number: [message] });
  }
}

// ---- Who decides "Xóm văn hóa" on a date ------------------------------------------------------------------------

/** The commune's rule in force on `on` (DOMAIN.md §8 "District abolished"); a clear refusal at the date otherwise. */
async function authorityFor(tx: Tx, communeId: string, on: Date): Promise<AuthorityRuleRow> {
  const rules = await tx.authorityRule.findMany({
    where: { communeId, subject: "HAMLET" },
    select: { id: true, subject: true, effectiveFrom: true, effectiveTo: true, authority: true, issuer: true, parentIssuer: true, legalBasis: true },
  });
  const rule = authorityOn(rules, "HAMLET", on);
  if (!rule) {
    const message = DECISION_MSG.noAuthority(on);
    throw new DomainError("INVALID_INPUT", message, { issuedOn: [message] });
  }
  return rule;
}

/**
 * The rule decides whether the commune drafts its own decision or records the upper body's; what the officer
 * meant to do must agree, so a misdated draft is never turned into an issued decision behind their back.
 */
async function authorityForMode(tx: Tx, communeId: string, mode: DecisionMode, on: Date) {
  const rule = await authorityFor(tx, communeId, on);
  const refuse = (message: string) => new DomainError("INVALID_INPUT", message, { issuedOn: [message] });
  if (mode === "draft" && isExternal(rule)) throw refuse(DECISION_MSG.notCommuneAuthority(on, rule.authority, rule.issuer.trim()));
  if (mode === "record" && !isExternal(rule)) throw refuse(DECISION_MSG.notExternalAuthority(on, rule.authority));
  if (mode === "record" && on.getTime() > todayInVietnam().getTime()) throw refuse(DECISION_MSG.recordedInFuture);
  return { issuer: rule.issuer.trim(), authority: rule.authority, authorityRuleId: rule.id };
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

/** What the audit row keeps of where a decision comes from (the commune's own register when issuer is ""). */
function authoritySnapshot(d: { subject: TitleSubject; issuer: string; authority?: string }) {
  return { subject: d.subject, ...(d.subject === "HOUSEHOLD" ? {} : { issuer: d.issuer, authority: d.authority ?? "" }) };
}

// ---- Household award decisions ------------------------------------------------------------------------------------

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

async function findCampaignYear(tx: Tx, communeId: string, year: number) {
  const campaignYear = await tx.campaignYear.findFirst({ where: { communeId, year }, select: { id: true, year: true } });
  if (!campaignYear) throw new DomainError("NOT_FOUND", DECISION_MSG.yearMissing(year));
  return campaignYear;
}

export async function createAwardDecision(actor: Actor, year: number, input: AwardDecisionInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    authorize(actor, "decision.draft", { communeId: actor.communeId });
    const campaignYear = await findCampaignYear(tx, actor.communeId, year);
    assertIssuedInYear(input.issuedOn, campaignYear.year);
    await assertNumberFree(tx, actor.communeId, "", input);
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

/** A draft of the subject and kind the caller edits; anything else is "not the kind edited here". */
async function loadDraftOf(tx: Tx, actor: Actor, id: string, subject: TitleSubject, kind: Loaded["kind"]): Promise<Loaded> {
  const current = await loadDecision(tx, actor, id);
  authorize(actor, "decision.draft", { communeId: current.communeId });
  if (current.kind !== kind || current.subject !== subject) throw new DomainError("NOT_FOUND", DECISION_MSG.kindMismatch);
  nextDecisionStatus(current.status, "edit");
  return current;
}

/** Edits a draft award decision: its header, and which dossiers it includes (unticked ones are released). */
export async function updateAwardDecision(actor: Actor, id: string, version: number, input: AwardDecisionInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const current = await loadDraftOf(tx, actor, id, "HOUSEHOLD", "AWARD");
    const before = await tx.decision.findUniqueOrThrow({ where: { id }, include: { reviews: { select: { id: true, hamlet: { select: { name: true } } } } } });
    assertIssuedInYear(input.issuedOn, current.campaignYear.year);
    await assertNumberFree(tx, current.communeId, "", input, id);
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

// ---- "Xóm văn hóa" award decisions -------------------------------------------------------------------------------

const PROPOSAL = { proposalNumber: true, proposalSymbol: true, proposalDate: true } as const;

/** The decision answers the council's Tờ trình (Mẫu 04), so it is dated on or after it; refused at the date otherwise. */
function assertAfterProposal(issuedOn: Date, council: { proposalNumber: number | null; proposalSymbol: string | null; proposalDate: Date | null }) {
  if (council.proposalDate && issuedOn.getTime() < council.proposalDate.getTime()) {
    const message = DECISION_MSG.beforeProposal({ number: council.proposalNumber, symbol: council.proposalSymbol, date: council.proposalDate });
    throw new DomainError("INVALID_INPUT", message, { issuedOn: [message] });
  }
}

/**
 * Puts the year's council review (PROPOSED, after the vote, the notice and the Tờ trình) into the decision, with
 * the hamlets it proposes (entries ACHIEVED). The conditional update lets one decision claim it: of several drafts
 * at once exactly one wins, the others are refused and roll back.
 */
async function claimCouncil(
  tx: Tx, decisionId: string, campaignYear: { id: string; year: number }, communeId: string, issuedOn: Date,
): Promise<string[]> {
  const council = await tx.councilReview.findFirst({
    where: { communeId, campaignYearId: campaignYear.id },
    select: {
      id: true, status: true, decisionId: true, ...PROPOSAL,
      entries: { where: { result: "ACHIEVED" }, select: { hamlet: { select: { name: true } } } },
    },
  });
  if (!council) throw new DomainError("RULE_VIOLATION", DECISION_MSG.councilMissing(campaignYear.year));
  if (council.decisionId !== null && council.decisionId !== decisionId) throw new DomainError("CONFLICT", DECISION_MSG.councilTaken(campaignYear.year));
  nextCouncilStatus(council.status, "includeInDecision");
  assertAfterProposal(issuedOn, council);
  if (council.entries.length === 0) throw new DomainError("RULE_VIOLATION", DECISION_MSG.councilEmpty(campaignYear.year));
  if (council.decisionId === null) {
    const claimed = await tx.councilReview.updateMany({ where: { id: council.id, status: "PROPOSED", decisionId: null }, data: { decisionId } });
    if (claimed.count !== 1) throw new DomainError("CONFLICT", DECISION_MSG.councilTaken(campaignYear.year));
  }
  return council.entries.map((e) => e.hamlet.name).sort();
}

/**
 * A "Xóm văn hóa" decision for `year`, dated input.issuedOn. `draft`: the commune decides on that date, the officer
 * drafts and the leader issues later. `record`: an upper body decided; the officer records its decision, which is
 * issued at once through the same path as the leader's approval (HamletAwards, council DECIDED), in one transaction.
 */
export async function createHamletDecision(
  actor: Actor, year: number, mode: DecisionMode, input: HamletDecisionInput,
): Promise<{ id: string; status: "DRAFT" | "ISSUED"; awards: number }> {
  return db.$transaction(async (tx) => {
    authorize(actor, "decision.draft", { communeId: actor.communeId });
    const campaignYear = await findCampaignYear(tx, actor.communeId, year);
    assertIssuedInYear(input.issuedOn, campaignYear.year);
    const authority = await authorityForMode(tx, actor.communeId, mode, input.issuedOn);
    await assertNumberFree(tx, actor.communeId, authority.issuer, input);
    const decision = await tx.decision.create({
      data: {
        communeId: actor.communeId, campaignYearId: campaignYear.id, subject: "HAMLET", kind: "AWARD", ...headerColumns(input), ...authority,
        draftedById: actor.id,
      },
      select: LOADED,
    });
    const hamlets = await claimCouncil(tx, decision.id, campaignYear, actor.communeId, input.issuedOn);
    const after = { kind: "AWARD", year, ...authoritySnapshot({ subject: "HAMLET", ...authority }), ...headerSnapshot(input), hamlets };
    if (mode === "draft") {
      await recordAudit(tx, actor, { action: "decision.draft", entityType: "Decision", entityId: decision.id, after });
      return { id: decision.id, status: "DRAFT" as const, awards: 0 };
    }
    const issued = await issueInTx(tx, actor, decision, decision.version);
    await recordAudit(tx, actor, {
      action: "decision.record", entityType: "Decision", entityId: decision.id, after: { ...after, status: issued.status, ...issued.audit },
    });
    return { id: decision.id, status: "ISSUED" as const, awards: issued.awards };
  }, TX_OPTIONS);
}

/** Edits the header of a commune "Xóm văn hóa" draft; its date must still fall under the commune's authority. */
export async function updateHamletDecision(actor: Actor, id: string, version: number, input: HamletDecisionInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const current = await loadDraftOf(tx, actor, id, "HAMLET", "AWARD");
    const before = await tx.decision.findUniqueOrThrow({ where: { id } });
    assertIssuedInYear(input.issuedOn, current.campaignYear.year);
    const authority = await authorityForMode(tx, current.communeId, "draft", input.issuedOn);
    const council = await tx.councilReview.findFirst({ where: { decisionId: id }, select: PROPOSAL });
    if (council) assertAfterProposal(input.issuedOn, council);
    await assertNumberFree(tx, current.communeId, authority.issuer, input, id);
    await lockDraft(tx, id, version, { ...headerColumns(input), ...authority });
    await recordAudit(tx, actor, {
      action: "decision.update",
      entityType: "Decision",
      entityId: id,
      before: { ...authoritySnapshot(before), ...beforeSnapshot(before) },
      after: { ...authoritySnapshot({ subject: "HAMLET", ...authority }), ...headerSnapshot(input) },
    });
    return { id };
  });
}

// ---- Discard ----------------------------------------------------------------------------------------------------

/**
 * Throws away a draft: its dossiers (or the year's council review) become free again, the cancellation items go with
 * it. With `version` (the one the page showed), a draft edited meanwhile is not thrown away unseen.
 */
export async function discardDecision(actor: Actor, id: string, version?: number): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const current = await loadDecision(tx, actor, id);
    authorize(actor, "decision.draft", { communeId: current.communeId });
    nextDecisionStatus(current.status, "discard");
    const before = await tx.decision.findUniqueOrThrow({
      where: { id },
      include: {
        reviews: { select: { hamlet: { select: { name: true } } } },
        councils: { select: { entries: { where: { result: "ACHIEVED" }, select: { hamlet: { select: { name: true } } } } } },
        cancelItems: { select: { awardId: true, hamletAwardId: true } },
      },
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
    await tx.councilReview.updateMany({ where: { decisionId: id }, data: { decisionId: null } });
    await tx.decision.delete({ where: { id } });
    const covered = before.kind === "CANCELLATION"
      ? (before.subject === "HAMLET" ? { hamletAwardIds: before.cancelItems.map((i) => i.hamletAwardId) } : { awardIds: before.cancelItems.map((i) => i.awardId) })
      : { hamlets: (before.subject === "HAMLET" ? before.councils.flatMap((c) => c.entries) : before.reviews).map((r) => r.hamlet.name).sort() };
    await recordAudit(tx, actor, {
      action: "decision.discard",
      entityType: "Decision",
      entityId: id,
      before: {
        kind: before.kind, year: current.campaignYear.year, ...(before.subject === "HOUSEHOLD" ? {} : authoritySnapshot(before)), ...beforeSnapshot(before),
        ...covered,
      },
    });
    return { id };
  });
}

// ---- Issue --------------------------------------------------------------------------------------------------------

type IssueOutcome = { status: "ISSUED"; awards: number; cancelled: number; audit: Record<string, unknown> };

/**
 * The one issue path: DRAFT → ISSUED by the state machine, then what the decision does by kind and subject. The
 * conditional update lets exactly one of several simultaneous issues through; the rest find the decision ISSUED
 * and get the state machine's "đã được xử lý". Callers authorize and audit.
 */
async function issueInTx(tx: Tx, actor: Actor, current: Loaded, version: number): Promise<IssueOutcome> {
  const next = nextDecisionStatus(current.status, "issue");
  if (next !== "ISSUED") throw new DomainError("RULE_VIOLATION", MSG.conflict);
  const approvedAt = new Date();
  const updated = await tx.decision.updateMany({
    where: { id: current.id, status: "DRAFT", version },
    data: { status: next, approvedById: actor.id, approvedAt, version: { increment: 1 } },
  });
  if (updated.count !== 1) {
    const now = await tx.decision.findUnique({ where: { id: current.id }, select: { status: true } });
    if (!now) throw new DomainError("CONFLICT", DECISION_MSG.discarded);
    nextDecisionStatus(now.status, "issue");
    throw new DomainError("CONFLICT", MSG.stale);
  }
  const outcome = current.kind === "CANCELLATION"
    ? await issueCancellation(tx, current, approvedAt)
    : current.subject === "HAMLET" ? await issueHamletAward(tx, current) : await issueAward(tx, actor, current);
  return { status: next, ...outcome };
}

/** The leader approves and issues a draft of the commune's own register. */
export async function issueDecision(actor: Actor, id: string, version: number): Promise<{ id: string; awards: number; cancelled: number }> {
  return db.$transaction(async (tx) => {
    const current = await loadDecision(tx, actor, id);
    authorize(actor, "decision.approve", { communeId: current.communeId });
    const outcome = await issueInTx(tx, actor, current, version);
    await recordAudit(tx, actor, {
      action: "decision.issue",
      entityType: "Decision",
      entityId: id,
      before: { status: current.status },
      after: {
        status: outcome.status, kind: current.kind, ...(current.subject === "HOUSEHOLD" ? {} : { subject: current.subject }),
        year: current.campaignYear.year, number: current.number, symbol: current.symbol, ...outcome.audit,
      },
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
  const created = await insertRows<Prisma.TitleAwardCreateManyInput>(tx, "TitleAward", achieved.map((a) => ({
    id: randomUUID(), communeId: d.communeId, householdId: a.householdId, hamletId: hamletOf.get(a.hamletReviewId)!, campaignYearId: d.campaignYearId,
    year, decisionId: d.id, assessmentId: a.id, votesFor: a.votesFor,
  })));
  return { awards: created, cancelled: 0, audit: { awards: created, hamlets: reviews.map((r) => r.hamlet.name).sort() } };
}

/** "Xóm văn hóa": one HamletAward per hamlet the council proposed (unique per hamlet and year); the council is DECIDED. */
async function issueHamletAward(tx: Tx, d: Loaded) {
  const council = await tx.councilReview.findFirst({
    where: { decisionId: d.id },
    select: {
      id: true, status: true,
      entries: { where: { result: "ACHIEVED" }, select: { id: true, hamletId: true, votesFor: true, hamlet: { select: { name: true } } } },
    },
  });
  if (!council || council.entries.length === 0) throw new DomainError("RULE_VIOLATION", DECISION_MSG.emptyDecision);
  const decided = nextCouncilStatus(council.status, "decide");
  const year = d.campaignYear.year;
  const already = await tx.hamletAward.findMany({
    where: { hamletId: { in: council.entries.map((e) => e.hamletId) }, year },
    select: { hamlet: { select: { name: true } } },
  });
  if (already.length > 0) throw new DomainError("RULE_VIOLATION", DECISION_MSG.hamletAwardExists(already.map((a) => a.hamlet.name).sort(), year));
  const moved = await tx.councilReview.updateMany({
    where: { id: council.id, status: "PROPOSED", decisionId: d.id },
    data: { status: decided, version: { increment: 1 } },
  });
  if (moved.count !== 1) throw new DomainError("CONFLICT", MSG.stale);
  const created = await tx.hamletAward.createMany({
    data: council.entries.map((e) => ({
      communeId: d.communeId, hamletId: e.hamletId, campaignYearId: d.campaignYearId, year, decisionId: d.id, entryId: e.id, votesFor: e.votesFor,
    })),
  });
  return { awards: created.count, cancelled: 0, audit: { hamletAwards: created.count, hamlets: council.entries.map((e) => e.hamlet.name).sort() } };
}

// ---- Cancellation decisions ---------------------------------------------------------------------------------------

type AwardRef = { id: string; year: number; campaignYearId: string; status: AwardStatus; name: string };

/** Where a subject's awards live: a household's TitleAward or a hamlet's HamletAward, named by head or hamlet. */
const AWARDS = {
  HOUSEHOLD: {
    field: "awardIds",
    lock: (tx: Tx, ids: string[], communeId: string) =>
      tx.$queryRaw`SELECT "id" FROM "TitleAward" WHERE "id" = ANY(${ids}::uuid[]) AND "communeId" = ${communeId}::uuid FOR UPDATE`,
    load: async (tx: Tx, ids: string[], communeId: string): Promise<AwardRef[]> =>
      (await tx.titleAward.findMany({
        where: { id: { in: ids }, communeId },
        select: { id: true, year: true, campaignYearId: true, status: true, household: { select: { headName: true } } },
      })).map(({ household, ...a }) => ({ ...a, name: household.headName })),
    pendingNames: async (tx: Tx, ids: string[], exceptDecisionId?: string) =>
      (await tx.cancellationItem.findMany({
        where: { awardId: { in: ids }, decision: { status: "DRAFT", ...(exceptDecisionId ? { id: { not: exceptDecisionId } } : {}) } },
        select: { award: { select: { household: { select: { headName: true } } } } },
      })).map((p) => p.award?.household.headName ?? ""),
    item: (decisionId: string, id: string) => ({ decisionId, awardId: id }),
    cancel: (tx: Tx, ids: string[], decisionId: string, cancelledAt: Date) =>
      tx.titleAward.updateMany({ where: { id: { in: ids }, status: "ACTIVE", cancelDecisionId: null }, data: { status: "CANCELLED", cancelDecisionId: decisionId, cancelledAt } }),
    cancelledMessage: DECISION_MSG.awardCancelled,
    inOtherDraftMessage: DECISION_MSG.awardInOtherDraft,
  },
  HAMLET: {
    field: "hamletAwardIds",
    lock: (tx: Tx, ids: string[], communeId: string) =>
      tx.$queryRaw`SELECT "id" FROM "HamletAward" WHERE "id" = ANY(${ids}::uuid[]) AND "communeId" = ${communeId}::uuid FOR UPDATE`,
    load: async (tx: Tx, ids: string[], communeId: string): Promise<AwardRef[]> =>
      (await tx.hamletAward.findMany({
        where: { id: { in: ids }, communeId },
        select: { id: true, year: true, campaignYearId: true, status: true, hamlet: { select: { name: true } } },
      })).map(({ hamlet, ...a }) => ({ ...a, name: hamlet.name })),
    pendingNames: async (tx: Tx, ids: string[], exceptDecisionId?: string) =>
      (await tx.cancellationItem.findMany({
        where: { hamletAwardId: { in: ids }, decision: { status: "DRAFT", ...(exceptDecisionId ? { id: { not: exceptDecisionId } } : {}) } },
        select: { hamletAward: { select: { hamlet: { select: { name: true } } } } },
      })).map((p) => p.hamletAward?.hamlet.name ?? ""),
    item: (decisionId: string, id: string) => ({ decisionId, hamletAwardId: id }),
    cancel: (tx: Tx, ids: string[], decisionId: string, cancelledAt: Date) =>
      tx.hamletAward.updateMany({ where: { id: { in: ids }, status: "ACTIVE", cancelDecisionId: null }, data: { status: "CANCELLED", cancelDecisionId: decisionId, cancelledAt } }),
    cancelledMessage: DECISION_MSG.hamletAwardCancelled,
    inOtherDraftMessage: DECISION_MSG.hamletAwardInOtherDraft,
  },
} as const;
type CancelSubject = keyof typeof AWARDS;

function cancelSubject(subject: TitleSubject): CancelSubject {
  if (subject === "HOUSEHOLD" || subject === "HAMLET") return subject;
  throw new DomainError("NOT_FOUND", DECISION_MSG.kindMismatch);
}

/**
 * The awards a cancellation may name: of this commune, one year, still ACTIVE and in no other draft cancellation.
 * Their rows are locked first, so two officers naming the same award in turn see each other's draft.
 */
async function checkAwards(tx: Tx, subject: CancelSubject, communeId: string, ids: string[], exceptDecisionId?: string) {
  const table = AWARDS[subject];
  await table.lock(tx, ids, communeId);
  const awards = await table.load(tx, ids, communeId);
  if (awards.length !== ids.length) throw new DomainError("NOT_FOUND", MSG.notFound);
  if (new Set(awards.map((a) => a.year)).size > 1) {
    throw new DomainError("INVALID_INPUT", DECISION_MSG.awardsMixedYears, { [table.field]: [DECISION_MSG.awardsMixedYears] });
  }
  const gone = awards.filter((a) => a.status !== "ACTIVE");
  if (gone.length > 0) throw new DomainError("RULE_VIOLATION", table.cancelledMessage(gone.map((a) => a.name)));
  const pending = await table.pendingNames(tx, ids, exceptDecisionId);
  if (pending.length > 0) throw new DomainError("RULE_VIOLATION", table.inOtherDraftMessage(pending));
  return { awards, year: awards[0]!.year, campaignYearId: awards[0]!.campaignYearId };
}

async function issueCancellation(tx: Tx, d: Loaded, cancelledAt: Date) {
  const table = AWARDS[cancelSubject(d.subject)];
  const items = await tx.cancellationItem.findMany({ where: { decisionId: d.id }, select: { awardId: true, hamletAwardId: true } });
  const ids = items.map((i) => (d.subject === "HAMLET" ? i.hamletAwardId : i.awardId)).filter((v): v is string => v !== null);
  if (ids.length === 0) throw new DomainError("RULE_VIOLATION", DECISION_MSG.emptyDecision);
  const awards = await table.load(tx, ids, d.communeId);
  const gone = awards.filter((a) => a.status !== "ACTIVE");
  if (gone.length > 0) throw new DomainError("RULE_VIOLATION", table.cancelledMessage(gone.map((a) => a.name)));
  // Awards are never deleted: they keep their row with the decision that cancelled them.
  const cancelled = await table.cancel(tx, ids, d.id, cancelledAt);
  if (cancelled.count !== ids.length) throw new DomainError("CONFLICT", MSG.stale);
  const audit = d.subject === "HAMLET"
    ? { cancelledHamletAwardIds: ids, hamlets: awards.map((a) => a.name).sort() }
    : { cancelledAwardIds: ids };
  return { awards: 0, cancelled: cancelled.count, audit };
}

type CancellationFields = DecisionHeaderInput & Pick<CancellationDecisionInput, "cancelGround" | "cancelReason">;

function cancellationColumns(input: CancellationFields) {
  return { ...headerColumns(input), cancelGround: input.cancelGround, cancelReason: input.cancelReason };
}

/**
 * A cancellation naming `ids` of the subject's awards, as a DRAFT with its items; the caller issues a recorded one.
 * For "Xóm văn hóa" the authority in force on the cancellation's date decides (`mode` must agree with it).
 */
async function insertCancellation(tx: Tx, actor: Actor, subject: CancelSubject, mode: DecisionMode, ids: string[], input: CancellationFields) {
  const { awards, year, campaignYearId } = await checkAwards(tx, subject, actor.communeId, ids);
  assertIssuedInYear(input.issuedOn, year);
  const authority = subject === "HAMLET" ? await authorityForMode(tx, actor.communeId, mode, input.issuedOn) : null;
  await assertNumberFree(tx, actor.communeId, authority?.issuer ?? "", input);
  const decision = await tx.decision.create({
    data: {
      communeId: actor.communeId, campaignYearId, subject, kind: "CANCELLATION", ...cancellationColumns(input), ...authority, draftedById: actor.id,
    },
    select: LOADED,
  });
  await tx.cancellationItem.createMany({ data: awards.map((a) => AWARDS[subject].item(decision.id, a.id)) });
  const after = {
    kind: "CANCELLATION", year, ...(authority ? authoritySnapshot({ subject, ...authority }) : {}), ...headerSnapshot(input),
    cancelGround: input.cancelGround, cancelReason: input.cancelReason, [AWARDS[subject].field]: ids,
    ...(subject === "HAMLET" ? { hamlets: awards.map((a) => a.name).sort() } : {}),
  };
  return { decision, after };
}

export async function createCancellationDecision(actor: Actor, input: CancellationDecisionInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    authorize(actor, "decision.draft", { communeId: actor.communeId });
    const { decision, after } = await insertCancellation(tx, actor, "HOUSEHOLD", "draft", input.awardIds, input);
    await recordAudit(tx, actor, { action: "decision.draft", entityType: "Decision", entityId: decision.id, after });
    return { id: decision.id };
  });
}

/**
 * Cancels "Xóm văn hóa" titles (Law 2022 Chương VII, grounds a–d) by the authority in force on the cancellation's
 * date: the commune's own decision is a draft for the leader; an upper body's is recorded and issued at once.
 */
export async function createHamletCancellation(
  actor: Actor, mode: DecisionMode, input: HamletCancellationInput,
): Promise<{ id: string; status: "DRAFT" | "ISSUED"; cancelled: number }> {
  return db.$transaction(async (tx) => {
    authorize(actor, "decision.draft", { communeId: actor.communeId });
    const { decision, after } = await insertCancellation(tx, actor, "HAMLET", mode, input.hamletAwardIds, input);
    if (mode === "draft") {
      await recordAudit(tx, actor, { action: "decision.draft", entityType: "Decision", entityId: decision.id, after });
      return { id: decision.id, status: "DRAFT" as const, cancelled: 0 };
    }
    const issued = await issueInTx(tx, actor, decision, decision.version);
    await recordAudit(tx, actor, {
      action: "decision.record", entityType: "Decision", entityId: decision.id, after: { ...after, status: issued.status, ...issued.audit },
    });
    return { id: decision.id, status: "ISSUED" as const, cancelled: issued.cancelled };
  }, TX_OPTIONS);
}

/** Edits a draft cancellation of either title: header, ground and reason, and which awards it names. */
async function updateCancellation(actor: Actor, id: string, version: number, subject: CancelSubject, ids: string[], input: CancellationFields) {
  return db.$transaction(async (tx) => {
    const current = await loadDraftOf(tx, actor, id, subject, "CANCELLATION");
    const before = await tx.decision.findUniqueOrThrow({ where: { id }, include: { cancelItems: { select: { awardId: true, hamletAwardId: true } } } });
    assertIssuedInYear(input.issuedOn, current.campaignYear.year);
    const authority = subject === "HAMLET" ? await authorityForMode(tx, current.communeId, "draft", input.issuedOn) : null;
    await assertNumberFree(tx, current.communeId, authority?.issuer ?? "", input, id);
    await lockDraft(tx, id, version, { ...cancellationColumns(input), ...authority });
    const { campaignYearId } = await checkAwards(tx, subject, current.communeId, ids, id);
    if (campaignYearId !== current.campaignYearId) {
      throw new DomainError("INVALID_INPUT", DECISION_MSG.awardsMixedYears, { [AWARDS[subject].field]: [DECISION_MSG.awardsMixedYears] });
    }
    await tx.cancellationItem.deleteMany({
      where: subject === "HAMLET" ? { decisionId: id, hamletAwardId: { notIn: ids } } : { decisionId: id, awardId: { notIn: ids } },
    });
    await tx.cancellationItem.createMany({ data: ids.map((awardId) => AWARDS[subject].item(id, awardId)), skipDuplicates: true });
    const field = AWARDS[subject].field;
    const named = (items: { awardId: string | null; hamletAwardId: string | null }[]) => items.map((i) => (subject === "HAMLET" ? i.hamletAwardId : i.awardId));
    await recordAudit(tx, actor, {
      action: "decision.update",
      entityType: "Decision",
      entityId: id,
      before: { ...(authority ? authoritySnapshot(before) : {}), ...beforeSnapshot(before), [field]: named(before.cancelItems) },
      after: {
        ...(authority ? authoritySnapshot({ subject, ...authority }) : {}), ...headerSnapshot(input),
        cancelGround: input.cancelGround, cancelReason: input.cancelReason, [field]: ids,
      },
    });
    return { id };
  });
}

export async function updateCancellationDecision(actor: Actor, id: string, version: number, input: CancellationDecisionInput): Promise<{ id: string }> {
  return updateCancellation(actor, id, version, "HOUSEHOLD", input.awardIds, input);
}

export async function updateHamletCancellation(actor: Actor, id: string, version: number, input: HamletCancellationInput): Promise<{ id: string }> {
  return updateCancellation(actor, id, version, "HAMLET", input.hamletAwardIds, input);
}
