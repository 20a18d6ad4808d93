import { z } from "@/lib/zod";
import { OP_SIGN } from "@/lib/review/rules";
import { METRIC_LABEL, thresholdWords } from "@/lib/titles/rules";
import { formatDay, utcDate } from "@/lib/dates";
import { ApprovalBase, BallotMethod, Comparator, CriterionKind, HamletMetric, QuorumBase, TitleSubject, ViolationCategory } from "@/lib/generated/prisma/enums";
import { checkbox, choice, isDay, isYear, optionalDate, optionalInt, optionalText, requiredDate, requiredInt, requiredText, uuid } from "@/lib/validation";

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
  criteriaSetSubject: (expected: TitleSubject, actual: TitleSubject) =>
    `Bộ tiêu chí này dành cho \u201c${TITLE_SUBJECT_LABEL[actual]}\u201d; ở đây cần bộ tiêu chí \u201c${TITLE_SUBJECT_LABEL[expected]}\u201d.`,
  hamletSetInUse: "Năm này đã có xóm gửi báo cáo thành tích; không thể đổi bộ tiêu chí \u201cXóm văn hóa\u201d đã dùng.",
  agencySetInUse: "Năm này đã có cơ quan, đơn vị được chấm kết quả; không thể đổi bộ tiêu chí đã dùng.",
  enterpriseSetInUse: "Năm này đã có doanh nghiệp được chấm kết quả; không thể đổi bộ tiêu chí đã dùng.",
  ratioIncomplete: "Chỉ tiêu tỷ lệ cần đủ: chỉ số, phép so sánh và ngưỡng.",
  ratioNotForHousehold: "Bộ tiêu chí \u201cGia đình văn hóa\u201d không có chỉ tiêu tỷ lệ; hãy để trống chỉ số, phép so sánh và ngưỡng.",
  authorityToBeforeFrom: "Ngày hết hiệu lực phải sau ngày bắt đầu áp dụng.",
  authorityDecided: (on: Date, authority: string) =>
    `Đã có quyết định ngày ${formatDay(on)} ban hành theo quy định đang áp dụng (${authority}); quy định mới chỉ được áp dụng từ ngày sau ngày đó.`,
  overHundred: "Không có tỷ lệ nào lớn hơn 100 %: hãy chọn \u201c≥\u201d 100 % hoặc giảm tỷ lệ.",
  neverMet: "Ngưỡng này không bao giờ đạt được (không có tỷ lệ nào lớn hơn 100 % hay nhỏ hơn 0 %); hãy sửa phép so sánh hoặc ngưỡng.",
  authorityOverlap: (rule: AuthorityPeriod & { authority: string }) => `Trùng thời gian với quy định đang có: ${rule.authority} (${authorityPeriodWords(rule)}).`,
} as const;

/** Which title a criteria set, a decision or an authority rule is about. */
export const TITLE_SUBJECT_LABEL: Record<TitleSubject, string> = {
  HOUSEHOLD: "Gia đình văn hóa",
  HAMLET: "Xóm văn hóa",
  AGENCY: "Cơ quan, đơn vị đạt chuẩn văn hóa",
  ENTERPRISE: "Doanh nghiệp đạt chuẩn văn hóa",
};

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
    hamletCriteriaSetId: z.string().optional().transform((v) => v?.trim() || undefined).pipe(uuid("Vui lòng chọn bộ tiêu chí \u201cXóm văn hóa\u201d.").optional()),
    agencyCriteriaSetId: z.string().optional().transform((v) => v?.trim() || undefined)
      .pipe(uuid("Vui lòng chọn bộ tiêu chí \u201cCơ quan, đơn vị đạt chuẩn văn hóa\u201d.").optional()),
    enterpriseCriteriaSetId: z.string().optional().transform((v) => v?.trim() || undefined)
      .pipe(uuid("Vui lòng chọn bộ tiêu chí \u201cDoanh nghiệp đạt chuẩn văn hóa\u201d.").optional()),
    honourYears: requiredInt("số năm liên tục", 2, 10),
    honourQuotaPct: optionalInt("tỷ lệ tối đa", 1, 100),
  })
  .superRefine((v, ctx) => {
    // Zod runs this even when a field above failed: a year or a deadline that did not parse has its own message,
    // and "must fall in the year NaN" would only be noise next to it.
    const meeting = isDay(v.meetingDeadline) ? v.meetingDeadline : null;
    const review = isDay(v.reviewDeadline) ? v.reviewDeadline : null;
    if (isYear(v.year)) {
      const first = utcDate(v.year, 1, 1);
      const last = utcDate(v.year, 12, 31);
      const inYear = (d: Date) => d >= first && d <= last;
      if (meeting && !inYear(meeting)) {
        ctx.addIssue({ code: "custom", path: ["meetingDeadline"], message: `Hạn họp bình xét phải nằm trong năm ${v.year}.` });
      }
      if (review && !inYear(review)) {
        ctx.addIssue({ code: "custom", path: ["reviewDeadline"], message: `Hạn hoàn thành bình xét phải nằm trong năm ${v.year}.` });
      }
    }
    if (meeting && review && meeting > review) {
      ctx.addIssue({
        code: "custom",
        path: ["meetingDeadline"],
        message: `Hạn họp bình xét (${formatDay(meeting)}) không được sau hạn hoàn thành bình xét (${formatDay(review)}).`,
      });
    }
  });
export type CampaignYearInput = z.infer<typeof CampaignYearInput>;

const YEAR_FIELDS = [
  "year", "targetHouseholdsPct", "targetHamletsPct", "targetAgenciesPct", "planNumber", "planDate", "planIssuer", "planTitle",
  "meetingDeadline", "reviewDeadline", "noticeDays", "decisionDays", "ruleSetId", "criteriaSetId", "hamletCriteriaSetId", "agencyCriteriaSetId",
  "enterpriseCriteriaSetId", "honourYears", "honourQuotaPct",
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

/** A vote passes above or at a share; "below" makes no sense for a quorum or an approval. */
export const VOTE_COMPARATORS = ["GT", "GTE"] as const satisfies readonly Comparator[];

export const RuleSetInput = z.object({
  name: requiredText("tên bộ quy tắc", 200),
  legalBasis: requiredText("căn cứ pháp lý", 500),
  effectiveFrom: requiredDate("ngày áp dụng"),
  quorumBase: choice(enumValues(QuorumBase), "Vui lòng chọn cách tính số người có mặt."),
  quorumPct: requiredInt("tỷ lệ có mặt", 1, 100),
  quorumOp: choice(VOTE_COMPARATORS, "Vui lòng chọn phép so sánh cho tỷ lệ có mặt."),
  approvalBase: choice(enumValues(ApprovalBase), "Vui lòng chọn cách tính tỷ lệ tán thành."),
  approvalPct: requiredInt("tỷ lệ tán thành", 1, 100),
  approvalOp: choice(VOTE_COMPARATORS, "Vui lòng chọn phép so sánh cho tỷ lệ tán thành."),
  ballotMethod: choice(enumValues(BallotMethod), "Vui lòng chọn hình thức biểu quyết."),
  registrationRequired: checkbox,
  lookbackYears: requiredInt("số năm xét vi phạm", 1, 5),
  hamletRegistrationRequired: checkbox,
  councilApprovalBase: choice(enumValues(ApprovalBase), "Vui lòng chọn cách tính tỷ lệ tán thành của Hội đồng."),
  councilApprovalPct: requiredInt("tỷ lệ tán thành của Hội đồng", 1, 100),
  councilApprovalOp: choice(VOTE_COMPARATORS, "Vui lòng chọn phép so sánh cho tỷ lệ tán thành của Hội đồng."),
}).superRefine((v, ctx) => {
  // "> 100 %" can never be reached: no meeting or council could ever pass.
  for (const [pct, op] of [["quorumPct", "quorumOp"], ["approvalPct", "approvalOp"], ["councilApprovalPct", "councilApprovalOp"]] as const) {
    if (v[op] === "GT" && v[pct] === 100) ctx.addIssue({ code: "custom", path: [pct], message: CAMPAIGN_MSG.overHundred });
  }
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

/** The same bases for the commune emulation council ("Xóm văn hóa"): its members present, or all its members. */
export const COUNCIL_APPROVAL_BASE_LABEL: Record<ApprovalBase, string> = {
  PRESENT: "số thành viên dự họp",
  INVITED: "tổng số thành viên Hội đồng",
};

/** "tán thành > 50 % số thành viên dự họp" */
export const councilApprovalWords = (r: { councilApprovalBase: ApprovalBase; councilApprovalPct: number; councilApprovalOp: Comparator }) =>
  `tán thành ${OP_SIGN[r.councilApprovalOp]} ${r.councilApprovalPct} % ${COUNCIL_APPROVAL_BASE_LABEL[r.councilApprovalBase]}`;


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

// Codes as the legal texts number them: "C4" (household, group C), "II.3" (hamlet, group II), "2" or "2.1" (agency).
const GROUP_CODE = /^([A-Z]|[IVX]{2,6}|\d{1,2})$/;
const ITEM_CODE = /^([A-Z]\d{1,2}|([A-Z]|[IVX]{2,6}|\d{1,2})\.\d{1,2}|\d{1,2})$/;

/** The group a well-formed code belongs to: "C" for C4, "II" for II.3, "2" for 2 and 2.1. */
export function codeGroup(code: string): string {
  if (code.includes(".")) return code.slice(0, code.indexOf("."));
  return /^[A-Z]/.test(code) ? code.charAt(0) : code;
}

/** An example first code of a group, for messages and the form: C1, II.1, 2.1. */
const firstCodeOf = (group: string) => (/^[A-Z]$/.test(group) ? `${group}1` : `${group}.1`);

/** A threshold as typed: "90", "92,5" or "92.55"; 0–100 with at most two decimals. */
const THRESHOLD = /^\d{1,3}([.,]\d{1,2})?$/;
const THRESHOLD_MSG = "Ngưỡng là số từ 0 đến 100, tối đa 2 chữ số thập phân (ví dụ 90 hoặc 92,5).";

const optionalChoice = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z.string().optional().transform((v) => v?.trim() || undefined).pipe(choice(values, message).optional());

export const RATIO_COMPARATORS = ["GT", "GTE", "LT", "LTE"] as const satisfies readonly Comparator[];

export const CriterionInput = z
  .object({
    code: z.preprocess(
      upper,
      z.string({ error: "Vui lòng nhập mã tiêu chí." }).min(1, { error: "Vui lòng nhập mã tiêu chí.", abort: true })
        .regex(ITEM_CODE, "Mã tiêu chí gồm mã nhóm và số thứ tự, ví dụ C4, II.3 hoặc 2."),
    ),
    groupCode: z.preprocess(
      upper,
      z.string({ error: "Vui lòng nhập mã nhóm." }).min(1, { error: "Vui lòng nhập mã nhóm.", abort: true })
        .regex(GROUP_CODE, "Mã nhóm là một chữ cái (A, B, C, E), số La Mã (II, III, IV) hoặc số (1, 2, 3)."),
    ),
    groupTitle: requiredText("tên nhóm tiêu chí", 300),
    kind: choice(enumValues(CriterionKind), "Vui lòng chọn loại tiêu chí."),
    text: requiredText("nội dung tiêu chí", 1000),
    category: optionalChoice(enumValues(ViolationCategory), "Vui lòng chọn trường hợp loại trừ (E1–E4)."),
    isVerified: checkbox,
    // A ratio item ("tỷ lệ …") of a hamlet, agency or enterprise set: what is measured, how, against what threshold.
    metric: optionalChoice(enumValues(HamletMetric), "Vui lòng chọn chỉ số trong danh sách."),
    comparator: optionalChoice(RATIO_COMPARATORS, "Vui lòng chọn phép so sánh trong danh sách."),
    threshold: z
      .string()
      .optional()
      .transform((v) => v?.trim() || undefined)
      .pipe(
        z.string().regex(THRESHOLD, THRESHOLD_MSG).transform((v) => Number(v.replace(",", ".")))
          .pipe(z.number().min(0, THRESHOLD_MSG).max(100, THRESHOLD_MSG))
          .optional(),
      ),
  })
  .superRefine((v, ctx) => {
    if (GROUP_CODE.test(v.groupCode) && ITEM_CODE.test(v.code) && codeGroup(v.code) !== v.groupCode) {
      ctx.addIssue({ code: "custom", path: ["code"], message: `Mã tiêu chí phải bắt đầu bằng mã nhóm ${v.groupCode} (ví dụ ${firstCodeOf(v.groupCode)}).` });
    }
    if (v.kind === "EXCLUSION" && !v.category) {
      ctx.addIssue({ code: "custom", path: ["category"], message: "Tiêu chí loại trừ cần chọn trường hợp vi phạm (E1–E4)." });
    }
    // All three or none; an exclusion is never a ratio (its fields are not shown, so they are dropped below).
    const ratio = { metric: v.metric, comparator: v.comparator, threshold: v.threshold };
    const given = Object.values(ratio).filter((x) => x !== undefined).length;
    if (v.kind === "STANDARD" && given > 0 && given < 3) {
      for (const [field, value] of Object.entries(ratio)) {
        if (value === undefined) ctx.addIssue({ code: "custom", path: [field], message: CAMPAIGN_MSG.ratioIncomplete });
      }
    }
    // "> 100 %" or "< 0 %" no hamlet could ever meet.
    if (v.kind === "STANDARD" && ((v.comparator === "GT" && v.threshold === 100) || (v.comparator === "LT" && v.threshold === 0))) {
      ctx.addIssue({ code: "custom", path: ["threshold"], message: CAMPAIGN_MSG.neverMet });
    }
  })
  // Only exclusions name a violation category; only standard items are ratios.
  .transform((v) => {
    const isRatio = v.kind === "STANDARD" && v.metric !== undefined;
    return {
      ...v,
      category: v.kind === "EXCLUSION" ? v.category : undefined,
      metric: isRatio ? v.metric : undefined,
      comparator: isRatio ? v.comparator : undefined,
      threshold: isRatio ? v.threshold : undefined,
    };
  });
export type CriterionInput = z.infer<typeof CriterionInput>;

/** "Tỷ lệ hộ nghèo, hộ cận nghèo ≤ 15 %" */
export const ratioWords = (c: { metric: HamletMetric; comparator: Comparator; threshold: number }) =>
  `${METRIC_LABEL[c.metric]} ${thresholdWords(c)}`;

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };

function romanValue(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const value = ROMAN[s[i]!]!;
    const nextValue = ROMAN[s[i + 1] ?? ""] ?? 0;
    total += value < nextValue ? -value : value;
  }
  return total;
}

/**
 * Where a group sits: 1, 2… for numbers; I, II, III… by value (a group is Roman when its codes are dotted: "I.1",
 * "V.2"); letters A, B, C, E by the alphabet.
 */
function groupRank(group: string, code: string): number {
  if (/^\d+$/.test(group)) return Number(group);
  if (/^[IVX]+$/.test(group) && code.includes(".")) return romanValue(group);
  return group.charCodeAt(0) - 64;
}

/** The number of an item inside its group: 4 for C4, 3 for II.3, 1 for 2.1, 0 for a group's lone item "2". */
function itemNumber(code: string): number {
  if (code.includes(".")) return Number(code.slice(code.indexOf(".") + 1));
  return /^[A-Z]\d/.test(code) ? Number(code.slice(1)) : 0;
}

/** Reading order of items: by group (A, B, C, E or I, II, III or 1, 2, 3), then by number (C2 before C10). */
export function compareCriteria(a: { code: string; groupCode: string }, b: { code: string; groupCode: string }): number {
  return groupRank(a.groupCode, a.code) - groupRank(b.groupCode, b.code) || a.groupCode.localeCompare(b.groupCode)
    || itemNumber(a.code) - itemNumber(b.code) || a.code.localeCompare(b.code);
}

export const CRITERION_KIND_LABEL: Record<CriterionKind, string> = {
  STANDARD: "Tiêu chí phải đạt",
  EXCLUSION: "Trường hợp loại trừ (không xét)",
};

/** "90 % hộ · 90 % xóm · 100 % cơ quan" */
export const targetsText = (y: { targetHouseholdsPct: number; targetHamletsPct: number; targetAgenciesPct: number }) =>
  `${y.targetHouseholdsPct} % hộ · ${y.targetHamletsPct} % xóm · ${y.targetAgenciesPct} % cơ quan`;

/** "Phiên bản 2 – Họp dân theo …" */
export const versionText = (s: { version: number; name: string }) => `Phiên bản ${s.version} – ${s.name}`;

/** The groups of a set with their title and the next free code in each ("C4" after C1–C3, "II.4" after II.1–II.3). */
export function criterionGroups(items: { code: string; groupCode: string; groupTitle: string }[]): { code: string; title: string; nextCode: string }[] {
  const groups = new Map<string, { code: string; title: string; max: number; isDotted: boolean }>();
  for (const item of items) {
    const group = groups.get(item.groupCode) ?? { code: item.groupCode, title: item.groupTitle, max: 0, isDotted: !/^[A-Z]$/.test(item.groupCode) };
    const n = itemNumber(item.code);
    if (Number.isInteger(n) && n > group.max) group.max = n;
    if (item.code.includes(".")) group.isDotted = true;
    groups.set(item.groupCode, group);
  }
  return [...groups.values()].map((g) => ({ code: g.code, title: g.title, nextCode: g.isDotted ? `${g.code}.${g.max + 1}` : `${g.code}${g.max + 1}` }));
}

// ---- Who decides a title, by date ---------------------------------------------------------------------------------

/** A rule applies from `effectiveFrom` until the day before `effectiveTo` (no end when null). */
export type AuthorityPeriod = { effectiveFrom: Date; effectiveTo: Date | null };

export const AuthorityRuleInput = z
  .object({
    subject: choice(enumValues(TitleSubject), "Vui lòng chọn danh hiệu."),
    effectiveFrom: requiredDate("ngày bắt đầu áp dụng"),
    effectiveTo: optionalDate("ngày hết hiệu lực"),
    authority: requiredText("thẩm quyền quyết định", 300),
    // Empty: the commune's own People's Committee issues the decision.
    issuer: optionalText("cơ quan ban hành", 300),
    parentIssuer: optionalText("cơ quan cấp trên", 300),
    legalBasis: requiredText("căn cứ pháp lý", 1000),
  })
  .superRefine((v, ctx) => {
    if (v.effectiveTo && v.effectiveTo <= v.effectiveFrom) {
      ctx.addIssue({ code: "custom", path: ["effectiveTo"], message: CAMPAIGN_MSG.authorityToBeforeFrom });
    }
  })
  .transform((v) => ({ ...v, effectiveTo: v.effectiveTo ?? null, issuer: v.issuer ?? "", parentIssuer: v.parentIssuer ?? "" }));
export type AuthorityRuleInput = z.infer<typeof AuthorityRuleInput>;

/** "áp dụng từ ngày 01/07/2025, không thời hạn" */
export function authorityPeriodWords(r: AuthorityPeriod): string {
  const from = `áp dụng từ ngày ${formatDay(r.effectiveFrom)}`;
  return r.effectiveTo ? `${from}, hết hiệu lực từ ngày ${formatDay(r.effectiveTo)}` : `${from}, không thời hạn`;
}

/** An empty issuer is the commune's own People's Committee. */
export const issuerWords = (issuer: string): string => (issuer.trim() === "" ? "UBND xã (tự ban hành)" : issuer);

/** The first rule of the same title whose period shares a day with `candidate`, or null. */
export function authorityOverlap<R extends AuthorityPeriod & { subject: TitleSubject }>(
  rules: readonly R[],
  candidate: AuthorityPeriod & { subject: TitleSubject },
): R | null {
  const end = (p: AuthorityPeriod) => p.effectiveTo?.getTime() ?? Number.POSITIVE_INFINITY;
  return rules.find((r) => r.subject === candidate.subject
    && r.effectiveFrom.getTime() < end(candidate) && candidate.effectiveFrom.getTime() < end(r)) ?? null;
}
