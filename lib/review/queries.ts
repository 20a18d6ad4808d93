import "server-only";
import { recordViolationViews } from "@/lib/audit";
import { registrationCounts } from "@/lib/registration/queries";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AssessmentResult, ReviewStatus, ViolationCategory } from "@/lib/generated/prisma/enums";
import { can, communeScope, hamletRowScope, hamletScope, type Actor } from "@/lib/policy";
import { isUuid } from "@/lib/text";
import { exclusionsInWindow, PUBLIC_NOT_ELIGIBLE, violationWindow } from "./rules";
import { isYear } from "@/lib/validation";

// Reads of the hamlet review. Every query puts the actor's scope into its where clause; a hamlet or review
// outside it comes back as null (the page answers 404). Exclusion reasons leave this module only for roles with
// violation.read.

type HouseholdClient = Pick<Tx, "household">;

export type RollEntry = { id: string; headName: string; isActive: boolean; isAssessed: boolean };

/**
 * The households a review covers, in Vietnamese collation of the head's name (the column's collation): those
 * living in the hamlet now, plus any assessed at this meeting that have since left.
 */
/** What the rule reads about a household besides the meeting's own vote (see householdOutcome). */
export type HouseholdFacts = {
  /** Registered for this campaign year. */
  isRegistered: boolean;
  /** The exclusion categories of its violations dated inside the window (inclusive), sorted, without repeats. */
  recorded: ViolationCategory[];
  /** The resolution of the latest upheld objection at this review ("" when none was written), or null. */
  upheld: string | null;
};

/** Whose facts: the households named, or the active households of a hamlet still without a result at the review. */
export type FactsFor = { householdIds: readonly string[] } | { remainingIn: { communeId: string; hamletId: string } };

/**
 * Every household's facts in one statement (the bulk save asks for 150 at once), by id in id order; each id asked for
 * gets an entry. Not scoped: for services that have loaded and authorised the review, inside their transaction.
 */
export async function householdFacts(
  tx: Pick<Tx, "$queryRaw">, review: { id: string; campaignYearId: string }, window: { from: Date; to: Date }, which: FactsFor,
): Promise<Map<string, HouseholdFacts>> {
  if ("householdIds" in which && which.householdIds.length === 0) return new Map();
  const households = "householdIds" in which
    ? Prisma.sql`SELECT DISTINCT unnest(${[...which.householdIds]}::uuid[]) AS "id"`
    : Prisma.sql`SELECT h."id" FROM "Household" h
        WHERE h."communeId" = ${which.remainingIn.communeId}::uuid AND h."hamletId" = ${which.remainingIn.hamletId}::uuid AND h."status" = 'ACTIVE'
          AND NOT EXISTS (SELECT 1 FROM "Assessment" s WHERE s."hamletReviewId" = ${review.id}::uuid AND s."householdId" = h."id")`;
  const rows = await tx.$queryRaw<({ id: string } & HouseholdFacts)[]>`
    SELECT f."id",
      EXISTS (SELECT 1 FROM "Registration" r WHERE r."householdId" = f."id" AND r."campaignYearId" = ${review.campaignYearId}::uuid) AS "isRegistered",
      ARRAY(SELECT DISTINCT v."category"::text FROM "Violation" v
            WHERE v."householdId" = f."id" AND v."occurredOn" >= ${window.from} AND v."occurredOn" <= ${window.to} ORDER BY 1) AS "recorded",
      (SELECT COALESCE(o."resolution", '') FROM "Objection" o
        WHERE o."hamletReviewId" = ${review.id}::uuid AND o."householdId" = f."id" AND o."outcome" = 'UPHELD'
        ORDER BY o."resolvedOn" DESC, o."createdAt" DESC LIMIT 1) AS "upheld"
    FROM (${households}) f
    ORDER BY f."id"`;
  return new Map(rows.map(({ id, ...facts }) => [id, facts]));
}

export async function rollOf(client: HouseholdClient, at: { communeId: string; hamletId: string }, reviewId: string | null): Promise<RollEntry[]> {
  const rows = await client.household.findMany({
    where: {
      AND: [
        { communeId: at.communeId, hamletId: at.hamletId },
        reviewId ? { OR: [{ status: "ACTIVE" }, { assessments: { some: { hamletReviewId: reviewId } } }] } : { status: "ACTIVE" },
      ],
    },
    orderBy: [{ headName: "asc" }, { id: "asc" }],
    select: { id: true, headName: true, status: true, assessments: reviewId ? { where: { hamletReviewId: reviewId }, select: { id: true } } : false },
  });
  return rows.map((r) => ({
    id: r.id, headName: r.headName, isActive: r.status === "ACTIVE", isAssessed: ((r as { assessments?: unknown[] }).assessments?.length ?? 0) > 0,
  }));
}

/** The first active household without a result after `currentId` in roll order (wrapping round), or null. */
export function nextUnassessed(roll: RollEntry[], currentId?: string): string | null {
  const start = currentId ? roll.findIndex((h) => h.id === currentId) : -1;
  for (let i = 1; i <= roll.length; i++) {
    const h = roll[(start + i + roll.length) % roll.length]!;
    if (h.isActive && !h.isAssessed && h.id !== currentId) return h.id;
  }
  return null;
}

const place = (actor: Actor) => (actor.role === "HAMLET_HEAD" ? { communeId: actor.communeId, hamletId: actor.hamletId } : undefined);

/** Whether the actor may open the review area at all (a hamlet head: their own hamlet). */
export function canReadReviews(actor: Actor): boolean {
  return can(actor, "review.read", place(actor));
}

/** A hamlet the actor may review-read, or null. */
async function hamletFor(actor: Actor, hamletId: string) {
  if (!isUuid(hamletId)) return null;
  const hamlet = await db.hamlet.findFirst({
    where: { AND: [{ id: hamletId }, hamletScope(actor)] },
    select: { id: true, communeId: true, name: true, kind: true, headName: true },
  });
  if (!hamlet || !can(actor, "review.read", { communeId: hamlet.communeId, hamletId: hamlet.id })) return null;
  return hamlet;
}

function reviewScope(actor: Actor) {
  return hamletRowScope(actor, "review.read");
}

/**
 * The campaign year as the review pages use it (deadlines, notice length, the versions it applies), or null.
 * Lighter than campaign's getYearForActor, which also loads the whole checklist and the plan references.
 */
export async function getReviewYear(actor: Actor, year: number) {
  if (!isYear(year)) return null;
  return db.campaignYear.findFirst({
    where: { AND: [{ year }, communeScope(actor, "review.read")] },
    select: { id: true, year: true, meetingDeadline: true, reviewDeadline: true, noticeDays: true, ruleSetId: true, criteriaSetId: true },
  });
}

/** What a reader may see of a result's reason: exclusion reasons only with violation.read. */
function visibleReason(actor: Actor, at: { communeId: string; hamletId: string }, a: { result: AssessmentResult; reason: string | null }): string | null {
  if (a.result === "EXCLUDED" && !can(actor, "violation.read", at)) return PUBLIC_NOT_ELIGIBLE;
  return a.reason;
}

// ---- /review/[year] -------------------------------------------------------------------------------------------

export type HamletReviewRow = {
  hamletId: string;
  hamletName: string;
  activeHouseholds: number;
  registered: number;
  reviewId: string | null;
  status: ReviewStatus | null;
  meetingDate: Date | null;
  isQuorate: boolean | null;
  achieved: number;
  notAchieved: number;
  excluded: number;
  noticeEndsOn: Date | null;
  submittedAt: Date | null;
};

/**
 * Every hamlet the actor sees with its review of the year (or none), counted by the database. "Registered" counts
 * the active households registered for the year, as the registration board does.
 */
export async function listHamletReviews(actor: Actor, campaignYearId: string, status?: ReviewStatus | "NONE"): Promise<HamletReviewRow[]> {
  const scope = reviewScope(actor);
  const [hamlets, registration, reviews, results] = await Promise.all([
    db.hamlet.findMany({ where: hamletScope(actor), orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
    registrationCounts(actor, campaignYearId),
    db.hamletReview.findMany({
      where: { AND: [scope, { campaignYearId }] },
      select: { id: true, hamletId: true, status: true, meetingDate: true, isQuorate: true, noticeEndsOn: true, submittedAt: true },
    }),
    db.assessment.groupBy({ by: ["hamletReviewId", "result"], where: { review: { AND: [scope, { campaignYearId }] } }, _count: { _all: true } }),
  ]);
  const countsBy = new Map(registration.map((r) => [r.hamletId, r]));
  const reviewBy = new Map(reviews.map((r) => [r.hamletId, r]));
  const resultBy = new Map(results.map((r) => [`${r.hamletReviewId}:${r.result}`, r._count._all]));
  const count = (reviewId: string | undefined, result: AssessmentResult) => (reviewId ? resultBy.get(`${reviewId}:${result}`) ?? 0 : 0);
  const rows = hamlets.map((h): HamletReviewRow => {
    const review = reviewBy.get(h.id);
    return {
      hamletId: h.id,
      hamletName: h.name,
      activeHouseholds: countsBy.get(h.id)?.active ?? 0,
      registered: countsBy.get(h.id)?.registered ?? 0,
      reviewId: review?.id ?? null,
      status: review?.status ?? null,
      meetingDate: review?.meetingDate ?? null,
      isQuorate: review?.isQuorate ?? null,
      achieved: count(review?.id, "ACHIEVED"),
      notAchieved: count(review?.id, "NOT_ACHIEVED"),
      excluded: count(review?.id, "EXCLUDED"),
      noticeEndsOn: review?.noticeEndsOn ?? null,
      submittedAt: review?.submittedAt ?? null,
    };
  });
  if (!status) return rows;
  return rows.filter((r) => (status === "NONE" ? r.status === null : r.status === status));
}

// ---- The hub ----------------------------------------------------------------------------------------------------

async function reviewOf(actor: Actor, campaignYearId: string, hamletId: string) {
  return db.hamletReview.findFirst({ where: { AND: [{ campaignYearId, hamletId }, reviewScope(actor)] } });
}

/** Everything the hub shows about one hamlet's review of one year, or null when out of scope. */
export async function getReviewHub(actor: Actor, year: number, hamletId: string) {
  const [yearRow, hamlet] = await Promise.all([getReviewYear(actor, year), hamletFor(actor, hamletId)]);
  if (!yearRow || !hamlet) return null;
  const review = await reviewOf(actor, yearRow.id, hamlet.id);
  const at = { communeId: hamlet.communeId, hamletId: hamlet.id };
  const [households, events, objections] = await Promise.all([
    db.household.findMany({
      where: {
        AND: [
          at,
          reviewScope(actor),
          review ? { OR: [{ status: "ACTIVE" }, { assessments: { some: { hamletReviewId: review.id } } }] } : { status: "ACTIVE" },
        ],
      },
      orderBy: [{ headName: "asc" }, { id: "asc" }],
      select: {
        id: true, headName: true, address: true, status: true,
        registrations: { where: { campaignYearId: yearRow.id }, select: { id: true } },
        assessments: { where: { review: { campaignYearId: yearRow.id, hamletId: hamlet.id } }, select: { result: true, reason: true, votesFor: true, votesAgainst: true } },
      },
    }),
    review
      ? db.reviewEvent.findMany({ where: { hamletReviewId: review.id }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] })
      : Promise.resolve([]),
    review
      ? db.objection.findMany({
        where: { hamletReviewId: review.id },
        orderBy: [{ receivedOn: "asc" }, { createdAt: "asc" }],
        include: { household: { select: { headName: true } } },
      })
      : Promise.resolve([]),
  ]);
  const rows = households.map((h) => {
    const a = h.assessments[0];
    return {
      id: h.id,
      headName: h.headName,
      address: h.address,
      isActive: h.status === "ACTIVE",
      isRegistered: h.registrations.length > 0,
      result: a?.result ?? null,
      reason: a ? visibleReason(actor, at, a) : null,
      votesFor: a?.votesFor ?? null,
      votesAgainst: a?.votesAgainst ?? null,
    };
  });
  // The hub shows each excluded household's reason to those who may read it: that is a view of its violation record.
  if (can(actor, "violation.read", at)) {
    await recordViolationViews(actor, "reviewHub", rows.filter((r) => r.result === "EXCLUDED" && r.reason).map((r) => r.id));
  }
  const names = new Map(rows.map((r) => [r.id, r.headName]));
  const active = rows.filter((r) => r.isActive);
  const roll = rows.map((r) => ({ id: r.id, headName: r.headName, isActive: r.isActive, isAssessed: r.result !== null }));
  const lastReturn = review?.status === "RETURNED" ? events.find((e) => e.kind === "RETURNED") ?? null : null;
  return {
    year: yearRow,
    hamlet,
    review,
    households: rows,
    counts: {
      active: active.length,
      assessedActive: active.filter((r) => r.result !== null).length,
      registered: rows.filter((r) => r.isRegistered).length,
      achieved: rows.filter((r) => r.result === "ACHIEVED").length,
      notAchieved: rows.filter((r) => r.result === "NOT_ACHIEVED").length,
      excluded: rows.filter((r) => r.result === "EXCLUDED").length,
    },
    firstUnassessedId: nextUnassessed(roll),
    events: events.map((e) => ({ ...e, householdName: e.householdId ? names.get(e.householdId) ?? null : null })),
    objections: objections.map((o) => ({ ...o, householdName: o.household.headName })),
    lastReturn: lastReturn ? { ...lastReturn, householdName: lastReturn.householdId ? names.get(lastReturn.householdId) ?? null : null } : null,
  };
}
export type ReviewHub = NonNullable<Awaited<ReturnType<typeof getReviewHub>>>;

// ---- Meeting header ---------------------------------------------------------------------------------------------

/** The meeting form: the review (if any), the rule set it counts by (the year's for a first meeting), the roll's size. */
export async function getMeetingForm(actor: Actor, year: number, hamletId: string) {
  const [yearRow, hamlet] = await Promise.all([getReviewYear(actor, year), hamletFor(actor, hamletId)]);
  if (!yearRow || !hamlet) return null;
  const review = await reviewOf(actor, yearRow.id, hamlet.id);
  const [activeHouseholds, assessed, ruleSet] = await Promise.all([
    db.household.count({ where: { communeId: hamlet.communeId, hamletId: hamlet.id, status: "ACTIVE" } }),
    review ? db.assessment.count({ where: { hamletReviewId: review.id } }) : Promise.resolve(0),
    db.ruleSet.findUniqueOrThrow({ where: { id: review?.ruleSetId ?? yearRow.ruleSetId } }),
  ]);
  return { year: yearRow, ruleSet, hamlet, review, activeHouseholds, assessed };
}

// ---- One household --------------------------------------------------------------------------------------------

/** The assessment page of one household: its members, registration, violations in the window, the checklist. */
export async function getAssessmentPage(actor: Actor, year: number, hamletId: string, householdId: string) {
  if (!isUuid(householdId)) return null;
  const [yearRow, hamlet] = await Promise.all([getReviewYear(actor, year), hamletFor(actor, hamletId)]);
  if (!yearRow || !hamlet) return null;
  const at = { communeId: hamlet.communeId, hamletId: hamlet.id };
  const [household, review] = await Promise.all([
    db.household.findFirst({
      where: { AND: [{ id: householdId }, at, reviewScope(actor)] },
      select: {
        id: true, headName: true, address: true, status: true,
        members: { orderBy: { position: "asc" }, select: { id: true, fullName: true, birthYear: true, relationship: true } },
        registrations: { where: { campaignYearId: yearRow.id }, select: { registeredOn: true } },
      },
    }),
    reviewOf(actor, yearRow.id, hamlet.id),
  ]);
  if (!household) return null;
  if (!review) return { year: yearRow, hamlet, household, review: null } as const;
  const ruleSet = await db.ruleSet.findUniqueOrThrow({ where: { id: review.ruleSetId } });
  const window = violationWindow(year, ruleSet.lookbackYears);
  const seesViolations = can(actor, "violation.read", at);
  const [criteria, violations, assessment, roll, upheld] = await Promise.all([
    db.criterion.findMany({ where: { criteriaSetId: review.criteriaSetId }, orderBy: { position: "asc" } }),
    db.violation.findMany({
      where: { communeId: hamlet.communeId, householdId: household.id, occurredOn: { gte: window.from, lte: window.to } },
      orderBy: { occurredOn: "asc" },
      select: { category: true, occurredOn: true, memberName: true, documentRef: true },
    }),
    db.assessment.findUnique({ where: { hamletReviewId_householdId: { hamletReviewId: review.id, householdId: household.id } } }),
    rollOf(db, at, review.id),
    // The latest upheld objection, as the service applies it.
    db.objection.findFirst({
      where: { hamletReviewId: review.id, householdId: household.id, outcome: "UPHELD" },
      orderBy: [{ resolvedOn: "desc" }, { createdAt: "desc" }],
    }),
  ]);
  const index = roll.findIndex((h) => h.id === household.id);
  // Off the roll: moved out before the meeting and never assessed, so there is nothing to review.
  if (index < 0) return null;
  const recorded: ViolationCategory[] = exclusionsInWindow(violations, window);
  if (seesViolations && (violations.length > 0 || (assessment?.result === "EXCLUDED" && assessment.reason))) {
    await recordViolationViews(actor, "assessment", [household.id]);
  }
  return {
    year: yearRow,
    hamlet,
    household: { ...household, isRegistered: household.registrations.length > 0 },
    review,
    ruleSet,
    criteria,
    window,
    seesViolations,
    // Which categories and when, only for those who may see violations.
    recordedExclusions: seesViolations ? recorded : [],
    violations: seesViolations ? violations : [],
    assessment: assessment
      ? { ...assessment, reason: visibleReason(actor, at, assessment), exclusions: seesViolations ? assessment.exclusions : [] }
      : null,
    upheldResolution: upheld?.resolution ?? null,
    position: index + 1,
    rollSize: roll.length,
    prevId: index > 0 ? roll[index - 1]!.id : null,
    nextId: index < roll.length - 1 ? roll[index + 1]!.id : null,
    nextUnassessedId: nextUnassessed(roll, household.id),
    remaining: roll.filter((h) => h.isActive && !h.isAssessed).length,
  };
}

// ---- Notice -------------------------------------------------------------------------------------------------------

/** The notice page: the review, its objections, and the households that may be objected to. */
export async function getNoticePage(actor: Actor, year: number, hamletId: string) {
  const [yearRow, hamlet] = await Promise.all([getReviewYear(actor, year), hamletFor(actor, hamletId)]);
  if (!yearRow || !hamlet) return null;
  const review = await reviewOf(actor, yearRow.id, hamlet.id);
  if (!review) return { year: yearRow, hamlet, review: null } as const;
  const at = { communeId: hamlet.communeId, hamletId: hamlet.id };
  const [objections, assessed, missing] = await Promise.all([
    db.objection.findMany({
      where: { hamletReviewId: review.id },
      orderBy: [{ receivedOn: "asc" }, { createdAt: "asc" }],
      include: { household: { select: { headName: true } } },
    }),
    db.assessment.findMany({
      where: { hamletReviewId: review.id },
      orderBy: [{ household: { headName: "asc" } }, { householdId: "asc" }],
      select: { householdId: true, result: true, household: { select: { headName: true } } },
    }),
    db.household.count({ where: { ...at, status: "ACTIVE", assessments: { none: { hamletReviewId: review.id } } } }),
  ]);
  return {
    year: yearRow,
    hamlet,
    review,
    objections: objections.map((o) => ({ ...o, householdName: o.household.headName })),
    households: assessed.map((a) => ({ id: a.householdId, headName: a.household.headName, result: a.result })),
    missing,
  };
}

/** The notice-board sheet: ACHIEVED households by name and address, and only a count of the others. */
export async function getNoticePrint(actor: Actor, year: number, hamletId: string) {
  const [yearRow, hamlet] = await Promise.all([getReviewYear(actor, year), hamletFor(actor, hamletId)]);
  if (!yearRow || !hamlet) return null;
  const [review, commune] = await Promise.all([
    reviewOf(actor, yearRow.id, hamlet.id),
    db.commune.findUnique({ where: { id: hamlet.communeId }, select: { name: true, kind: true } }),
  ]);
  if (!review || !commune) return { year: yearRow.year, hamlet, commune, review: null, achieved: [], notEligible: 0 } as const;
  const [achieved, notEligible] = await Promise.all([
    db.assessment.findMany({
      where: { hamletReviewId: review.id, result: "ACHIEVED" },
      orderBy: [{ household: { headName: "asc" } }, { householdId: "asc" }],
      select: { household: { select: { headName: true, address: true } } },
    }),
    db.assessment.count({ where: { hamletReviewId: review.id, result: { not: "ACHIEVED" } } }),
  ]);
  return {
    year: yearRow.year,
    hamlet,
    commune,
    review: {
      status: review.status, meetingDate: review.meetingDate, chairName: review.chairName,
      noticePostedOn: review.noticePostedOn, noticeEndsOn: review.noticeEndsOn, noticeChannel: review.noticeChannel,
    },
    achieved: achieved.map((a) => a.household),
    notEligible,
  };
}
