import "server-only";
import { db } from "@/lib/db";
import { communeScope, hamletRowScope, type Actor } from "@/lib/policy";
import { DomainError } from "@/lib/result";
import type { HamletKind } from "@/lib/generated/prisma/enums";
import { compareVi, isUuid } from "@/lib/text";
import { authorityOn } from "@/lib/titles/rules";
import type { CouncilMinutesData } from "./council-minutes";
import { hamletName } from "./format";
import type { HamletDecisionData } from "./hamlet-decision";
import { consecutiveYears, hamletPlural, hamletTitleName } from "./hamlet-format";
import type { HamletProposalData } from "./hamlet-proposal";
import type { HamletReportData } from "./hamlet-report";
import { WORDING } from "./wording";

// The data of the "Xóm văn hóa" documents, read with the actor's scope: a row outside it (or a malformed id) gives
// null, which the route answers with 404 like any unknown id. A document that does not apply yet is a CONFLICT (409).

const COMMUNE = { name: true, kind: true } as const;
const HAMLET = { id: true, name: true, kind: true } as const;

export const HAMLET_DOC_MSG = {
  noReport: (year: number) => `Xóm chưa lưu báo cáo thành tích năm ${year}. Vui lòng nhập và lưu báo cáo trước khi tải Mẫu 05.`,
  noProposal: "Chưa ghi số và ngày Tờ trình đề nghị công nhận. Vui lòng lập Tờ trình trước khi tải Mẫu 04.",
  notHamletDecision: "Đây không phải quyết định công nhận danh hiệu \u201cXóm văn hóa\u201d.",
} as const;

/** What the commune's hamlets are called: "Xóm văn hóa" / "xóm" when they are all xóm. */
async function hamletWords(communeId: string): Promise<{ titleName: string; hamletWord: string }> {
  const kinds = (await db.hamlet.findMany({ where: { communeId }, distinct: ["kind"], select: { kind: true } })).map((k) => k.kind);
  if (kinds.length === 0) return { titleName: hamletTitleName(["XOM"]), hamletWord: hamletPlural(["XOM"]) };
  return { titleName: hamletTitleName(kinds), hamletWord: hamletPlural(kinds) };
}

const byHamletName = <T extends { hamlet: { id: string; name: string; kind: HamletKind } }>(a: T, b: T) =>
  compareVi(hamletName(a.hamlet), hamletName(b.hamlet)) || a.hamlet.id.localeCompare(b.hamlet.id);

// ---- Mẫu 05 ------------------------------------------------------------------------------------------------------

/** Báo cáo thành tích (Mẫu 05) of one hamlet's year: review.read, a hamlet head only for their own hamlet. */
export async function loadHamletReport(actor: Actor, entryId: string): Promise<HamletReportData | null> {
  if (!isUuid(entryId)) return null;
  const entry = await db.hamletTitleEntry.findFirst({
    where: { AND: [{ id: entryId }, hamletRowScope(actor, "review.read")] },
    include: {
      hamlet: { select: { ...HAMLET, headName: true, hasCulturalHouse: true } },
      campaignYear: { select: { year: true, hamletCriteriaSetId: true, commune: { select: COMMUNE } } },
      results: { select: { code: true, value: true, isMet: true, note: true } },
    },
  });
  if (!entry) return null;
  const year = entry.campaignYear.year;
  if (!entry.reportedOn) throw new DomainError("RULE_VIOLATION", HAMLET_DOC_MSG.noReport(year));

  const setId = entry.campaignYear.hamletCriteriaSetId;
  const items = setId
    ? await db.criterion.findMany({
        where: { criteriaSetId: setId, kind: "STANDARD", criteriaSet: { communeId: entry.communeId } },
        orderBy: { position: "asc" },
        select: { code: true, groupCode: true, groupTitle: true, text: true, metric: true, comparator: true, threshold: true },
      })
    : [];
  const results = new Map(entry.results.map((r) => [r.code, r]));
  const known = new Set(items.map((c) => c.code));
  // A result whose criterion left the set still prints, at the end, under no standard of its own.
  const orphans = entry.results.filter((r) => !known.has(r.code)).sort((a, b) => a.code.localeCompare(b.code));

  return {
    commune: entry.campaignYear.commune,
    hamlet: { name: entry.hamlet.name, kind: entry.hamlet.kind, headName: entry.hamlet.headName },
    year,
    reportedOn: entry.reportedOn,
    totalHouseholds: entry.totalHouseholds,
    recognisedHouseholds: entry.recognisedHouseholds,
    poorHouseholds: entry.poorHouseholds,
    nearPoorHouseholds: entry.nearPoorHouseholds,
    hasCulturalHouse: entry.hasCulturalHouse ?? entry.hamlet.hasCulturalHouse,
    schoolAgeChildren: entry.schoolAgeChildren,
    childrenInSchool: entry.childrenInSchool,
    overview: entry.overview,
    commitments: entry.commitments,
    criteria: [
      ...items.map((c) => {
        const r = results.get(c.code);
        return { ...c, result: r ? { value: r.value, isMet: r.isMet, note: r.note } : null };
      }),
      ...orphans.map((r) => ({
        code: r.code, groupCode: "", groupTitle: "", text: "", metric: null, comparator: null, threshold: null,
        result: { value: r.value, isMet: r.isMet, note: r.note },
      })),
    ],
  };
}

// ---- The council: Mẫu 06 and Mẫu 04 -----------------------------------------------------------------------------

/** The council of a year, for decision.read or council.manage (officer, leader, committee). */
async function scopedCouncil(actor: Actor, councilId: string) {
  if (!isUuid(councilId)) return null;
  return db.councilReview.findFirst({
    where: { AND: [{ id: councilId }, { OR: [communeScope(actor, "decision.read"), communeScope(actor, "council.manage")] }] },
    include: { campaignYear: { select: { year: true, noticeDays: true, commune: { select: COMMUNE } } } },
  });
}

type ScopedCouncil = NonNullable<Awaited<ReturnType<typeof scopedCouncil>>>;

async function councilRule(council: ScopedCouncil) {
  return db.ruleSet.findFirstOrThrow({
    where: { id: council.ruleSetId, communeId: council.communeId },
    select: { councilApprovalBase: true, councilApprovalPct: true, councilApprovalOp: true },
  });
}

async function authorityRules(communeId: string) {
  return db.authorityRule.findMany({
    where: { communeId },
    select: { id: true, subject: true, effectiveFrom: true, effectiveTo: true, authority: true, issuer: true, parentIssuer: true, legalBasis: true },
  });
}

const ENTRY_SELECT = {
  hamlet: { select: HAMLET },
  totalHouseholds: true,
  recognisedHouseholds: true,
  votesFor: true,
  councilResult: true,
  result: true,
  reason: true,
} as const;

/** Biên bản họp Hội đồng (Mẫu 06) of a year's council review, or null. */
export async function loadCouncilMinutes(actor: Actor, councilId: string): Promise<CouncilMinutesData | null> {
  const council = await scopedCouncil(actor, councilId);
  if (!council) return null;
  const [rule, entries, comments, rules, words] = await Promise.all([
    councilRule(council),
    db.hamletTitleEntry.findMany({ where: { councilId: council.id, communeId: council.communeId }, select: ENTRY_SELECT }),
    db.noticeComment.count({ where: { councilReviewId: council.id, communeId: council.communeId } }),
    authorityRules(council.communeId),
    hamletWords(council.communeId),
  ]);
  const notice = council.noticePostedOn && council.noticeEndsOn
    ? { postedOn: council.noticePostedOn, endsOn: council.noticeEndsOn, channel: council.noticeChannel, comments }
    : null;
  return {
    commune: council.campaignYear.commune,
    year: council.campaignYear.year,
    ...words,
    meetingDate: council.meetingDate,
    meetingPlace: council.meetingPlace,
    chairName: council.chairName,
    secretaryName: council.secretaryName,
    membersTotal: council.membersTotal,
    membersPresent: council.membersPresent,
    rule,
    noticeDays: council.campaignYear.noticeDays,
    notice,
    authority: authorityOn(rules, "HAMLET", council.meetingDate)?.authority ?? null,
    hamlets: [...entries].sort(byHamletName).map((e) => ({
      ...e.hamlet,
      totalHouseholds: e.totalHouseholds,
      recognisedHouseholds: e.recognisedHouseholds,
      votesFor: e.votesFor,
      // What the council voted; an entry from before councilResult was kept falls back to its result.
      councilResult: e.councilResult ?? e.result,
      reason: e.reason,
    })),
  };
}

/** Tờ trình (Mẫu 04) of a year's council review, or null; CONFLICT until its number and date are recorded. */
export async function loadHamletProposal(actor: Actor, councilId: string): Promise<HamletProposalData | null> {
  const council = await scopedCouncil(actor, councilId);
  if (!council) return null;
  if (council.proposalNumber === null || council.proposalDate === null) throw new DomainError("CONFLICT", HAMLET_DOC_MSG.noProposal);
  const [rule, entries, comments, rules, words] = await Promise.all([
    councilRule(council),
    db.hamletTitleEntry.findMany({ where: { councilId: council.id, communeId: council.communeId, result: "ACHIEVED" }, select: ENTRY_SELECT }),
    db.noticeComment.count({ where: { councilReviewId: council.id, communeId: council.communeId } }),
    authorityRules(council.communeId),
    hamletWords(council.communeId),
  ]);
  return {
    commune: council.campaignYear.commune,
    year: council.campaignYear.year,
    ...words,
    number: council.proposalNumber,
    symbol: council.proposalSymbol?.trim() || WORDING.hamletProposal.defaultSymbol,
    date: council.proposalDate,
    authorityRules: rules,
    meetingDate: council.meetingDate,
    chairName: council.chairName,
    voteBase: rule.councilApprovalBase === "PRESENT" ? council.membersPresent : council.membersTotal,
    notice: council.noticePostedOn && council.noticeEndsOn
      ? { postedOn: council.noticePostedOn, endsOn: council.noticeEndsOn, channel: council.noticeChannel, days: council.campaignYear.noticeDays, comments }
      : null,
    hamlets: [...entries].sort(byHamletName).map((e) => ({
      ...e.hamlet, totalHouseholds: e.totalHouseholds, recognisedHouseholds: e.recognisedHouseholds, votesFor: e.votesFor,
    })),
  };
}

// ---- The decision ------------------------------------------------------------------------------------------------

/**
 * A "Xóm văn hóa" decision (decision.read): an issued one lists its HamletAward rows, a draft the ACHIEVED hamlets
 * of the council review it belongs to; each with "N năm liên tục" from the active awards of the years before.
 */
export async function loadHamletDecision(actor: Actor, decisionId: string): Promise<HamletDecisionData | null> {
  if (!isUuid(decisionId)) return null;
  const decision = await db.decision.findFirst({
    where: { AND: [{ id: decisionId }, communeScope(actor, "decision.read")] },
    include: { campaignYear: { select: { year: true, commune: { select: COMMUNE } } } },
  });
  if (!decision) return null;
  if (decision.subject !== "HAMLET" || decision.kind !== "AWARD") throw new DomainError("RULE_VIOLATION", HAMLET_DOC_MSG.notHamletDecision);
  const { communeId } = decision;
  const year = decision.campaignYear.year;

  const listed = decision.status === "ISSUED"
    ? await db.hamletAward.findMany({ where: { decisionId: decision.id, communeId }, select: { hamlet: { select: HAMLET } } })
    : await db.hamletTitleEntry.findMany({
        where: { communeId, result: "ACHIEVED", council: { decisionId: decision.id } },
        select: { hamlet: { select: HAMLET } },
      });
  const hamlets = [...listed].sort(byHamletName).map((l) => l.hamlet);

  const [earlier, rule, words] = await Promise.all([
    db.hamletAward.findMany({
      where: { communeId, status: "ACTIVE", year: { lt: year }, hamletId: { in: hamlets.map((h) => h.id) } },
      select: { hamletId: true, year: true },
    }),
    decision.authorityRuleId
      ? db.authorityRule.findFirst({ where: { id: decision.authorityRuleId, communeId }, select: { parentIssuer: true } })
      : null,
    hamletWords(communeId),
  ]);
  const w = WORDING.hamletDecision;

  return {
    commune: decision.campaignYear.commune,
    year,
    number: decision.number,
    symbol: decision.symbol,
    issuedOn: decision.issuedOn,
    signerAuthority: decision.signerAuthority,
    signerTitle: decision.signerTitle,
    signerName: decision.signerName,
    status: decision.status,
    issuer: decision.issuer,
    parentIssuer: decision.issuer.trim() ? (rule?.parentIssuer ?? "") : "",
    authority: decision.authority,
    legalBasis: decision.legalBasis,
    ...words,
    hamlets: hamlets.map((h) => {
      const streak = consecutiveYears(year, earlier.filter((a) => a.hamletId === h.id).map((a) => a.year));
      return { label: hamletName(h), note: streak >= 2 ? w.streak(streak) : "" };
    }),
  };
}
