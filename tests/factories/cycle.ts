import { db } from "@/lib/db";
import { defaultYearColumns, ensureDefaultSets } from "@/lib/campaign/sets";
import { addDays, utcDate } from "@/lib/dates";
import type { AssessmentResult, BallotMethod, ReviewStatus, ViolationCategory } from "@/lib/generated/prisma/enums";
import { exclusionsInWindow, noticeEndsOn, quorum, violationWindow } from "@/lib/review/rules";
import {
  DEFAULT_NOTICE_CHANNEL, householdOutcome, householdVoteErrors, meetingDateError, type OutcomeContext,
} from "@/lib/review/schema";

// Builders for the yearly cycle, written straight through Prisma like the other factories.

export type YearRow = { id: string; communeId: string; year: number; ruleSetId: string; criteriaSetId: string };

export type RuleOverrides = Partial<{
  quorumOp: "GT" | "GTE";
  approvalOp: "GT" | "GTE";
  quorumPct: number;
  approvalPct: number;
  lookbackYears: number;
  registrationRequired: boolean;
}>;

/** A campaign year with the commune's default rule and criteria sets (created on first use). */
export async function makeCampaignYear(communeId: string, year = 2024, overrides: RuleOverrides = {}): Promise<YearRow> {
  return db.$transaction(async (tx) => {
    const sets = await ensureDefaultSets(tx, communeId);
    const { criteriaSetId, hamletCriteriaSetId, agencyCriteriaSetId, enterpriseCriteriaSetId } = sets;
    let { ruleSetId } = sets;
    if (Object.keys(overrides).length > 0) {
      const base = await tx.ruleSet.findUniqueOrThrow({ where: { id: ruleSetId }, omit: { id: true, createdAt: true } });
      const version = 1 + ((await tx.ruleSet.aggregate({ where: { communeId }, _max: { version: true } }))._max.version ?? 0);
      ruleSetId = (await tx.ruleSet.create({ data: { ...base, ...overrides, version, name: `${base.name} (thử ${version})` }, select: { id: true } })).id;
    }
    return tx.campaignYear.create({
      data: { communeId, ruleSetId, criteriaSetId, hamletCriteriaSetId, agencyCriteriaSetId, enterpriseCriteriaSetId, ...defaultYearColumns(year) },
      select: { id: true, communeId: true, year: true, ruleSetId: true, criteriaSetId: true },
    });
  });
}

/** One household's line at the meeting. Unset facts follow `result`: all met, the first standard unmet, or E4. */
export type ReviewEntry = {
  householdId: string;
  /** The meeting's result; the factory checks that the facts give it under the year's rule. */
  result: AssessmentResult;
  unmetCodes?: string[];
  exclusions?: ViolationCategory[];
  votesFor?: number | null;
  votesAgainst?: number | null;
  /** An objection upheld during the notice (stored as an Objection row): the result turns NOT_ACHIEVED. */
  upheld?: { resolution: string; raisedBy?: string; content?: string; receivedOn?: Date; resolvedOn?: Date };
};

export type ReviewOptions = {
  status?: ReviewStatus;
  assessments?: ReviewEntry[];
  meetingDate?: Date;
  meetingPlace?: string;
  chairName?: string;
  secretaryName?: string;
  invitedCount?: number;
  presentCount?: number;
  ballotMethod?: BallotMethod;
  /** Defaults to the day after the meeting; set for every status past MEETING. */
  noticePostedOn?: Date;
  noticeChannel?: string;
  decisionId?: string | null;
};

const SUBMITTED_OR_LATER: ReviewStatus[] = ["SUBMITTED", "RETURNED", "ACCEPTED", "DECIDED"];

/**
 * A hamlet's review of `year` in `status` (default ACCEPTED) with one Assessment per entry, as the services would
 * have left it: quorum and note from rules.quorum, notice window from rules.noticeEndsOn, each result from
 * householdOutcome with the violations and registrations on record. Throws when the entries contradict the rules
 * (a result the facts do not give, votes above those present, an unknown criterion). No events or audit rows.
 */
export async function makeReview(year: { id: string }, hamlet: { id: string }, options: ReviewOptions = {}): Promise<{ id: string }> {
  const status = options.status ?? "ACCEPTED";
  const entries = options.assessments ?? [];
  const campaignYear = await db.campaignYear.findUniqueOrThrow({
    where: { id: year.id },
    include: { ruleSet: true, criteriaSet: { include: { items: { where: { kind: "STANDARD" }, orderBy: { position: "asc" } } } } },
  });
  const { communeId, ruleSet } = campaignYear;
  const meetingDate = options.meetingDate ?? utcDate(campaignYear.year, 11, 5);
  const dateError = meetingDateError(meetingDate, campaignYear.year);
  if (dateError) throw new Error(`makeReview: ${dateError}`);
  const invited = options.invitedCount ?? 20;
  const present = options.presentCount ?? 15;
  const method = options.ballotMethod ?? ruleSet.ballotMethod;
  const totalHouseholds = await db.household.count({ where: { communeId, hamletId: hamlet.id, status: "ACTIVE" } });
  const q = quorum(ruleSet, { invited, present, totalHouseholds });
  if (!q.isQuorate && entries.length > 0) throw new Error("makeReview: an inquorate meeting records no results");

  const posted = status === "MEETING" ? null : (options.noticePostedOn ?? addDays(meetingDate, 1));
  const endsOn = posted ? noticeEndsOn(posted, campaignYear.noticeDays) : null;
  if (status === "DECIDED" && !options.decisionId) throw new Error("makeReview: a DECIDED review needs its decisionId");
  if (entries.some((e) => e.upheld) && !posted) throw new Error("makeReview: objections need a posted notice");

  const ids = entries.map((e) => e.householdId);
  const window = violationWindow(campaignYear.year, ruleSet.lookbackYears);
  const [households, registrations, violations] = await Promise.all([
    db.household.findMany({ where: { id: { in: ids }, communeId, hamletId: hamlet.id }, select: { id: true } }),
    db.registration.findMany({ where: { campaignYearId: campaignYear.id, householdId: { in: ids } }, select: { householdId: true } }),
    db.violation.findMany({
      where: { communeId, householdId: { in: ids }, occurredOn: { gte: window.from, lte: window.to } },
      select: { householdId: true, category: true, occurredOn: true },
    }),
  ]);
  if (households.length !== new Set(ids).size) throw new Error("makeReview: every household must live in the hamlet");
  const registered = new Set(registrations.map((r) => r.householdId));
  const ctx: OutcomeContext = {
    rule: ruleSet, method, at: { invited, present }, registrationRequired: ruleSet.registrationRequired,
    standardText: Object.fromEntries(campaignYear.criteriaSet.items.map((c) => [c.code, c.text])),
  };
  const firstStandard = campaignYear.criteriaSet.items[0]!.code;

  const assessments = entries.map((e) => {
    const recorded = exclusionsInWindow(violations.filter((v) => v.householdId === e.householdId), window);
    const exclusions = [...new Set([...(e.exclusions ?? (e.result === "EXCLUDED" ? ["E4" as const] : [])), ...recorded])].sort();
    const unmetCodes = e.unmetCodes ?? (e.result === "NOT_ACHIEVED" ? [firstStandard] : []);
    const unknown = unmetCodes.find((code) => !(code in ctx.standardText));
    if (unknown) throw new Error(`makeReview: criterion ${unknown} is not in the year's set`);
    const counted = method !== "CONSENSUS" && e.result !== "EXCLUDED";
    const vote = {
      unmetCodes, exclusions,
      votesFor: e.votesFor !== undefined ? e.votesFor : counted ? 12 : null,
      votesAgainst: e.votesAgainst !== undefined ? e.votesAgainst : counted ? 1 : null,
    };
    const isRegistered = registered.has(e.householdId);
    const errors = householdVoteErrors(ctx, present, vote, isRegistered);
    if (Object.keys(errors).length > 0) throw new Error(`makeReview: ${JSON.stringify(errors)}`);
    const outcome = householdOutcome(ctx, vote, isRegistered, e.upheld?.resolution ?? null);
    if (outcome.meetingResult !== e.result) {
      throw new Error(`makeReview: household ${e.householdId} gets ${outcome.meetingResult} by the rules, not ${e.result}`);
    }
    return { communeId, householdId: e.householdId, ...vote, ...outcome, ruleSetId: campaignYear.ruleSetId, criteriaSetId: campaignYear.criteriaSetId };
  });

  return db.$transaction(async (tx) => {
    const review = await tx.hamletReview.create({
      data: {
        communeId, campaignYearId: campaignYear.id, hamletId: hamlet.id, status,
        meetingDate, meetingPlace: options.meetingPlace ?? "Nhà văn hóa xóm", chairName: options.chairName ?? "Trưởng Xóm",
        secretaryName: options.secretaryName ?? "Thư Ký", invitedCount: invited, presentCount: present, totalHouseholds, ballotMethod: method,
        isQuorate: q.isQuorate, quorumNote: q.note, ruleSetId: campaignYear.ruleSetId, criteriaSetId: campaignYear.criteriaSetId,
        noticePostedOn: posted, noticeEndsOn: endsOn, noticeChannel: posted ? (options.noticeChannel ?? DEFAULT_NOTICE_CHANNEL) : null,
        submittedAt: SUBMITTED_OR_LATER.includes(status) ? new Date() : null,
        acceptedAt: status === "ACCEPTED" || status === "DECIDED" ? new Date() : null,
        decisionId: options.decisionId ?? null,
        assessments: { create: assessments },
      },
      select: { id: true },
    });
    const objections = entries.filter((e) => e.upheld).map((e) => ({
      communeId, hamletReviewId: review.id, householdId: e.householdId, raisedBy: e.upheld!.raisedBy ?? "Người dân trong xóm",
      content: e.upheld!.content ?? "Phản ánh về kết quả bình xét của hộ.", receivedOn: e.upheld!.receivedOn ?? posted!,
      outcome: "UPHELD" as const, resolution: e.upheld!.resolution, resolvedOn: e.upheld!.resolvedOn ?? e.upheld!.receivedOn ?? posted!,
    }));
    if (objections.length > 0) await tx.objection.createMany({ data: objections });
    return review;
  });
}
