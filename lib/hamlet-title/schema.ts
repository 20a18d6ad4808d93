import { z } from "@/lib/zod";
import { attendanceErrors, councilMeetingDateError, reportErrors } from "@/lib/titles/rules";
import { checkbox, choice, optionalInt, optionalText, requiredDate, requiredInt, requiredText } from "@/lib/validation";
import { cleanText } from "@/lib/text";
import { DEFAULT_PROPOSAL_SYMBOL } from "./labels";

// Inputs of the "Xóm văn hóa" cycle: registration, the achievement report (Mẫu 05), the council's meeting and votes,
// the public notice, residents' comments and the Tờ trình. Checks that need stored rows (votes against the members
// present, dates against the notice) run in the service with the pure rules of lib/titles/rules.ts; field errors are
// keyed by the form's field names ("criteria.I.1.value", "votes.<hamletId>.votesFor").

const MAX_HOUSEHOLDS = 100_000;
const MAX_MEMBERS = 200;
const CODE = /^[A-Z0-9]{1,4}(\.[A-Z0-9]{1,4}){0,3}$/;

/** Free text of several paragraphs: each line cleaned, empty lines dropped, line breaks kept. */
export const optionalParagraphs = (label: string, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : v.split(/\r\n|\r|\n/).map(cleanText).filter((line) => line !== "").join("\n") || undefined))
    .pipe(
      z
        .string()
        .max(max, `${label} dài quá ${max} ký tự.`)
        .refine((v) => !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(v), `${label} có ký tự không hợp lệ.`)
        .optional(),
    );

/** A percentage typed as "85", "85,5" or "85.5": 0 to 100, at most two decimals; "" means none. */
export const optionalPercent = (label: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim().replace(",", ".")))
    .pipe(
      z
        .string()
        .regex(/^\d{1,3}(\.\d{1,2})?$/, `${label} phải là số từ 0 đến 100 (ví dụ 85 hoặc 85,5).`)
        .transform(Number)
        .pipe(z.number().max(100, `${label} phải là số từ 0 đến 100 (ví dụ 85 hoặc 85,5).`))
        .optional(),
    );

// ---- Registration ------------------------------------------------------------------------------------------------

export const RegisterInput = z.object({ registeredOn: requiredDate("ngày đăng ký") });
export type RegisterInput = z.infer<typeof RegisterInput>;

// ---- The achievement report (Mẫu 05) --------------------------------------------------------------------------------

const CriterionAnswerShape = z.object({
  isMet: checkbox,
  value: optionalPercent("Tỷ lệ"),
  note: optionalText("ghi chú", 500),
});

const ReportShape = z.object({
  reportedOn: requiredDate("ngày báo cáo"),
  totalHouseholds: requiredInt("tổng số hộ", 0, MAX_HOUSEHOLDS),
  recognisedHouseholds: requiredInt("số hộ đạt danh hiệu \u201cGia đình văn hóa\u201d", 0, MAX_HOUSEHOLDS),
  poorHouseholds: requiredInt("số hộ nghèo", 0, MAX_HOUSEHOLDS),
  nearPoorHouseholds: requiredInt("số hộ cận nghèo", 0, MAX_HOUSEHOLDS),
  hasCulturalHouse: checkbox,
  schoolAgeChildren: optionalInt("số trẻ em trong độ tuổi đi học", 0, MAX_HOUSEHOLDS * 10),
  childrenInSchool: optionalInt("số trẻ em được đến trường", 0, MAX_HOUSEHOLDS * 10),
  overview: optionalParagraphs("Phần I (đặc điểm, tình hình)", 5000),
  commitments: optionalParagraphs("Phần III (cam kết phấn đấu)", 5000),
  /** Answers by criterion code. */
  criteria: z.record(z.string().regex(CODE, "Mã tiêu chí không hợp lệ."), CriterionAnswerShape),
});

/** The report with figures that cannot be true together refused at their fields (rules.reportErrors). */
export const ReportInput = ReportShape.superRefine((v, ctx) => {
  const ints = [v.totalHouseholds, v.recognisedHouseholds, v.poorHouseholds, v.nearPoorHouseholds];
  // Zod runs object refinements even when a field failed; compare only values that parsed.
  if (!ints.every(Number.isInteger)) return;
  for (const [path, messages] of Object.entries(reportErrors(v))) {
    for (const message of messages) ctx.addIssue({ code: "custom", path: [path], message });
  }
});
export type ReportInput = z.infer<typeof ReportShape>;

/** The report form as posted: plain fields, and "criteria.<code>.<isMet|value|note>" gathered by criterion code. */
export function reportFormToObject(form: FormData): Record<string, unknown> {
  // Maps, not objects indexed by posted keys: "criteria.__proto__.value" must not reach Object.prototype.
  const plain = new Map<string, string>();
  const criteria = new Map<string, Map<string, string>>();
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    if (key.startsWith("criteria.")) {
      const rest = key.slice("criteria.".length);
      const dot = rest.lastIndexOf(".");
      if (dot <= 0) continue;
      const field = rest.slice(dot + 1);
      if (field !== "isMet" && field !== "value" && field !== "note") continue;
      const code = rest.slice(0, dot);
      if (!criteria.has(code)) criteria.set(code, new Map());
      criteria.get(code)!.set(field, value);
    } else {
      plain.set(key, value);
    }
  }
  const answers = Object.fromEntries([...criteria].map(([code, fields]) => [code, Object.fromEntries(fields)]));
  return { ...Object.fromEntries(plain), criteria: answers };
}

// ---- The council ---------------------------------------------------------------------------------------------------

const CouncilShape = z.object({
  meetingDate: requiredDate("ngày họp"),
  meetingPlace: requiredText("địa điểm họp", 200),
  chairName: requiredText("họ tên Chủ tịch Hội đồng", 100),
  secretaryName: requiredText("họ tên thư ký", 100),
  membersTotal: requiredInt("tổng số thành viên Hội đồng", 1, MAX_MEMBERS),
  membersPresent: requiredInt("số thành viên dự họp", 0, MAX_MEMBERS),
});
export type CouncilInput = z.infer<typeof CouncilShape>;

/** The council's meeting for the campaign `year`: attendance that can be (rules.attendanceErrors), a date in range. */
export function councilInputFor(year: number) {
  return CouncilShape.superRefine((v, ctx) => {
    if (Number.isInteger(v.membersTotal) && Number.isInteger(v.membersPresent)) {
      for (const [path, messages] of Object.entries(attendanceErrors(v))) {
        for (const message of messages) ctx.addIssue({ code: "custom", path: [path], message });
      }
    }
    const dateError = v.meetingDate instanceof Date ? councilMeetingDateError(v.meetingDate, year) : undefined;
    if (dateError) ctx.addIssue({ code: "custom", path: ["meetingDate"], message: dateError });
  });
}

const VoteShape = z.object({
  votesFor: optionalInt("số phiếu tán thành", 0, MAX_MEMBERS),
  votesAgainst: optionalInt("số phiếu không tán thành", 0, MAX_MEMBERS),
});

/** Every reported hamlet's votes, by hamlet id; a hamlet with both counts empty has no vote (a vote is cleared). */
export const VotesInput = z.object({
  votes: z.record(z.uuid({ error: "Xóm không hợp lệ." }), VoteShape),
});
export type VotesInput = z.infer<typeof VotesInput>;

/** The votes form as posted: "votes.<hamletId>.votesFor" and "votes.<hamletId>.votesAgainst". */
export function votesFormToObject(form: FormData): Record<string, unknown> {
  // A Map, not an object indexed by posted keys: "votes.__proto__.votesFor" must not reach Object.prototype.
  const votes = new Map<string, Map<string, string>>();
  for (const [key, value] of form.entries()) {
    const m = /^votes\.([^.]+)\.(votesFor|votesAgainst)$/.exec(key);
    if (!m || typeof value !== "string") continue;
    if (!votes.has(m[1]!)) votes.set(m[1]!, new Map());
    votes.get(m[1]!)!.set(m[2]!, value);
  }
  return { votes: Object.fromEntries([...votes].map(([hamletId, fields]) => [hamletId, Object.fromEntries(fields)])) };
}

// ---- Notice, comments, Tờ trình ------------------------------------------------------------------------------------

export const CouncilNoticeInput = z.object({
  postedOn: requiredDate("ngày bắt đầu công khai"),
  channel: requiredText("hình thức công khai", 200),
});
export type CouncilNoticeInput = z.infer<typeof CouncilNoticeInput>;

export const ResolveCommentInput = z.object({
  outcome: choice(["UPHELD", "REJECTED"], "Vui lòng chọn kết quả xử lý."),
  resolution: requiredText("nội dung xử lý", 1000),
});
export type ResolveCommentInput = z.infer<typeof ResolveCommentInput>;

export const ProposalInput = z.object({
  proposalNumber: requiredInt("số tờ trình", 1, 99_999),
  proposalSymbol: z
    .string()
    .optional()
    .transform((v) => cleanText(v ?? "") || DEFAULT_PROPOSAL_SYMBOL)
    .pipe(z.string().max(50, "Ký hiệu dài quá 50 ký tự.").regex(/^[\p{L}\p{N}]+([-/.][\p{L}\p{N}]+)*$/u, "Ký hiệu chỉ gồm chữ, số và dấu gạch (ví dụ TTr-UBND).")),
  proposalDate: requiredDate("ngày tờ trình"),
});
export type ProposalInput = z.infer<typeof ProposalInput>;
