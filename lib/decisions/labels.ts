import type { AwardStatus, DecisionKind } from "@/lib/generated/prisma/enums";
import { formatDay, toIsoDate } from "@/lib/dates";
import { compareVi } from "@/lib/text";

export const DECISION_KIND_LABEL: Record<DecisionKind, string> = {
  AWARD: "Tặng danh hiệu",
  CANCELLATION: "Hủy bỏ danh hiệu",
};

/** The title a decision awards or cancels. */
export type DecisionSubject = "HOUSEHOLD" | "HAMLET";
export const DECISION_SUBJECT_LABEL: Record<DecisionSubject, string> = {
  HOUSEHOLD: "Gia đình văn hóa",
  HAMLET: "Xóm văn hóa",
};

/** The commune's own register ("") or the upper body's name, as a list cell or a header line. */
export function issuerText(issuer: string, communeLabel = "UBND xã"): string {
  return issuer.trim() === "" ? communeLabel : issuer;
}

export const AWARD_STATUS_LABEL: Record<AwardStatus, string> = {
  ACTIVE: "Còn hiệu lực",
  CANCELLED: "Đã bị hủy bỏ",
};

/** Who signs: the chairman in person (""), or a deputy on the chairman's behalf (Decree 30, "KT."). */
export const SIGNER_AUTHORITY_LABEL: Record<"" | "KT. CHỦ TỊCH", string> = {
  "": "Chủ tịch ký",
  "KT. CHỦ TỊCH": "KT. CHỦ TỊCH (Phó Chủ tịch ký thay)",
};
export const SIGNER_AUTHORITIES = ["", "KT. CHỦ TỊCH"] as const;
export const CHAIRMAN_TITLE = "CHỦ TỊCH";
export const DEPUTY_TITLE = "PHÓ CHỦ TỊCH";
export const DEFAULT_SYMBOL = "QĐ-UBND";

/** Decree 30 numbers documents from 01 each year: below 10 the number has a leading zero. */
export function padNumber(number: number): string {
  return String(number).padStart(2, "0");
}

/** "05/QĐ-UBND". */
export function decisionNumberText(number: number, symbol: string): string {
  return `${padNumber(number)}/${symbol}`;
}

/** "Số 05/QĐ-UBND ngày 10/12/2024". */
export function decisionReference(d: { number: number; symbol: string; issuedOn: Date }): string {
  return `Số ${decisionNumberText(d.number, d.symbol)} ngày ${formatDay(d.issuedOn)}`;
}

const LAW_LOCAL_GOVERNMENT = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;";
const LAW_EMULATION = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;";
const DECREE_86 =
  "Căn cứ Nghị định số 86/2023/NĐ-CP ngày 07 tháng 12 năm 2023 của Chính phủ quy định về khung tiêu chuẩn và trình tự, thủ tục, hồ sơ xét tặng danh hiệu \u201cGia đình văn hóa\u201d, \u201cThôn, tổ dân phố văn hóa\u201d, \u201cXã, phường, thị trấn tiêu biểu\u201d;";

/** The căn cứ of an award decision (FORMS.md §1.5), one per line; the officer edits them before saving. */
export const DEFAULT_AWARD_LEGAL_BASIS = [
  LAW_LOCAL_GOVERNMENT,
  LAW_EMULATION,
  DECREE_86,
  "Theo đề nghị của Trưởng các xóm và công chức Văn hóa - Xã hội.",
].join("\n");

/**
 * The căn cứ of a "Xóm văn hóa" decision, for the officer to check: an upper body's decision cites the law and the
 * decree (its own căn cứ are copied from the paper); the commune's adds the Local Government Law and the decree that
 * gave it competence. The last line is the Tờ trình (Mẫu 04) when it has a number.
 */
export function defaultHamletLegalBasis(
  rule: { issuer: string; legalBasis: string },
  proposal: { number: number | null; symbol: string | null; date: Date | null } | null,
): string {
  const proposalLine = proposal?.number && proposal.date
    ? `Xét Tờ trình số ${decisionNumberText(proposal.number, proposal.symbol ?? "TTr-UBND")} ngày ${formatDay(proposal.date)} đề nghị công nhận danh hiệu \u201cXóm văn hóa\u201d.`
    : "Theo đề nghị của Hội đồng Thi đua - Khen thưởng xã và công chức Văn hóa - Xã hội.";
  const competence = `Căn cứ ${rule.legalBasis.trim().replace(/[;.]+$/, "")};`;
  return (rule.issuer.trim() === "" ? [LAW_LOCAL_GOVERNMENT, LAW_EMULATION, DECREE_86, competence, proposalLine] : [LAW_EMULATION, DECREE_86, proposalLine]).join("\n");
}

/** The căn cứ of a cancellation: the Law's Chương VII and the award decisions it cancels from. */
export function defaultCancellationLegalBasis(
  awardDecisions: { number: number; symbol: string; issuedOn: Date; year: number }[],
  subject: DecisionSubject = "HOUSEHOLD",
): string {
  return [
    LAW_LOCAL_GOVERNMENT,
    LAW_EMULATION,
    DECREE_86,
    ...awardDecisions.map((d) =>
      `Căn cứ Quyết định số ${decisionNumberText(d.number, d.symbol)} ngày ${formatDay(d.issuedOn)} về việc ${subject === "HAMLET" ? "công nhận" : "tặng"} danh hiệu \u201c${DECISION_SUBJECT_LABEL[subject]}\u201d năm ${d.year};`),
    "Theo đề nghị của công chức Văn hóa - Xã hội.",
  ].join("\n");
}

export const DECISION_MSG = {
  numberTaken: (number: number, year: number) => `Số ${padNumber(number)} đã được dùng cho một quyết định khác năm ${year}.`,
  // Sorted: the rows come in no fixed order, and the same refusal should read the same every time.
  reviewTaken: (hamlets: string[]) => `Hồ sơ của xóm ${[...hamlets].sort(compareVi).join(", ")} đã được đưa vào quyết định khác (đã được xử lý).`,
  noReviews: "Vui lòng chọn ít nhất một xóm để đưa vào quyết định.",
  noAwards: "Vui lòng chọn ít nhất một danh hiệu cần hủy bỏ.",
  yearMissing: (year: number) => `Chưa có năm thi đua ${year}.`,
  issuedBeforeYear: (year: number) => `Ngày ban hành không được trước năm ${year} (năm xét tặng).`,
  emptyDecision: "Quyết định chưa có xóm nào (hoặc danh hiệu nào) để ban hành.",
  achievedTwice: (names: string[]) =>
    `Hộ ${names.join(", ")} được bình xét đạt ở hai xóm trong cùng năm, mà mỗi hộ chỉ được tặng một danh hiệu mỗi năm. Vui lòng kiểm tra lại hồ sơ các xóm trước khi ban hành.`,
  awardExists: (names: string[], year: number) => `Hộ ${names.join(", ")} đã có danh hiệu năm ${year} theo một quyết định khác.`,
  awardsMixedYears: "Các danh hiệu trong một quyết định hủy bỏ phải cùng một năm.",
  awardCancelled: (names: string[]) => `Danh hiệu của hộ ${names.join(", ")} đã bị hủy bỏ (đã được xử lý).`,
  awardInOtherDraft: (names: string[]) => `Danh hiệu của hộ ${names.join(", ")} đã có trong một dự thảo quyết định hủy bỏ khác.`,
  discarded: "Dự thảo này đã được hủy hoặc đã được ban hành (đã được xử lý).",
  kindMismatch: "Quyết định này không thuộc loại được sửa ở đây.",
  numberTakenBy: (issuer: string, number: number, year: number) =>
    `Số ${padNumber(number)} của ${issuer} năm ${year} đã được ghi nhận cho một quyết định khác.`,
  noAuthority: (on: Date) =>
    `Chưa có quy định về thẩm quyền công nhận danh hiệu \u201cXóm văn hóa\u201d áp dụng cho ngày ${formatDay(on)}. Vui lòng kiểm tra ngày ban hành.`,
  /** The officer meant to draft a commune decision, but on that date the upper body decides. */
  notCommuneAuthority: (on: Date, authority: string, issuer: string) =>
    `Ngày ${formatDay(on)} thẩm quyền thuộc ${authority}: xã không lập dự thảo được. Hãy ghi nhận quyết định đã nhận của ${issuer}.`,
  /** The officer meant to record an upper body's decision, but on that date the commune itself decides. */
  notExternalAuthority: (on: Date, authority: string) =>
    `Ngày ${formatDay(on)} thẩm quyền thuộc ${authority}: hãy lập dự thảo để lãnh đạo xã phê duyệt, ban hành.`,
  recordedInFuture: "Ngày của quyết định đã nhận không được sau ngày hôm nay.",
  councilMissing: (year: number) => `Năm ${year} chưa có hồ sơ Hội đồng Thi đua - Khen thưởng xét danh hiệu \u201cXóm văn hóa\u201d.`,
  councilTaken: (year: number) => `Hồ sơ \u201cXóm văn hóa\u201d năm ${year} đã được đưa vào một quyết định khác (đã được xử lý).`,
  councilEmpty: (year: number) => `Năm ${year} không có xóm nào được Hội đồng đề nghị công nhận \u201cXóm văn hóa\u201d.`,
  /** A "Xóm văn hóa" decision answers the Tờ trình (Mẫu 04): it cannot be dated before it. */
  beforeProposal: (proposal: { number: number | null; symbol: string | null; date: Date }) =>
    `Ngày ban hành không được trước ngày Tờ trình đề nghị công nhận${proposal.number ? ` số ${decisionNumberText(proposal.number, proposal.symbol ?? "TTr-UBND")}` : ""} (${formatDay(proposal.date)}).`,
  hamletAwardExists: (names: string[], year: number) => `Xóm ${names.join(", ")} đã có danh hiệu \u201cXóm văn hóa\u201d năm ${year} theo một quyết định khác.`,
  hamletAwardCancelled: (names: string[]) => `Danh hiệu \u201cXóm văn hóa\u201d của xóm ${names.join(", ")} đã bị hủy bỏ (đã được xử lý).`,
  hamletAwardInOtherDraft: (names: string[]) => `Danh hiệu \u201cXóm văn hóa\u201d của xóm ${names.join(", ")} đã có trong một dự thảo quyết định hủy bỏ khác.`,
} as const;

/**
 * For run(): a number taken by a concurrent save surfaces as the (communeId, numberYear, number) unique constraint;
 * name it at the field just as the service's own check does.
 */
export function uniqueNumberMessages(input: { number: number; issuedOn: Date }): Record<string, [string, string]> {
  return { numberYear: ["number", DECISION_MSG.numberTaken(input.number, input.issuedOn.getUTCFullYear())] };
}

type DecisionDefaults = { number: number; signer: { signerAuthority: string; signerTitle: string; signerName: string; symbol: string } | null };

/** A new decision form's first values: the next free number, the last decision's signer and symbol, the day and căn cứ. */
export function decisionFormInitial(defaults: DecisionDefaults, issuedOn: Date, legalBasis: string) {
  return {
    number: String(defaults.number), symbol: defaults.signer?.symbol ?? DEFAULT_SYMBOL, issuedOn: toIsoDate(issuedOn),
    signerAuthority: defaults.signer?.signerAuthority ?? "", signerTitle: defaults.signer?.signerTitle ?? CHAIRMAN_TITLE,
    signerName: defaults.signer?.signerName ?? "", legalBasis, cancelGround: "", cancelReason: "",
  };
}
