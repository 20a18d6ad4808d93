import { describe, expect, it } from "vitest";
import {
  approvalWords, authorityOverlap, authorityPeriodWords, AuthorityRuleInput, CAMPAIGN_MSG, CampaignYearInput, codeGroup, compareCriteria,
  councilApprovalWords, CriteriaSetInput, CriterionInput, criterionGroups, issuerWords, quorumWords, ratioWords, RuleSetInput, targetsText,
  yearFormToObject,
} from "@/lib/campaign/schema";
import { utcDate } from "@/lib/dates";
import { fieldErrorsOf } from "@/lib/result";

// The campaign-setup forms as the browser posts them, parsed the way the actions parse them.

const RULE_SET = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const CRITERIA_SET = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
const HAMLET_SET = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";

const YEAR: Record<string, string> = {
  year: "2024",
  targetHouseholdsPct: "90",
  targetHamletsPct: "90",
  targetAgenciesPct: "100",
  planNumber: "25/KH-UBND",
  planDate: "2024-03-21",
  planIssuer: "UBND xã Kim Phượng",
  planTitle: "Thực hiện phong trào năm 2024",
  meetingDeadline: "2024-11-15",
  reviewDeadline: "2024-11-25",
  noticeDays: "10",
  decisionDays: "10",
  ruleSetId: RULE_SET,
  criteriaSetId: CRITERIA_SET,
  hamletCriteriaSetId: HAMLET_SET,
  agencyCriteriaSetId: "",
  honourYears: "3",
  honourQuotaPct: "",
  "planRefs.0.issuer": "Ban Chỉ đạo Trung ương",
  "planRefs.0.number": "01/KH-BCĐTW",
  "planRefs.0.date": "2024-02-02",
  "planRefs.0.title": "",
  "planRefs.1.issuer": "UBND tỉnh Thái Nguyên",
  "planRefs.1.number": "45/KH-UBND",
  "planRefs.1.date": "",
};

function form(changes: Record<string, string | undefined> = {}, base: Record<string, string> = YEAR): FormData {
  const fd = new FormData();
  for (const [key, value] of Object.entries({ ...base, ...changes })) if (value !== undefined) fd.append(key, value);
  return fd;
}

const parseYear = (changes: Record<string, string | undefined> = {}) => CampaignYearInput.safeParse(yearFormToObject(form(changes)));

function yearErrors(changes: Record<string, string | undefined>): Record<string, string[]> {
  const result = parseYear(changes);
  expect(result.success).toBe(false);
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("CampaignYearInput", () => {
  it("parses a complete form with its plan rows in order", () => {
    const result = parseYear();
    expect(result.success).toBe(true);
    expect(result.data).toEqual({
      year: 2024, targetHouseholdsPct: 90, targetHamletsPct: 90, targetAgenciesPct: 100,
      planNumber: "25/KH-UBND", planDate: utcDate(2024, 3, 21), planIssuer: "UBND xã Kim Phượng", planTitle: "Thực hiện phong trào năm 2024",
      planRefs: [
        { issuer: "Ban Chỉ đạo Trung ương", number: "01/KH-BCĐTW", date: utcDate(2024, 2, 2), title: undefined },
        { issuer: "UBND tỉnh Thái Nguyên", number: "45/KH-UBND", date: undefined, title: undefined },
      ],
      meetingDeadline: utcDate(2024, 11, 15), reviewDeadline: utcDate(2024, 11, 25), noticeDays: 10, decisionDays: 10,
      ruleSetId: RULE_SET, criteriaSetId: CRITERIA_SET, hamletCriteriaSetId: HAMLET_SET, honourYears: 3, honourQuotaPct: undefined,
    });
    // An empty or absent choice keeps the year's set (a new year: the title's latest).
    expect(result.data?.agencyCriteriaSetId).toBeUndefined();
    expect(result.data?.enterpriseCriteriaSetId).toBeUndefined();
  });

  it("leaves the sets empty when none is picked (a new commune's defaults)", () => {
    const result = parseYear({ ruleSetId: "", criteriaSetId: undefined });
    expect(result.success && result.data.ruleSetId).toBeUndefined();
    expect(result.success && result.data.criteriaSetId).toBeUndefined();
  });

  it.each([
    ["1999", false], ["2000", true], ["2100", true], ["2101", false], ["abcd", false], ["", false],
  ])("year %s → valid %s", (year, ok) => {
    // Deadlines stay inside whatever year is typed, so only the year's own bounds decide.
    const changes = /^\d{4}$/.test(year) ? { year, meetingDeadline: `${year}-11-15`, reviewDeadline: `${year}-11-25` } : { year };
    const result = parseYear(changes);
    expect(result.success).toBe(ok);
    if (!ok && !result.success) expect(fieldErrorsOf(result.error).year?.[0]).toMatch(/năm/i);
  });

  it.each([
    ["0", true], ["100", true], ["101", false], ["-1", false], ["90,5", false], ["", false],
  ])("target %s → valid %s", (pct, ok) => {
    for (const field of ["targetHouseholdsPct", "targetHamletsPct", "targetAgenciesPct"]) {
      const result = parseYear({ [field]: pct });
      expect(result.success).toBe(ok);
      if (!result.success) expect(Object.keys(fieldErrorsOf(result.error))).toEqual([field]);
    }
  });

  // Found by the action fuzzer: "NaN" in the year put "phải nằm trong năm NaN" next to both deadlines.
  it.each(["NaN", "abcd", "1e3", ""])("a year of %j is the year's error alone", (year) => {
    expect(yearErrors({ year })).toEqual({ year: [expect.stringMatching(/năm/i)] });
  });

  it("a deadline that is no date has its own message, not a comparison with it", () => {
    const errors = yearErrors({ meetingDeadline: "2024-02-30" });
    expect(Object.keys(errors)).toEqual(["meetingDeadline"]);
    expect(errors.meetingDeadline).toHaveLength(1);
    expect(errors.meetingDeadline?.[0]).not.toMatch(/NaN|Invalid/);
  });

  it("says which range a target must be in", () => {
    expect(yearErrors({ targetHouseholdsPct: "101" })).toEqual({ targetHouseholdsPct: ["Chỉ tiêu hộ gia đình phải từ 0 đến 100."] });
  });

  it("refuses deadlines outside the year", () => {
    expect(yearErrors({ meetingDeadline: "2023-12-31" })).toEqual({ meetingDeadline: ["Hạn họp bình xét phải nằm trong năm 2024."] });
    expect(yearErrors({ reviewDeadline: "2025-01-01" })).toEqual({ reviewDeadline: ["Hạn hoàn thành bình xét phải nằm trong năm 2024."] });
  });

  it("accepts deadlines on the first and last day of the year, and on the same day", () => {
    expect(parseYear({ meetingDeadline: "2024-01-01", reviewDeadline: "2024-12-31" }).success).toBe(true);
    expect(parseYear({ meetingDeadline: "2024-11-25", reviewDeadline: "2024-11-25" }).success).toBe(true);
  });

  it("refuses a meeting deadline after the review deadline", () => {
    expect(yearErrors({ meetingDeadline: "2024-11-26" })).toEqual({
      meetingDeadline: ["Hạn họp bình xét (26/11/2024) không được sau hạn hoàn thành bình xét (25/11/2024)."],
    });
  });

  it("refuses missing and impossible dates", () => {
    expect(yearErrors({ meetingDeadline: "" }).meetingDeadline).toEqual(["Vui lòng nhập hạn họp bình xét ở xóm."]);
    expect(yearErrors({ reviewDeadline: "2024-02-30" }).reviewDeadline).toEqual(["Hạn hoàn thành bình xét không hợp lệ (ngày/tháng/năm)."]);
    expect(yearErrors({ "planRefs.1.date": "21/03/2024" })["planRefs.1.date"]).toHaveLength(1);
  });

  it.each([
    ["noticeDays", "0", false], ["noticeDays", "1", true], ["noticeDays", "60", true], ["noticeDays", "61", false],
    ["decisionDays", "0", false], ["decisionDays", "60", true], ["decisionDays", "61", false],
    ["honourYears", "1", false], ["honourYears", "2", true], ["honourYears", "10", true], ["honourYears", "11", false],
    ["honourQuotaPct", "0", false], ["honourQuotaPct", "1", true], ["honourQuotaPct", "100", true], ["honourQuotaPct", "101", false],
  ])("%s = %s → valid %s", (field, value, ok) => {
    expect(parseYear({ [field]: value }).success).toBe(ok);
  });

  it("points plan-row errors at the row the user sees", () => {
    expect(yearErrors({ "planRefs.1.issuer": "  ", "planRefs.0.number": "" })).toEqual({
      "planRefs.0.number": ["Vui lòng nhập số kế hoạch."],
      "planRefs.1.issuer": ["Vui lòng nhập cơ quan ban hành."],
    });
  });

  it("refuses a set id that is not a uuid", () => {
    expect(yearErrors({ ruleSetId: "1; drop table" })).toEqual({ ruleSetId: ["Vui lòng chọn bộ quy tắc bình xét."] });
    expect(yearErrors({ hamletCriteriaSetId: "x", enterpriseCriteriaSetId: "1" })).toEqual({
      hamletCriteriaSetId: ["Vui lòng chọn bộ tiêu chí \u201cXóm văn hóa\u201d."],
      enterpriseCriteriaSetId: ["Vui lòng chọn bộ tiêu chí \u201cDoanh nghiệp đạt chuẩn văn hóa\u201d."],
    });
  });
});

const RULE: Record<string, string> = {
  name: "Theo Nghị định 122/2018 (cũ)",
  legalBasis: "Nghị định số 122/2018/NĐ-CP",
  effectiveFrom: "2024-01-01",
  quorumBase: "INVITED", quorumPct: "60", quorumOp: "GTE",
  approvalBase: "PRESENT", approvalPct: "60", approvalOp: "GTE",
  ballotMethod: "SECRET_BALLOT", registrationRequired: "on", lookbackYears: "1",
  hamletRegistrationRequired: "on", councilApprovalBase: "INVITED", councilApprovalPct: "70", councilApprovalOp: "GTE",
};

describe("RuleSetInput", () => {
  const parse = (changes: Record<string, string | undefined> = {}) =>
    RuleSetInput.safeParse(Object.fromEntries(Object.entries({ ...RULE, ...changes }).filter(([, v]) => v !== undefined)));

  it("parses a rule and reads an absent checkbox as no", () => {
    expect(parse().data).toMatchObject({
      quorumPct: 60, quorumOp: "GTE", registrationRequired: true, effectiveFrom: utcDate(2024, 1, 1),
      hamletRegistrationRequired: true, councilApprovalBase: "INVITED", councilApprovalPct: 70, councilApprovalOp: "GTE",
    });
    expect(parse({ registrationRequired: undefined }).data?.registrationRequired).toBe(false);
    expect(parse({ hamletRegistrationRequired: undefined }).data?.hamletRegistrationRequired).toBe(false);
  });

  it.each([
    ["quorumPct", "0", false], ["quorumPct", "1", true], ["quorumPct", "100", true], ["quorumPct", "101", false],
    ["approvalPct", "0", false], ["approvalPct", "100", true], ["approvalPct", "101", false],
    ["lookbackYears", "0", false], ["lookbackYears", "1", true], ["lookbackYears", "5", true], ["lookbackYears", "6", false],
    ["quorumOp", "LT", false], ["ballotMethod", "LOTTERY", false], ["name", "  ", false], ["legalBasis", "", false],
    ["councilApprovalPct", "0", false], ["councilApprovalPct", "1", true], ["councilApprovalPct", "100", true], ["councilApprovalPct", "101", false],
    ["councilApprovalPct", "66,7", false], ["councilApprovalPct", "", false],
    ["councilApprovalOp", "GT", true], ["councilApprovalOp", "LT", false], ["councilApprovalOp", "LTE", false], ["councilApprovalOp", "", false],
    ["councilApprovalBase", "PRESENT", true], ["councilApprovalBase", "TOTAL_HOUSEHOLDS", false],
  ])("%s = %s → valid %s", (field, value, ok) => {
    const result = parse({ [field]: value });
    expect(result.success).toBe(ok);
    if (!result.success) expect(Object.keys(fieldErrorsOf(result.error))).toEqual([field]);
  });

  it.each([
    ["quorumPct", "quorumOp"], ["approvalPct", "approvalOp"], ["councilApprovalPct", "councilApprovalOp"],
  ])("refuses \"> 100 %%\" for %s, which no vote could reach, and takes \"≥ 100 %%\" and \"> 99 %%\"", (pct, op) => {
    const result = parse({ [pct]: "100", [op]: "GT" });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error)).toEqual({ [pct]: [CAMPAIGN_MSG.overHundred] });
    expect(parse({ [pct]: "100", [op]: "GTE" }).success).toBe(true);
    expect(parse({ [pct]: "99", [op]: "GT" }).success).toBe(true);
  });

  it("words the thresholds as the page shows them", () => {
    const rule = { quorumBase: "INVITED", quorumPct: 50, quorumOp: "GT", approvalBase: "PRESENT", approvalPct: 50, approvalOp: "GT" } as const;
    expect(quorumWords(rule)).toBe("có mặt > 50 % số người được mời");
    expect(approvalWords(rule)).toBe("tán thành > 50 % số người có mặt");
    expect(quorumWords({ ...rule, quorumBase: "TOTAL_HOUSEHOLDS", quorumOp: "GTE", quorumPct: 60 })).toBe("có mặt ≥ 60 % tổng số hộ");
    expect(targetsText({ targetHouseholdsPct: 90, targetHamletsPct: 90, targetAgenciesPct: 100 })).toBe("90 % hộ · 90 % xóm · 100 % cơ quan");
    expect(councilApprovalWords({ councilApprovalBase: "PRESENT", councilApprovalPct: 50, councilApprovalOp: "GT" })).toBe("tán thành > 50 % số thành viên dự họp");
    expect(councilApprovalWords({ councilApprovalBase: "INVITED", councilApprovalPct: 70, councilApprovalOp: "GTE" }))
      .toBe("tán thành ≥ 70 % tổng số thành viên Hội đồng");
  });
});

describe("CriterionInput", () => {
  const ITEM = { code: "C4", groupCode: "C", groupTitle: "Gia đình no ấm", kind: "STANDARD", text: "Giữ gìn vệ sinh môi trường.", isVerified: "on" };
  const parse = (changes: Record<string, string | undefined> = {}) =>
    CriterionInput.safeParse(Object.fromEntries(Object.entries({ ...ITEM, ...changes }).filter(([, v]) => v !== undefined)));

  it.each([
    ["C4", true], ["c4", true], [" C12 ", true], ["C", false], ["CC4", false], ["C4a", false], ["C123", false], ["Ç4", false], ["C.", false], ["C4.1", false],
  ])("code %j → valid %s", (code, ok) => {
    const result = parse({ code });
    expect(result.success).toBe(ok);
    if (!result.success) expect(fieldErrorsOf(result.error).code).toEqual(["Mã tiêu chí gồm mã nhóm và số thứ tự, ví dụ C4, II.3 hoặc 2."]);
  });

  it.each([
    ["II.3", "II", true], ["ii.3", "ii", true], ["I.1", "I", true], ["V.2", "V", true], ["2", "2", true], ["2.1", "2", true],
    ["II.3", "I", false], ["III.1", "II", false], ["2", "C", false], ["3.1", "2", false], ["C4", "II", false],
  ])("code %s in group %s → valid %s (the other titles number their items so)", (code, groupCode, ok) => {
    const result = parse({ code, groupCode });
    expect(result.success).toBe(ok);
    if (!result.success) expect(fieldErrorsOf(result.error).code?.[0]).toMatch(/^Mã tiêu chí phải bắt đầu bằng mã nhóm/);
  });

  it("gives an example in the group's own style", () => {
    const mismatch = (code: string, groupCode: string) => {
      const result = parse({ code, groupCode });
      return result.success ? undefined : fieldErrorsOf(result.error).code;
    };
    expect(mismatch("II.3", "IV")).toEqual(["Mã tiêu chí phải bắt đầu bằng mã nhóm IV (ví dụ IV.1)."]);
    expect(mismatch("4", "2")).toEqual(["Mã tiêu chí phải bắt đầu bằng mã nhóm 2 (ví dụ 2.1)."]);
    expect(codeGroup("II.3")).toBe("II");
    expect(codeGroup("C12")).toBe("C");
    expect(codeGroup("2")).toBe("2");
  });

  it("normalises codes to upper case", () => {
    expect(parse({ code: "c4", groupCode: "c" }).data).toMatchObject({ code: "C4", groupCode: "C" });
  });

  it.each([["AB"], ["1A"], ["123"], ["IIIIIII"], ["Đ"], [""]])("group code %j is refused", (groupCode) => {
    expect(parse({ groupCode }).success).toBe(false);
  });

  it("wants the code to start with its group", () => {
    const result = parse({ code: "B4" });
    expect(!result.success && fieldErrorsOf(result.error)).toEqual({ code: ["Mã tiêu chí phải bắt đầu bằng mã nhóm C (ví dụ C1)."] });
  });

  it("requires a category for an exclusion and drops it for a standard item", () => {
    const missing = parse({ code: "E5", groupCode: "E", kind: "EXCLUSION" });
    expect(!missing.success && fieldErrorsOf(missing.error)).toEqual({ category: ["Tiêu chí loại trừ cần chọn trường hợp vi phạm (E1–E4)."] });
    expect(parse({ code: "E5", groupCode: "E", kind: "EXCLUSION", category: "E4" }).data?.category).toBe("E4");
    expect(parse({ category: "E4" }).data?.category).toBeUndefined();
    expect(parse({ code: "E5", groupCode: "E", kind: "EXCLUSION", category: "E9" }).success).toBe(false);
  });

  it("reads an absent verified box as 'needs checking'", () => {
    expect(parse({ isVerified: undefined }).data?.isVerified).toBe(false);
  });

  it("takes a ratio item with all of metric, comparator and threshold", () => {
    const result = parse({ code: "C5", metric: "POOR_NEAR_POOR_PCT", comparator: "LTE", threshold: "15" });
    expect(result.data).toMatchObject({ metric: "POOR_NEAR_POOR_PCT", comparator: "LTE", threshold: 15 });
    expect(parse({ metric: "EMPLOYED_PCT", comparator: "GTE", threshold: "92,5" }).data?.threshold).toBe(92.5);
    expect(parse({ metric: "EMPLOYED_PCT", comparator: "GT", threshold: "92.55" }).data?.threshold).toBe(92.55);
    expect(parse({ metric: "", comparator: "", threshold: "" }).data).toMatchObject({ metric: undefined, comparator: undefined, threshold: undefined });
  });

  it.each([
    [{ metric: "EMPLOYED_PCT" }, ["comparator", "threshold"]],
    [{ comparator: "GTE" }, ["metric", "threshold"]],
    [{ threshold: "80" }, ["metric", "comparator"]],
    [{ metric: "EMPLOYED_PCT", comparator: "GTE" }, ["threshold"]],
    [{ metric: "EMPLOYED_PCT", threshold: "0" }, ["comparator"]],
  ])("asks for all three ratio fields or none: %j", (given, missing) => {
    const result = parse(given);
    expect(result.success).toBe(false);
    const errors = result.success ? {} : fieldErrorsOf(result.error);
    expect(errors).toEqual(Object.fromEntries(missing.map((f) => [f, [CAMPAIGN_MSG.ratioIncomplete]])));
    expect(CAMPAIGN_MSG.ratioIncomplete).toBe("Chỉ tiêu tỷ lệ cần đủ: chỉ số, phép so sánh và ngưỡng.");
  });

  it.each([
    ["0", true], ["100", true], ["100,00", true], ["99.99", true], ["100.01", false], ["101", false], ["-1", false], ["90,555", false],
    ["1e2", false], ["abc", false], ["9 0", false],
  ])("threshold %j → valid %s", (threshold, ok) => {
    const result = parse({ metric: "CIVILISED_RITES_PCT", comparator: "GTE", threshold });
    expect(result.success).toBe(ok);
    if (!result.success) expect(Object.keys(fieldErrorsOf(result.error))).toEqual(["threshold"]);
  });

  it.each([
    ["GT", "100", false], ["GT", "100,00", false], ["LT", "0", false], ["GTE", "100", true], ["LTE", "0", true], ["GT", "99,99", true], ["LT", "0,01", true],
  ])("a ratio %s %s that no hamlet could ever meet → valid %s", (comparator, threshold, ok) => {
    const result = parse({ metric: "POOR_NEAR_POOR_PCT", comparator, threshold });
    expect(result.success).toBe(ok);
    if (!result.success) expect(fieldErrorsOf(result.error)).toEqual({ threshold: [CAMPAIGN_MSG.neverMet] });
  });

  it.each([[{ metric: "UNKNOWN_PCT" }, "metric"], [{ comparator: "EQ" }, "comparator"]])("refuses an unknown %j", (given, field) => {
    const result = parse({ metric: "EMPLOYED_PCT", comparator: "GTE", threshold: "80", ...given });
    expect(!result.success && Object.keys(fieldErrorsOf(result.error))).toEqual([field]);
  });

  it("drops ratio fields of an exclusion (they are not shown for one)", () => {
    const result = parse({ code: "E5", groupCode: "E", kind: "EXCLUSION", category: "E4", metric: "EMPLOYED_PCT" });
    expect(result.data).toMatchObject({ category: "E4", metric: undefined, comparator: undefined, threshold: undefined });
  });

  it("words a ratio item as the page shows it", () => {
    expect(ratioWords({ metric: "POOR_NEAR_POOR_PCT", comparator: "LTE", threshold: 15 })).toBe("Tỷ lệ hộ nghèo, hộ cận nghèo ≤ 15 %");
    expect(ratioWords({ metric: "EMPLOYED_PCT", comparator: "GTE", threshold: 92.5 })).toMatch(/≥ 92,5 %$/);
  });

  it("orders items by group and number in every numbering style", () => {
    const codes = (items: [string, string][]) => items.map(([code, groupCode]) => ({ code, groupCode })).sort(compareCriteria).map((i) => i.code);
    expect(codes([["C10", "C"], ["E1", "E"], ["C2", "C"], ["A1", "A"]])).toEqual(["A1", "C2", "C10", "E1"]);
    expect(codes([["V.1", "V"], ["II.10", "II"], ["IV.1", "IV"], ["I.2", "I"], ["II.2", "II"], ["III.1", "III"], ["I.1", "I"]]))
      .toEqual(["I.1", "I.2", "II.2", "II.10", "III.1", "IV.1", "V.1"]);
    expect(codes([["10", "10"], ["2.1", "2"], ["2", "2"], ["1", "1"]])).toEqual(["1", "2", "2.1", "10"]);
  });

  it("lists the groups with their next free code", () => {
    expect(criterionGroups([
      { code: "A1", groupCode: "A", groupTitle: "Nhóm A" },
      { code: "C1", groupCode: "C", groupTitle: "Nhóm C" },
      { code: "C10", groupCode: "C", groupTitle: "Nhóm C" },
      { code: "C3", groupCode: "C", groupTitle: "Nhóm C" },
    ])).toEqual([{ code: "A", title: "Nhóm A", nextCode: "A2" }, { code: "C", title: "Nhóm C", nextCode: "C11" }]);
    expect(criterionGroups([
      { code: "I.1", groupCode: "I", groupTitle: "Kinh tế" },
      { code: "II.6", groupCode: "II", groupTitle: "Văn hóa" },
      { code: "II.2", groupCode: "II", groupTitle: "Văn hóa" },
      { code: "2", groupCode: "2", groupTitle: "Nếp sống" },
    ])).toEqual([
      { code: "I", title: "Kinh tế", nextCode: "I.2" }, { code: "II", title: "Văn hóa", nextCode: "II.7" }, { code: "2", title: "Nếp sống", nextCode: "2.1" },
    ]);
  });
});

describe("CriteriaSetInput", () => {
  it("requires a name, a legal basis and a date", () => {
    const result = CriteriaSetInput.safeParse({ name: " ", legalBasis: "", effectiveFrom: "" });
    expect(!result.success && Object.keys(fieldErrorsOf(result.error)).sort()).toEqual(["effectiveFrom", "legalBasis", "name"]);
  });
});

describe("AuthorityRuleInput", () => {
  const RULE = {
    subject: "HAMLET", effectiveFrom: "2025-07-01", effectiveTo: "", authority: "Chủ tịch Ủy ban nhân dân xã Kim Phượng", issuer: "", parentIssuer: "",
    legalBasis: "Nghị định số 129/2025/NĐ-CP",
  };
  const parse = (changes: Record<string, string | undefined> = {}) =>
    AuthorityRuleInput.safeParse(Object.fromEntries(Object.entries({ ...RULE, ...changes }).filter(([, v]) => v !== undefined)));

  it("parses a rule of the commune itself: no end, no issuer", () => {
    expect(parse().data).toEqual({
      subject: "HAMLET", effectiveFrom: utcDate(2025, 7, 1), effectiveTo: null, authority: RULE.authority, issuer: "", parentIssuer: "", legalBasis: RULE.legalBasis,
    });
  });

  it("wants the end after the start", () => {
    expect(parse({ effectiveTo: "2025-07-02" }).data?.effectiveTo).toEqual(utcDate(2025, 7, 2));
    for (const effectiveTo of ["2025-07-01", "2025-06-30"]) {
      const result = parse({ effectiveTo });
      expect(!result.success && fieldErrorsOf(result.error)).toEqual({ effectiveTo: [CAMPAIGN_MSG.authorityToBeforeFrom] });
    }
  });

  it.each([["subject", "VILLAGE"], ["subject", ""], ["effectiveFrom", ""], ["effectiveFrom", "01/07/2025"], ["authority", " "], ["legalBasis", ""]])(
    "refuses %s = %j at that field",
    (field, value) => {
      const result = parse({ [field]: value });
      expect(!result.success && Object.keys(fieldErrorsOf(result.error))).toEqual([field]);
    },
  );

  const rule = (subject: "HAMLET" | "AGENCY", from: Date, to: Date | null) => ({ subject, effectiveFrom: from, effectiveTo: to, authority: "A" });
  const district = rule("HAMLET", utcDate(2018, 11, 1), utcDate(2025, 7, 1));
  const commune = rule("HAMLET", utcDate(2025, 7, 1), null);

  it.each([
    ["ends the day the other starts", rule("HAMLET", utcDate(2017, 1, 1), utcDate(2018, 11, 1)), null],
    ["starts inside another", rule("HAMLET", utcDate(2020, 1, 1), utcDate(2021, 1, 1)), district],
    ["covers another", rule("HAMLET", utcDate(2010, 1, 1), utcDate(2030, 1, 1)), district],
    ["open-ended over an open-ended one", rule("HAMLET", utcDate(2030, 1, 1), null), commune],
    ["another title", rule("AGENCY", utcDate(2020, 1, 1), null), null],
  ])("overlap: a rule that %s", (_case, candidate, expected) => {
    expect(authorityOverlap([district, commune], candidate)).toBe(expected);
  });

  it("words periods and issuers as the page shows them", () => {
    expect(authorityPeriodWords(district)).toBe("áp dụng từ ngày 01/11/2018, hết hiệu lực từ ngày 01/07/2025");
    expect(authorityPeriodWords(commune)).toBe("áp dụng từ ngày 01/07/2025, không thời hạn");
    expect(issuerWords("")).toBe("UBND xã (tự ban hành)");
    expect(issuerWords("Ủy ban nhân dân huyện Định Hóa")).toBe("Ủy ban nhân dân huyện Định Hóa");
  });
});
