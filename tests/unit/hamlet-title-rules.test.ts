import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates";
import { DomainError } from "@/lib/result";
import { noticeOpenMessage } from "@/lib/review/rules";
import {
  COUNCIL_TRANSITIONS, attendanceErrors, canCouncilDo, councilMeetingDateError, councilResult, councilVoteErrors, criterionResults, hamletOutcome,
  isRatioCriterion, metricValue, nextCouncilStatus, percentOf, proposalDateError, ratioInputErrors, ratioMet, reportDateError, reportErrors,
  reportRefusal, thresholdWords, unmetCodesOf, unregisterRefusal, type CouncilEvent, type CouncilRule, type CouncilStatus, type HamletFacts,
  type ReportCriterion,
} from "@/lib/titles/rules";

// The "Xóm văn hóa" rules: ratio criteria against their thresholds, impossible report figures, the council's vote
// and its dossier's state machine, and the refusals the services apply.

const facts = (over: Partial<HamletFacts> = {}): HamletFacts => ({
  totalHouseholds: 100, recognisedHouseholds: 80, poorHouseholds: 5, nearPoorHouseholds: 5, schoolAgeChildren: 40, childrenInSchool: 40, ...over,
});

const rule = (over: Partial<CouncilRule> = {}): CouncilRule => ({ councilApprovalBase: "PRESENT", councilApprovalPct: 50, councilApprovalOp: "GT", ...over });

describe("percentOf", () => {
  it.each([
    [80, 100, 80],
    [1, 3, 33.33],
    [2, 3, 66.67],
    [0, 10, 0],
    [7, 7, 100],
  ])("%i of %i is %d %%", (part, whole, expected) => {
    expect(percentOf(part, whole)).toBe(expected);
  });

  it.each([
    [5, 0],
    [5, null],
    [null, 10],
    [undefined, 10],
    [5, -1],
  ])("%s of %s is unknown (null)", (part, whole) => {
    expect(percentOf(part, whole)).toBeNull();
  });
});

describe("ratioMet at the threshold", () => {
  it.each([
    [80, "GTE", 80, true],
    [79.99, "GTE", 80, false],
    [80, "GT", 80, false],
    [80.01, "GT", 80, true],
    [15, "LTE", 15, true],
    [15.01, "LTE", 15, false],
    [15, "LT", 15, false],
    [14.99, "LT", 15, true],
    [100, "GTE", 100, true],
  ] as const)("%d %s %d → %s", (value, comparator, threshold, expected) => {
    expect(ratioMet({ comparator, threshold }, value)).toBe(expected);
  });

  it.each([null, undefined, Number.NaN, Number.POSITIVE_INFINITY])("an unknown value (%s) never meets it", (value) => {
    expect(ratioMet({ comparator: "LTE", threshold: 100 }, value)).toBe(false);
  });

  it("words the threshold as the report shows it", () => {
    expect(thresholdWords({ comparator: "GTE", threshold: 80 })).toBe("≥ 80 %");
    expect(thresholdWords({ comparator: "LTE", threshold: 12.5 })).toBe("≤ 12,5 %");
  });
});

describe("metricValue", () => {
  it("counts the GĐVH rate over every active household", () => {
    expect(metricValue("RECOGNISED_HOUSEHOLDS_PCT", facts({ recognisedHouseholds: 7, totalHouseholds: 9 }))).toBe(77.78);
  });

  it("adds poor and near-poor households", () => {
    expect(metricValue("POOR_NEAR_POOR_PCT", facts({ poorHouseholds: 3, nearPoorHouseholds: 9, totalHouseholds: 120 }))).toBe(10);
  });

  it("takes children in school over school-age children, unknown without them", () => {
    expect(metricValue("CHILDREN_IN_SCHOOL_PCT", facts({ schoolAgeChildren: 50, childrenInSchool: 49 }))).toBe(98);
    expect(metricValue("CHILDREN_IN_SCHOOL_PCT", facts({ schoolAgeChildren: null, childrenInSchool: null }))).toBeNull();
  });

  it("uses the entered % for employment and civilised rites, unknown when none was entered", () => {
    expect(metricValue("EMPLOYED_PCT", facts(), { EMPLOYED_PCT: 85.5 })).toBe(85.5);
    expect(metricValue("CIVILISED_RITES_PCT", facts(), { CIVILISED_RITES_PCT: 92 })).toBe(92);
    expect(metricValue("EMPLOYED_PCT", facts())).toBeNull();
  });

  it("is unknown for a hamlet without households", () => {
    expect(metricValue("RECOGNISED_HOUSEHOLDS_PCT", facts({ totalHouseholds: 0, recognisedHouseholds: 0 }))).toBeNull();
  });
});

describe("reportErrors", () => {
  it("accepts figures that can be true together", () => {
    expect(reportErrors(facts())).toEqual({});
    expect(reportErrors(facts({ recognisedHouseholds: 100, poorHouseholds: 50, nearPoorHouseholds: 50 }))).toEqual({});
  });

  it("refuses more GĐVH households than households", () => {
    expect(reportErrors(facts({ recognisedHouseholds: 101 }))).toEqual({
      recognisedHouseholds: [expect.stringContaining("(101) không được lớn hơn tổng số hộ (100)")],
    });
  });

  it("refuses more poor and near-poor households than households, at the near-poor field", () => {
    expect(reportErrors(facts({ poorHouseholds: 60, nearPoorHouseholds: 41 }))).toEqual({ nearPoorHouseholds: [expect.stringContaining("(101)")] });
  });

  it("refuses more children in school than of school age, and a count in school without the school-age count", () => {
    expect(reportErrors(facts({ schoolAgeChildren: 40, childrenInSchool: 41 })).childrenInSchool).toEqual([expect.stringContaining("(41)")]);
    expect(reportErrors(facts({ schoolAgeChildren: null, childrenInSchool: 3 })).schoolAgeChildren).toEqual([expect.stringContaining("Vui lòng nhập")]);
  });
});

// ---- The report's criteria ------------------------------------------------------------------------------------------

const CRITERIA: ReportCriterion[] = [
  { code: "I.1", metric: "EMPLOYED_PCT", comparator: "GTE", threshold: 80 },
  { code: "I.2", metric: "POOR_NEAR_POOR_PCT", comparator: "LTE", threshold: 15 },
  { code: "I.3", metric: null, comparator: null, threshold: null },
  { code: "II.2", metric: "CHILDREN_IN_SCHOOL_PCT", comparator: "GTE", threshold: 100 },
  { code: "V.2", metric: "RECOGNISED_HOUSEHOLDS_PCT", comparator: "GTE", threshold: 70 },
];

describe("criterionResults", () => {
  it("computes every ratio item from the figures and takes plain items as ticked", () => {
    const rows = criterionResults(CRITERIA, facts(), { "I.1": { value: 85 }, "I.3": { isMet: true, note: "  Nghề mây tre đan " } });
    expect(rows).toEqual([
      { code: "I.1", value: 85, isMet: true, note: null },
      { code: "I.2", value: 10, isMet: true, note: null },
      { code: "I.3", value: null, isMet: true, note: "Nghề mây tre đan" },
      { code: "II.2", value: 100, isMet: true, note: null },
      { code: "V.2", value: 80, isMet: true, note: null },
    ]);
    expect(unmetCodesOf(rows)).toEqual([]);
  });

  it("a ratio item is never ticked by hand: an isMet sent for it is ignored", () => {
    const rows = criterionResults(CRITERIA, facts({ recognisedHouseholds: 69 }), { "V.2": { isMet: true }, "I.1": { value: 79.99, isMet: true } });
    expect(rows.find((r) => r.code === "V.2")).toMatchObject({ value: 69, isMet: false });
    expect(rows.find((r) => r.code === "I.1")).toMatchObject({ value: 79.99, isMet: false });
  });

  it("an unticked plain item and a missing entered % are not met", () => {
    const rows = criterionResults(CRITERIA, facts(), {});
    expect(unmetCodesOf(rows)).toEqual(["I.1", "I.3"]);
  });

  it("poor households above the ceiling fail the LTE item", () => {
    const rows = criterionResults(CRITERIA, facts({ poorHouseholds: 10, nearPoorHouseholds: 6 }), { "I.1": { value: 90 }, "I.3": { isMet: true } });
    expect(rows.find((r) => r.code === "I.2")).toEqual({ code: "I.2", value: 16, isMet: false, note: null });
    expect(unmetCodesOf(rows)).toEqual(["I.2"]);
  });

  it("a hamlet with no school-age child meets the schooling item with no value", () => {
    const rows = criterionResults(CRITERIA, facts({ schoolAgeChildren: 0, childrenInSchool: 0 }), {});
    expect(rows.find((r) => r.code === "II.2")).toEqual({ code: "II.2", value: null, isMet: true, note: null });
  });

  it("tells ratio items from plain ones", () => {
    expect(CRITERIA.map(isRatioCriterion)).toEqual([true, true, false, true, true]);
    expect(isRatioCriterion({ code: "X", metric: "EMPLOYED_PCT", comparator: null, threshold: 80 })).toBe(false);
  });
});

describe("ratioInputErrors", () => {
  it("asks for the entered % at the criterion's field and the children counts", () => {
    expect(ratioInputErrors(CRITERIA, facts({ schoolAgeChildren: null, childrenInSchool: null }), {})).toEqual({
      "criteria.I.1.value": [expect.stringContaining("tỷ lệ người trong độ tuổi lao động")],
      schoolAgeChildren: [expect.stringContaining("II.2")],
    });
    expect(ratioInputErrors(CRITERIA, facts({ schoolAgeChildren: 12, childrenInSchool: null }), { "I.1": { value: 80 } })).toEqual({
      childrenInSchool: [expect.stringContaining("II.2")],
    });
  });

  it("is satisfied by a complete report, and by zero school-age children", () => {
    expect(ratioInputErrors(CRITERIA, facts(), { "I.1": { value: 0 } })).toEqual({});
    expect(ratioInputErrors(CRITERIA, facts({ schoolAgeChildren: 0, childrenInSchool: null }), { "I.1": { value: 80 } })).toEqual({});
  });
});

// ---- The council ---------------------------------------------------------------------------------------------------

describe("attendanceErrors", () => {
  it.each([
    [9, 7, {}],
    [9, 9, {}],
    [9, 10, { membersPresent: [expect.stringContaining("(10) không được lớn hơn tổng số thành viên Hội đồng (9)")] }],
    [9, 0, { membersPresent: [expect.stringContaining("Vui lòng nhập")] }],
    [0, 0, { membersTotal: [expect.any(String)], membersPresent: [expect.any(String)] }],
  ])("%i members, %i present", (membersTotal, membersPresent, expected) => {
    expect(attendanceErrors({ membersTotal, membersPresent })).toEqual(expected);
  });
});

describe("councilVoteErrors", () => {
  it("accepts votes within those present", () => {
    expect(councilVoteErrors(12, 12, 0)).toEqual({});
    expect(councilVoteErrors(12, 7, 5)).toEqual({});
    expect(councilVoteErrors(12, 0, null)).toEqual({});
  });

  it("refuses more votes for than members present, in words that say how to fix it", () => {
    expect(councilVoteErrors(12, 15, 0)).toEqual({ votesFor: ["Số phiếu tán thành (15) không được lớn hơn số thành viên dự họp (12)."] });
  });

  it("refuses votes against above those present, and a total above them", () => {
    expect(councilVoteErrors(12, 2, 13).votesAgainst).toEqual([expect.stringContaining("(13)")]);
    expect(councilVoteErrors(12, 8, 5)).toEqual({ votesAgainst: ["Tổng số phiếu (13) vượt số thành viên dự họp (12)."] });
  });

  it("asks for the votes for", () => {
    expect(councilVoteErrors(12, null, 3).votesFor).toEqual([expect.stringContaining("Vui lòng nhập")]);
  });
});

describe("councilResult", () => {
  const at = { membersTotal: 15, membersPresent: 12 };

  it.each([
    [rule(), 7, "ACHIEVED"], // 7/12 > 50 %
    [rule(), 6, "NOT_ACHIEVED"], // 6/12 is not > 50 %
    [rule({ councilApprovalOp: "GTE" }), 6, "ACHIEVED"],
    [rule({ councilApprovalBase: "INVITED" }), 7, "NOT_ACHIEVED"], // 7/15
    [rule({ councilApprovalBase: "INVITED" }), 8, "ACHIEVED"], // 8/15
    [rule({ councilApprovalPct: 70, councilApprovalOp: "GTE" }), 9, "ACHIEVED"], // 75 %
    [rule({ councilApprovalPct: 70, councilApprovalOp: "GTE" }), 8, "NOT_ACHIEVED"], // 66.7 %
  ] as const)("%o with %i votes for → %s", (r, votesFor, expected) => {
    expect(councilResult(r, at, { unmetCodes: [], votesFor }).result).toBe(expected);
  });

  it("says why a vote falls short", () => {
    expect(councilResult(rule(), at, { unmetCodes: [], votesFor: 6 })).toEqual({
      result: "NOT_ACHIEVED", reason: "Không đủ tỷ lệ tán thành của Hội đồng: 6/12 (50,0 %), cần > 50 %.",
    });
  });

  it("an unmet criterion decides whatever the vote", () => {
    expect(councilResult(rule(), at, { unmetCodes: ["I.2", "V.2"], votesFor: 12 })).toEqual({ result: "NOT_ACHIEVED", reason: "Chưa đạt tiêu chí I.2, V.2." });
  });
});

describe("hamletOutcome", () => {
  const at = { membersTotal: 15, membersPresent: 12 };

  it("is the council's result without an upheld comment", () => {
    expect(hamletOutcome(rule(), at, { unmetCodes: [], votesFor: 10 })).toEqual({ result: "ACHIEVED", councilResult: "ACHIEVED", reason: null });
  });

  it("an upheld comment turns the result, not what the council voted", () => {
    expect(hamletOutcome(rule(), at, { unmetCodes: [], votesFor: 10 }, "Xóm còn tụ điểm cờ bạc")).toEqual({
      result: "NOT_ACHIEVED", councilResult: "ACHIEVED", reason: "Ý kiến của người dân được chấp nhận: Xóm còn tụ điểm cờ bạc",
    });
  });

  it("an upheld comment on a hamlet the council found không đạt keeps the council's reason and adds the comment's", () => {
    expect(hamletOutcome(rule(), at, { unmetCodes: ["II.3"], votesFor: 10 }, "Xóm còn tụ điểm cờ bạc")).toEqual({
      result: "NOT_ACHIEVED", councilResult: "NOT_ACHIEVED",
      reason: "Chưa đạt tiêu chí II.3. Ý kiến của người dân được chấp nhận: Xóm còn tụ điểm cờ bạc",
    });
  });
});

describe("the council dossier's state machine", () => {
  const statuses = Object.keys(COUNCIL_TRANSITIONS) as CouncilStatus[];
  const events: CouncilEvent[] = ["saveMeeting", "vote", "postNotice", "reopen", "resolveComment", "propose", "includeInDecision", "decide"];
  const allowed: [CouncilStatus, CouncilEvent, CouncilStatus][] = [
    ["MEETING", "saveMeeting", "MEETING"],
    ["MEETING", "vote", "MEETING"],
    ["MEETING", "postNotice", "NOTICE"],
    ["NOTICE", "resolveComment", "NOTICE"],
    ["NOTICE", "reopen", "MEETING"],
    ["NOTICE", "propose", "PROPOSED"],
    ["PROPOSED", "resolveComment", "PROPOSED"],
    ["PROPOSED", "includeInDecision", "PROPOSED"],
    ["PROPOSED", "decide", "DECIDED"],
  ];

  it.each(allowed)("%s + %s → %s", (status, event, next) => {
    expect(nextCouncilStatus(status, event)).toBe(next);
    expect(canCouncilDo(status, event)).toBe(true);
  });

  const refused = statuses.flatMap((s) => events.filter((e) => !allowed.some(([a, b]) => a === s && b === e)).map((e) => [s, e] as const));
  it.each(refused)("%s + %s is refused with where the dossier stands", (status, event) => {
    expect(canCouncilDo(status, event)).toBe(false);
    let error: unknown;
    try {
      nextCouncilStatus(status, event);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "RULE_VIOLATION", message: expect.stringContaining("đã được xử lý") });
  });

  it("votes are refused once the results are posted", () => {
    expect(() => nextCouncilStatus("NOTICE", "vote")).toThrow(/mở lại cuộc họp/);
  });
});

// ---- Refusals and dates ------------------------------------------------------------------------------------------

describe("unregisterRefusal", () => {
  it.each([
    [{ reportedOn: null, votesFor: null }, null],
    [{ reportedOn: utcDate(2024, 10, 1), votesFor: null }, "báo cáo thành tích"],
    [{ reportedOn: utcDate(2024, 10, 1), votesFor: 9 }, "biểu quyết"],
  ])("%o → %s", (entry, expected) => {
    const refusal = unregisterRefusal(entry);
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toContain(expected);
  });
});

describe("reportRefusal", () => {
  it("allows the report before the council meets and while it meets, a vote cast included", () => {
    expect(reportRefusal(null, false)).toBeNull();
    expect(reportRefusal("MEETING", false)).toBeNull();
    expect(reportRefusal("MEETING", true)).toBeNull();
  });

  it("refuses once the results are posted, saying to reopen the meeting when the hamlet was voted", () => {
    expect(reportRefusal("NOTICE", true)).toContain("mở lại cuộc họp Hội đồng");
    expect(reportRefusal("NOTICE", false)).toContain("đang công khai");
    expect(reportRefusal("PROPOSED", true)).toContain("đã lập tờ trình");
    expect(reportRefusal("DECIDED", false)).toContain("đã có quyết định");
  });
});

describe("dates", () => {
  const today = utcDate(2024, 11, 20);

  it("the report is dated in the year and not after today", () => {
    expect(reportDateError(utcDate(2024, 11, 20), 2024, today)).toBeUndefined();
    expect(reportDateError(utcDate(2023, 12, 31), 2024, today)).toContain("01/01/2024");
    expect(reportDateError(utcDate(2024, 11, 21), 2024, today)).toContain("20/11/2024");
  });

  it("the council meets in the year or the first quarter of the next", () => {
    expect(councilMeetingDateError(utcDate(2024, 1, 1), 2024)).toBeUndefined();
    expect(councilMeetingDateError(utcDate(2025, 3, 31), 2024)).toBeUndefined();
    expect(councilMeetingDateError(utcDate(2025, 4, 1), 2024)).toBe("Ngày họp Hội đồng phải từ 01/01/2024 đến 31/03/2025.");
    expect(councilMeetingDateError(utcDate(2023, 12, 31), 2024)).toBeDefined();
  });

  it("the Tờ trình is dated from the day after the notice ends, and not after today", () => {
    const endsOn = utcDate(2024, 11, 22);
    expect(proposalDateError(utcDate(2024, 11, 22), endsOn, utcDate(2024, 11, 30))).toBe(noticeOpenMessage(endsOn));
    expect(proposalDateError(utcDate(2024, 11, 23), endsOn, utcDate(2024, 11, 30))).toBeUndefined();
    expect(proposalDateError(utcDate(2024, 12, 1), endsOn, utcDate(2024, 11, 30))).toContain("30/11/2024");
  });
});
