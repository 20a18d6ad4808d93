import { describe, expect, it } from "vitest";
import {
  approvalWords, CampaignYearInput, CriteriaSetInput, CriterionInput, criterionGroups, quorumWords, RuleSetInput, targetsText, yearFormToObject,
} from "@/lib/campaign/schema";
import { utcDate } from "@/lib/dates";
import { fieldErrorsOf } from "@/lib/result";

// The campaign-setup forms as the browser posts them, parsed the way the actions parse them.

const RULE_SET = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const CRITERIA_SET = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";

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
      ruleSetId: RULE_SET, criteriaSetId: CRITERIA_SET, honourYears: 3, honourQuotaPct: undefined,
    });
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
  });
});

const RULE: Record<string, string> = {
  name: "Theo Nghị định 122/2018 (cũ)",
  legalBasis: "Nghị định số 122/2018/NĐ-CP",
  effectiveFrom: "2024-01-01",
  quorumBase: "INVITED", quorumPct: "60", quorumOp: "GTE",
  approvalBase: "PRESENT", approvalPct: "60", approvalOp: "GTE",
  ballotMethod: "SECRET_BALLOT", registrationRequired: "on", lookbackYears: "1",
};

describe("RuleSetInput", () => {
  const parse = (changes: Record<string, string | undefined> = {}) =>
    RuleSetInput.safeParse(Object.fromEntries(Object.entries({ ...RULE, ...changes }).filter(([, v]) => v !== undefined)));

  it("parses a rule and reads an absent checkbox as no", () => {
    expect(parse().data).toMatchObject({ quorumPct: 60, quorumOp: "GTE", registrationRequired: true, effectiveFrom: utcDate(2024, 1, 1) });
    expect(parse({ registrationRequired: undefined }).data?.registrationRequired).toBe(false);
  });

  it.each([
    ["quorumPct", "0", false], ["quorumPct", "1", true], ["quorumPct", "100", true], ["quorumPct", "101", false],
    ["approvalPct", "0", false], ["approvalPct", "100", true], ["approvalPct", "101", false],
    ["lookbackYears", "0", false], ["lookbackYears", "1", true], ["lookbackYears", "5", true], ["lookbackYears", "6", false],
    ["quorumOp", "LT", false], ["ballotMethod", "LOTTERY", false], ["name", "  ", false], ["legalBasis", "", false],
  ])("%s = %s → valid %s", (field, value, ok) => {
    const result = parse({ [field]: value });
    expect(result.success).toBe(ok);
    if (!result.success) expect(Object.keys(fieldErrorsOf(result.error))).toEqual([field]);
  });

  it("words the thresholds as the page shows them", () => {
    const rule = { quorumBase: "INVITED", quorumPct: 50, quorumOp: "GT", approvalBase: "PRESENT", approvalPct: 50, approvalOp: "GT" } as const;
    expect(quorumWords(rule)).toBe("có mặt > 50 % số người được mời");
    expect(approvalWords(rule)).toBe("tán thành > 50 % số người có mặt");
    expect(quorumWords({ ...rule, quorumBase: "TOTAL_HOUSEHOLDS", quorumOp: "GTE", quorumPct: 60 })).toBe("có mặt ≥ 60 % tổng số hộ");
    expect(targetsText({ targetHouseholdsPct: 90, targetHamletsPct: 90, targetAgenciesPct: 100 })).toBe("90 % hộ · 90 % xóm · 100 % cơ quan");
  });
});

describe("CriterionInput", () => {
  const ITEM = { code: "C4", groupCode: "C", groupTitle: "Gia đình no ấm", kind: "STANDARD", text: "Giữ gìn vệ sinh môi trường.", isVerified: "on" };
  const parse = (changes: Record<string, string | undefined> = {}) =>
    CriterionInput.safeParse(Object.fromEntries(Object.entries({ ...ITEM, ...changes }).filter(([, v]) => v !== undefined)));

  it.each([
    ["C4", true], ["c4", true], [" C12 ", true], ["C", false], ["4", false], ["CC4", false], ["C4a", false], ["C123", false], ["Ç4", false],
  ])("code %j → valid %s", (code, ok) => {
    const result = parse({ code });
    expect(result.success).toBe(ok);
    if (!result.success) expect(fieldErrorsOf(result.error).code).toEqual(["Mã tiêu chí gồm một chữ cái và số thứ tự, ví dụ C4."]);
  });

  it("normalises codes to upper case", () => {
    expect(parse({ code: "c4", groupCode: "c" }).data).toMatchObject({ code: "C4", groupCode: "C" });
  });

  it.each([["AB"], ["1"], [""]])("group code %j is refused", (groupCode) => {
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

  it("lists the groups with their next free code", () => {
    expect(criterionGroups([
      { code: "A1", groupCode: "A", groupTitle: "Nhóm A" },
      { code: "C1", groupCode: "C", groupTitle: "Nhóm C" },
      { code: "C10", groupCode: "C", groupTitle: "Nhóm C" },
      { code: "C3", groupCode: "C", groupTitle: "Nhóm C" },
    ])).toEqual([{ code: "A", title: "Nhóm A", nextCode: "A2" }, { code: "C", title: "Nhóm C", nextCode: "C11" }]);
  });
});

describe("CriteriaSetInput", () => {
  it("requires a name, a legal basis and a date", () => {
    const result = CriteriaSetInput.safeParse({ name: " ", legalBasis: "", effectiveFrom: "" });
    expect(!result.success && Object.keys(fieldErrorsOf(result.error)).sort()).toEqual(["effectiveFrom", "legalBasis", "name"]);
  });
});
