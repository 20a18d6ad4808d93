import "server-only";
import { db } from "@/lib/db";
import { todayInVietnam } from "@/lib/dates";
import { communeScope, hamletRowScope, type Actor } from "@/lib/policy";
import { DomainError } from "@/lib/result";
import { isUuid } from "@/lib/text";
import type { CertificateData } from "./certificate";
import { awardReference, type DecisionData, type DecisionHousehold } from "./decision";
import { groupByHamlet, hamletName, hamletWord, type DecisionHeader, type HamletInfo } from "./format";
import type { MinutesData } from "./minutes";
import type { ProposalData } from "./proposal";

// The data of each document, read with the actor's scope: a row outside it (or a malformed id) gives null, which the
// route answers with 404 like any unknown id.

const COMMUNE = { name: true, kind: true } as const;
const HAMLET = { id: true, name: true, kind: true, headName: true, frontTeamHeadName: true } as const;

const byHeadName = { household: { headName: "asc" as const } };

async function scopedReview(actor: Actor, reviewId: string) {
  if (!isUuid(reviewId)) return null;
  return db.hamletReview.findFirst({
    where: { AND: [{ id: reviewId }, hamletRowScope(actor, "review.read")] },
    include: {
      hamlet: { select: HAMLET },
      campaignYear: { select: { year: true, noticeDays: true, commune: { select: COMMUNE } } },
    },
  });
}

/** Biên bản họp (Mẫu 03) of a hamlet review, or null. */
export async function loadMinutes(actor: Actor, reviewId: string): Promise<MinutesData | null> {
  const review = await scopedReview(actor, reviewId);
  if (!review) return null;
  const [ruleSet, criteriaSet, assessments] = await Promise.all([
    db.ruleSet.findFirstOrThrow({ where: { id: review.ruleSetId, communeId: review.communeId } }),
    db.criteriaSet.findFirstOrThrow({ where: { id: review.criteriaSetId, communeId: review.communeId }, select: { name: true, legalBasis: true } }),
    db.assessment.findMany({
      where: { hamletReviewId: review.id },
      orderBy: [byHeadName, { householdId: "asc" }],
      select: { meetingResult: true, votesFor: true, votesAgainst: true, household: { select: { headName: true } } },
    }),
  ]);
  return {
    commune: review.campaignYear.commune,
    hamlet: review.hamlet,
    year: review.campaignYear.year,
    noticeDays: review.campaignYear.noticeDays,
    meetingDate: review.meetingDate,
    meetingPlace: review.meetingPlace,
    chairName: review.chairName,
    secretaryName: review.secretaryName,
    invitedCount: review.invitedCount,
    presentCount: review.presentCount,
    totalHouseholds: review.totalHouseholds,
    ballotMethod: review.ballotMethod,
    isQuorate: review.isQuorate,
    quorumNote: review.quorumNote,
    noticeChannel: review.noticeChannel,
    ruleSet: {
      name: ruleSet.name, legalBasis: ruleSet.legalBasis, approvalPct: ruleSet.approvalPct, approvalOp: ruleSet.approvalOp, approvalBase: ruleSet.approvalBase,
    },
    criteriaSet,
    households: assessments.map((a) => ({
      headName: a.household.headName, result: a.meetingResult, votesFor: a.votesFor, votesAgainst: a.votesAgainst,
    })),
  };
}

/** Văn bản đề nghị + Bảng tổng hợp of a hamlet review, or null. */
export async function loadProposal(actor: Actor, reviewId: string, today: Date = todayInVietnam()): Promise<ProposalData | null> {
  const review = await scopedReview(actor, reviewId);
  if (!review) return null;
  const [achieved, objections] = await Promise.all([
    db.assessment.findMany({
      where: { hamletReviewId: review.id, result: "ACHIEVED" },
      orderBy: [byHeadName, { householdId: "asc" }],
      select: { household: { select: { headName: true, address: true } } },
    }),
    db.objection.findMany({
      where: { hamletReviewId: review.id },
      orderBy: [{ receivedOn: "asc" }, { createdAt: "asc" }],
      select: { receivedOn: true, outcome: true, resolvedOn: true, household: { select: { headName: true } } },
    }),
  ]);
  const notice = review.noticePostedOn && review.noticeEndsOn
    ? { postedOn: review.noticePostedOn, endsOn: review.noticeEndsOn, channel: review.noticeChannel, days: review.campaignYear.noticeDays }
    : null;
  return {
    commune: review.campaignYear.commune,
    hamlet: review.hamlet,
    year: review.campaignYear.year,
    documentDate: review.submittedAt ? todayInVietnam(review.submittedAt) : today,
    meetingDate: review.meetingDate,
    chairName: review.chairName,
    notice,
    achieved: achieved.map((a) => a.household),
    objections: objections.map((o) => ({ householdName: o.household.headName, receivedOn: o.receivedOn, outcome: o.outcome, resolvedOn: o.resolvedOn })),
  };
}

async function scopedDecision(actor: Actor, decisionId: string) {
  if (!isUuid(decisionId)) return null;
  return db.decision.findFirst({
    where: { AND: [{ id: decisionId }, communeScope(actor, "decision.read")] },
    include: { campaignYear: { select: { year: true, commune: { select: COMMUNE } } } },
  });
}

type HamletRef = HamletInfo & { id: string };
const hamletRow = (h: HamletRef) => ({ hamletKey: h.id, hamletLabel: hamletName(h) });

async function hamletsById(communeId: string, ids: string[]): Promise<Map<string, HamletRef>> {
  const rows = await db.hamlet.findMany({ where: { communeId, id: { in: [...new Set(ids)] } }, select: { id: true, name: true, kind: true } });
  return new Map(rows.map((h) => [h.id, h]));
}

function awardRows<T extends { hamletId: string; household: { headName: string; address: string } }>(
  awards: T[],
  hamlets: Map<string, HamletRef>,
  note: (a: T) => string = () => "",
): DecisionHousehold[] {
  return awards.map((a) => {
    const hamlet = hamlets.get(a.hamletId) ?? { id: a.hamletId, name: "", kind: "XOM" as const };
    return { ...hamletRow(hamlet), headName: a.household.headName, address: a.household.address, note: note(a) };
  });
}

/**
 * A decision and its annex: an issued award lists its TitleAward rows, a draft the ACHIEVED assessments of its
 * reviews; a cancellation lists the awards it cancels (its items, or once issued the awards it cancelled).
 */
export async function loadDecision(actor: Actor, decisionId: string): Promise<DecisionData | null> {
  const decision = await scopedDecision(actor, decisionId);
  if (!decision) return null;
  // A "Xóm văn hóa" decision has its own document (hamlet-decision.ts); this one would print it as a household list.
  if (decision.subject === "HAMLET") throw new DomainError("RULE_VIOLATION", DECISION_DOC_MSG.hamletDecision);
  const awardSelect = {
    id: true, hamletId: true, year: true, household: { select: { headName: true, address: true } },
    decision: { select: { number: true, symbol: true, issuedOn: true } },
  } as const;

  let households: DecisionHousehold[];
  if (decision.kind === "AWARD" && decision.status === "ISSUED") {
    const awards = await db.titleAward.findMany({ where: { decisionId: decision.id, communeId: decision.communeId }, select: awardSelect });
    households = awardRows(awards, await hamletsById(decision.communeId, awards.map((a) => a.hamletId)));
  } else if (decision.kind === "AWARD") {
    const assessments = await db.assessment.findMany({
      where: { result: "ACHIEVED", communeId: decision.communeId, review: { decisionId: decision.id } },
      select: { household: { select: { headName: true, address: true } }, review: { select: { hamlet: { select: { id: true, name: true, kind: true } } } } },
    });
    households = assessments.map((a) => ({ ...hamletRow(a.review.hamlet), headName: a.household.headName, address: a.household.address }));
  } else {
    const awards = await db.titleAward.findMany({
      where: { communeId: decision.communeId, OR: [{ cancelItems: { some: { decisionId: decision.id } } }, { cancelDecisionId: decision.id }] },
      select: awardSelect,
    });
    households = awardRows(awards, await hamletsById(decision.communeId, awards.map((a) => a.hamletId)), (a) =>
      awardReference({ ...a.decision, year: a.year }),
    );
  }

  const kinds = await db.hamlet.findMany({ where: { communeId: decision.communeId }, distinct: ["kind"], select: { kind: true } });
  return {
    ...decisionHeader(decision),
    kind: decision.kind,
    status: decision.status,
    legalBasis: decision.legalBasis,
    hamletWord: kinds.length === 1 ? hamletWord(kinds[0]!.kind) : "thôn, xóm",
    households,
    cancelGround: decision.cancelGround,
  };
}

type ScopedDecision = NonNullable<Awaited<ReturnType<typeof scopedDecision>>>;

function decisionHeader(decision: ScopedDecision): DecisionHeader {
  const { number, symbol, issuedOn, signerAuthority, signerTitle, signerName } = decision;
  return { commune: decision.campaignYear.commune, year: decision.campaignYear.year, number, symbol, issuedOn, signerAuthority, signerTitle, signerName };
}

export const DECISION_DOC_MSG = {
  hamletDecision: "Quyết định này công nhận danh hiệu \u201cXóm văn hóa\u201d, không phải \u201cGia đình văn hóa\u201d: hãy tải văn bản quyết định công nhận xóm.",
} as const;

export const CERTIFICATE_MSG = {
  notIssuedAward: "Chỉ in được giấy chứng nhận của quyết định tặng danh hiệu đã ban hành.",
} as const;

/** The certificates of an issued award decision (active awards only), or null; RULE_VIOLATION for other decisions. */
export async function loadCertificates(actor: Actor, decisionId: string): Promise<CertificateData | null> {
  const decision = await scopedDecision(actor, decisionId);
  if (!decision) return null;
  if (decision.kind !== "AWARD" || decision.status !== "ISSUED") throw new DomainError("RULE_VIOLATION", CERTIFICATE_MSG.notIssuedAward);
  const awards = await db.titleAward.findMany({
    where: { decisionId: decision.id, communeId: decision.communeId, status: "ACTIVE" },
    select: { hamletId: true, household: { select: { headName: true, address: true } } },
  });
  const hamlets = await hamletsById(decision.communeId, awards.map((a) => a.hamletId));
  const rows = groupByHamlet(awardRows(awards, hamlets)).flatMap((g) => g.rows);
  return {
    ...decisionHeader(decision),
    households: rows.map((r) => ({ headName: r.headName, hamletLabel: r.hamletLabel })),
  };
}
