import "server-only";
import { db, type Tx } from "@/lib/db";
import { can, communeScope, hamletRowScope, hamletScope, type Actor } from "@/lib/policy";
import { compareVi, isUuid } from "@/lib/text";
import type { HamletFacts } from "@/lib/titles/rules";
import { isYear } from "@/lib/validation";

// Reads of the "Xóm văn hóa" cycle. Every query puts the actor's scope into its where clause: a hamlet head reads
// only their hamlet's entry; the council's pages (all hamlets' votes, residents' comments) are for commune readers.
// Counts are aggregated by the database.

type Client = Pick<Tx, "criteriaSet" | "household" | "titleAward" | "hamletReview" | "assessment">;

const place = (actor: Actor) => (actor.role === "HAMLET_HEAD" ? { communeId: actor.communeId, hamletId: actor.hamletId } : undefined);

/** Whether the actor may open the area at all (a hamlet head: for their own hamlet). */
export function canReadHamletTitles(actor: Actor): boolean {
  return can(actor, "review.read", place(actor));
}

/** The council's pages list every hamlet's votes and the residents' comments: commune readers only. */
export function canReadCouncil(actor: Actor): boolean {
  return can(actor, "review.read");
}

/**
 * The year's hamlet checklist: the set the year names, else the commune's latest published "Xóm văn hóa" set.
 */
export async function hamletCriteriaSetId(client: Pick<Tx, "criteriaSet">, year: { communeId: string; hamletCriteriaSetId: string | null }): Promise<string | null> {
  if (year.hamletCriteriaSetId) return year.hamletCriteriaSetId;
  const latest = await client.criteriaSet.findFirst({
    where: { communeId: year.communeId, subject: "HAMLET", publishedAt: { not: null } },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  return latest?.id ?? null;
}

/**
 * What vanhoa knows of a hamlet for its report: active households by poverty status, and the ACTIVE "Gia đình văn
 * hóa" awards of `year` held by households still active in the hamlet (the official rate's denominator is every
 * active household, so a household that left counts in neither). Until the year's household decision is issued
 * for the hamlet, the report can only cite its own meeting: then the households it found đạt, flagged provisional.
 */
export async function prefillFacts(
  client: Client,
  at: { communeId: string; hamletId: string },
  year: number,
): Promise<HamletFacts & { recognisedProvisional: boolean }> {
  const activeHere = { hamletId: at.hamletId, status: "ACTIVE" as const };
  const [byPoverty, awarded, review] = await Promise.all([
    client.household.groupBy({
      by: ["povertyStatus"],
      where: { communeId: at.communeId, ...activeHere },
      _count: { _all: true },
    }),
    client.titleAward.count({ where: { communeId: at.communeId, year, status: "ACTIVE", household: activeHere } }),
    client.hamletReview.findFirst({ where: { communeId: at.communeId, hamletId: at.hamletId, campaignYear: { year } }, select: { id: true, status: true } }),
  ]);
  const provisional = review !== null && review.status !== "DECIDED";
  const recognisedHouseholds = provisional
    ? await client.assessment.count({ where: { hamletReviewId: review.id, result: "ACHIEVED", household: activeHere } })
    : awarded;
  const count = (status: string) => byPoverty.find((r) => r.povertyStatus === status)?._count._all ?? 0;
  return {
    totalHouseholds: byPoverty.reduce((sum, r) => sum + r._count._all, 0),
    recognisedHouseholds,
    poorHouseholds: count("POOR"),
    nearPoorHouseholds: count("NEAR_POOR"),
    recognisedProvisional: provisional,
  };
}

/** The campaign year as these pages use it, or null. */
export async function getTitleYear(actor: Actor, year: number) {
  if (!isYear(year)) return null;
  return db.campaignYear.findFirst({
    where: { AND: [{ year }, communeScope(actor, "review.read")] },
    select: {
      id: true, year: true, communeId: true, noticeDays: true, ruleSetId: true, hamletCriteriaSetId: true,
      ruleSet: { select: { name: true, hamletRegistrationRequired: true, councilApprovalBase: true, councilApprovalPct: true, councilApprovalOp: true } },
    },
  });
}
export type TitleYear = NonNullable<Awaited<ReturnType<typeof getTitleYear>>>;

const COUNCIL_SELECT = {
  id: true, status: true, version: true, meetingDate: true, meetingPlace: true, chairName: true, secretaryName: true, membersTotal: true,
  membersPresent: true, ruleSetId: true, noticePostedOn: true, noticeEndsOn: true, noticeChannel: true, proposalNumber: true,
  proposalSymbol: true, proposalDate: true, decisionId: true,
} as const;

/** The year's council (for any reader of the area: the year page shows its status), or null. */
function councilOf(actor: Actor, campaignYearId: string) {
  return db.councilReview.findFirst({ where: { AND: [{ campaignYearId }, communeScope(actor, "review.read")] }, select: COUNCIL_SELECT });
}
export type CouncilSummary = NonNullable<Awaited<ReturnType<typeof councilOf>>>;

// ---- /hamlet-title/[year] ---------------------------------------------------------------------------------------

export type HamletEntryRow = {
  hamletId: string;
  hamletName: string;
  entryId: string | null;
  registeredOn: Date | null;
  reportedOn: Date | null;
  totalHouseholds: number | null;
  recognisedHouseholds: number | null;
  unmetCount: number;
  votesFor: number | null;
  votesAgainst: number | null;
  result: "ACHIEVED" | "NOT_ACHIEVED" | "EXCLUDED" | null;
  reason: string | null;
};

/** Every hamlet the actor sees with its entry of the year, the council and how many comments wait. */
export async function listHamletEntries(actor: Actor, year: TitleYear) {
  const [hamlets, entries, unmet, council] = await Promise.all([
    db.hamlet.findMany({ where: { AND: [hamletScope(actor), { communeId: year.communeId }] }, select: { id: true, name: true } }),
    db.hamletTitleEntry.findMany({
      where: { AND: [hamletRowScope(actor, "review.read"), { campaignYearId: year.id }] },
      select: {
        id: true, hamletId: true, registeredOn: true, reportedOn: true, totalHouseholds: true, recognisedHouseholds: true,
        votesFor: true, votesAgainst: true, result: true, reason: true,
      },
    }),
    db.hamletCriterionResult.groupBy({
      by: ["entryId"],
      where: { isMet: false, entry: { AND: [hamletRowScope(actor, "review.read"), { campaignYearId: year.id }] } },
      _count: { _all: true },
    }),
    councilOf(actor, year.id),
  ]);
  const [pendingComments, totalComments] = council && canReadCouncil(actor)
    ? await Promise.all([
      db.noticeComment.count({ where: { councilReviewId: council.id, outcome: "PENDING" } }),
      db.noticeComment.count({ where: { councilReviewId: council.id } }),
    ])
    : [0, 0];
  const entryBy = new Map(entries.map((e) => [e.hamletId, e]));
  const unmetBy = new Map(unmet.map((u) => [u.entryId, u._count._all]));
  const rows = hamlets
    .sort((a, b) => compareVi(a.name, b.name))
    .map((h): HamletEntryRow => {
      const e = entryBy.get(h.id);
      return {
        hamletId: h.id, hamletName: h.name, entryId: e?.id ?? null, registeredOn: e?.registeredOn ?? null, reportedOn: e?.reportedOn ?? null,
        totalHouseholds: e?.totalHouseholds ?? null, recognisedHouseholds: e?.recognisedHouseholds ?? null,
        unmetCount: e ? unmetBy.get(e.id) ?? 0 : 0, votesFor: e?.votesFor ?? null, votesAgainst: e?.votesAgainst ?? null,
        result: e?.votesFor !== null && e?.votesFor !== undefined ? e.result : null, reason: e?.reason ?? null,
      };
    });
  return { rows, council, pendingComments, totalComments };
}

// ---- /hamlet-title/[year]/[hamletId] ------------------------------------------------------------------------------

/** One hamlet's entry: registration, the report with its criterion results, the checklist and the figures on record. */
export async function getEntryPage(actor: Actor, year: TitleYear, hamletId: string) {
  if (!isUuid(hamletId)) return null;
  const hamlet = await db.hamlet.findFirst({
    where: { AND: [{ id: hamletId, communeId: year.communeId }, hamletScope(actor)] },
    select: { id: true, communeId: true, name: true, headName: true, hasCulturalHouse: true },
  });
  if (!hamlet || !can(actor, "review.read", { communeId: hamlet.communeId, hamletId: hamlet.id })) return null;
  const at = { communeId: hamlet.communeId, hamletId: hamlet.id };
  const [entry, council, criteriaSetId, facts] = await Promise.all([
    db.hamletTitleEntry.findFirst({
      where: { AND: [{ campaignYearId: year.id, hamletId: hamlet.id }, hamletRowScope(actor, "review.read")] },
      include: { results: true },
    }),
    councilOf(actor, year.id),
    hamletCriteriaSetId(db, year),
    prefillFacts(db, at, year.year),
  ]);
  const criteriaSet = criteriaSetId
    ? await db.criteriaSet.findUnique({
      where: { id: criteriaSetId },
      select: {
        id: true, name: true, version: true,
        items: {
          where: { kind: "STANDARD" },
          orderBy: { position: "asc" },
          select: { code: true, groupCode: true, groupTitle: true, text: true, isVerified: true, metric: true, comparator: true, threshold: true },
        },
      },
    })
    : null;
  return { hamlet, entry, council, criteriaSet, prefill: { ...facts, hasCulturalHouse: hamlet.hasCulturalHouse } };
}
export type EntryPage = NonNullable<Awaited<ReturnType<typeof getEntryPage>>>;

// ---- The council's pages ----------------------------------------------------------------------------------------

/** The reported hamlets as the council sees them: report figures, unmet criteria, votes and result. */
async function reportedEntries(year: TitleYear) {
  const rows = await db.hamletTitleEntry.findMany({
    where: { campaignYearId: year.id, communeId: year.communeId, reportedOn: { not: null } },
    select: {
      id: true, hamletId: true, registeredOn: true, reportedOn: true, totalHouseholds: true, recognisedHouseholds: true, councilId: true,
      votesFor: true, votesAgainst: true, result: true, councilResult: true, reason: true, hamlet: { select: { name: true } },
      results: { where: { isMet: false }, orderBy: { code: "asc" }, select: { code: true } },
    },
  });
  return rows
    .map((r) => ({ ...r, hamletName: r.hamlet.name, unmetCodes: r.results.map((c) => c.code) }))
    .sort((a, b) => compareVi(a.hamletName, b.hamletName));
}

/** The council meeting page: the council (or none yet), the rule it votes by, the reported hamlets, who has not reported. */
export async function getCouncilPage(actor: Actor, year: TitleYear) {
  if (!canReadCouncil(actor)) return null;
  const [council, entries, registeredNotReported] = await Promise.all([
    councilOf(actor, year.id),
    reportedEntries(year),
    db.hamletTitleEntry.count({ where: { campaignYearId: year.id, communeId: year.communeId, registeredOn: { not: null }, reportedOn: null } }),
  ]);
  const ruleSet = await db.ruleSet.findUniqueOrThrow({
    where: { id: council?.ruleSetId ?? year.ruleSetId },
    select: { name: true, councilApprovalBase: true, councilApprovalPct: true, councilApprovalOp: true },
  });
  return { council, ruleSet, entries, registeredNotReported };
}

/** The notice page: the council, the voted hamlets, and the residents' comments newest first with the hamlet's name. */
export async function getCouncilNoticePage(actor: Actor, year: TitleYear) {
  if (!canReadCouncil(actor)) return null;
  const council = await councilOf(actor, year.id);
  if (!council) return { council: null, entries: [], comments: [] } as const;
  const [entries, comments] = await Promise.all([
    reportedEntries(year),
    db.noticeComment.findMany({
      where: { councilReviewId: council.id },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: {
        id: true, hamletId: true, authorName: true, contact: true, content: true, outcome: true, resolution: true, resolvedAt: true,
        resolvedById: true, createdAt: true,
      },
    }),
  ]);
  const hamletIds = [...new Set(comments.flatMap((c) => (c.hamletId ? [c.hamletId] : [])))];
  const resolverIds = [...new Set(comments.flatMap((c) => (c.resolvedById ? [c.resolvedById] : [])))];
  const [hamlets, resolvers] = await Promise.all([
    hamletIds.length ? db.hamlet.findMany({ where: { id: { in: hamletIds }, communeId: year.communeId }, select: { id: true, name: true } }) : [],
    resolverIds.length ? db.user.findMany({ where: { id: { in: resolverIds }, communeId: year.communeId }, select: { id: true, fullName: true } }) : [],
  ]);
  const hamletName = new Map(hamlets.map((h) => [h.id, h.name]));
  const resolverName = new Map(resolvers.map((u) => [u.id, u.fullName]));
  return {
    council,
    entries: entries.filter((e) => e.councilId === council.id && e.votesFor !== null),
    comments: comments.map((c) => ({
      ...c,
      hamletName: c.hamletId ? hamletName.get(c.hamletId) ?? null : null,
      resolvedByName: c.resolvedById ? resolverName.get(c.resolvedById) ?? null : null,
    })),
  };
}

/** The Tờ trình page: the council, the hamlets proposed (đạt) and not, and how many comments still wait. */
export async function getProposalPage(actor: Actor, year: TitleYear) {
  if (!canReadCouncil(actor)) return null;
  const council = await councilOf(actor, year.id);
  if (!council) return { council: null, achieved: [], notAchieved: [], pending: 0 } as const;
  const [entries, pending] = await Promise.all([
    reportedEntries(year),
    db.noticeComment.count({ where: { councilReviewId: council.id, outcome: "PENDING" } }),
  ]);
  const voted = entries.filter((e) => e.councilId === council.id && e.votesFor !== null);
  return {
    council,
    achieved: voted.filter((e) => e.result === "ACHIEVED"),
    notAchieved: voted.filter((e) => e.result !== "ACHIEVED"),
    pending,
  };
}
