// The demo's "Gia đình văn hóa" cycle for Kim Phượng (prisma/seed.ts): 2022 and 2023 decided, 2024 in progress.
// Pure and deterministic: it builds the rows the services would have written, computing every result with the
// same rules (lib/review/rules.ts, householdOutcome) and moving every dossier through nextReviewStatus.

import { defaultYearColumns } from "@/lib/campaign/sets";
import { addDays, formatDay, parseIsoDate, utcDate } from "@/lib/dates";
import { decisionReference } from "@/lib/decisions/labels";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  exclusionsInWindow, firstSubmitDay, nextDecisionStatus, nextReviewStatus, noticeEndsOn, quorum, REVIEW_STATUS_LABEL, violationWindow,
  type BallotMethod, type Category, type ReviewEvent, type ReviewStatus, type VoteRule,
} from "@/lib/review/rules";
import { DEFAULT_NOTICE_CHANNEL, householdOutcome, householdVoteErrors, type OutcomeContext } from "@/lib/review/schema";
import {
  DEMO_AWARD_DECISIONS, DEMO_CANCELLATION, DEMO_NOTICE_CHANNEL_NO_HOUSE, DEMO_OBJECTIONS, DEMO_PLAN_2024, DEMO_RETURN_REASON,
  DEMO_REVIEWS_2024, DEMO_UNMET_CODES, DEMO_VIOLATION_KINDS, DEMO_YEARS, type DemoReviewPlan,
} from "./demo-data";
import { Rng, demoId } from "./demo-random";

const CYCLE_SEED = 0x6d7a_2022; // separate from the registry's seed, so the households stay as they were
const CURRENT_YEAR = 2024;
const SIGNER_TITLE = "CHỦ TỊCH"; // the chairman signs in person (signerAuthority "")
const SYMBOL = "QĐ-UBND";

type Person = { id: string; fullName: string };

export type CycleInput = {
  communeId: string;
  hamlets: { id: string; name: string; headName: string | null; hasCulturalHouse: boolean }[];
  /** In roll order; `status` is today's (a household gone by 2024 still took part in 2022 and 2023). */
  households: { id: string; hamletId: string; headName: string; status: string }[];
  members: { id: string; householdId: string; fullName: string; birthYear: number | null; position: number }[];
  officer: Person;
  leader: Person;
  /** The one hamlet head with an account; other heads act without one (actorId null). */
  hamletHead: Person & { hamletId: string };
  ruleSet: VoteRule & { id: string; ballotMethod: BallotMethod; lookbackYears: number; registrationRequired: boolean };
  criteriaSet: { id: string; standards: { code: string; text: string }[] };
};

export type CycleRows = {
  years: Prisma.CampaignYearCreateManyInput[];
  planRefs: Prisma.PlanReferenceCreateManyInput[];
  registrations: Prisma.RegistrationCreateManyInput[];
  violations: Prisma.ViolationCreateManyInput[];
  decisions: Prisma.DecisionCreateManyInput[];
  reviews: (Prisma.HamletReviewCreateManyInput & { id: string; status: ReviewStatus })[];
  assessments: (Prisma.AssessmentCreateManyInput & { id: string })[];
  objections: Prisma.ObjectionCreateManyInput[];
  events: Prisma.ReviewEventCreateManyInput[];
  awards: (Prisma.TitleAwardCreateManyInput & { id: string })[];
  cancellationItems: Prisma.CancellationItemCreateManyInput[];
};

/** A moment of a Vietnamese day (UTC+7) as a timestamp. */
const at = (day: Date, hour: number, minute = 0) => new Date(day.getTime() + ((hour - 7) * 60 + minute) * 60_000);
const isoDay = (iso: string) => {
  const day = parseIsoDate(iso);
  if (!day) throw new Error(`Demo date is not a calendar day: ${iso}`);
  return day;
};
const cycleId = (key: string) => demoId(`cycle/${key}`);
export const demoYearId = (year: number) => cycleId(`year/${year}`);

/** The dossier's status after these events from a new meeting, through the state machine (throws on a bad path). */
function walk(events: ReviewEvent[]): ReviewStatus {
  return events.reduce<ReviewStatus>((status, event) => nextReviewStatus(status, event), nextReviewStatus("MEETING", "saveMeeting"));
}

const PATHS: Record<ReviewStatus, ReviewEvent[]> = {
  MEETING: ["saveAssessment"],
  NOTICE: ["saveAssessment", "postNotice"],
  SUBMITTED: ["saveAssessment", "postNotice", "submit"],
  RETURNED: ["saveAssessment", "postNotice", "submit", "return"],
  ACCEPTED: ["saveAssessment", "postNotice", "submit", "accept"],
  DECIDED: ["saveAssessment", "postNotice", "submit", "accept", "includeInDecision", "decide"],
};

export function buildCycle(input: CycleInput): CycleRows {
  const rng = new Rng(CYCLE_SEED);
  const { communeId, ruleSet, criteriaSet, officer, leader, hamletHead } = input;
  const rows: CycleRows = {
    years: [], planRefs: [], registrations: [], violations: [], decisions: [], reviews: [], assessments: [], objections: [], events: [],
    awards: [], cancellationItems: [],
  };

  const householdsOf = new Map<string, CycleInput["households"]>();
  for (const h of input.households) householdsOf.set(h.hamletId, [...(householdsOf.get(h.hamletId) ?? []), h]);
  const membersOf = new Map<string, CycleInput["members"]>();
  for (const m of input.members) membersOf.set(m.householdId, [...(membersOf.get(m.householdId) ?? []), m]);
  const hamletByName = new Map(input.hamlets.map((h) => [h.name, h]));
  const rollOf = (hamletId: string, year: number) =>
    (householdsOf.get(hamletId) ?? []).filter((h) => year < CURRENT_YEAR || h.status === "ACTIVE");
  /** Who acts for the hamlet: the demo account in its own xóm, elsewhere the head by name only. */
  const hamletActor = (hamlet: CycleInput["hamlets"][number]) =>
    hamlet.id === hamletHead.hamletId ? { id: hamletHead.id, name: hamletHead.fullName } : { id: null, name: hamlet.headName ?? "" };
  const adultOf = (householdId: string, year: number) => {
    const members = (membersOf.get(householdId) ?? []).filter((m) => m.birthYear !== null && year - m.birthYear >= 18 && year - m.birthYear <= 70);
    return members.length > 0 ? rng.pick(members) : (membersOf.get(householdId) ?? [])[0]!;
  };

  // ---- Campaign years and the 2024 plan ----
  for (const year of DEMO_YEARS) {
    const plan = year === 2024 ? DEMO_PLAN_2024 : null;
    const createdAt = at(plan ? addDays(isoDay(plan.planDate), 1) : utcDate(year, 2, 10), 9);
    rows.years.push({
      id: demoYearId(year), communeId, ...defaultYearColumns(year), ruleSetId: ruleSet.id, criteriaSetId: criteriaSet.id,
      planNumber: plan?.planNumber ?? null, planDate: plan ? isoDay(plan.planDate) : null, planIssuer: plan?.planIssuer ?? null,
      planTitle: plan?.planTitle ?? null, createdAt, updatedAt: createdAt,
    });
  }
  DEMO_PLAN_2024.refs.forEach((ref, position) => {
    rows.planRefs.push({ id: cycleId(`plan-ref/2024/${position}`), campaignYearId: demoYearId(2024), position, ...ref, date: isoDay(ref.date) });
  });
  const noticeDays = defaultYearColumns(CURRENT_YEAR).noticeDays;

  // ---- Violations on record, dated Jan–early Oct so every meeting knew of them ----
  const violationsOf = new Map<string, { category: Category; occurredOn: Date }[]>();
  const addViolation = (
    householdId: string, year: number, occurredOn: Date, kind: (typeof DEMO_VIOLATION_KINDS)[number][0], doc: { number: number; date: Date }, createdAt: Date,
  ) => {
    const member = adultOf(householdId, year);
    const type = kind.document === "KTBC" ? "Quyết định khởi tố bị can" : "Quyết định xử phạt vi phạm hành chính";
    rows.violations.push({
      id: cycleId(`violation/${householdId}/${year}/${rows.violations.length}`), communeId, householdId, memberId: member.id,
      memberName: member.fullName, category: kind.category, occurredOn,
      documentRef: `${type} số ${doc.number}/QĐ-${kind.document} ngày ${formatDay(doc.date)} của ${kind.issuer}`, note: kind.act,
      createdById: officer.id, createdAt,
    });
    violationsOf.set(householdId, [...(violationsOf.get(householdId) ?? []), { category: kind.category, occurredOn }]);
  };
  const banLac = hamletHead.hamletId;
  for (const year of DEMO_YEARS) {
    for (const hamlet of input.hamlets) {
      const roll = rollOf(hamlet.id, year);
      // Bản Lác gets two 2024 violations, so the meeting a user holds there meets an exclusion on record.
      const forced = year === CURRENT_YEAR && hamlet.id === banLac ? new Set([roll[7]?.id, roll[41]?.id]) : new Set<string | undefined>();
      for (const h of roll) {
        if (h.hamletId === banLac && h.headName === hamletHead.fullName) continue; // the demo account's own household
        if (!forced.has(h.id) && !rng.chance(year === CURRENT_YEAR ? 0.011 : 0.014)) continue;
        const occurredOn = addDays(utcDate(year, 1, 10), rng.int(0, 268));
        const docDate = addDays(occurredOn, rng.int(2, 20));
        addViolation(h.id, year, occurredOn, rng.weighted(DEMO_VIOLATION_KINDS), { number: rng.int(8, 160), date: docDate }, at(addDays(docDate, rng.int(1, 5)), 10));
      }
    }
  }

  // ---- Decisions of the decided years ----
  const awardDecision = new Map<number, { id: string; number: number; issuedOn: Date; approvedAt: Date }>();
  for (const year of [2022, 2023] as const) {
    const spec = DEMO_AWARD_DECISIONS[year];
    const issuedOn = isoDay(spec.issuedOn);
    const approvedAt = at(issuedOn, 9, 30);
    const id = cycleId(`decision/${year}/award`);
    rows.decisions.push({
      id, communeId, campaignYearId: demoYearId(year), kind: "AWARD", status: nextDecisionStatus("DRAFT", "issue")!, number: spec.number,
      symbol: SYMBOL, numberYear: issuedOn.getUTCFullYear(), issuedOn, signerAuthority: "", signerTitle: SIGNER_TITLE, signerName: leader.fullName,
      legalBasis: spec.legalBasis, draftedById: officer.id, approvedById: leader.id, approvedAt, version: 2,
      createdAt: at(isoDay(spec.draftedOn), 15), updatedAt: approvedAt,
    });
    awardDecision.set(year, { id, number: spec.number, issuedOn, approvedAt });
  }

  // ---- Registrations and reviews, year by year ----
  type Built = { year: number; review: CycleRows["reviews"][number]; assessments: CycleRows["assessments"] };
  const built: Built[] = [];
  const planOf = new Map<string, DemoReviewPlan>(DEMO_REVIEWS_2024.map((p) => [p.hamlet, p]));
  for (const p of DEMO_REVIEWS_2024) if (!hamletByName.has(p.hamlet)) throw new Error(`Unknown demo hamlet: ${p.hamlet}`);
  const standardText = Object.fromEntries(criteriaSet.standards.map((s) => [s.code, s.text]));
  const secretaryOf = new Map<string, string>();

  for (const year of DEMO_YEARS) {
    for (const hamlet of input.hamlets) {
      const roll = rollOf(hamlet.id, year);
      const actor = hamletActor(hamlet);

      // Registration: the xóm registers its households on one evening in Feb–Mar, a few come later.
      const registered = new Set<string>();
      const bulkDay = addDays(utcDate(year, 2, 15), rng.int(0, 30));
      for (const h of roll) {
        if (!rng.chance(year === CURRENT_YEAR ? 0.95 : 0.97)) continue;
        const registeredOn = rng.chance(0.9) ? bulkDay : addDays(bulkDay, rng.int(1, 10));
        registered.add(h.id);
        rows.registrations.push({
          id: cycleId(`registration/${year}/${h.id}`), communeId, campaignYearId: demoYearId(year), householdId: h.id, hamletId: hamlet.id,
          registeredOn, createdById: actor.id, createdAt: at(registeredOn, 20),
        });
      }

      const plan: DemoReviewPlan | { status: "DECIDED"; meetingDay: number; objection?: undefined } | undefined =
        year < CURRENT_YEAR ? { status: "DECIDED", meetingDay: rng.int(5, 14) } : planOf.get(hamlet.name);
      if (!plan) continue;
      const status = walk(PATHS[plan.status]);
      if (status !== plan.status) throw new Error(`Demo review path for ${hamlet.name} ends in ${status}, not ${plan.status}.`);

      // The meeting: one representative of each household invited, most of them present.
      const reviewId = cycleId(`review/${year}/${hamlet.id}`);
      const meetingDate = utcDate(year, 11, plan.meetingDay);
      const invited = roll.length;
      const present = Math.round(invited * (0.68 + rng.float() * 0.22));
      const q = quorum(ruleSet, { invited, present, totalHouseholds: roll.length });
      if (!q.isQuorate) throw new Error(`Demo meeting of ${hamlet.name} ${year} is not quorate.`);
      if (!secretaryOf.has(hamlet.id)) {
        const women = roll.flatMap((h) => membersOf.get(h.id) ?? [])
          .filter((m) => m.fullName.includes(" Thị ") && m.birthYear !== null && m.birthYear >= 1965 && m.birthYear <= 1995);
        secretaryOf.set(hamlet.id, rng.pick(women).fullName);
      }
      const ctx: OutcomeContext = {
        rule: ruleSet, method: ruleSet.ballotMethod, at: { invited, present }, registrationRequired: ruleSet.registrationRequired, standardText,
      };
      const window = violationWindow(year, ruleSet.lookbackYears);
      const usual = present - rng.int(0, 2); // how many hands usually go up for a household
      const meetingAt = at(meetingDate, 20, 30);

      // Each household's checklist and votes; the result always comes from the rule.
      const assessedRoll = plan.status === "MEETING" ? roll.slice(0, Math.ceil(roll.length / 2)) : roll;
      const assessments: CycleRows["assessments"] = assessedRoll.map((h) => {
        const exclusions = exclusionsInWindow(violationsOf.get(h.id) ?? [], window);
        let unmetCodes: string[] = [];
        let votesFor: number | null;
        let votesAgainst: number | null;
        const r = rng.float();
        if (exclusions.length > 0) {
          votesFor = null; // not considered: no vote taken
          votesAgainst = null;
        } else if (r < 0.05) {
          unmetCodes = [...new Set([rng.weighted(DEMO_UNMET_CODES), ...(rng.chance(0.35) ? [rng.weighted(DEMO_UNMET_CODES)] : [])])].sort();
          votesFor = rng.int(Math.floor(present * 0.1), Math.floor(present * 0.4));
          votesAgainst = Math.max(0, present - votesFor - rng.int(0, 3));
        } else if (r < 0.054) {
          votesFor = rng.int(Math.floor(present * 0.35), Math.floor(present / 2)); // short of the approval threshold
          votesAgainst = Math.max(0, present - votesFor - rng.int(0, 3));
        } else {
          votesFor = rng.chance(0.85) ? usual : present - rng.int(0, 4);
          votesAgainst = rng.chance(0.75) ? 0 : rng.int(0, Math.min(2, present - votesFor));
        }
        const vote = { unmetCodes, exclusions, votesFor, votesAgainst };
        const errors = householdVoteErrors(ctx, present, vote, registered.has(h.id));
        if (Object.keys(errors).length > 0) throw new Error(`Demo vote of ${h.headName}: ${JSON.stringify(errors)}`);
        return {
          id: cycleId(`assessment/${reviewId}/${h.id}`), communeId, hamletReviewId: reviewId, householdId: h.id, ...vote,
          ...householdOutcome(ctx, vote, registered.has(h.id)), ruleSetId: ruleSet.id, criteriaSetId: criteriaSet.id,
          updatedById: actor.id, version: 1, createdAt: meetingAt, updatedAt: meetingAt,
        };
      });

      // The dossier's steps, each with its event.
      const events: CycleRows["events"] = [];
      const event = (kind: Prisma.ReviewEventCreateManyInput["kind"], who: { id: string | null; name: string }, createdAt: Date, reason: string | null = null) =>
        events.push({ id: cycleId(`event/${reviewId}/${events.length}`), communeId, hamletReviewId: reviewId, kind, actorId: who.id, actorName: who.name, reason, createdAt });
      const officerActor = { id: officer.id, name: officer.fullName };
      event("MEETING_OPENED", actor, at(meetingDate, 19, 45));

      let noticePostedOn: Date | null = null;
      let endsOn: Date | null = null;
      let submittedAt: Date | null = null;
      let acceptedAt: Date | null = null;
      let decisionId: string | null = null;
      let updatedAt = meetingAt;
      if (plan.status !== "MEETING") {
        noticePostedOn = addDays(meetingDate, 1);
        endsOn = noticeEndsOn(noticePostedOn, noticeDays);
        updatedAt = at(noticePostedOn, 7, 30);
        event("NOTICE_POSTED", actor, updatedAt);
      }
      if (plan.objection && noticePostedOn && endsOn) {
        const target = rng.pick(assessments.filter((a) => a.result === "ACHIEVED"));
        const neighbours = roll.filter((h) => h.id !== target.householdId);
        const receivedOn = addDays(noticePostedOn, rng.int(3, 6));
        const objection = DEMO_OBJECTIONS[plan.objection];
        const resolvedOn = addDays(receivedOn, 2);
        const upheld = plan.objection === "UPHELD" ? DEMO_OBJECTIONS.UPHELD.resolution : null;
        rows.objections.push({
          id: cycleId(`objection/${reviewId}/0`), communeId, hamletReviewId: reviewId, householdId: target.householdId,
          raisedBy: rng.pick(neighbours).headName, content: objection.content, receivedOn, outcome: plan.objection,
          resolution: upheld, resolvedOn: upheld ? resolvedOn : null, createdById: actor.id, createdAt: at(receivedOn, 17),
        });
        if (upheld) {
          const vote = { unmetCodes: target.unmetCodes as string[], exclusions: target.exclusions as Category[], votesFor: target.votesFor ?? null, votesAgainst: target.votesAgainst ?? null };
          Object.assign(target, householdOutcome(ctx, vote, registered.has(target.householdId), upheld), { version: 2, updatedAt: at(resolvedOn, 16) });
        }
      }
      if (endsOn && ["SUBMITTED", "RETURNED", "ACCEPTED", "DECIDED"].includes(plan.status)) {
        const submitDay = firstSubmitDay(endsOn);
        submittedAt = at(submitDay, 8 + rng.int(0, 2), rng.int(0, 59));
        updatedAt = submittedAt;
        event("SUBMITTED", actor, submittedAt);
        if (plan.status === "RETURNED") {
          updatedAt = at(addDays(submitDay, 3), 15, 20);
          event("RETURNED", officerActor, updatedAt, DEMO_RETURN_REASON);
        } else if (plan.status !== "SUBMITTED") {
          acceptedAt = at(addDays(submitDay, rng.int(1, 3)), 14, rng.int(0, 59));
          updatedAt = acceptedAt;
          event("ACCEPTED", officerActor, acceptedAt);
        }
      }
      if (plan.status === "DECIDED") {
        const decision = awardDecision.get(year)!;
        decisionId = decision.id;
        updatedAt = decision.approvedAt;
        event("DECIDED", { id: leader.id, name: leader.fullName }, decision.approvedAt, `Quyết định ${decisionReference({ number: decision.number, symbol: SYMBOL, issuedOn: decision.issuedOn })}`);
      }

      const review: CycleRows["reviews"][number] = {
        id: reviewId, communeId, campaignYearId: demoYearId(year), hamletId: hamlet.id, status, meetingDate,
        meetingPlace: hamlet.hasCulturalHouse ? `Nhà văn hóa xóm ${hamlet.name}` : `Nhà ông ${hamlet.headName}, trưởng xóm ${hamlet.name}`,
        chairName: hamlet.headName ?? "", secretaryName: secretaryOf.get(hamlet.id)!, invitedCount: invited, presentCount: present,
        totalHouseholds: roll.length, ballotMethod: ruleSet.ballotMethod, isQuorate: q.isQuorate, quorumNote: q.note, ruleSetId: ruleSet.id,
        criteriaSetId: criteriaSet.id, noticePostedOn, noticeEndsOn: endsOn,
        noticeChannel: noticePostedOn ? (hamlet.hasCulturalHouse ? DEFAULT_NOTICE_CHANNEL : DEMO_NOTICE_CHANNEL_NO_HOUSE) : null,
        submittedAt, acceptedAt, decisionId, version: status === "DECIDED" ? 2 : 1, createdAt: at(meetingDate, 19, 45), updatedAt,
      };
      rows.events.push(...events);
      built.push({ year, review, assessments });
    }
  }

  // ---- Awards: every ACHIEVED household of a decided dossier, as issuing the decision writes them ----
  for (const { year, review, assessments } of built) {
    rows.reviews.push(review);
    rows.assessments.push(...assessments);
    if (review.status !== "DECIDED") continue;
    const decision = awardDecision.get(year)!;
    for (const a of assessments.filter((x) => x.result === "ACHIEVED")) {
      rows.awards.push({
        id: cycleId(`award/${year}/${a.householdId}`), communeId, householdId: a.householdId, hamletId: review.hamletId,
        campaignYearId: review.campaignYearId, year, decisionId: decision.id, assessmentId: a.id, votesFor: a.votesFor ?? null,
        status: "ACTIVE", createdAt: decision.approvedAt,
      });
    }
  }

  cancelTwoAwards(rng, input, rows, violationsOf, addViolation);
  return rows;
}

/**
 * The 2023 cancellation (ground d): two households of one xóm, awarded in 2022, 2023 and achieving in 2024, whose
 * members were fined in 2023 for gambling in 2022. Their 2022 award is cancelled, so the streak skips that year.
 */
function cancelTwoAwards(
  rng: Rng,
  input: CycleInput,
  rows: CycleRows,
  violationsOf: Map<string, unknown[]>,
  addViolation: (householdId: string, year: number, occurredOn: Date, kind: (typeof DEMO_VIOLATION_KINDS)[number][0], doc: { number: number; date: Date }, createdAt: Date) => void,
) {
  const spec = DEMO_CANCELLATION;
  const hamlet = input.hamlets.find((h) => h.name === spec.hamletName);
  if (!hamlet) throw new Error(`Unknown demo hamlet: ${spec.hamletName}`);
  const yearOfReview = new Map(rows.reviews.map((r) => [r.id, r.campaignYearId]));
  const achievedIn = (year: number) => new Set(
    rows.assessments.filter((a) => a.result === "ACHIEVED" && yearOfReview.get(a.hamletReviewId) === demoYearId(year)).map((a) => a.householdId),
  );
  const [y22, y23, y24] = [achievedIn(2022), achievedIn(2023), achievedIn(2024)];
  const candidates = input.households.filter((h) =>
    h.hamletId === hamlet.id && h.status === "ACTIVE" && !violationsOf.has(h.id) && y22.has(h.id) && y23.has(h.id) && y24.has(h.id));
  if (candidates.length < spec.fines.length) throw new Error(`Demo cancellation: too few candidates in ${spec.hamletName}.`);
  const chosen: typeof candidates = [];
  while (chosen.length < spec.fines.length) {
    const next = rng.pick(candidates);
    if (!chosen.includes(next)) chosen.push(next);
  }

  const issuedOn = isoDay(spec.issuedOn);
  const approvedAt = at(issuedOn, 10);
  const decisionId = cycleId(`decision/${spec.awardYear}/cancellation`);
  rows.decisions.push({
    id: decisionId, communeId: input.communeId, campaignYearId: demoYearId(spec.awardYear), kind: "CANCELLATION",
    status: nextDecisionStatus("DRAFT", "issue")!, number: spec.number, symbol: SYMBOL, numberYear: issuedOn.getUTCFullYear(), issuedOn,
    signerAuthority: "", signerTitle: SIGNER_TITLE, signerName: input.leader.fullName, legalBasis: spec.legalBasis, cancelGround: "D",
    cancelReason: spec.cancelReason, draftedById: input.officer.id, approvedById: input.leader.id, approvedAt, version: 2,
    createdAt: at(isoDay(spec.draftedOn), 16), updatedAt: approvedAt,
  });
  const gambling = DEMO_VIOLATION_KINDS.find(([k]) => k.act === "Đánh bạc trái phép.")![0];
  chosen.forEach((h, i) => {
    const fine = spec.fines[i]!;
    addViolation(h.id, spec.awardYear, isoDay(spec.occurredOn), { ...gambling, issuer: spec.fineIssuer }, { number: fine.number, date: isoDay(fine.date) }, at(addDays(isoDay(fine.date), 14), 9));
    const award = rows.awards.find((a) => a.householdId === h.id && a.year === spec.awardYear)!;
    Object.assign(award, { status: "CANCELLED", cancelDecisionId: decisionId, cancelledAt: approvedAt });
    rows.cancellationItems.push({ id: cycleId(`cancellation-item/${award.id}`), decisionId, awardId: award.id });
  });
}

export type CycleSummary = {
  years: {
    year: number;
    registrations: number;
    reviews: Partial<Record<ReviewStatus, number>>;
    /** Hamlets with registrations but no review yet. */
    notStarted: number;
    assessments: number;
    awards: number;
    cancelledAwards: number;
  }[];
  decisions: number;
  violations: number;
};

/** What the cycle holds, per year: for the seed's summary line and its audit row. */
export function summarizeCycle(rows: CycleRows): CycleSummary {
  const years = DEMO_YEARS.map((year) => {
    const yearId = demoYearId(year);
    const reviews = rows.reviews.filter((r) => r.campaignYearId === yearId);
    const reviewIds = new Set(reviews.map((r) => r.id));
    const byStatus: Partial<Record<ReviewStatus, number>> = {};
    for (const r of reviews) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    const registrations = rows.registrations.filter((r) => r.campaignYearId === yearId);
    const awards = rows.awards.filter((a) => a.year === year);
    return {
      year,
      registrations: registrations.length,
      reviews: byStatus,
      notStarted: new Set(registrations.map((r) => r.hamletId)).size - reviews.length,
      assessments: rows.assessments.filter((a) => reviewIds.has(a.hamletReviewId)).length,
      awards: awards.length,
      cancelledAwards: awards.filter((a) => a.status === "CANCELLED").length,
    };
  });
  return { years, decisions: rows.decisions.length, violations: rows.violations.length };
}

/** The summary in Vietnamese, one line per year and one for decisions, for the console after seeding. */
export function cycleSummaryLines(summary: CycleSummary): string[] {
  const lines = summary.years.map((y) => {
    const reviews = (Object.keys(REVIEW_STATUS_LABEL) as ReviewStatus[])
      .filter((status) => y.reviews[status])
      .map((status) => `${y.reviews[status]} xóm ${REVIEW_STATUS_LABEL[status].toLowerCase()}`);
    if (y.notStarted > 0) reviews.push(`${y.notStarted} xóm chưa họp`);
    const cancelled = y.cancelledAwards > 0 ? ` (${y.cancelledAwards} đã bị hủy bỏ)` : "";
    return `  Năm ${y.year}: ${y.registrations} hộ đăng ký; ${reviews.join(", ")}; ${y.assessments} hộ đã bình xét; ${y.awards} danh hiệu${cancelled}.`;
  });
  lines.push(`  ${summary.decisions} quyết định về \u201cGia đình văn hóa\u201d đã ban hành, ${summary.violations} vi phạm được ghi nhận.`);
  return lines;
}
