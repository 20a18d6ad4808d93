import { z } from "zod";
import { formatDay, utcDate } from "@/lib/dates";
import { ApprovalBase, BallotMethod, Comparator, CriterionKind, QuorumBase, ViolationCategory } from "@/lib/generated/prisma/enums";
import { checkbox, choice, optionalDate, optionalInt, optionalText, requiredDate, requiredInt, requiredText, uuid } from "@/lib/validation";

// Forms of the campaign-year setup: the year itself, rule-set versions and criteria-set drafts. Messages the
// services also use sit here too, so forms, services and tests share one wording.

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
export const MAX_PLAN_REFS = 10;

export const CAMPAIGN_MSG = {
  yearTaken: (year: number) => `Năm ${year} đã có trong hệ thống.`,
  setsInUse: "Năm này đã có xóm họp bình xét; không thể đổi bộ quy tắc/bộ tiêu chí đã dùng.",
  yearInUse: "Năm này đã có dữ liệu đăng ký, bình xét hoặc quyết định; không thể đổi số năm.",
  ruleSetUnknown: "Bộ quy tắc không tồn tại.",
  criteriaSetUnknown: "Bộ tiêu chí không tồn tại.",
  criteriaSetDraft: "Bộ tiêu chí này chưa được công bố; chỉ chọn được bộ tiêu chí đã công bố.",
  frozen: "Bộ tiêu chí này đã được công bố nên không thể sửa. Muốn thay đổi, hãy tạo phiên bản mới từ bản này.",
  noStandardItem: "Bộ tiêu chí cần có ít nhất một tiêu chí thường (không phải tiêu chí loại trừ) trước khi công bố.",
  codeTaken: (code: string) => `Mã ${code} đã có trong bộ tiêu chí này.`,
  itemUnknown: "Tiêu chí không tồn tại trong bộ tiêu chí này.",
} as const;

const enumValues = <T extends string>(e: Record<string, T>) => Object.values(e) as [T, ...T[]];

// ---- Campaign year --------------------------------------------------------------------------------------------

export const PlanRefInput = z.object({
  issuer: requiredText("cơ quan ban hành", 200),
  number: requiredText("số kế hoạch", 100),
  date: optionalDate("ngày ban hành"),
  title: optionalText("trích yếu", 500),
});
export type PlanRefInput = z.infer<typeof PlanRefInput>;

export const CampaignYearInput = z
  .object({
    year: requiredInt("năm", MIN_YEAR, MAX_YEAR),
    targetHouseholdsPct: requiredInt("chỉ tiêu hộ gia đình", 0, 100),
    targetHamletsPct: requiredInt("chỉ tiêu xóm", 0, 100),
    targetAgenciesPct: requiredInt("chỉ tiêu cơ quan, đơn vị", 0, 100),
    planNumber: optionalText("số kế hoạch", 100),
    planDate: optionalDate("ngày ban hành kế hoạch"),
    planIssuer: optionalText("cơ quan ban hành kế hoạch", 200),
    planTitle: optionalText("trích yếu kế hoạch", 500),
    planRefs: z.array(PlanRefInput).max(MAX_PLAN_REFS, `Tối đa ${MAX_PLAN_REFS} kế hoạch cấp trên.`),
    meetingDeadline: requiredDate("hạn họp bình xét ở xóm"),
    reviewDeadline: requiredDate("hạn hoàn thành bình xét"),
    noticeDays: requiredInt("số ngày niêm yết", 1, 60),
    decisionDays: requiredInt("số ngày ra quyết định", 1, 60),
    // Empty on a new year means "the commune's latest version" (created on first use).
    ruleSetId: z.string().optional().transform((v) => v?.trim() || undefined).pipe(uuid("Vui lòng chọn bộ quy tắc bình xét.").optional()),
    criteriaSetId: z.string().optional().transform((v) => v?.trim() || undefined).pipe(uuid("Vui lòng chọn bộ tiêu chí.").optional()),
    honourYears: requiredInt("số năm liên tục", 2, 10),
    honourQuotaPct: optionalInt("tỷ lệ tối đa", 1, 100),
  })
  .superRefine((v, ctx) => {
    const first = utcDate(v.year, 1, 1);
    const last = utcDate(v.year, 12, 31);
    const inYear = (d: Date) => d >= first && d <= last;
    if (!inYear(v.meetingDeadline)) {
      ctx.addIssue({ code: "custom", path: ["meetingDeadline"], message: `Hạn họp bình xét phải nằm trong năm ${v.year}.` });
    }
    if (!inYear(v.reviewDeadline)) {
      ctx.addIssue({ code: "custom", path: ["reviewDeadline"], message: `Hạn hoàn thành bình xét phải nằm trong năm ${v.year}.` });
    }
    if (v.meetingDeadline > v.reviewDeadline) {
      ctx.addIssue({
        code: "custom",
        path: ["meetingDeadline"],
        message: `Hạn họp bình xét (${formatDay(v.meetingDeadline)}) không được sau hạn hoàn thành bình xét (${formatDay(v.reviewDeadline)}).`,
      });
    }
  });
export type CampaignYearInput = z.infer<typeof CampaignYearInput>;

const YEAR_FIELDS = [
  "year", "targetHouseholdsPct", "targetHamletsPct", "targetAgenciesPct", "planNumber", "planDate", "planIssuer", "planTitle",
  "meetingDeadline", "reviewDeadline", "noticeDays", "decisionDays", "ruleSetId", "criteriaSetId", "honourYears", "honourQuotaPct",
] as const;

/** Dynamic rows come as `prefix.N.field`; ordered by N (the form renumbers rows, so N counts from 0 without gaps). */
function rowsOf(form: FormData, prefix: string, fields: readonly string[]): Record<string, string>[] {
  const pattern = new RegExp(`^${prefix}\\.(\\d{1,3})\\.(${fields.join("|")})$`);
  const rows = new Map<number, Record<string, string>>();
  for (const [key, value] of form.entries()) {
    const m = pattern.exec(key);
    if (!m || typeof value !== "string") continue;
    const row = rows.get(Number(m[1])) ?? {};
    row[m[2]!] = value;
    rows.set(Number(m[1]), row);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

const stringOf = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : undefined;
};

/** The year form as CampaignYearInput parses it. */
export function yearFormToObject(form: FormData): Record<string, unknown> {
  const fields = Object.fromEntries(YEAR_FIELDS.map((k) => [k, stringOf(form, k)]));
  return { ...fields, planRefs: rowsOf(form, "planRefs", ["issuer", "number", "date", "title"]) };
}

// ---- Rule sets ---------------------------------------------------------------------------------------------------

export const RuleSetInput = z.object({
  name: requiredText("tên bộ quy tắc", 200),
  legalBasis: requiredText("căn cứ pháp lý", 500),
  effectiveFrom: requiredDate("ngày áp dụng"),
  quorumBase: choice(enumValues(QuorumBase), "Vui lòng chọn cách tính số người có mặt."),
  quorumPct: requiredInt("tỷ lệ có mặt", 1, 100),
  quorumOp: choice(enumValues(Comparator), "Vui lòng chọn phép so sánh cho tỷ lệ có mặt."),
  approvalBase: choice(enumValues(ApprovalBase), "Vui lòng chọn cách tính tỷ lệ tán thành."),
  approvalPct: requiredInt("tỷ lệ tán thành", 1, 100),
  approvalOp: choice(enumValues(Comparator), "Vui lòng chọn phép so sánh cho tỷ lệ tán thành."),
  ballotMethod: choice(enumValues(BallotMethod), "Vui lòng chọn hình thức biểu quyết."),
  registrationRequired: checkbox,
  lookbackYears: requiredInt("số năm xét vi phạm", 1, 5),
});
export type RuleSetInput = z.infer<typeof RuleSetInput>;

export const QUORUM_BASE_LABEL: Record<QuorumBase, string> = {
  INVITED: "số người được mời",
  TOTAL_HOUSEHOLDS: "tổng số hộ",
};

export const APPROVAL_BASE_LABEL: Record<ApprovalBase, string> = {
  PRESENT: "số người có mặt",
  INVITED: "số người được mời",
};

const OP_SIGN: Record<Comparator, string> = { GT: ">", GTE: "≥" };

type RuleWords = { quorumBase: QuorumBase; quorumPct: number; quorumOp: Comparator; approvalBase: ApprovalBase; approvalPct: number; approvalOp: Comparator };

/** "có mặt > 50 % số người được mời" */
export const quorumWords = (r: RuleWords) => `có mặt ${OP_SIGN[r.quorumOp]} ${r.quorumPct} % ${QUORUM_BASE_LABEL[r.quorumBase]}`;

/** "tán thành > 50 % số người có mặt" */
export const approvalWords = (r: RuleWords) => `tán thành ${OP_SIGN[r.approvalOp]} ${r.approvalPct} % ${APPROVAL_BASE_LABEL[r.approvalBase]}`;

// ---- Criteria sets -------------------------------------------------------------------------------------------------

export const CriteriaSetInput = z.object({
  name: requiredText("tên bộ tiêu chí", 200),
  legalBasis: requiredText("căn cứ pháp lý", 500),
  effectiveFrom: requiredDate("ngày áp dụng"),
});
export type CriteriaSetInput = z.infer<typeof CriteriaSetInput>;

const upper = (v: unknown) => (typeof v === "string" ? v.trim().toUpperCase() : v);

export const CriterionInput = z
  .object({
    code: z.preprocess(
      upper,
      z.string({ error: "Vui lòng nhập mã tiêu chí." }).min(1, "Vui lòng nhập mã tiêu chí.")
        .regex(/^[A-Z]\d{1,2}$/, "Mã tiêu chí gồm một chữ cái và số thứ tự, ví dụ C4."),
    ),
    groupCode: z.preprocess(
      upper,
      z.string({ error: "Vui lòng nhập mã nhóm." }).min(1, "Vui lòng nhập mã nhóm.").regex(/^[A-Z]$/, "Mã nhóm là một chữ cái, ví dụ A, B, C hoặc E."),
    ),
    groupTitle: requiredText("tên nhóm tiêu chí", 300),
    kind: choice(enumValues(CriterionKind), "Vui lòng chọn loại tiêu chí."),
    text: requiredText("nội dung tiêu chí", 1000),
    category: z.string().optional().transform((v) => v?.trim() || undefined)
      .pipe(choice(enumValues(ViolationCategory), "Vui lòng chọn trường hợp loại trừ (E1–E4).").optional()),
    isVerified: checkbox,
  })
  .superRefine((v, ctx) => {
    if (/^[A-Z]$/.test(v.groupCode) && /^[A-Z]\d{1,2}$/.test(v.code) && !v.code.startsWith(v.groupCode)) {
      ctx.addIssue({ code: "custom", path: ["code"], message: `Mã tiêu chí phải bắt đầu bằng mã nhóm ${v.groupCode} (ví dụ ${v.groupCode}1).` });
    }
    if (v.kind === "EXCLUSION" && !v.category) {
      ctx.addIssue({ code: "custom", path: ["category"], message: "Tiêu chí loại trừ cần chọn trường hợp vi phạm (E1–E4)." });
    }
  })
  // Only exclusions name a violation category.
  .transform((v) => ({ ...v, category: v.kind === "EXCLUSION" ? v.category : undefined }));
export type CriterionInput = z.infer<typeof CriterionInput>;

export const CRITERION_KIND_LABEL: Record<CriterionKind, string> = {
  STANDARD: "Tiêu chí phải đạt",
  EXCLUSION: "Trường hợp loại trừ (không xét)",
};

/** "90 % hộ · 90 % xóm · 100 % cơ quan" */
export const targetsText = (y: { targetHouseholdsPct: number; targetHamletsPct: number; targetAgenciesPct: number }) =>
  `${y.targetHouseholdsPct} % hộ · ${y.targetHamletsPct} % xóm · ${y.targetAgenciesPct} % cơ quan`;

/** "Phiên bản 2 – Họp dân theo …" */
export const versionText = (s: { version: number; name: string }) => `Phiên bản ${s.version} – ${s.name}`;

/** The groups of a set with their title and the next free code in each ("C4" after C1–C3). */
export function criterionGroups(items: { code: string; groupCode: string; groupTitle: string }[]): { code: string; title: string; nextCode: string }[] {
  const groups = new Map<string, { code: string; title: string; max: number }>();
  for (const item of items) {
    const group = groups.get(item.groupCode) ?? { code: item.groupCode, title: item.groupTitle, max: 0 };
    const n = Number(item.code.slice(item.groupCode.length));
    if (Number.isInteger(n) && n > group.max) group.max = n;
    groups.set(item.groupCode, group);
  }
  return [...groups.values()].map((g) => ({ code: g.code, title: g.title, nextCode: `${g.code}${g.max + 1}` }));
}
