// The rules of the "Xóm văn hóa" and agency titles in pure code: ratio criteria, the council's vote, the council
// dossier's state machine, who decides on a date, and the agencies' 2-then-5-year recognition cycle. Services apply
// them inside their transactions; the household title's rules live in lib/review/rules.ts and are reused here.

import { formatDay, utcDate } from "@/lib/dates";
import { formatPercent } from "@/lib/format";
import { DomainError } from "@/lib/result";
import { compare, firstSubmitDay, meetsThreshold, noticeOpenMessage, OP_SIGN, type Comparator } from "@/lib/review/rules";

export type Subject = "HOUSEHOLD" | "HAMLET" | "AGENCY" | "ENTERPRISE";
export type Metric = "RECOGNISED_HOUSEHOLDS_PCT" | "POOR_NEAR_POOR_PCT" | "CHILDREN_IN_SCHOOL_PCT" | "EMPLOYED_PCT" | "CIVILISED_RITES_PCT";

// ---- Ratio criteria ---------------------------------------------------------------------------------------------

/** A criterion that is a ratio ("tỷ lệ …"): the measured percentage against a threshold the province sets. */
export type RatioCriterion = { code: string; metric: Metric; comparator: Comparator; threshold: number };

export const METRIC_LABEL: Record<Metric, string> = {
  RECOGNISED_HOUSEHOLDS_PCT: "Tỷ lệ hộ được công nhận \u201cGia đình văn hóa\u201d",
  POOR_NEAR_POOR_PCT: "Tỷ lệ hộ nghèo, hộ cận nghèo",
  CHILDREN_IN_SCHOOL_PCT: "Tỷ lệ trẻ em trong độ tuổi đi học được đến trường",
  EMPLOYED_PCT: "Tỷ lệ người trong độ tuổi lao động có việc làm, thu nhập ổn định",
  CIVILISED_RITES_PCT: "Tỷ lệ hộ thực hiện nếp sống văn minh trong việc cưới, việc tang, lễ hội",
};

/** Percentage with two decimals kept (the stored value), null when the base is zero or unknown. */
export function percentOf(part: number | null | undefined, whole: number | null | undefined): number | null {
  if (part === null || part === undefined || whole === null || whole === undefined || whole <= 0) return null;
  return Math.round((part * 10000) / whole) / 100;
}

/** Is a measured percentage within the criterion's threshold? An unknown value never meets it. */
export function ratioMet(criterion: Pick<RatioCriterion, "comparator" | "threshold">, value: number | null | undefined): boolean {
  if (value === null || value === undefined || !Number.isFinite(value)) return false;
  return compare(value, criterion.comparator, criterion.threshold);
}

/** "≥ 70 %", "≤ 5 %": the threshold as the report and the screen show it. */
export function thresholdWords(criterion: Pick<RatioCriterion, "comparator" | "threshold">): string {
  return `${OP_SIGN[criterion.comparator]} ${formatNumber(criterion.threshold)} %`;
}

export function formatNumber(value: number): string {
  return value.toLocaleString("vi-VN", { maximumFractionDigits: 2 });
}

/** What vanhoa knows of a hamlet when its report is first opened; the rest the hamlet head enters. */
export type HamletFacts = {
  totalHouseholds: number;
  recognisedHouseholds: number;
  poorHouseholds: number;
  nearPoorHouseholds: number;
  schoolAgeChildren?: number | null;
  childrenInSchool?: number | null;
};

/** The measured value of a metric from the report's figures; null when the report lacks what it needs. */
export function metricValue(metric: Metric, facts: HamletFacts, entered: Partial<Record<Metric, number | null>> = {}): number | null {
  switch (metric) {
    case "RECOGNISED_HOUSEHOLDS_PCT":
      return percentOf(facts.recognisedHouseholds, facts.totalHouseholds);
    case "POOR_NEAR_POOR_PCT":
      return percentOf(facts.poorHouseholds + facts.nearPoorHouseholds, facts.totalHouseholds);
    case "CHILDREN_IN_SCHOOL_PCT":
      return percentOf(facts.childrenInSchool, facts.schoolAgeChildren);
    default:
      return entered[metric] ?? null;
  }
}

/** Report figures that cannot be true together, by field. */
export function reportErrors(facts: HamletFacts): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (facts.recognisedHouseholds > facts.totalHouseholds) {
    errors.recognisedHouseholds = [`Số hộ \u201cGia đình văn hóa\u201d (${facts.recognisedHouseholds}) không được lớn hơn tổng số hộ (${facts.totalHouseholds}).`];
  }
  if (facts.poorHouseholds + facts.nearPoorHouseholds > facts.totalHouseholds) {
    errors.nearPoorHouseholds = [`Số hộ nghèo và cận nghèo (${facts.poorHouseholds + facts.nearPoorHouseholds}) không được lớn hơn tổng số hộ (${facts.totalHouseholds}).`];
  }
  const school = facts.schoolAgeChildren ?? null;
  const inSchool = facts.childrenInSchool ?? null;
  if (inSchool !== null && school === null) errors.schoolAgeChildren = ["Vui lòng nhập số trẻ em trong độ tuổi đi học."];
  if (inSchool !== null && school !== null && inSchool > school) {
    errors.childrenInSchool = [`Số trẻ được đến trường (${inSchool}) không được lớn hơn số trẻ trong độ tuổi đi học (${school}).`];
  }
  return errors;
}

// ---- The council's vote -------------------------------------------------------------------------------------------

export type CouncilRule = { councilApprovalBase: "PRESENT" | "INVITED"; councilApprovalPct: number; councilApprovalOp: Comparator };
export type CouncilAttendance = { membersTotal: number; membersPresent: number };

/** Attendance that cannot be: nobody present, more present than members. */
export function attendanceErrors(at: CouncilAttendance): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (at.membersTotal < 1) errors.membersTotal = ["Hội đồng phải có ít nhất một thành viên."];
  if (at.membersPresent < 1) errors.membersPresent = ["Vui lòng nhập số thành viên dự họp."];
  else if (at.membersPresent > at.membersTotal) {
    errors.membersPresent = [`Số thành viên dự họp (${at.membersPresent}) không được lớn hơn tổng số thành viên Hội đồng (${at.membersTotal}).`];
  }
  return errors;
}

/** A hamlet's votes: none above the members present, for and against together neither. */
export function councilVoteErrors(present: number, votesFor: number | null | undefined, votesAgainst: number | null | undefined): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (votesFor === null || votesFor === undefined) errors.votesFor = ["Vui lòng nhập số thành viên tán thành."];
  else if (votesFor > present) errors.votesFor = [`Số phiếu tán thành (${votesFor}) không được lớn hơn số thành viên dự họp (${present}).`];
  const against = votesAgainst ?? 0;
  if (against > present) errors.votesAgainst = [`Số phiếu không tán thành (${against}) không được lớn hơn số thành viên dự họp (${present}).`];
  // A total above those present is named at "against" only when "for" alone fits (else that field already says so).
  else if ((votesFor ?? 0) <= present && (votesFor ?? 0) + against > present) {
    errors.votesAgainst = [`Tổng số phiếu (${(votesFor ?? 0) + against}) vượt số thành viên dự họp (${present}).`];
  }
  return errors;
}

/**
 * The council's result for one hamlet: a hamlet whose report leaves a standard unmet is not proposed, whatever the
 * vote; otherwise the vote decides by the year's council rule.
 */
export function councilResult(
  rule: CouncilRule,
  at: CouncilAttendance,
  input: { unmetCodes: string[]; votesFor: number },
): { result: "ACHIEVED" | "NOT_ACHIEVED"; reason: string | null } {
  if (input.unmetCodes.length > 0) return { result: "NOT_ACHIEVED", reason: `Chưa đạt tiêu chí ${input.unmetCodes.join(", ")}.` };
  const base = rule.councilApprovalBase === "PRESENT" ? at.membersPresent : at.membersTotal;
  if (meetsThreshold(input.votesFor, base, rule.councilApprovalPct, rule.councilApprovalOp)) return { result: "ACHIEVED", reason: null };
  return {
    result: "NOT_ACHIEVED",
    reason: `Không đủ tỷ lệ tán thành của Hội đồng: ${input.votesFor}/${base} (${formatPercent(input.votesFor, base)}), cần ${OP_SIGN[rule.councilApprovalOp]} ${rule.councilApprovalPct} %.`,
  };
}

// ---- The council dossier's state machine -------------------------------------------------------------------------

export type CouncilStatus = "MEETING" | "NOTICE" | "PROPOSED" | "DECIDED";
export type CouncilEvent = "saveMeeting" | "vote" | "postNotice" | "reopen" | "resolveComment" | "propose" | "includeInDecision" | "decide";

export const COUNCIL_TRANSITIONS: Record<CouncilStatus, Partial<Record<CouncilEvent, CouncilStatus>>> = {
  MEETING: { saveMeeting: "MEETING", vote: "MEETING", postNotice: "NOTICE" },
  NOTICE: { resolveComment: "NOTICE", reopen: "MEETING", propose: "PROPOSED" },
  PROPOSED: { resolveComment: "PROPOSED", includeInDecision: "PROPOSED", decide: "DECIDED" },
  DECIDED: {},
};

export const COUNCIL_STATUS_LABEL: Record<CouncilStatus, string> = {
  MEETING: "Hội đồng đang bình xét",
  NOTICE: "Đang công khai lấy ý kiến",
  PROPOSED: "Đã lập tờ trình, chờ quyết định",
  DECIDED: "Đã có quyết định",
};

const COUNCIL_REFUSAL: Record<CouncilStatus, string> = {
  MEETING: "Hội đồng chưa công bố kết quả bình xét.",
  NOTICE: "Danh sách đang được công khai; muốn sửa kết quả, hãy mở lại cuộc họp trước.",
  PROPOSED: "Đã lập tờ trình đề nghị công nhận.",
  DECIDED: "Kết quả năm này đã có quyết định công nhận và đã khóa.",
};

/** The next status, or a Vietnamese refusal naming where the dossier stands ("đã được xử lý" for a repeat). */
export function nextCouncilStatus(status: CouncilStatus, event: CouncilEvent): CouncilStatus {
  const next = COUNCIL_TRANSITIONS[status][event];
  if (next === undefined) {
    throw new DomainError("RULE_VIOLATION", `Không thực hiện được: ${COUNCIL_REFUSAL[status]} Thao tác này có thể đã được xử lý.`);
  }
  return next;
}

export function canCouncilDo(status: CouncilStatus, event: CouncilEvent): boolean {
  return COUNCIL_TRANSITIONS[status][event] !== undefined;
}

// ---- Who decides, by date -------------------------------------------------------------------------------------------

export type AuthorityRuleRow = {
  id: string;
  subject: Subject;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  authority: string;
  issuer: string;
  parentIssuer: string;
  legalBasis: string;
};

/**
 * The rule in force for `subject` on `date`: effectiveFrom ≤ date < effectiveTo. Of two overlapping rows the one
 * that started later wins (a newer rule supersedes). Null when no rule covers the date.
 */
export function authorityOn<R extends AuthorityRuleRow>(rules: readonly R[], subject: Subject, date: Date): R | null {
  const t = date.getTime();
  const inForce = rules.filter((r) => r.subject === subject && r.effectiveFrom.getTime() <= t && (r.effectiveTo === null || t < r.effectiveTo.getTime()));
  inForce.sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime());
  return inForce[0] ?? null;
}

/** A rule whose issuer is another body: the commune records that body's decision instead of issuing its own. */
export function isExternal(rule: Pick<AuthorityRuleRow, "issuer">): boolean {
  return rule.issuer.trim() !== "";
}

// ---- Agencies: the recognition cycle -----------------------------------------------------------------------------

export const FIRST_PERIOD_YEARS = 2;
export const RENEWAL_PERIOD_YEARS = 5;

export type Recognition = { kind: "FIRST" | "RENEWAL"; periodFrom: number; periodTo: number };

/**
 * The next recognition an agency works towards. First recognition covers the first two years from registration
 * (registered 2022 → 2022–2023, decided from 2024: "+2 years"); each re-recognition covers the five years after the
 * last recognised period (2024–2028, decided from 2029: every 5 years after the first).
 */
export function nextRecognition(firstRegisteredYear: number, recognitions: readonly Recognition[]): Recognition & { dueYear: number } {
  const last = [...recognitions].sort((a, b) => b.periodTo - a.periodTo)[0];
  if (!last) {
    const periodTo = firstRegisteredYear + FIRST_PERIOD_YEARS - 1;
    return { kind: "FIRST", periodFrom: firstRegisteredYear, periodTo, dueYear: periodTo + 1 };
  }
  const periodFrom = last.periodTo + 1;
  const periodTo = periodFrom + RENEWAL_PERIOD_YEARS - 1;
  return { kind: "RENEWAL", periodFrom, periodTo, dueYear: periodTo + 1 };
}

export type CycleStanding = {
  next: Recognition & { dueYear: number };
  /** due: this year is the due year or later; ready: due and every year of the period was đạt. */
  isDue: boolean;
  isReady: boolean;
  /** Years of the period without a đạt result (missing or không đạt). */
  gaps: number[];
};

/** Where an agency stands in `year`: what it works towards, whether it falls due, and which years fall short. */
export function cycleStanding(
  firstRegisteredYear: number,
  recognitions: readonly Recognition[],
  achievedYears: readonly number[],
  year: number,
): CycleStanding {
  const next = nextRecognition(firstRegisteredYear, recognitions);
  const achieved = new Set(achievedYears);
  const gaps: number[] = [];
  for (let y = next.periodFrom; y <= Math.min(next.periodTo, year); y++) if (!achieved.has(y)) gaps.push(y);
  const isDue = year >= next.dueYear;
  return { next, isDue, isReady: isDue && gaps.length === 0, gaps };
}

/**
 * A recognition's period: two years for the first, five for a renewal, not overlapping an earlier one, and a first
 * recognition only once. (Histories from before the app may start with a renewal.)
 */
export function recognitionPeriodError(kind: Recognition["kind"], periodFrom: number, periodTo: number, previous: readonly Recognition[]): string | null {
  const years = kind === "FIRST" ? FIRST_PERIOD_YEARS : RENEWAL_PERIOD_YEARS;
  if (periodTo - periodFrom + 1 !== years) {
    return kind === "FIRST"
      ? `Công nhận lần đầu tính cho ${years} năm liên tục (ví dụ ${periodFrom}–${periodFrom + years - 1}).`
      : `Công nhận lại tính cho ${years} năm liên tục (ví dụ ${periodFrom}–${periodFrom + years - 1}).`;
  }
  if (kind === "FIRST" && previous.some((p) => p.kind === "FIRST")) return "Đơn vị đã được công nhận lần đầu; lần này là công nhận lại.";
  const overlap = previous.find((p) => periodFrom <= p.periodTo && p.periodFrom <= periodTo);
  if (overlap) return `Giai đoạn ${periodFrom}–${periodTo} trùng với lần công nhận giai đoạn ${overlap.periodFrom}–${overlap.periodTo}.`;
  return null;
}

// ---- "Xóm văn hóa": the hamlet's report and the council's dossier ---------------------------------------------------

/** A criterion of the hamlet checklist as the report reads it; ratio items carry metric, comparator and threshold. */
export type ReportCriterion = { code: string; metric: Metric | null; comparator: Comparator | null; threshold: number | null };

/** A ratio item ("tỷ lệ …") is measured against the province's threshold, never ticked by hand. */
export function isRatioCriterion(c: ReportCriterion): c is ReportCriterion & Omit<RatioCriterion, "code"> {
  return c.metric !== null && c.comparator !== null && c.threshold !== null;
}

/** Metrics vanhoa cannot count from its registers (employment, civilised rites): the hamlet enters the percentage. */
export const ENTERED_METRICS: readonly Metric[] = ["EMPLOYED_PCT", "CIVILISED_RITES_PCT"];
export const isEnteredMetric = (metric: Metric): boolean => ENTERED_METRICS.includes(metric);

/** What the report form says of one criterion: ticked met (plain items), the entered % (entered metrics), a note. */
export type CriterionAnswer = { isMet?: boolean; value?: number | null; note?: string | null };
export type CriterionResultRow = { code: string; value: number | null; isMet: boolean; note: string | null };

/**
 * Each criterion's line in the report (Mẫu 05, Phần II): a ratio item's value comes from the report's figures (or
 * the entered % for employment and civilised rites) and isMet from its threshold; a plain item is what the hamlet
 * ticked. A hamlet with no school-age child keeps none out of school, so that item is met with no value.
 */
export function criterionResults(criteria: readonly ReportCriterion[], facts: HamletFacts, answers: Readonly<Record<string, CriterionAnswer>>): CriterionResultRow[] {
  return criteria.map((c) => {
    const answer = answers[c.code] ?? {};
    const note = answer.note?.trim() || null;
    if (!isRatioCriterion(c)) return { code: c.code, value: null, isMet: answer.isMet === true, note };
    if (c.metric === "CHILDREN_IN_SCHOOL_PCT" && facts.schoolAgeChildren === 0) return { code: c.code, value: null, isMet: true, note };
    const value = metricValue(c.metric, facts, isEnteredMetric(c.metric) ? { [c.metric]: answer.value ?? null } : {});
    return { code: c.code, value, isMet: ratioMet(c, value), note };
  });
}

/** What a ratio item needs and the report lacks, keyed like the form's fields ("criteria.I.1.value"). */
export function ratioInputErrors(criteria: readonly ReportCriterion[], facts: HamletFacts, answers: Readonly<Record<string, CriterionAnswer>>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const c of criteria) {
    if (!isRatioCriterion(c)) continue;
    if (isEnteredMetric(c.metric)) {
      const value = answers[c.code]?.value;
      if (value === null || value === undefined) {
        const label = METRIC_LABEL[c.metric];
        errors[`criteria.${c.code}.value`] = [`Vui lòng nhập ${label.charAt(0).toLowerCase()}${label.slice(1)} (%) cho tiêu chí ${c.code}.`];
      }
    }
    if (c.metric === "CHILDREN_IN_SCHOOL_PCT") {
      const school = facts.schoolAgeChildren ?? null;
      if (school === null) errors.schoolAgeChildren ??= [`Vui lòng nhập số trẻ em trong độ tuổi đi học (tiêu chí ${c.code}).`];
      else if (school > 0 && (facts.childrenInSchool ?? null) === null) {
        errors.childrenInSchool ??= [`Vui lòng nhập số trẻ em được đến trường (tiêu chí ${c.code}).`];
      }
    }
  }
  return errors;
}

export const unmetCodesOf = (rows: readonly Pick<CriterionResultRow, "code" | "isMet">[]): string[] => rows.filter((r) => !r.isMet).map((r) => r.code);

export const UPHELD_COMMENT_REASON = (resolution: string) => `Ý kiến của người dân được chấp nhận: ${resolution}`;

export type HamletOutcome = { result: "ACHIEVED" | "NOT_ACHIEVED"; councilResult: "ACHIEVED" | "NOT_ACHIEVED"; reason: string | null };

/**
 * A hamlet's standing after the council's vote: councilResult by the year's rule; a public comment upheld during the
 * notice turns the result (not what the council voted) to không đạt. A hamlet the council already found không đạt
 * keeps the council's reason, with the upheld comment added after it.
 */
export function hamletOutcome(
  rule: CouncilRule,
  at: CouncilAttendance,
  input: { unmetCodes: string[]; votesFor: number },
  upheldResolution?: string | null,
): HamletOutcome {
  const council = councilResult(rule, at, input);
  if (upheldResolution) {
    const upheld = UPHELD_COMMENT_REASON(upheldResolution);
    return { result: "NOT_ACHIEVED", councilResult: council.result, reason: council.reason ? `${council.reason} ${upheld}` : upheld };
  }
  return { result: council.result, councilResult: council.result, reason: council.reason };
}

/** A registration may be withdrawn until the hamlet sends its report or the council votes on it. */
export function unregisterRefusal(entry: { reportedOn: Date | null; votesFor: number | null }): string | null {
  if (entry.votesFor !== null) return "Không thể hủy đăng ký: Hội đồng thi đua, khen thưởng xã đã biểu quyết đối với xóm này.";
  if (entry.reportedOn !== null) return "Không thể hủy đăng ký: xóm đã gửi báo cáo thành tích năm này.";
  return null;
}

/**
 * The report may change while the council has not met or sits in MEETING (a reopened meeting included); once the
 * results are posted, proposed or decided it is part of the dossier.
 */
export function reportRefusal(councilStatus: CouncilStatus | null, hasVote: boolean): string | null {
  if (councilStatus === null || councilStatus === "MEETING") return null;
  if (councilStatus === "NOTICE") {
    return hasVote
      ? "Không sửa được báo cáo: Hội đồng đã biểu quyết đối với xóm này và kết quả đang được công khai. Muốn sửa, cán bộ văn hóa xã cần mở lại cuộc họp Hội đồng trước."
      : "Không gửi được báo cáo: Hội đồng đã kết thúc biểu quyết và đang công khai kết quả năm này. Liên hệ cán bộ văn hóa xã nếu cần mở lại cuộc họp Hội đồng.";
  }
  return `Không sửa được báo cáo: ${COUNCIL_STATUS_LABEL[councilStatus].toLowerCase()}.`;
}

/** The report is dated from 1 January of the campaign year and not after today. */
export function reportDateError(date: Date, year: number, today: Date): string | undefined {
  if (date < utcDate(year, 1, 1)) return `Ngày báo cáo phải từ ngày 01/01/${year} trở đi.`;
  if (date > today) return `Ngày báo cáo không được sau ngày hôm nay (${formatDay(today)}).`;
  return undefined;
}

/** The council reviews a year's hamlets during that year or in the first quarter of the next. */
export function councilMeetingDateError(date: Date, year: number): string | undefined {
  if (date < utcDate(year, 1, 1) || date > utcDate(year + 1, 3, 31)) {
    return `Ngày họp Hội đồng phải từ 01/01/${year} đến 31/03/${year + 1}.`;
  }
  return undefined;
}

/** The Tờ trình is dated after the notice has ended (firstSubmitDay) and not after today. */
export function proposalDateError(proposalDate: Date, noticeEndsOn: Date, today: Date): string | undefined {
  if (proposalDate < firstSubmitDay(noticeEndsOn)) return noticeOpenMessage(noticeEndsOn);
  if (proposalDate > today) return `Ngày tờ trình không được sau ngày hôm nay (${formatDay(today)}).`;
  return undefined;
}

/** The figures and texts of a saved achievement report (Mẫu 05), as the page and the .docx show them. */
export type ReportFigures = {
  totalHouseholds: number | null;
  recognisedHouseholds: number | null;
  poorHouseholds: number | null;
  nearPoorHouseholds: number | null;
  hasCulturalHouse: boolean | null;
  schoolAgeChildren: number | null;
  childrenInSchool: number | null;
  overview: string | null;
  commitments: string | null;
};
