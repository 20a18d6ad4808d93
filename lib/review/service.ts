import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import { insertRows } from "@/lib/bulk";
import { todayInVietnam } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import type { Assessment, Prisma } from "@/lib/generated/prisma/client";
import type { ReviewEventKind, ViolationCategory } from "@/lib/generated/prisma/enums";
import { authorize, communeScope, hamletRowScope, hamletScope, householdScope, type Actor } from "@/lib/policy";
import { DomainError, MSG, type FieldErrors } from "@/lib/result";
import { isUuid } from "@/lib/text";
import { householdFacts, nextUnassessed, rollOf } from "./queries";
import {
  nextReviewStatus, noticeEndsOn, noticeOpenMessage, quorum, violationWindow, type ReviewEvent,
} from "./rules";
import {
  REVIEW_MSG, householdOutcome, householdVoteErrors, meetingDateError, noticeDateError, objectionDateError,
  type AssessmentInput, type BulkAssessmentInput, type MeetingInput, type NoticeInput, type ObjectionInput, type OutcomeContext,
  type ReopenInput, type ResolveObjectionInput, type ReturnInput,
} from "./schema";
import { isYear } from "@/lib/validation";

// The hamlet review's use cases. Each runs in one transaction: load the review inside the actor's scope, authorize,
// move the dossier through rules.nextReviewStatus with a conditional update on the status it was read in (that
// update also locks the row, so writes to one review run one after another), apply the rule, write, audit. A use
// case that relies on the meeting header it read (quorum, attendance, dates) also pins the review's version, which
// only a meeting save bumps: a header saved in between makes it fail as stale instead of using old numbers.

// A meeting re-save recomputes every result; give a large hamlet time.
const LONG_TX = { timeout: 30_000, maxWait: 10_000 };

type ReviewRow = NonNullable<Awaited<ReturnType<typeof findReview>>>;

const invalid = (fieldErrors: FieldErrors) => new DomainError("INVALID_INPUT", MSG.invalid, fieldErrors);
const fieldError = (field: string, message: string) => new DomainError("INVALID_INPUT", message, { [field]: [message] });
const rule = (message: string) => new DomainError("RULE_VIOLATION", message);
const notFound = () => new DomainError("NOT_FOUND", MSG.notFound);
const placeOf = (row: { communeId: string; hamletId: string }) => ({ communeId: row.communeId, hamletId: row.hamletId });

function findReview(tx: Tx, actor: Actor, reviewId: string) {
  if (!isUuid(reviewId)) return Promise.resolve(null);
  return tx.hamletReview.findFirst({
    where: { AND: [{ id: reviewId }, hamletRowScope(actor, "review.read")] },
    include: { campaignYear: { select: { year: true, noticeDays: true } } },
  });
}

/** The review in the actor's scope (else NOT_FOUND), with `permission` on its hamlet (else FORBIDDEN). */
async function loadReview(tx: Tx, actor: Actor, reviewId: string, permission: "review.write" | "review.verify"): Promise<ReviewRow> {
  const review = await findReview(tx, actor, reviewId);
  if (!review) throw notFound();
  authorize(actor, permission, placeOf(review));
  return review;
}

/**
 * Applies `event` to the review: the status must still be the one it was read in (and the version, when given).
 * A request that lost the race gets the state machine's message for where the dossier stands now.
 */
async function transition(
  tx: Tx,
  review: { id: string; status: ReviewRow["status"] },
  event: ReviewEvent,
  data: Prisma.HamletReviewUpdateManyMutationInput = {},
  version?: number,
) {
  const next = nextReviewStatus(review.status, event);
  const { count } = await tx.hamletReview.updateMany({
    where: { id: review.id, status: review.status, ...(version !== undefined ? { version } : {}) },
    data: { ...data, status: next },
  });
  if (count !== 1) {
    const now = await tx.hamletReview.findUnique({ where: { id: review.id }, select: { status: true } });
    if (!now) throw notFound();
    nextReviewStatus(now.status, event);
    throw new DomainError("CONFLICT", MSG.stale);
  }
  return next;
}

async function addEvent(tx: Tx, actor: Actor, review: { id: string; communeId: string }, kind: ReviewEventKind, extra: { reason?: string | null; householdId?: string | null } = {}) {
  await tx.reviewEvent.create({
    data: { communeId: review.communeId, hamletReviewId: review.id, kind, actorId: actor.id, actorName: actor.fullName, reason: extra.reason ?? null, householdId: extra.householdId ?? null },
  });
}

/** How the review's meeting counts: its rule set, attendance and checklist wording. */
async function outcomeContext(tx: Tx, review: { ruleSetId: string; criteriaSetId: string; ballotMethod: ReviewRow["ballotMethod"]; invitedCount: number; presentCount: number }) {
  const [ruleSet, standards] = await Promise.all([
    tx.ruleSet.findUniqueOrThrow({ where: { id: review.ruleSetId } }),
    tx.criterion.findMany({ where: { criteriaSetId: review.criteriaSetId, kind: "STANDARD" }, select: { code: true, text: true } }),
  ]);
  const ctx: OutcomeContext = {
    rule: ruleSet,
    method: review.ballotMethod,
    at: { invited: review.invitedCount, present: review.presentCount },
    registrationRequired: ruleSet.registrationRequired,
    standardText: Object.fromEntries(standards.map((s) => [s.code, s.text])),
  };
  return { ruleSet, ctx };
}

const union = (a: ViolationCategory[], b: ViolationCategory[]) => [...new Set([...a, ...b])].sort();

async function countMissing(tx: Tx, review: { id: string; communeId: string; hamletId: string }) {
  return tx.household.count({
    where: { communeId: review.communeId, hamletId: review.hamletId, status: "ACTIVE", assessments: { none: { hamletReviewId: review.id } } },
  });
}

// ---- Meeting ----------------------------------------------------------------------------------------------------

type ResultFields = Pick<Assessment, "exclusions" | "votesFor" | "votesAgainst" | "result" | "reason" | "meetingResult">;

/** The stored result fields equal `next` (exclusions compared as sorted sets). */
function sameResult(a: ResultFields, next: ResultFields): boolean {
  return [...a.exclusions].sort().join() === next.exclusions.join() && a.votesFor === next.votesFor && a.votesAgainst === next.votesAgainst
    && a.result === next.result && a.reason === next.reason && a.meetingResult === next.meetingResult;
}

type StoredAssessment = Assessment & { household: { headName: string } };

/**
 * Recomputes saved results from their stored checklist and votes with `ctx` and what is on record now (violations in
 * the window, registration, upheld objections); writes only the results that change, one statement per distinct
 * result. `onVoteError` decides what a vote that no longer fits does. Returns how many results changed.
 */
async function rewriteResults(
  tx: Tx,
  actor: Actor,
  review: { id: string; communeId: string; campaignYearId: string; campaignYear: { year: number } },
  lookbackYears: number,
  ctx: OutcomeContext,
  assessments: StoredAssessment[],
  onVoteError: (headName: string, message: string) => void,
): Promise<number> {
  const window = violationWindow(review.campaignYear.year, lookbackYears);
  const factsOf = await householdFacts(tx, review, window, { householdIds: assessments.map((a) => a.householdId) });
  const batches = new Map<string, { data: ResultFields; ids: string[] }>();
  for (const a of assessments) {
    const facts = factsOf.get(a.householdId)!;
    const exclusions = union(a.exclusions, facts.recorded);
    const vote = { unmetCodes: a.unmetCodes, exclusions, votesFor: a.votesFor, votesAgainst: a.votesAgainst };
    const first = Object.values(householdVoteErrors(ctx, ctx.at.present, vote, facts.isRegistered))[0]?.[0];
    if (first) onVoteError(a.household.headName, first);
    const votes = ctx.method === "CONSENSUS" ? { votesFor: null, votesAgainst: null } : { votesFor: a.votesFor, votesAgainst: a.votesAgainst };
    const data = { exclusions, ...votes, ...householdOutcome(ctx, vote, facts.isRegistered, facts.upheld) };
    if (sameResult(a, data)) continue;
    const key = JSON.stringify(data);
    const batch = batches.get(key) ?? { data, ids: [] };
    batch.ids.push(a.id);
    batches.set(key, batch);
  }
  let changed = 0;
  for (const { data, ids } of batches.values()) {
    await tx.assessment.updateMany({ where: { id: { in: ids } }, data: { ...data, updatedById: actor.id, version: { increment: 1 } } });
    changed += ids.length;
  }
  return changed;
}

/**
 * After a violation or a registration of these households changed: their saved results in the year follow what is
 * on record now, in every review not yet decided (a decided year is final; a later violation is a cancellation
 * ground). Runs in the caller's transaction; the audit row says which review changed and how many results.
 */
export async function refreshResults(tx: Tx, actor: Actor, campaignYearId: string | null, householdIds: string[]): Promise<number> {
  const assessments = await tx.assessment.findMany({
    where: {
      householdId: { in: householdIds },
      communeId: actor.communeId,
      review: { status: { not: "DECIDED" }, ...(campaignYearId ? { campaignYearId } : {}) },
    },
    include: { household: { select: { headName: true } } },
  });
  let total = 0;
  for (const reviewId of new Set(assessments.map((a) => a.hamletReviewId))) {
    const review = await tx.hamletReview.findUniqueOrThrow({ where: { id: reviewId }, include: { campaignYear: { select: { year: true } } } });
    const { ruleSet, ctx } = await outcomeContext(tx, review);
    const mine = assessments.filter((a) => a.hamletReviewId === reviewId);
    // Votes were checked when saved against this meeting's attendance, which has not changed.
    const changed = await rewriteResults(tx, actor, review, ruleSet.lookbackYears, ctx, mine, () => {});
    if (changed > 0) {
      await recordAudit(tx, actor, { action: "review.assessment.refresh", entityType: "HamletReview", entityId: review.id, after: { householdIds, resultsChanged: changed } });
    }
    total += changed;
  }
  return total;
}

/**
 * Creates the review with its meeting header (first save) or updates the header (`version` of the row edited).
 * Every saved result is recomputed with the new attendance, ballot method and the violations on record; only the
 * results that change are written (one statement per distinct result). It is refused when a saved vote no longer
 * fits or the meeting would turn inquorate while results exist.
 */
export async function saveMeeting(actor: Actor, year: number, hamletId: string, version: number | undefined, input: MeetingInput): Promise<{ id: string; isQuorate: boolean }> {
  return db.$transaction(async (tx) => {
    if (!isYear(year)) throw new DomainError("NOT_FOUND", REVIEW_MSG.noYear);
    const hamlet = !isUuid(hamletId) ? null : await tx.hamlet.findFirst({ where: { AND: [{ id: hamletId }, hamletScope(actor)] }, select: { id: true, communeId: true } });
    if (!hamlet) throw notFound();
    authorize(actor, "review.write", { communeId: hamlet.communeId, hamletId: hamlet.id });
    const yearRow = await tx.campaignYear.findFirst({ where: { AND: [{ year }, communeScope(actor, "review.read")] }, include: { ruleSet: true } });
    if (!yearRow) throw new DomainError("NOT_FOUND", REVIEW_MSG.noYear);
    const dateError = meetingDateError(input.meetingDate, yearRow.year);
    if (dateError) throw fieldError("meetingDate", dateError);

    const totalHouseholds = await tx.household.count({ where: { communeId: hamlet.communeId, hamletId: hamlet.id, status: "ACTIVE" } });
    const header = {
      meetingDate: input.meetingDate, meetingPlace: input.meetingPlace, chairName: input.chairName, secretaryName: input.secretaryName,
      invitedCount: input.invitedCount, presentCount: input.presentCount, ballotMethod: input.ballotMethod, totalHouseholds,
    };
    const existing = await tx.hamletReview.findUnique({
      where: { campaignYearId_hamletId: { campaignYearId: yearRow.id, hamletId: hamlet.id } },
      include: { campaignYear: { select: { year: true, noticeDays: true } } },
    });

    if (!existing) {
      const q = quorum(yearRow.ruleSet, { invited: input.invitedCount, present: input.presentCount, totalHouseholds });
      nextReviewStatus("MEETING", "saveMeeting");
      const review = await tx.hamletReview.create({
        data: {
          communeId: hamlet.communeId, campaignYearId: yearRow.id, hamletId: hamlet.id, status: "MEETING", ...header,
          isQuorate: q.isQuorate, quorumNote: q.note, ruleSetId: yearRow.ruleSetId, criteriaSetId: yearRow.criteriaSetId,
        },
        select: { id: true, communeId: true },
      });
      await addEvent(tx, actor, review, "MEETING_OPENED");
      await recordAudit(tx, actor, { action: "review.meeting.create", entityType: "HamletReview", entityId: review.id, after: { year, hamletId: hamlet.id, ...header, isQuorate: q.isQuorate } });
      return { id: review.id, isQuorate: q.isQuorate };
    }

    if (version === undefined) throw new DomainError("CONFLICT", REVIEW_MSG.reviewExists);
    const { ruleSet, ctx: oldCtx } = await outcomeContext(tx, existing);
    const q = quorum(ruleSet, { invited: input.invitedCount, present: input.presentCount, totalHouseholds });
    await transition(tx, existing, "saveMeeting", { ...header, isQuorate: q.isQuorate, quorumNote: q.note, version: { increment: 1 } }, version);

    const assessments = await tx.assessment.findMany({ where: { hamletReviewId: existing.id }, include: { household: { select: { headName: true } } } });
    let changed = 0;
    if (assessments.length > 0) {
      if (!q.isQuorate) throw fieldError("presentCount", REVIEW_MSG.inquorateWithResults(assessments.length));
      const ctx: OutcomeContext = { ...oldCtx, method: input.ballotMethod, at: { invited: input.invitedCount, present: input.presentCount } };
      const field = input.ballotMethod !== existing.ballotMethod ? "ballotMethod" : "presentCount";
      changed = await rewriteResults(tx, actor, existing, ruleSet.lookbackYears, ctx, assessments, (headName, message) => {
        throw fieldError(field, REVIEW_MSG.voteAbovePresent(headName, message));
      });
    }
    await recordAudit(tx, actor, {
      action: "review.meeting.update",
      entityType: "HamletReview",
      entityId: existing.id,
      before: {
        meetingDate: existing.meetingDate, meetingPlace: existing.meetingPlace, chairName: existing.chairName, secretaryName: existing.secretaryName,
        invitedCount: existing.invitedCount, presentCount: existing.presentCount, ballotMethod: existing.ballotMethod, isQuorate: existing.isQuorate,
      },
      after: { ...header, isQuorate: q.isQuorate, resultsChanged: changed },
    });
    return { id: existing.id, isQuorate: q.isQuorate };
  }, LONG_TX);
}

// ---- Assessments ------------------------------------------------------------------------------------------------

/**
 * Records one household's result. The server recomputes it from the checklist and the votes (never from the
 * browser), adds the exclusions of violations on record, and stores the rule and criteria versions used.
 */
export async function saveAssessment(
  actor: Actor, reviewId: string, householdId: string, version: number | undefined, input: AssessmentInput,
): Promise<{ id: string; version: number; nextHouseholdId: string | null }> {
  return db.$transaction(async (tx) => {
    const review = await loadReview(tx, actor, reviewId, "review.write");
    await transition(tx, review, "saveAssessment", {}, review.version);
    if (!review.isQuorate) throw rule(REVIEW_MSG.inquorate);
    const household = !isUuid(householdId) ? null : await tx.household.findFirst({
      where: { AND: [{ id: householdId, communeId: review.communeId, hamletId: review.hamletId }, householdScope(actor)] },
      select: { id: true, headName: true, status: true },
    });
    if (!household) throw notFound();
    const existing = await tx.assessment.findUnique({ where: { hamletReviewId_householdId: { hamletReviewId: review.id, householdId: household.id } } });
    if (!existing && household.status !== "ACTIVE") throw rule(REVIEW_MSG.householdInactive);

    const { ruleSet, ctx } = await outcomeContext(tx, review);
    const unknown = input.unmetCodes.find((code) => !(code in ctx.standardText));
    if (unknown) throw rule(REVIEW_MSG.unknownCriterion(unknown));
    const window = violationWindow(review.campaignYear.year, ruleSet.lookbackYears);
    const facts = (await householdFacts(tx, review, window, { householdIds: [household.id] })).get(household.id)!;
    const isRegistered = facts.isRegistered;
    const exclusions = union(input.exclusions, facts.recorded);
    const vote = { unmetCodes: [...new Set(input.unmetCodes)].sort(), exclusions, votesFor: input.votesFor ?? null, votesAgainst: input.votesAgainst ?? null };
    const errors = householdVoteErrors(ctx, review.presentCount, vote, isRegistered);
    if (Object.keys(errors).length > 0) throw invalid(errors);
    if (ctx.method === "CONSENSUS") Object.assign(vote, { votesFor: null, votesAgainst: null });
    const outcome = householdOutcome(ctx, vote, isRegistered, facts.upheld);
    const data = { ...vote, ...outcome, ruleSetId: review.ruleSetId, criteriaSetId: review.criteriaSetId, updatedById: actor.id };

    let id: string;
    if (existing) {
      if (version === undefined || version !== existing.version) throw new DomainError("CONFLICT", MSG.stale);
      const { count } = await tx.assessment.updateMany({ where: { id: existing.id, version }, data: { ...data, version: { increment: 1 } } });
      if (count !== 1) throw new DomainError("CONFLICT", MSG.stale);
      id = existing.id;
    } else {
      id = (await tx.assessment.create({
        data: { communeId: review.communeId, hamletReviewId: review.id, householdId: household.id, ...data },
        select: { id: true },
      })).id;
    }
    const snapshot = (a: typeof vote & { result: string; reason: string | null }) =>
      ({ unmetCodes: a.unmetCodes, exclusions: a.exclusions, votesFor: a.votesFor, votesAgainst: a.votesAgainst, result: a.result, reason: a.reason });
    await recordAudit(tx, actor, {
      action: existing ? "review.assessment.update" : "review.assessment.create",
      entityType: "Assessment",
      entityId: id,
      before: existing ? snapshot(existing) : undefined,
      after: { hamletReviewId: review.id, householdId: household.id, ...snapshot({ ...vote, ...outcome }) },
    });
    const roll = await rollOf(tx, placeOf(review), review.id);
    return { id, version: existing ? existing.version + 1 : 1, nextHouseholdId: nextUnassessed(roll, household.id) };
  });
}

/**
 * "Ghi kết quả cho các hộ còn lại": every active household without a result gets all standards met, the exclusions
 * on record and the votes typed once; each result comes from the rule. One transaction, one audit row.
 */
export async function assessRemaining(actor: Actor, reviewId: string, input: BulkAssessmentInput): Promise<{ count: number }> {
  return db.$transaction(async (tx) => {
    const review = await loadReview(tx, actor, reviewId, "review.write");
    await transition(tx, review, "saveAssessment", {}, review.version);
    if (!review.isQuorate) throw rule(REVIEW_MSG.inquorate);
    const { ruleSet, ctx } = await outcomeContext(tx, review);
    const errors = householdVoteErrors(ctx, review.presentCount, { unmetCodes: [], exclusions: [], votesFor: input.votesFor, votesAgainst: input.votesAgainst }, true);
    if (Object.keys(errors).length > 0) throw invalid(errors);
    const window = violationWindow(review.campaignYear.year, ruleSet.lookbackYears);
    const remaining = [...(await householdFacts(tx, review, window, { remainingIn: review })).entries()];
    if (remaining.length === 0) throw rule(REVIEW_MSG.nothingRemaining);
    const votes = ctx.method === "CONSENSUS" ? { votesFor: null, votesAgainst: null } : { votesFor: input.votesFor ?? null, votesAgainst: input.votesAgainst ?? null };
    const now = new Date();
    const rows = remaining.map(([householdId, facts]) => {
      const vote = { unmetCodes: [], exclusions: facts.recorded, ...votes };
      return {
        id: randomUUID(), communeId: review.communeId, hamletReviewId: review.id, householdId, ...vote,
        ...householdOutcome(ctx, vote, facts.isRegistered, facts.upheld),
        ruleSetId: review.ruleSetId, criteriaSetId: review.criteriaSetId, updatedById: actor.id, createdAt: now, updatedAt: now,
      };
    });
    await insertRows<Prisma.AssessmentCreateManyInput>(tx, "Assessment", rows);
    const tally = (result: string) => rows.filter((r) => r.result === result).length;
    await recordAudit(tx, actor, {
      action: "review.assessment.bulk",
      entityType: "HamletReview",
      entityId: review.id,
      after: { count: rows.length, ...votes, achieved: tally("ACHIEVED"), notAchieved: tally("NOT_ACHIEVED"), excluded: tally("EXCLUDED") },
    });
    return { count: rows.length };
  }, LONG_TX);
}

// ---- Notice and objections --------------------------------------------------------------------------------------

/** Posts the list (MEETING → NOTICE): the meeting quorate and every active household assessed. */
export async function postNotice(actor: Actor, reviewId: string, input: NoticeInput, today: Date = todayInVietnam()): Promise<{ noticeEndsOn: Date }> {
  return db.$transaction(async (tx) => {
    const review = await loadReview(tx, actor, reviewId, "review.write");
    const dateError = noticeDateError(input.postedOn, review.meetingDate, today);
    if (dateError) throw fieldError("postedOn", dateError);
    const endsOn = noticeEndsOn(input.postedOn, review.campaignYear.noticeDays);
    await transition(tx, review, "postNotice", { noticePostedOn: input.postedOn, noticeEndsOn: endsOn, noticeChannel: input.channel }, review.version);
    if (!review.isQuorate) throw rule(REVIEW_MSG.inquorate);
    const missing = await countMissing(tx, review);
    if (missing > 0) throw rule(REVIEW_MSG.missing(missing));
    await addEvent(tx, actor, review, "NOTICE_POSTED");
    await recordAudit(tx, actor, {
      action: "review.notice.post", entityType: "HamletReview", entityId: review.id,
      after: { noticePostedOn: input.postedOn, noticeEndsOn: endsOn, noticeChannel: input.channel },
    });
    return { noticeEndsOn: endsOn };
  });
}

/** "Mở lại biên bản" (NOTICE → MEETING): the notice dates are cleared; objections stay on record. */
export async function reopenMeeting(actor: Actor, reviewId: string, input: ReopenInput = {}): Promise<void> {
  await db.$transaction(async (tx) => {
    const review = await loadReview(tx, actor, reviewId, "review.write");
    await transition(tx, review, "reopenMeeting", { noticePostedOn: null, noticeEndsOn: null, noticeChannel: null });
    await addEvent(tx, actor, review, "MEETING_REOPENED", { reason: input.reason });
    await recordAudit(tx, actor, {
      action: "review.meeting.reopen", entityType: "HamletReview", entityId: review.id,
      before: { noticePostedOn: review.noticePostedOn, noticeEndsOn: review.noticeEndsOn, noticeChannel: review.noticeChannel },
      after: { reason: input.reason ?? null },
    });
  });
}

/** A resident's opinion received during the notice (and not after today), about a household on the review's list. */
export async function recordObjection(actor: Actor, reviewId: string, input: ObjectionInput, today: Date = todayInVietnam()): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const review = await loadReview(tx, actor, reviewId, "review.write");
    await transition(tx, review, "recordObjection");
    if (!review.noticePostedOn || !review.noticeEndsOn) throw rule(REVIEW_MSG.noNotice);
    const dateError = objectionDateError(input.receivedOn, { postedOn: review.noticePostedOn, endsOn: review.noticeEndsOn })
      ?? (input.receivedOn > today ? REVIEW_MSG.receivedInFuture(today) : undefined);
    if (dateError) throw fieldError("receivedOn", dateError);
    const assessed = await tx.assessment.findUnique({ where: { hamletReviewId_householdId: { hamletReviewId: review.id, householdId: input.householdId } }, select: { id: true } });
    if (!assessed) throw fieldError("householdId", REVIEW_MSG.householdNotInReview);
    const objection = await tx.objection.create({
      data: {
        communeId: review.communeId, hamletReviewId: review.id, householdId: input.householdId, raisedBy: input.raisedBy,
        content: input.content, receivedOn: input.receivedOn, createdById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "review.objection.create", entityType: "Objection", entityId: objection.id,
      after: { hamletReviewId: review.id, householdId: input.householdId, raisedBy: input.raisedBy, content: input.content, receivedOn: input.receivedOn },
    });
    return objection;
  });
}

/** Resolves a pending objection; an upheld one turns the household's result to NOT_ACHIEVED (the meeting's result is kept). */
export async function resolveObjection(actor: Actor, objectionId: string, input: ResolveObjectionInput, today: Date = todayInVietnam()): Promise<void> {
  await db.$transaction(async (tx) => {
    const objection = !isUuid(objectionId) ? null : await tx.objection.findFirst({
      where: { AND: [{ id: objectionId }, { review: hamletRowScope(actor, "review.read") }] },
      select: { id: true, hamletReviewId: true, householdId: true, receivedOn: true, outcome: true },
    });
    if (!objection) throw notFound();
    const review = await loadReview(tx, actor, objection.hamletReviewId, "review.write");
    await transition(tx, review, "recordObjection");
    if (input.resolvedOn < objection.receivedOn) throw fieldError("resolvedOn", REVIEW_MSG.resolvedBeforeReceived(objection.receivedOn));
    if (input.resolvedOn > today) throw fieldError("resolvedOn", REVIEW_MSG.resolvedInFuture(today));
    const { count } = await tx.objection.updateMany({
      where: { id: objection.id, outcome: "PENDING" },
      data: { outcome: input.outcome, resolution: input.resolution, resolvedOn: input.resolvedOn },
    });
    if (count !== 1) throw rule(REVIEW_MSG.objectionResolved);
    let assessment: { id: string; result: string; reason: string | null } | null = null;
    if (input.outcome === "UPHELD") {
      assessment = await tx.assessment.findUnique({
        where: { hamletReviewId_householdId: { hamletReviewId: review.id, householdId: objection.householdId } },
        select: { id: true, result: true, reason: true },
      });
      if (assessment) {
        await tx.assessment.update({
          where: { id: assessment.id },
          data: { result: "NOT_ACHIEVED", reason: REVIEW_MSG.upheld(input.resolution), updatedById: actor.id, version: { increment: 1 } },
        });
      }
    }
    await recordAudit(tx, actor, {
      action: "review.objection.resolve", entityType: "Objection", entityId: objection.id,
      before: { outcome: objection.outcome, assessmentResult: assessment?.result },
      after: { outcome: input.outcome, resolution: input.resolution, resolvedOn: input.resolvedOn, assessmentResult: assessment ? "NOT_ACHIEVED" : undefined },
    });
  });
}

// ---- Dossier ------------------------------------------------------------------------------------------------------

/** Sends the dossier to the commune (NOTICE or RETURNED → SUBMITTED) once the notice is over and settled. */
export async function submitReview(actor: Actor, reviewId: string, today: Date = todayInVietnam()): Promise<void> {
  await db.$transaction(async (tx) => {
    const review = await loadReview(tx, actor, reviewId, "review.write");
    await transition(tx, review, "submit", { submittedAt: new Date() }, review.version);
    if (!review.noticeEndsOn) throw rule(REVIEW_MSG.noNotice);
    if (today <= review.noticeEndsOn) throw rule(noticeOpenMessage(review.noticeEndsOn));
    if (!review.isQuorate) throw rule(REVIEW_MSG.inquorate);
    const pending = await tx.objection.count({ where: { hamletReviewId: review.id, outcome: "PENDING" } });
    if (pending > 0) throw rule(REVIEW_MSG.pendingObjections(pending));
    const missing = await countMissing(tx, review);
    if (missing > 0) throw rule(REVIEW_MSG.missing(missing));
    await addEvent(tx, actor, review, "SUBMITTED");
    await recordAudit(tx, actor, { action: "review.submit", entityType: "HamletReview", entityId: review.id, before: { status: review.status }, after: { status: "SUBMITTED" } });
  });
}

/** The officer accepts a submitted dossier (SUBMITTED → ACCEPTED). */
export async function acceptReview(actor: Actor, reviewId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const review = await loadReview(tx, actor, reviewId, "review.verify");
    await transition(tx, review, "accept", { acceptedAt: new Date() });
    await addEvent(tx, actor, review, "ACCEPTED");
    await recordAudit(tx, actor, { action: "review.accept", entityType: "HamletReview", entityId: review.id, before: { status: review.status }, after: { status: "ACCEPTED" } });
  });
}

/** The officer returns a submitted dossier (SUBMITTED → RETURNED) with a reason, optionally about one household. */
export async function returnReview(actor: Actor, reviewId: string, input: ReturnInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const review = await loadReview(tx, actor, reviewId, "review.verify");
    if (input.householdId) {
      const assessed = await tx.assessment.findUnique({ where: { hamletReviewId_householdId: { hamletReviewId: review.id, householdId: input.householdId } }, select: { id: true } });
      if (!assessed) throw fieldError("householdId", REVIEW_MSG.householdNotInReview);
    }
    await transition(tx, review, "return");
    await addEvent(tx, actor, review, "RETURNED", { reason: input.reason, householdId: input.householdId ?? null });
    await recordAudit(tx, actor, {
      action: "review.return", entityType: "HamletReview", entityId: review.id,
      before: { status: review.status }, after: { status: "RETURNED", reason: input.reason, householdId: input.householdId ?? null },
    });
  });
}
