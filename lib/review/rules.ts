// The rules of the "Gia đình văn hóa" cycle in pure code: thresholds, a household's result, the violation window,
// the notice window, the dossier's state machine, streaks. Services apply them inside their transactions.

import { addDays, formatDay, utcDate } from "@/lib/dates";
import { formatPercent } from "@/lib/format";
import { DomainError } from "@/lib/result";

export type Comparator = "GT" | "GTE" | "LT" | "LTE";
export type BallotMethod = "SHOW_OF_HANDS" | "SECRET_BALLOT" | "CONSENSUS";
export type Category = "E1" | "E2" | "E3" | "E4";
export type Result = "ACHIEVED" | "NOT_ACHIEVED" | "EXCLUDED";

export type VoteRule = {
  quorumBase: "INVITED" | "TOTAL_HOUSEHOLDS";
  quorumPct: number;
  quorumOp: Comparator;
  approvalBase: "PRESENT" | "INVITED";
  approvalPct: number;
  approvalOp: Comparator;
};

export const OP_SIGN: Record<Comparator, string> = { GT: ">", GTE: "≥", LT: "<", LTE: "≤" };

/** Compares two numbers the way a criterion or a vote rule says. */
export function compare(value: number, op: Comparator, threshold: number): boolean {
  switch (op) {
    case "GT": return value > threshold;
    case "GTE": return value >= threshold;
    case "LT": return value < threshold;
    case "LTE": return value <= threshold;
  }
}

/** Is part/whole above (GT), at least (GTE), below (LT) or at most (LTE) pct %? Integer arithmetic, so 10/20 is exactly 50 %. */
export function meetsThreshold(part: number, whole: number, pct: number, op: Comparator): boolean {
  if (whole <= 0) return false;
  return compare(part * 100, op, pct * whole);
}


export type Attendance = { invited: number; present: number; totalHouseholds: number };

/** Whether the meeting may decide, and why, in words for the minutes and the screen. */
export function quorum(rule: VoteRule, at: Attendance): { isQuorate: boolean; note: string } {
  const base = rule.quorumBase === "INVITED" ? at.invited : at.totalHouseholds;
  const baseLabel = rule.quorumBase === "INVITED" ? "số người được mời" : "tổng số hộ";
  const isQuorate = meetsThreshold(at.present, base, rule.quorumPct, rule.quorumOp);
  const ratio = `${at.present}/${base} ${baseLabel} (${formatPercent(at.present, base)})`;
  const needed = `cần ${OP_SIGN[rule.quorumOp]} ${rule.quorumPct} %`;
  const note = isQuorate
    ? `Cuộc họp đủ điều kiện tiến hành: có mặt ${ratio}, ${needed}.`
    : `Cuộc họp không đủ điều kiện tiến hành: có mặt ${ratio}, ${needed}. Không ghi nhận kết quả bình xét; cần tổ chức họp lại.`;
  return { isQuorate, note };
}

export function approves(rule: VoteRule, votesFor: number, at: Pick<Attendance, "invited" | "present">): boolean {
  const base = rule.approvalBase === "PRESENT" ? at.present : at.invited;
  return meetsThreshold(votesFor, base, rule.approvalPct, rule.approvalOp);
}

export const CATEGORY_REASON: Record<Category, string> = {
  E1: "Thành viên bị truy cứu trách nhiệm hình sự (E1)",
  E2: "Thành viên không hoàn thành nghĩa vụ quân sự, nghĩa vụ nộp thuế (E2)",
  E3: "Thành viên bị xử phạt hành chính về tảo hôn, kết hôn, ly hôn, chế độ hôn nhân một vợ, một chồng (E3)",
  E4: "Thành viên bị xử phạt hành chính về trật tự công cộng, cờ bạc, tệ nạn xã hội, PCCC, bạo lực gia đình (E4)",
};

/** What public lists say instead of the reason, which is sensitive personal data. */
export const PUBLIC_NOT_ELIGIBLE = "Không đủ điều kiện";

export type HouseholdVote = {
  /** Codes of standard items not met, with their wording for the reason. */
  unmet: { code: string; text: string }[];
  exclusions: Category[];
  votesFor?: number | null;
  votesAgainst?: number | null;
};

/**
 * A household's result by the year's rule: an exclusion means không xét; an unmet standard means không đạt;
 * otherwise the vote decides (a consensus meeting records no vote and its checklist stands).
 */
export function assessHousehold(
  rule: VoteRule,
  method: BallotMethod,
  at: Pick<Attendance, "invited" | "present">,
  vote: HouseholdVote,
): { result: Result; reason: string | null } {
  if (vote.exclusions.length > 0) {
    const unique = [...new Set(vote.exclusions)].sort();
    return { result: "EXCLUDED", reason: `Không xét: ${unique.map((c) => CATEGORY_REASON[c]).join("; ")}.` };
  }
  if (vote.unmet.length > 0) {
    return { result: "NOT_ACHIEVED", reason: `Chưa đạt tiêu chí ${vote.unmet.map((u) => u.code).join(", ")}.` };
  }
  if (method === "CONSENSUS") return { result: "ACHIEVED", reason: null };
  const votesFor = vote.votesFor ?? 0;
  if (approves(rule, votesFor, at)) return { result: "ACHIEVED", reason: null };
  const base = rule.approvalBase === "PRESENT" ? at.present : at.invited;
  return {
    result: "NOT_ACHIEVED",
    reason: `Không đủ tỷ lệ tán thành: ${votesFor}/${base} (${formatPercent(votesFor, base)}), cần ${OP_SIGN[rule.approvalOp]} ${rule.approvalPct} %.`,
  };
}

/** The vote counts a meeting can hold: none negative, none above those present. Messages by field. */
export function voteErrors(
  method: BallotMethod,
  present: number,
  votesFor: number | null | undefined,
  votesAgainst: number | null | undefined,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (method === "CONSENSUS") return errors;
  if (votesFor === null || votesFor === undefined) errors.votesFor = ["Vui lòng nhập số phiếu (số người) tán thành."];
  else if (votesFor > present) errors.votesFor = [`Số tán thành (${votesFor}) không được lớn hơn số người có mặt (${present}).`];
  if (votesAgainst !== null && votesAgainst !== undefined) {
    if (votesAgainst > present) errors.votesAgainst = [`Số không tán thành (${votesAgainst}) không được lớn hơn số người có mặt (${present}).`];
    else if ((votesFor ?? 0) + votesAgainst > present) {
      errors.votesAgainst = [`Tổng số tán thành và không tán thành (${(votesFor ?? 0) + votesAgainst}) vượt số người có mặt (${present}).`];
    }
  }
  return errors;
}

/** Violations count when dated from 1 January of (year − lookbackYears + 1) to 31 December of the year. */
export function violationWindow(year: number, lookbackYears: number): { from: Date; to: Date } {
  return { from: utcDate(year - Math.max(1, lookbackYears) + 1, 1, 1), to: utcDate(year, 12, 31) };
}

export function exclusionsInWindow(violations: { category: Category; occurredOn: Date }[], window: { from: Date; to: Date }): Category[] {
  const hits = violations.filter((v) => v.occurredOn >= window.from && v.occurredOn <= window.to).map((v) => v.category);
  return [...new Set(hits)].sort();
}

/**
 * The last day of the notice. A period counted in days starts the day after the event (Bộ luật Dân sự 2015,
 * Điều 147), so a list posted on 15/11 for 10 days is open until the end of 25/11.
 */
export function noticeEndsOn(postedOn: Date, days: number): Date {
  return addDays(postedOn, days);
}

/** The first day the dossier may be submitted: the day after the notice ends. */
export function firstSubmitDay(endsOn: Date): Date {
  return addDays(endsOn, 1);
}

export function noticeOpenMessage(endsOn: Date): string {
  return `Chưa hết thời gian niêm yết: thời hạn lấy ý kiến kết thúc ngày ${formatDay(endsOn)}. Có thể nộp hồ sơ từ ngày ${formatDay(firstSubmitDay(endsOn))}.`;
}

// ---- The dossier's state machine ------------------------------------------------------------------------------

export type ReviewStatus = "MEETING" | "NOTICE" | "SUBMITTED" | "RETURNED" | "ACCEPTED" | "DECIDED";
export type ReviewEvent =
  | "saveMeeting"
  | "saveAssessment"
  | "postNotice"
  | "reopenMeeting"
  | "recordObjection"
  | "submit"
  | "return"
  | "accept"
  | "includeInDecision"
  | "decide";

/** Every allowed edge; anything absent is refused. Events that edit in place keep the status. */
export const REVIEW_TRANSITIONS: Record<ReviewStatus, Partial<Record<ReviewEvent, ReviewStatus>>> = {
  MEETING: { saveMeeting: "MEETING", saveAssessment: "MEETING", postNotice: "NOTICE" },
  NOTICE: { recordObjection: "NOTICE", reopenMeeting: "MEETING", submit: "SUBMITTED" },
  SUBMITTED: { return: "RETURNED", accept: "ACCEPTED" },
  RETURNED: { saveMeeting: "RETURNED", saveAssessment: "RETURNED", recordObjection: "RETURNED", submit: "SUBMITTED" },
  ACCEPTED: { includeInDecision: "ACCEPTED", decide: "DECIDED" },
  DECIDED: {},
};

export const REVIEW_STATUS_LABEL: Record<ReviewStatus, string> = {
  MEETING: "Đang bình xét",
  NOTICE: "Đang niêm yết",
  SUBMITTED: "Đã nộp hồ sơ",
  RETURNED: "Bị trả lại",
  ACCEPTED: "Đã tiếp nhận",
  DECIDED: "Đã có quyết định",
};

const REFUSAL: Record<ReviewStatus, string> = {
  MEETING: "Hồ sơ của xóm đang ở bước bình xét, chưa niêm yết.",
  NOTICE: "Kết quả bình xét đã được niêm yết; muốn sửa, hãy mở lại biên bản họp trước.",
  SUBMITTED: "Hồ sơ đã được nộp lên xã và đang chờ kiểm tra.",
  RETURNED: "Hồ sơ đã bị trả lại, xóm cần sửa và nộp lại.",
  ACCEPTED: "Hồ sơ đã được xã tiếp nhận.",
  DECIDED: "Kết quả năm này đã có quyết định công nhận và đã khóa.",
};

/** Whether the dossier already stands where `event` leads: the very step was taken (a double click, a lost race). */
export function isStepDone(status: ReviewStatus, event: ReviewEvent): boolean {
  return REVIEW_TRANSITIONS[status][event] === undefined && Object.values(REVIEW_TRANSITIONS).some((edges) => edges[event] === status);
}

/**
 * Why nothing may be done in this status, as the user reads it. When `event` is the step that led here, someone has
 * just taken it (of 20 simultaneous submits, 19 read this): say so plainly rather than "may have been".
 */
export function reviewRefusal(status: ReviewStatus, event?: ReviewEvent): string {
  if (event && isStepDone(status, event)) {
    return `Thao tác này đã được xử lý (có thể một người khác vừa thực hiện trước bạn): ${REFUSAL[status]} Vui lòng tải lại trang.`;
  }
  return `Không thực hiện được: ${REFUSAL[status]} Thao tác này có thể đã được xử lý.`;
}

/** The status after an event, or a refusal that says where the dossier stands. */
export function nextReviewStatus(status: ReviewStatus, event: ReviewEvent): ReviewStatus {
  const next = REVIEW_TRANSITIONS[status][event];
  if (next) return next;
  throw new DomainError("RULE_VIOLATION", reviewRefusal(status, event));
}

export function canReviewDo(status: ReviewStatus, event: ReviewEvent): boolean {
  return REVIEW_TRANSITIONS[status][event] !== undefined;
}

// ---- Decisions ------------------------------------------------------------------------------------------------

export type DecisionStatus = "DRAFT" | "ISSUED";
export type DecisionEvent = "edit" | "issue" | "discard";

export const DECISION_TRANSITIONS: Record<DecisionStatus, Partial<Record<DecisionEvent, DecisionStatus | null>>> = {
  DRAFT: { edit: "DRAFT", issue: "ISSUED", discard: null },
  ISSUED: {},
};

export function nextDecisionStatus(status: DecisionStatus, event: DecisionEvent): DecisionStatus | null {
  const edges = DECISION_TRANSITIONS[status];
  if (event in edges) return edges[event] ?? null;
  throw new DomainError("RULE_VIOLATION", "Quyết định đã được ban hành (đã được xử lý), không thể thay đổi.");
}

// ---- Streaks ----------------------------------------------------------------------------------------------------

/** Consecutive years with an active award, ending at `atYear` (0 when that year has none). */
export function streakAt(awards: { year: number; status: "ACTIVE" | "CANCELLED" }[], atYear: number): number {
  const active = new Set(awards.filter((a) => a.status === "ACTIVE").map((a) => a.year));
  let n = 0;
  while (active.has(atYear - n)) n++;
  return n;
}

export type HonourCandidate = { householdId: string; streak: number; votesFor: number | null; registeredOn: Date | null };

/**
 * "Tiêu biểu" candidates: households with at least `years` consecutive years; with a quota, the first
 * floor(quota % × awards that year) ranked by votes for, then earlier registration.
 */
export function honourCandidates<T extends HonourCandidate>(rows: T[], years: number, quotaPct: number | null, awardsThisYear: number): T[] {
  const eligible = rows
    .filter((r) => r.streak >= years)
    .sort((a, b) =>
      (b.votesFor ?? -1) - (a.votesFor ?? -1)
      || (a.registeredOn?.getTime() ?? Infinity) - (b.registeredOn?.getTime() ?? Infinity)
      || a.householdId.localeCompare(b.householdId));
  if (quotaPct === null) return eligible;
  return eligible.slice(0, Math.floor((quotaPct * awardsThisYear) / 100));
}
