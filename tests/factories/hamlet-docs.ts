import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import type { AssessmentResult, DecisionStatus } from "@/lib/generated/prisma/enums";

// Rows of the "Xóm văn hóa" cycle for the document tests, written straight through Prisma like the other factories:
// no services, no audit rows, exactly the state a test needs.

type YearRef = { id: string; communeId: string; year: number; ruleSetId: string };

export type CouncilOptions = Partial<{
  status: "MEETING" | "NOTICE" | "PROPOSED" | "DECIDED";
  meetingDate: Date;
  meetingPlace: string;
  chairName: string;
  secretaryName: string;
  membersTotal: number;
  membersPresent: number;
  noticePostedOn: Date | null;
  noticeEndsOn: Date | null;
  noticeChannel: string | null;
  proposalNumber: number | null;
  proposalSymbol: string | null;
  proposalDate: Date | null;
  decisionId: string | null;
}>;

/** The year's council review (default: met 20/11, 7 of 9 members, notice 21–30/11, no Tờ trình yet). */
export async function makeCouncil(year: YearRef, options: CouncilOptions = {}) {
  return db.councilReview.create({
    data: {
      communeId: year.communeId,
      campaignYearId: year.id,
      ruleSetId: year.ruleSetId,
      status: options.status ?? "NOTICE",
      meetingDate: options.meetingDate ?? utcDate(year.year, 11, 20),
      meetingPlace: options.meetingPlace ?? "Hội trường Ủy ban nhân dân xã",
      chairName: options.chairName ?? "Nguyễn Văn Hùng",
      secretaryName: options.secretaryName ?? "Lò Thị Hoa",
      membersTotal: options.membersTotal ?? 9,
      membersPresent: options.membersPresent ?? 7,
      noticePostedOn: options.noticePostedOn === undefined ? utcDate(year.year, 11, 21) : options.noticePostedOn,
      noticeEndsOn: options.noticeEndsOn === undefined ? utcDate(year.year, 11, 30) : options.noticeEndsOn,
      noticeChannel: options.noticeChannel === undefined ? "trang thông tin điện tử xã" : options.noticeChannel,
      proposalNumber: options.proposalNumber ?? null,
      proposalSymbol: options.proposalSymbol ?? null,
      proposalDate: options.proposalDate ?? null,
      decisionId: options.decisionId ?? null,
    },
    select: { id: true },
  });
}

export type EntryOptions = Partial<{
  councilId: string | null;
  reportedOn: Date | null;
  totalHouseholds: number;
  recognisedHouseholds: number;
  poorHouseholds: number;
  nearPoorHouseholds: number;
  hasCulturalHouse: boolean;
  schoolAgeChildren: number;
  childrenInSchool: number;
  overview: string;
  commitments: string;
  votesFor: number | null;
  votesAgainst: number | null;
  /** The council's result; `result` follows it unless given (an upheld comment turns it). */
  councilResult: AssessmentResult | null;
  result: AssessmentResult | null;
  reason: string | null;
  results: { code: string; value?: number | null; isMet: boolean; note?: string | null }[];
}>;

/** A hamlet's entry for the year with its report (saved 20/10 unless `reportedOn: null`) and criterion results. */
export async function makeHamletEntry(year: YearRef, hamlet: { id: string }, options: EntryOptions = {}) {
  const councilResult = options.councilResult ?? null;
  return db.hamletTitleEntry.create({
    data: {
      communeId: year.communeId,
      campaignYearId: year.id,
      hamletId: hamlet.id,
      registeredOn: utcDate(year.year, 3, 1),
      reportedOn: options.reportedOn === undefined ? utcDate(year.year, 10, 20) : options.reportedOn,
      totalHouseholds: options.totalHouseholds ?? 120,
      recognisedHouseholds: options.recognisedHouseholds ?? 108,
      poorHouseholds: options.poorHouseholds ?? 5,
      nearPoorHouseholds: options.nearPoorHouseholds ?? 3,
      hasCulturalHouse: options.hasCulturalHouse ?? true,
      schoolAgeChildren: options.schoolAgeChildren ?? 40,
      childrenInSchool: options.childrenInSchool ?? 40,
      overview: options.overview ?? null,
      commitments: options.commitments ?? null,
      councilId: options.councilId ?? null,
      votesFor: options.votesFor ?? null,
      votesAgainst: options.votesAgainst ?? null,
      councilResult,
      result: options.result === undefined ? councilResult : options.result,
      reason: options.reason ?? null,
      results: { create: (options.results ?? []).map((r) => ({ code: r.code, value: r.value ?? null, isMet: r.isMet, note: r.note ?? null })) },
    },
    select: { id: true },
  });
}

export type HamletDecisionOptions = Partial<{
  status: DecisionStatus;
  kind: "AWARD" | "CANCELLATION";
  subject: "HOUSEHOLD" | "HAMLET";
  issuer: string;
  authority: string;
  authorityRuleId: string | null;
  number: number;
  issuedOn: Date;
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
  legalBasis: string;
}>;

/** A "Xóm văn hóa" award decision (default: the commune's own draft). */
export async function makeHamletDecision(year: YearRef, options: HamletDecisionOptions = {}) {
  const issuedOn = options.issuedOn ?? utcDate(year.year, 12, 20);
  return db.decision.create({
    data: {
      communeId: year.communeId,
      campaignYearId: year.id,
      subject: options.subject ?? "HAMLET",
      kind: options.kind ?? "AWARD",
      status: options.status ?? "DRAFT",
      issuer: options.issuer ?? "",
      authority: options.authority ?? "",
      authorityRuleId: options.authorityRuleId ?? null,
      number: options.number ?? 0,
      numberYear: issuedOn.getUTCFullYear(),
      issuedOn,
      signerAuthority: options.signerAuthority ?? "",
      signerTitle: options.signerTitle ?? "CHỦ TỊCH",
      signerName: options.signerName ?? "Nguyễn Văn Hùng",
      legalBasis: options.legalBasis ?? "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
    },
    select: { id: true },
  });
}

/** The hamlet's award of the decision's year. */
export async function makeHamletAward(
  year: YearRef,
  decision: { id: string },
  hamlet: { id: string },
  options: { status?: "ACTIVE" | "CANCELLED"; entryId?: string | null; votesFor?: number | null } = {},
) {
  return db.hamletAward.create({
    data: {
      communeId: year.communeId, hamletId: hamlet.id, campaignYearId: year.id, year: year.year, decisionId: decision.id,
      entryId: options.entryId ?? null, votesFor: options.votesFor ?? null, status: options.status ?? "ACTIVE",
    },
    select: { id: true },
  });
}
