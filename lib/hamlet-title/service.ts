import "server-only";
import { recordAudit } from "@/lib/audit";
import { formatDay, toIsoDate, todayInVietnam } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CouncilStatus } from "@/lib/generated/prisma/enums";
import { authorize, communeScope, hamletScope, type Actor } from "@/lib/policy";
import { registrationDateError } from "@/lib/registration/rules";
import { DomainError, MSG, type FieldErrors } from "@/lib/result";
import { RESULT_LABEL } from "@/lib/review/labels";
import { firstSubmitDay, noticeEndsOn, noticeOpenMessage } from "@/lib/review/rules";
import { noticeDateError } from "@/lib/review/schema";
import { isUuid } from "@/lib/text";
import {
  councilVoteErrors, criterionResults, hamletOutcome, nextCouncilStatus, proposalDateError, ratioInputErrors, reportDateError, reportErrors,
  reportRefusal, unmetCodesOf, unregisterRefusal, type CouncilEvent, type CouncilRule, type HamletFacts, type HamletOutcome,
} from "@/lib/titles/rules";
import { HAMLET_TITLE_MSG } from "./labels";
import { hamletCriteriaSetId } from "./queries";
import type { CouncilInput, CouncilNoticeInput, ProposalInput, RegisterInput, ReportInput, ResolveCommentInput, VotesInput } from "./schema";
import { isYear } from "@/lib/validation";

// The "Xóm văn hóa" use cases. Each runs in one transaction: load the rows inside the actor's scope, authorize, apply
// the rule, write, audit. Council steps move the dossier through rules.nextCouncilStatus with a conditional update on
// the status it was read in (and the version the form showed), which also locks the council row: votes, the notice
// and the Tờ trình run one after another. A report save holds the council row FOR SHARE so a notice posted at the same
// moment waits for it (or the other way round).

const invalid = (fieldErrors: FieldErrors, message: string = MSG.invalid) => new DomainError("INVALID_INPUT", message, fieldErrors);
const fieldError = (field: string, message: string) => new DomainError("INVALID_INPUT", message, { [field]: [message] });
const rule = (message: string) => new DomainError("RULE_VIOLATION", message);
const notFound = () => new DomainError("NOT_FOUND", MSG.notFound);

/** The campaign year in the actor's commune, with its rule set; NOT_FOUND otherwise. */
async function yearInScope(tx: Tx, actor: Actor, year: number) {
  const row = !isYear(year) ? null : await tx.campaignYear.findFirst({
    where: { AND: [{ year }, communeScope(actor, "review.read")] },
    select: { id: true, year: true, communeId: true, noticeDays: true, ruleSetId: true, hamletCriteriaSetId: true, ruleSet: true },
  });
  if (!row) throw new DomainError("NOT_FOUND", HAMLET_TITLE_MSG.noYear);
  return row;
}

/** A hamlet of the year's commune that the actor sees (a hamlet head: only their own), with hamletTitle.write there. */
async function hamletForWrite(tx: Tx, actor: Actor, communeId: string, hamletId: string) {
  const hamlet = !isUuid(hamletId) ? null : await tx.hamlet.findFirst({
    where: { AND: [{ id: hamletId, communeId }, hamletScope(actor)] },
    select: { id: true, communeId: true, name: true },
  });
  if (!hamlet) throw notFound();
  authorize(actor, "hamletTitle.write", { communeId: hamlet.communeId, hamletId: hamlet.id });
  return hamlet;
}

/** The year's council row, locked FOR SHARE until the transaction ends; null when the council has not met. */
async function lockCouncilOfYear(tx: Tx, campaignYearId: string): Promise<{ id: string; status: CouncilStatus } | null> {
  const rows = await tx.$queryRaw<{ id: string; status: CouncilStatus }[]>`
    SELECT "id"::text AS "id", "status"::text AS "status" FROM "CouncilReview"
    WHERE "campaignYearId" = ${campaignYearId}::uuid
    FOR SHARE`;
  return rows[0] ?? null;
}

const entryOf = (tx: Tx, campaignYearId: string, hamletId: string) =>
  tx.hamletTitleEntry.findUnique({ where: { campaignYearId_hamletId: { campaignYearId, hamletId } } });

// ---- Registration ------------------------------------------------------------------------------------------------

/** Registers the hamlet for the year's title (HamletTitleEntry.registeredOn); a second registration is refused. */
export async function registerHamlet(actor: Actor, year: number, hamletId: string, input: RegisterInput, today: Date = todayInVietnam()): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const yearRow = await yearInScope(tx, actor, year);
    const hamlet = await hamletForWrite(tx, actor, yearRow.communeId, hamletId);
    const dateError = registrationDateError(input.registeredOn, yearRow.year, today);
    if (dateError) throw fieldError("registeredOn", dateError);
    const existing = await entryOf(tx, yearRow.id, hamlet.id);
    let id: string;
    if (existing) {
      if (existing.registeredOn) throw rule(HAMLET_TITLE_MSG.alreadyRegistered(formatDay(existing.registeredOn)));
      const { count } = await tx.hamletTitleEntry.updateMany({
        where: { id: existing.id, registeredOn: null },
        data: { registeredOn: input.registeredOn, version: { increment: 1 } },
      });
      if (count !== 1) throw new DomainError("CONFLICT", MSG.stale);
      id = existing.id;
    } else {
      id = (await tx.hamletTitleEntry.create({
        data: { communeId: hamlet.communeId, campaignYearId: yearRow.id, hamletId: hamlet.id, registeredOn: input.registeredOn },
        select: { id: true },
      })).id;
    }
    await recordAudit(tx, actor, {
      action: "hamletTitle.register", entityType: "HamletTitleEntry", entityId: id,
      after: { year: yearRow.year, hamletId: hamlet.id, registeredOn: toIsoDate(input.registeredOn) },
    });
    return { id };
  });
}

/** Withdraws the registration while the hamlet has sent no report and the council has not voted on it. */
export async function unregisterHamlet(actor: Actor, year: number, hamletId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const yearRow = await yearInScope(tx, actor, year);
    const hamlet = await hamletForWrite(tx, actor, yearRow.communeId, hamletId);
    const entry = await entryOf(tx, yearRow.id, hamlet.id);
    if (!entry?.registeredOn) throw rule(HAMLET_TITLE_MSG.notRegisteredYet);
    const refusal = unregisterRefusal(entry);
    if (refusal) throw rule(refusal);
    const { count } = await tx.hamletTitleEntry.updateMany({
      where: { id: entry.id, registeredOn: { not: null }, reportedOn: null, votesFor: null },
      data: { registeredOn: null, version: { increment: 1 } },
    });
    if (count !== 1) throw new DomainError("CONFLICT", MSG.stale);
    await recordAudit(tx, actor, {
      action: "hamletTitle.unregister", entityType: "HamletTitleEntry", entityId: entry.id,
      before: { year: yearRow.year, hamletId: hamlet.id, registeredOn: toIsoDate(entry.registeredOn) },
    });
  });
}

// ---- The achievement report ------------------------------------------------------------------------------------------

/** The latest upheld comment about each hamlet on this council (its resolution), as the vote and a report re-save apply it. */
async function upheldByHamlet(tx: Tx, councilId: string): Promise<Map<string, string>> {
  const rows = await tx.noticeComment.findMany({
    where: { councilReviewId: councilId, outcome: "UPHELD", hamletId: { not: null } },
    orderBy: [{ resolvedAt: "asc" }, { createdAt: "asc" }],
    select: { hamletId: true, resolution: true },
  });
  return new Map(rows.map((r) => [r.hamletId!, r.resolution ?? ""]));
}

const councilRuleOf = (r: { councilApprovalBase: CouncilRule["councilApprovalBase"]; councilApprovalPct: number; councilApprovalOp: CouncilRule["councilApprovalOp"] }): CouncilRule =>
  ({ councilApprovalBase: r.councilApprovalBase, councilApprovalPct: r.councilApprovalPct, councilApprovalOp: r.councilApprovalOp });

type ReportFigures = { [K in keyof HamletFacts]?: number | null } & {
  reportedOn: Date | null; hasCulturalHouse: boolean | null; unmetCodes: string[];
};

/** The report as the audit log keeps it. */
const reportSnapshot = (e: ReportFigures) => ({
  reportedOn: e.reportedOn ? toIsoDate(e.reportedOn) : null, totalHouseholds: e.totalHouseholds, recognisedHouseholds: e.recognisedHouseholds,
  poorHouseholds: e.poorHouseholds, nearPoorHouseholds: e.nearPoorHouseholds, hasCulturalHouse: e.hasCulturalHouse,
  schoolAgeChildren: e.schoolAgeChildren ?? null, childrenInSchool: e.childrenInSchool ?? null, unmetCodes: e.unmetCodes,
});

/**
 * Saves the hamlet's achievement report (Mẫu 05): the figures, Phần I and III, and one result per criterion of the
 * year's hamlet checklist (ratio items computed from their threshold, plain items as ticked), replacing the previous
 * ones. Refused for an unregistered hamlet when the year requires registration, and once the council's results are
 * posted. A re-save while the council still meets recomputes a vote already cast.
 */
export async function saveReport(
  actor: Actor, year: number, hamletId: string, version: number | undefined, input: ReportInput, today: Date = todayInVietnam(),
): Promise<{ id: string; version: number; unmetCodes: string[] }> {
  return db.$transaction(async (tx) => {
    const yearRow = await yearInScope(tx, actor, year);
    const hamlet = await hamletForWrite(tx, actor, yearRow.communeId, hamletId);
    const council = await lockCouncilOfYear(tx, yearRow.id);
    const existing = await entryOf(tx, yearRow.id, hamlet.id);
    if (yearRow.ruleSet.hamletRegistrationRequired && !existing?.registeredOn) throw rule(HAMLET_TITLE_MSG.notRegistered(yearRow.year));
    const hasVote = existing?.votesFor !== null && existing?.votesFor !== undefined;
    const refusal = reportRefusal(council?.status ?? null, hasVote);
    if (refusal) throw rule(refusal);
    if (existing && version !== existing.version) throw new DomainError("CONFLICT", version === undefined ? HAMLET_TITLE_MSG.entryExists : MSG.stale);

    const criteriaSetId = await hamletCriteriaSetId(tx, yearRow);
    if (!criteriaSetId) throw rule(HAMLET_TITLE_MSG.noCriteria);
    const criteria = await tx.criterion.findMany({
      where: { criteriaSetId, kind: "STANDARD" },
      orderBy: { position: "asc" },
      select: { code: true, metric: true, comparator: true, threshold: true },
    });
    const known = new Set(criteria.map((c) => c.code));
    const unknown = Object.keys(input.criteria).find((code) => !known.has(code));
    if (unknown) throw rule(HAMLET_TITLE_MSG.unknownCriterion(unknown));

    const facts: HamletFacts = {
      totalHouseholds: input.totalHouseholds, recognisedHouseholds: input.recognisedHouseholds, poorHouseholds: input.poorHouseholds,
      nearPoorHouseholds: input.nearPoorHouseholds, schoolAgeChildren: input.schoolAgeChildren ?? null, childrenInSchool: input.childrenInSchool ?? null,
    };
    const dateError = reportDateError(input.reportedOn, yearRow.year, today);
    const errors: FieldErrors = { ...reportErrors(facts), ...ratioInputErrors(criteria, facts, input.criteria), ...(dateError ? { reportedOn: [dateError] } : {}) };
    if (Object.keys(errors).length > 0) throw invalid(errors);

    const results = criterionResults(criteria, facts, input.criteria);
    const unmetCodes = unmetCodesOf(results);
    const report = {
      reportedOn: input.reportedOn, ...facts, hasCulturalHouse: input.hasCulturalHouse,
      overview: input.overview ?? null, commitments: input.commitments ?? null, reportedById: actor.id,
    };

    // A vote cast at a meeting still open follows the new report.
    let outcome: Prisma.HamletTitleEntryUpdateManyMutationInput = {};
    if (existing && hasVote && existing.councilId && council?.status === "MEETING") {
      const row = await tx.councilReview.findUniqueOrThrow({ where: { id: existing.councilId } });
      const ruleSet = await tx.ruleSet.findUniqueOrThrow({ where: { id: row.ruleSetId } });
      const upheld = await upheldByHamlet(tx, row.id);
      outcome = hamletOutcome(councilRuleOf(ruleSet), row, { unmetCodes, votesFor: existing.votesFor! }, upheld.get(hamlet.id));
    }

    const previous = existing?.reportedOn ? reportSnapshot({
      ...existing,
      unmetCodes: (await tx.hamletCriterionResult.findMany({ where: { entryId: existing.id, isMet: false }, orderBy: { code: "asc" }, select: { code: true } })).map((r) => r.code),
    }) : null;
    let id: string;
    if (existing) {
      const { count } = await tx.hamletTitleEntry.updateMany({
        where: { id: existing.id, version: existing.version },
        data: { ...report, ...outcome, version: { increment: 1 } },
      });
      if (count !== 1) throw new DomainError("CONFLICT", MSG.stale);
      id = existing.id;
      await tx.hamletCriterionResult.deleteMany({ where: { entryId: id } });
    } else {
      id = (await tx.hamletTitleEntry.create({
        data: { communeId: hamlet.communeId, campaignYearId: yearRow.id, hamletId: hamlet.id, ...report },
        select: { id: true },
      })).id;
    }
    await tx.hamletCriterionResult.createMany({ data: results.map((r) => ({ entryId: id, ...r })) });

    await recordAudit(tx, actor, {
      action: previous ? "hamletTitle.report.update" : "hamletTitle.report.create",
      entityType: "HamletTitleEntry",
      entityId: id,
      before: previous ?? undefined,
      after: { year: yearRow.year, hamletId: hamlet.id, ...reportSnapshot({ ...report, unmetCodes }), ...("result" in outcome ? { result: outcome.result } : {}) },
    });
    return { id, version: existing ? existing.version + 1 : 1, unmetCodes };
  });
}

// ---- The council ------------------------------------------------------------------------------------------------------

type CouncilRow = Prisma.CouncilReviewGetPayload<{ include: { campaignYear: { select: { year: true; noticeDays: true } } } }>;

/** The council in the actor's commune (else NOT_FOUND), with council.manage (else FORBIDDEN). */
async function loadCouncil(tx: Tx, actor: Actor, councilId: string): Promise<CouncilRow> {
  const council = !isUuid(councilId) ? null : await tx.councilReview.findFirst({
    where: { AND: [{ id: councilId }, communeScope(actor, "review.read")] },
    include: { campaignYear: { select: { year: true, noticeDays: true } } },
  });
  if (!council) throw notFound();
  authorize(actor, "council.manage", { communeId: council.communeId });
  return council;
}

/**
 * Applies `event`: the status must still be the one read (and the version, when given). A request that lost the race
 * gets the state machine's message for where the dossier stands now, or the stale-data message.
 */
async function transition(
  tx: Tx,
  council: { id: string; status: CouncilStatus },
  event: CouncilEvent,
  data: Prisma.CouncilReviewUpdateManyMutationInput = {},
  version?: number,
): Promise<CouncilStatus> {
  const next = nextCouncilStatus(council.status, event);
  const { count } = await tx.councilReview.updateMany({
    where: { id: council.id, status: council.status, ...(version !== undefined ? { version } : {}) },
    data: { ...data, status: next },
  });
  if (count !== 1) {
    const now = await tx.councilReview.findUnique({ where: { id: council.id }, select: { status: true } });
    if (!now) throw notFound();
    nextCouncilStatus(now.status, event);
    throw new DomainError("CONFLICT", MSG.stale);
  }
  return next;
}

type VotedEntry = { id: string; hamletId: string; hamletName: string; votesFor: number; votesAgainst: number | null; unmetCodes: string[] };

/** The entries this council has voted on, with the report's unmet codes. */
async function votedEntries(tx: Tx, councilId: string): Promise<VotedEntry[]> {
  const rows = await tx.hamletTitleEntry.findMany({
    where: { councilId, votesFor: { not: null } },
    select: {
      id: true, hamletId: true, votesFor: true, votesAgainst: true, hamlet: { select: { name: true } },
      results: { where: { isMet: false }, select: { code: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id, hamletId: r.hamletId, hamletName: r.hamlet.name, votesFor: r.votesFor!, votesAgainst: r.votesAgainst,
    unmetCodes: r.results.map((c) => c.code).sort(),
  }));
}

/**
 * Creates the council's meeting for the year (Mẫu 06 header) or updates it (`version` of the row edited). Votes
 * already cast are recomputed with the new attendance; a vote that no longer fits refuses the change.
 */
export async function saveCouncil(actor: Actor, year: number, version: number | undefined, input: CouncilInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const yearRow = await yearInScope(tx, actor, year);
    authorize(actor, "council.manage", { communeId: yearRow.communeId });
    const header = {
      meetingDate: input.meetingDate, meetingPlace: input.meetingPlace, chairName: input.chairName, secretaryName: input.secretaryName,
      membersTotal: input.membersTotal, membersPresent: input.membersPresent,
    };
    const audited = { ...header, meetingDate: toIsoDate(input.meetingDate) };
    const existing = await tx.councilReview.findUnique({ where: { campaignYearId: yearRow.id } });
    if (!existing) {
      nextCouncilStatus("MEETING", "saveMeeting");
      const created = await tx.councilReview.create({
        data: { communeId: yearRow.communeId, campaignYearId: yearRow.id, status: "MEETING", ruleSetId: yearRow.ruleSetId, ...header },
        select: { id: true },
      });
      await recordAudit(tx, actor, { action: "council.meeting.create", entityType: "CouncilReview", entityId: created.id, after: { year: yearRow.year, ...audited } });
      return created;
    }
    if (version === undefined) throw new DomainError("CONFLICT", HAMLET_TITLE_MSG.councilExists);
    await transition(tx, existing, "saveMeeting", { ...header, version: { increment: 1 } }, version);

    const voted = await votedEntries(tx, existing.id);
    let recomputed = 0;
    if (voted.length > 0) {
      const ruleSet = await tx.ruleSet.findUniqueOrThrow({ where: { id: existing.ruleSetId } });
      const upheld = await upheldByHamlet(tx, existing.id);
      for (const e of voted) {
        const first = Object.values(councilVoteErrors(input.membersPresent, e.votesFor, e.votesAgainst))[0]?.[0];
        if (first) throw fieldError("membersPresent", HAMLET_TITLE_MSG.presentBelowVotes(e.hamletName, first));
        const outcome = hamletOutcome(councilRuleOf(ruleSet), input, { unmetCodes: e.unmetCodes, votesFor: e.votesFor }, upheld.get(e.hamletId));
        await tx.hamletTitleEntry.update({ where: { id: e.id }, data: { ...outcome, version: { increment: 1 } } });
        recomputed++;
      }
    }
    await recordAudit(tx, actor, {
      action: "council.meeting.update", entityType: "CouncilReview", entityId: existing.id,
      before: {
        meetingDate: toIsoDate(existing.meetingDate), meetingPlace: existing.meetingPlace, chairName: existing.chairName,
        secretaryName: existing.secretaryName, membersTotal: existing.membersTotal, membersPresent: existing.membersPresent,
      },
      after: { ...audited, recomputed },
    });
    return { id: existing.id };
  });
}

/**
 * Records the council's votes on the reported hamlets, all in one go (nothing is saved when one is wrong): each
 * vote checked against the members present (rules.councilVoteErrors), the result from rules.councilResult with the
 * report's unmet criteria. A hamlet posted with both counts empty has its vote cleared.
 */
export async function saveVotes(actor: Actor, councilId: string, version: number, input: VotesInput): Promise<{ voted: number; achieved: number }> {
  return db.$transaction(async (tx) => {
    const council = await loadCouncil(tx, actor, councilId);
    await transition(tx, council, "vote", { version: { increment: 1 } }, version);
    const hamletIds = Object.keys(input.votes);
    const [ruleSet, entries, hamlets, upheld] = await Promise.all([
      tx.ruleSet.findUniqueOrThrow({ where: { id: council.ruleSetId } }),
      tx.hamletTitleEntry.findMany({
        where: { campaignYearId: council.campaignYearId, hamletId: { in: hamletIds } },
        include: { results: { where: { isMet: false }, select: { code: true } } },
      }),
      tx.hamlet.findMany({ where: { id: { in: hamletIds }, communeId: council.communeId }, select: { id: true, name: true } }),
      upheldByHamlet(tx, council.id),
    ]);
    const entryBy = new Map(entries.map((e) => [e.hamletId, e]));
    const nameBy = new Map(hamlets.map((h) => [h.id, h.name]));
    const errors: FieldErrors = {};
    let firstMessage: string | null = null;
    const note = (hamletId: string, field: string, message: string) => {
      (errors[`votes.${hamletId}.${field}`] ??= []).push(message);
      firstMessage ??= HAMLET_TITLE_MSG.voteRefused(nameBy.get(hamletId) ?? "", message);
    };
    const writes: { id: string; hamletId: string; data: Prisma.HamletTitleEntryUpdateInput; summary: string }[] = [];
    // Hamlets in the order the council lists them (by name), so the first error named is the first on screen.
    for (const hamletId of [...hamletIds].sort((a, b) => (nameBy.get(a) ?? "").localeCompare(nameBy.get(b) ?? "", "vi"))) {
      const vote = input.votes[hamletId]!;
      if (!nameBy.has(hamletId)) {
        errors[`votes.${hamletId}.votesFor`] = [HAMLET_TITLE_MSG.hamletNotInCommune];
        firstMessage ??= HAMLET_TITLE_MSG.hamletNotInCommune;
        continue;
      }
      const entry = entryBy.get(hamletId);
      const isEmpty = vote.votesFor === undefined && vote.votesAgainst === undefined;
      if (isEmpty) {
        if (entry && entry.votesFor !== null) {
          writes.push({
            id: entry.id, hamletId,
            data: { council: { disconnect: true }, votesFor: null, votesAgainst: null, result: null, councilResult: null, reason: null, version: { increment: 1 } },
            summary: `Xóm ${nameBy.get(hamletId)}: xóa kết quả biểu quyết (tán thành ${entry.votesFor})`,
          });
        }
        continue;
      }
      if (!entry?.reportedOn) {
        note(hamletId, "votesFor", HAMLET_TITLE_MSG.noReport);
        continue;
      }
      const voteErrors = councilVoteErrors(council.membersPresent, vote.votesFor, vote.votesAgainst);
      for (const [field, messages] of Object.entries(voteErrors)) for (const m of messages) note(hamletId, field, m);
      if (Object.keys(voteErrors).length > 0) continue;
      const unmetCodes = entry.results.map((r) => r.code).sort();
      const outcome = hamletOutcome(councilRuleOf(ruleSet), council, { unmetCodes, votesFor: vote.votesFor! }, upheld.get(hamletId));
      const votes = { votesFor: vote.votesFor!, votesAgainst: vote.votesAgainst ?? null };
      const unchanged = entry.councilId === council.id && entry.votesFor === votes.votesFor && entry.votesAgainst === votes.votesAgainst
        && entry.result === outcome.result && entry.councilResult === outcome.councilResult && entry.reason === outcome.reason;
      if (unchanged) continue;
      writes.push({
        id: entry.id, hamletId,
        data: { council: { connect: { id: council.id } }, ...votes, ...outcome, version: { increment: 1 } },
        summary: `Xóm ${nameBy.get(hamletId)}: tán thành ${votes.votesFor}, không tán thành ${votes.votesAgainst ?? 0} — ${RESULT_LABEL[outcome.result]}`
          + (outcome.reason ? ` (${outcome.reason})` : ""),
      });
    }
    if (Object.keys(errors).length > 0) throw invalid(errors, firstMessage ?? MSG.invalid);
    for (const w of writes) await tx.hamletTitleEntry.update({ where: { id: w.id }, data: w.data });

    const [voted, achieved] = await Promise.all([
      tx.hamletTitleEntry.count({ where: { councilId: council.id, votesFor: { not: null } } }),
      tx.hamletTitleEntry.count({ where: { councilId: council.id, votesFor: { not: null }, result: "ACHIEVED" } }),
    ]);
    await recordAudit(tx, actor, {
      action: "council.votes.save", entityType: "CouncilReview", entityId: council.id,
      after: {
        year: council.campaignYear.year, membersPresent: council.membersPresent, voted, achieved,
        changes: writes.map((w) => w.summary),
      },
    });
    return { voted, achieved };
  });
}

// ---- Notice, comments, Tờ trình -------------------------------------------------------------------------------------

/** Posts the council's results for the public (MEETING → NOTICE): at least one hamlet voted; the notice lasts noticeDays. */
export async function postCouncilNotice(
  actor: Actor, councilId: string, version: number, input: CouncilNoticeInput, today: Date = todayInVietnam(),
): Promise<{ noticeEndsOn: Date }> {
  return db.$transaction(async (tx) => {
    const council = await loadCouncil(tx, actor, councilId);
    const dateError = noticeDateError(input.postedOn, council.meetingDate, today);
    if (dateError) throw fieldError("postedOn", dateError);
    const endsOn = noticeEndsOn(input.postedOn, council.campaignYear.noticeDays);
    await transition(tx, council, "postNotice", {
      noticePostedOn: input.postedOn, noticeEndsOn: endsOn, noticeChannel: input.channel, version: { increment: 1 },
    }, version);
    const voted = await tx.hamletTitleEntry.count({ where: { councilId: council.id, votesFor: { not: null } } });
    if (voted === 0) throw rule(HAMLET_TITLE_MSG.noVotes);
    await recordAudit(tx, actor, {
      action: "council.notice.post", entityType: "CouncilReview", entityId: council.id,
      before: { status: council.status },
      after: { status: "NOTICE", noticePostedOn: toIsoDate(input.postedOn), noticeEndsOn: toIsoDate(endsOn), noticeChannel: input.channel, voted },
    });
    return { noticeEndsOn: endsOn };
  });
}

/** Reopens the meeting (NOTICE → MEETING) to correct votes or reports; the notice dates are cleared, comments stay. */
export async function reopenCouncil(actor: Actor, councilId: string, version: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const council = await loadCouncil(tx, actor, councilId);
    await transition(tx, council, "reopen", { noticePostedOn: null, noticeEndsOn: null, noticeChannel: null, version: { increment: 1 } }, version);
    await recordAudit(tx, actor, {
      action: "council.reopen", entityType: "CouncilReview", entityId: council.id,
      before: {
        status: council.status, noticePostedOn: council.noticePostedOn && toIsoDate(council.noticePostedOn),
        noticeEndsOn: council.noticeEndsOn && toIsoDate(council.noticeEndsOn), noticeChannel: council.noticeChannel,
      },
      after: { status: "MEETING" },
    });
  });
}

/**
 * Resolves a resident's comment during the notice, once. An upheld comment about a hamlet the council voted on turns
 * that hamlet's result to không đạt (councilResult keeps the vote), recomputed by rules.hamletOutcome as a re-vote
 * would: a hamlet already không đạt stays so, keeps the council's reason with the comment added, and is not reported
 * as changed.
 */
export async function resolveComment(actor: Actor, commentId: string, input: ResolveCommentInput): Promise<{ hamletResultChanged: boolean }> {
  return db.$transaction(async (tx) => {
    const comment = !isUuid(commentId) ? null : await tx.noticeComment.findFirst({
      where: { AND: [{ id: commentId }, { council: communeScope(actor, "review.read") }] },
      select: { id: true, councilReviewId: true, hamletId: true, outcome: true },
    });
    if (!comment) throw notFound();
    const council = await loadCouncil(tx, actor, comment.councilReviewId);
    if (council.status === "PROPOSED") throw rule(HAMLET_TITLE_MSG.resolveOnlyInNotice);
    await transition(tx, council, "resolveComment");
    const { count } = await tx.noticeComment.updateMany({
      where: { id: comment.id, outcome: "PENDING" },
      data: { outcome: input.outcome, resolution: input.resolution, resolvedById: actor.id, resolvedAt: new Date() },
    });
    if (count !== 1) throw rule(HAMLET_TITLE_MSG.commentResolved);
    let entry: { id: string; result: string | null } | null = null;
    let outcome: HamletOutcome | null = null;
    if (input.outcome === "UPHELD" && comment.hamletId) {
      const voted = await tx.hamletTitleEntry.findFirst({
        where: { campaignYearId: council.campaignYearId, hamletId: comment.hamletId, councilId: council.id, votesFor: { not: null } },
        select: { id: true, result: true, votesFor: true, results: { where: { isMet: false }, select: { code: true } } },
      });
      if (voted) {
        const ruleSet = await tx.ruleSet.findUniqueOrThrow({ where: { id: council.ruleSetId } });
        const unmetCodes = voted.results.map((r) => r.code).sort();
        outcome = hamletOutcome(councilRuleOf(ruleSet), council, { unmetCodes, votesFor: voted.votesFor! }, input.resolution);
        await tx.hamletTitleEntry.update({ where: { id: voted.id }, data: { ...outcome, version: { increment: 1 } } });
        entry = voted;
      }
    }
    await recordAudit(tx, actor, {
      action: "council.comment.resolve", entityType: "NoticeComment", entityId: comment.id,
      before: { outcome: comment.outcome, hamletResult: entry?.result ?? undefined },
      after: { outcome: input.outcome, resolution: input.resolution, hamletId: comment.hamletId, hamletResult: outcome?.result, hamletReason: outcome?.reason ?? undefined },
    });
    return { hamletResultChanged: entry !== null && outcome !== null && entry.result !== outcome.result };
  });
}

/**
 * Records the Tờ trình (Mẫu 04) and moves the dossier to PROPOSED: only after the notice has ended, with every comment
 * resolved and at least one hamlet đạt.
 */
export async function proposeCouncil(
  actor: Actor, councilId: string, version: number, input: ProposalInput, today: Date = todayInVietnam(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    const council = await loadCouncil(tx, actor, councilId);
    await transition(tx, council, "propose", {
      proposalNumber: input.proposalNumber, proposalSymbol: input.proposalSymbol, proposalDate: input.proposalDate, version: { increment: 1 },
    }, version);
    if (!council.noticeEndsOn) throw rule(HAMLET_TITLE_MSG.noNotice);
    if (today < firstSubmitDay(council.noticeEndsOn)) throw rule(noticeOpenMessage(council.noticeEndsOn));
    const dateError = proposalDateError(input.proposalDate, council.noticeEndsOn, today);
    if (dateError) throw fieldError("proposalDate", dateError);
    const pending = await tx.noticeComment.count({ where: { councilReviewId: council.id, outcome: "PENDING" } });
    if (pending > 0) throw rule(HAMLET_TITLE_MSG.pendingComments(pending));
    const achieved = await tx.hamletTitleEntry.count({ where: { councilId: council.id, votesFor: { not: null }, result: "ACHIEVED" } });
    if (achieved === 0) throw rule(HAMLET_TITLE_MSG.noAchieved);
    await recordAudit(tx, actor, {
      action: "council.propose", entityType: "CouncilReview", entityId: council.id,
      before: { status: council.status },
      after: {
        status: "PROPOSED", proposalNumber: input.proposalNumber, proposalSymbol: input.proposalSymbol,
        proposalDate: toIsoDate(input.proposalDate), achieved,
      },
    });
  });
}
