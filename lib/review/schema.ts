import { z } from "@/lib/zod";
import { formatDay, utcDate } from "@/lib/dates";
import { BallotMethod, ObjectionOutcome, ViolationCategory } from "@/lib/generated/prisma/enums";
import { choice, optionalInt, optionalText, requiredDate, requiredInt, requiredText } from "@/lib/validation";
import { assessHousehold, voteErrors, type Category, type VoteRule } from "./rules";

// Inputs of the hamlet review: the meeting header, one household's assessment, the notice, objections and the
// officer's return. Checks that need the stored meeting (votes against those present, dates against the notice
// window) are plain functions (householdVoteErrors, objectionDateError, …) that the service and the browser's live
// preview share; the *InputFor factories wrap them into schemas.

const MAX_PEOPLE = 100_000;

const optionalUuid = (message: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined))
    .pipe(z.uuid({ error: message }).optional());

/** The meeting must be held in the campaign year it reviews. */
export function meetingDateError(date: Date, year: number): string | undefined {
  if (date < utcDate(year, 1, 1) || date > utcDate(year, 12, 31)) {
    return `Ngày họp phải nằm trong năm thi đua ${year} (từ 01/01/${year} đến 31/12/${year}).`;
  }
  return undefined;
}

const BALLOT_METHODS = Object.values(BallotMethod) as [BallotMethod, ...BallotMethod[]];

const MeetingShape = z.object({
  meetingDate: requiredDate("ngày họp"),
  meetingPlace: requiredText("địa điểm họp", 200),
  chairName: requiredText("họ tên người chủ trì", 100),
  secretaryName: requiredText("họ tên thư ký", 100),
  invitedCount: requiredInt("số người được mời", 1, MAX_PEOPLE),
  presentCount: requiredInt("số người có mặt", 0, MAX_PEOPLE),
  ballotMethod: choice(BALLOT_METHODS, "Vui lòng chọn hình thức biểu quyết."),
});

/** The meeting header for the campaign `year`: 0 ≤ present ≤ invited, the date inside the year. */
export function meetingInputFor(year: number) {
  // Zod runs object refinements even when a field failed; compare only values that parsed.
  return MeetingShape.superRefine((v, ctx) => {
    if (Number.isInteger(v.presentCount) && Number.isInteger(v.invitedCount) && v.presentCount > v.invitedCount) {
      ctx.addIssue({ code: "custom", path: ["presentCount"], message: `Số người có mặt (${v.presentCount}) không được lớn hơn số người được mời (${v.invitedCount}).` });
    }
    const dateError = v.meetingDate instanceof Date ? meetingDateError(v.meetingDate, year) : undefined;
    if (dateError) ctx.addIssue({ code: "custom", path: ["meetingDate"], message: dateError });
  });
}
export type MeetingInput = z.infer<typeof MeetingShape>;

const CATEGORIES = Object.values(ViolationCategory) as [ViolationCategory, ...ViolationCategory[]];

const AssessmentShape = z.object({
  /** Codes of the standard items the meeting found NOT met. */
  unmetCodes: z.array(z.string().regex(/^[A-Z]\d{1,2}$/, "Mã tiêu chí không hợp lệ.")).max(100),
  exclusions: z.array(choice(CATEGORIES, "Trường hợp không xét không hợp lệ.")).max(4),
  votesFor: optionalInt("số tán thành", 0, MAX_PEOPLE),
  votesAgainst: optionalInt("số không tán thành", 0, MAX_PEOPLE),
});
export type AssessmentInput = z.infer<typeof AssessmentShape>;
export const AssessmentInput = AssessmentShape;

/** The assessment checked against the stored meeting: no vote above those present (rules.voteErrors). */
export function assessmentInputFor(
  meeting: { ballotMethod: BallotMethod; presentCount: number; registrationRequired?: boolean },
  isRegistered = true,
) {
  const rule = { method: meeting.ballotMethod, registrationRequired: meeting.registrationRequired ?? false };
  return AssessmentShape.superRefine((v, ctx) => {
    const parsed = (n: unknown) => n === undefined || Number.isInteger(n);
    if (!parsed(v.votesFor) || !parsed(v.votesAgainst) || !Array.isArray(v.unmetCodes) || !Array.isArray(v.exclusions)) return;
    for (const [path, messages] of Object.entries(householdVoteErrors(rule, meeting.presentCount, v, isRegistered))) {
      for (const message of messages) ctx.addIssue({ code: "custom", path: [path], message });
    }
  });
}

/** The assessment form: one "unmet" value per standard item not met, one "exclusion" value per category ticked. */
export function assessmentFormToObject(form: FormData): Record<string, unknown> {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  const all = (k: string) => form.getAll(k).filter((v): v is string => typeof v === "string");
  return { unmetCodes: all("unmet"), exclusions: all("exclusion"), votesFor: get("votesFor"), votesAgainst: get("votesAgainst") };
}

/** Votes typed once for every household still to assess ("Ghi kết quả cho các hộ còn lại"). */
export const BulkAssessmentInput = z.object({
  votesFor: optionalInt("số tán thành", 0, MAX_PEOPLE),
  votesAgainst: optionalInt("số không tán thành", 0, MAX_PEOPLE),
});
export type BulkAssessmentInput = z.infer<typeof BulkAssessmentInput>;

export const DEFAULT_NOTICE_CHANNEL = "Bảng tin nhà văn hóa xóm";

export const NoticeInput = z.object({
  postedOn: requiredDate("ngày niêm yết"),
  channel: requiredText("hình thức niêm yết", 200),
});
export type NoticeInput = z.infer<typeof NoticeInput>;

/** When the notice was posted: not in the future, not before the meeting. */
export function noticeDateError(postedOn: Date, meetingDate: Date, today: Date): string | undefined {
  if (postedOn > today) return `Ngày niêm yết không được sau ngày hôm nay (${formatDay(today)}).`;
  if (postedOn < meetingDate) return `Ngày niêm yết không được trước ngày họp bình xét (${formatDay(meetingDate)}).`;
  return undefined;
}

const ObjectionShape = z.object({
  householdId: z.uuid({ error: "Vui lòng chọn hộ bị phản ánh." }),
  raisedBy: requiredText("người phản ánh", 150),
  content: requiredText("nội dung phản ánh", 2000),
  receivedOn: requiredDate("ngày nhận ý kiến"),
});
export type ObjectionInput = z.infer<typeof ObjectionShape>;
export const ObjectionInput = ObjectionShape;

/** An objection must arrive while the list is posted: from postedOn to the end of noticeEndsOn. */
export function objectionDateError(receivedOn: Date, window: { postedOn: Date; endsOn: Date }): string | undefined {
  if (receivedOn < window.postedOn || receivedOn > window.endsOn) {
    return `Ngày nhận ý kiến phải trong thời gian niêm yết, từ ${formatDay(window.postedOn)} đến ${formatDay(window.endsOn)}.`;
  }
  return undefined;
}

export function objectionInputFor(window: { postedOn: Date; endsOn: Date }) {
  return ObjectionShape.superRefine((v, ctx) => {
    const error = v.receivedOn instanceof Date ? objectionDateError(v.receivedOn, window) : undefined;
    if (error) ctx.addIssue({ code: "custom", path: ["receivedOn"], message: error });
  });
}

const OUTCOMES = Object.values(ObjectionOutcome).filter((o) => o !== "PENDING") as ["UPHELD", "REJECTED"];

export const ResolveObjectionInput = z.object({
  outcome: choice(OUTCOMES, "Vui lòng chọn kết quả giải quyết."),
  resolution: requiredText("nội dung giải quyết", 1000),
  resolvedOn: requiredDate("ngày giải quyết"),
});
export type ResolveObjectionInput = z.infer<typeof ResolveObjectionInput>;

export const ReturnInput = z.object({
  reason: requiredText("lý do trả lại", 1000).pipe(z.string().min(5, "Lý do trả lại cần ít nhất 5 ký tự, nói rõ xóm cần sửa gì.")),
  householdId: optionalUuid("Hộ được chọn không hợp lệ."),
});
export type ReturnInput = z.infer<typeof ReturnInput>;

export const ReopenInput = z.object({
  reason: optionalText("lý do mở lại", 1000),
});
export type ReopenInput = z.infer<typeof ReopenInput>;

// ---- Messages and the household outcome, shared by the service and the live preview -------------------------

export const REVIEW_MSG = {
  noYear: "Không tìm thấy năm thi đua này.",
  reviewExists: "Biên bản họp của xóm năm này đã được người khác tạo. Vui lòng tải lại trang để xem và sửa.",
  inquorate: "Cuộc họp không đủ điều kiện tiến hành nên không ghi nhận kết quả bình xét. Hãy sửa số liệu biên bản họp nếu nhập sai, hoặc tổ chức họp lại.",
  inquorateWithResults: (n: number) =>
    `Với số người có mặt này cuộc họp không đủ điều kiện tiến hành, trong khi đã có kết quả bình xét của ${n} hộ. Kiểm tra lại số người có mặt.`,
  voteAbovePresent: (headName: string, detail: string) => `Không lưu được: hộ ${headName} — ${detail}`,
  notRegistered: "Hộ không đăng ký thi đua (năm này yêu cầu đăng ký)",
  upheld: (resolution: string) => `Ý kiến phản ánh được chấp nhận: ${resolution}`,
  householdInactive: "Hộ không còn cư trú tại xóm nên không bình xét.",
  householdNotInReview: "Hộ này không có trong danh sách bình xét của xóm.",
  unknownCriterion: (code: string) => `Tiêu chí ${code} không có trong bộ tiêu chí của năm này.`,
  missing: (n: number) => `Còn ${n} hộ đang cư trú chưa được bình xét. Cần ghi kết quả cho tất cả các hộ trước khi niêm yết hoặc nộp hồ sơ.`,
  nothingRemaining: "Tất cả các hộ đang cư trú đã được bình xét.",
  noNotice: "Danh sách chưa được niêm yết.",
  pendingObjections: (n: number) => `Còn ${n} ý kiến phản ánh chưa giải quyết.`,
  objectionResolved: "Ý kiến này đã được giải quyết trước đó (đã được xử lý).",
  resolvedBeforeReceived: (received: Date) => `Ngày giải quyết không được trước ngày nhận ý kiến (${formatDay(received)}).`,
  resolvedInFuture: (today: Date) => `Ngày giải quyết không được sau ngày hôm nay (${formatDay(today)}).`,
  receivedInFuture: (today: Date) => `Ngày nhận ý kiến không được sau ngày hôm nay (${formatDay(today)}).`,
} as const;

export type Outcome = { result: "ACHIEVED" | "NOT_ACHIEVED" | "EXCLUDED"; reason: string | null; meetingResult: "ACHIEVED" | "NOT_ACHIEVED" | "EXCLUDED" };

export type OutcomeContext = {
  rule: VoteRule;
  method: BallotMethod;
  at: { invited: number; present: number };
  registrationRequired: boolean;
  /** Wording of the standard items by code, for the reason. */
  standardText: Record<string, string>;
};

/** Whether the counted votes decide this household (no exclusion, every standard met, not a consensus meeting). */
export function votesMatter(ctx: Pick<OutcomeContext, "method" | "registrationRequired">, vote: { unmetCodes: string[]; exclusions: string[] }, isRegistered: boolean): boolean {
  return ctx.method !== "CONSENSUS" && !(ctx.registrationRequired && !isRegistered) && vote.exclusions.length === 0 && vote.unmetCodes.length === 0;
}

/**
 * rules.voteErrors for one household; when the votes do not decide its result (excluded, a standard not met), an
 * empty count is accepted but a typed one must still fit the meeting.
 */
export function householdVoteErrors(
  ctx: Pick<OutcomeContext, "method" | "registrationRequired">,
  present: number,
  vote: { unmetCodes: string[]; exclusions: string[]; votesFor?: number | null; votesAgainst?: number | null },
  isRegistered: boolean,
): Record<string, string[]> {
  const needed = votesMatter(ctx, vote, isRegistered);
  return voteErrors(ctx.method, present, needed ? vote.votesFor : (vote.votesFor ?? 0), vote.votesAgainst);
}

/**
 * The household's result: a year that requires registration excludes a household that did not register;
 * otherwise rules.assessHousehold. An upheld objection overrides the result and keeps the meeting's own.
 */
export function householdOutcome(
  ctx: OutcomeContext,
  vote: { unmetCodes: string[]; exclusions: Category[]; votesFor?: number | null; votesAgainst?: number | null },
  isRegistered: boolean,
  upheldResolution?: string | null,
): Outcome {
  const meeting = ctx.registrationRequired && !isRegistered
    ? { result: "EXCLUDED" as const, reason: REVIEW_MSG.notRegistered }
    : assessHousehold(ctx.rule, ctx.method, ctx.at, {
      unmet: vote.unmetCodes.map((code) => ({ code, text: ctx.standardText[code] ?? code })),
      exclusions: vote.exclusions,
      votesFor: vote.votesFor,
      votesAgainst: vote.votesAgainst,
    });
  if (upheldResolution) return { result: "NOT_ACHIEVED", reason: REVIEW_MSG.upheld(upheldResolution), meetingResult: meeting.result };
  return { ...meeting, meetingResult: meeting.result };
}
