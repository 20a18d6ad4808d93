import { describe, expect, it } from "vitest";
import { parseIsoDate, utcDate } from "@/lib/dates";
import { DomainError } from "@/lib/result";
import {
  REVIEW_TRANSITIONS, approves, assessHousehold, canReviewDo, exclusionsInWindow, firstSubmitDay, honourCandidates, meetsThreshold,
  isStepDone, nextDecisionStatus, nextReviewStatus, noticeEndsOn, noticeOpenMessage, quorum, streakAt, violationWindow, voteErrors,
  type ReviewEvent, type ReviewStatus, type VoteRule,
} from "@/lib/review/rules";

const rule = (over: Partial<VoteRule> = {}): VoteRule => ({
  quorumBase: "INVITED", quorumPct: 50, quorumOp: "GT", approvalBase: "PRESENT", approvalPct: 50, approvalOp: "GT", ...over,
});

describe("meetsThreshold at its boundaries", () => {
  it.each([
    [10, 20, 50, "GT", false],
    [11, 20, 50, "GT", true],
    [10, 20, 50, "GTE", true],
    [9, 20, 50, "GTE", false],
    [12, 20, 60, "GTE", true],
    [12, 20, 60, "GT", false],
    [13, 20, 60, "GT", true],
    [1, 3, 33, "GT", true], // 33.3 % > 33 %
    [1, 3, 34, "GTE", false],
    [0, 0, 50, "GTE", false], // nobody invited: never met
    [5, 5, 100, "GTE", true],
    [5, 5, 100, "GT", false],
  ] as const)("%i of %i against %s %i %% → %s", (part, whole, pct, op, expected) => {
    expect(meetsThreshold(part, whole, pct, op)).toBe(expected);
  });
});

describe("quorum", () => {
  it("10 present of 20 invited is inquorate with > 50 % and quorate with ≥ 50 %", () => {
    const gt = quorum(rule(), { invited: 20, present: 10, totalHouseholds: 30 });
    expect(gt.isQuorate).toBe(false);
    expect(gt.note).toContain("không đủ điều kiện");
    expect(gt.note).toContain("10/20");
    expect(gt.note).toContain("> 50 %");
    const gte = quorum(rule({ quorumOp: "GTE" }), { invited: 20, present: 10, totalHouseholds: 30 });
    expect(gte.isQuorate).toBe(true);
    expect(gte.note).toContain("≥ 50 %");
  });

  it("counts against all households when the rule says so", () => {
    const byHouseholds = rule({ quorumBase: "TOTAL_HOUSEHOLDS" });
    expect(quorum(byHouseholds, { invited: 20, present: 15, totalHouseholds: 40 }).isQuorate).toBe(false);
    expect(quorum(byHouseholds, { invited: 20, present: 21, totalHouseholds: 40 }).isQuorate).toBe(true);
  });
});

describe("approval", () => {
  const at = { invited: 30, present: 20 };
  it.each([
    [rule(), 10, false],
    [rule(), 11, true],
    [rule({ approvalOp: "GTE" }), 10, true],
    [rule({ approvalBase: "INVITED" }), 15, false],
    [rule({ approvalBase: "INVITED" }), 16, true],
  ])("votes %#", (r, votesFor, expected) => {
    expect(approves(r, votesFor, at)).toBe(expected);
  });
});

describe("assessHousehold", () => {
  const at = { invited: 20, present: 16 };

  it("an exclusion means không xét, whatever the votes and the checklist", () => {
    const out = assessHousehold(rule(), "SHOW_OF_HANDS", at, { unmet: [{ code: "A1", text: "" }], exclusions: ["E4", "E1", "E4"], votesFor: 16 });
    expect(out.result).toBe("EXCLUDED");
    expect(out.reason).toMatch(/^Không xét: .*\(E1\); .*\(E4\)\.$/);
  });

  it("an unmet standard means không đạt with the codes", () => {
    const out = assessHousehold(rule(), "SHOW_OF_HANDS", at, { unmet: [{ code: "B6", text: "" }, { code: "A2", text: "" }], exclusions: [], votesFor: 16 });
    expect(out).toEqual({ result: "NOT_ACHIEVED", reason: "Chưa đạt tiêu chí B6, A2." });
  });

  it("the vote decides at the approval boundary", () => {
    expect(assessHousehold(rule(), "SHOW_OF_HANDS", at, { unmet: [], exclusions: [], votesFor: 9 }).result).toBe("ACHIEVED");
    const tie = assessHousehold(rule(), "SECRET_BALLOT", at, { unmet: [], exclusions: [], votesFor: 8 });
    expect(tie.result).toBe("NOT_ACHIEVED");
    expect(tie.reason).toContain("8/16");
    expect(assessHousehold(rule({ approvalOp: "GTE" }), "SECRET_BALLOT", at, { unmet: [], exclusions: [], votesFor: 8 }).result).toBe("ACHIEVED");
  });

  it("a consensus meeting needs no vote", () => {
    expect(assessHousehold(rule(), "CONSENSUS", at, { unmet: [], exclusions: [] })).toEqual({ result: "ACHIEVED", reason: null });
  });
});

describe("voteErrors", () => {
  it("refuses votes above those present and sums above those present", () => {
    expect(voteErrors("SHOW_OF_HANDS", 10, 11, 0).votesFor?.[0]).toContain("không được lớn hơn số người có mặt (10)");
    expect(voteErrors("SHOW_OF_HANDS", 10, 6, 5).votesAgainst?.[0]).toContain("vượt số người có mặt");
    expect(voteErrors("SHOW_OF_HANDS", 10, 6, 4)).toEqual({});
    expect(voteErrors("SHOW_OF_HANDS", 10, undefined, undefined).votesFor).toBeDefined();
    expect(voteErrors("CONSENSUS", 10, undefined, undefined)).toEqual({});
  });
});

describe("violation window", () => {
  it("is the campaign year by default, and reaches back whole years when configured", () => {
    expect(violationWindow(2024, 1)).toEqual({ from: utcDate(2024, 1, 1), to: utcDate(2024, 12, 31) });
    expect(violationWindow(2024, 2)).toEqual({ from: utcDate(2023, 1, 1), to: utcDate(2024, 12, 31) });
  });

  it("keeps only violations dated inside, each category once", () => {
    const w = violationWindow(2024, 1);
    const hits = exclusionsInWindow(
      [
        { category: "E4", occurredOn: utcDate(2023, 12, 31) },
        { category: "E3", occurredOn: utcDate(2024, 1, 1) },
        { category: "E3", occurredOn: utcDate(2024, 6, 1) },
        { category: "E1", occurredOn: utcDate(2024, 12, 31) },
        { category: "E2", occurredOn: utcDate(2025, 1, 1) },
      ],
      w,
    );
    expect(hits).toEqual(["E1", "E3"]);
  });
});

describe("notice window", () => {
  it("a list posted on 15/11 for 10 days is open until the end of 25/11; submission from 26/11", () => {
    const ends = noticeEndsOn(parseIsoDate("2024-11-15")!, 10);
    expect(ends).toEqual(parseIsoDate("2024-11-25"));
    expect(firstSubmitDay(ends)).toEqual(parseIsoDate("2024-11-26"));
    expect(noticeOpenMessage(ends)).toBe("Chưa hết thời gian niêm yết: thời hạn lấy ý kiến kết thúc ngày 25/11/2024. Có thể nộp hồ sơ từ ngày 26/11/2024.");
  });

  it("crosses month and year ends", () => {
    expect(noticeEndsOn(parseIsoDate("2024-12-25")!, 10)).toEqual(parseIsoDate("2025-01-04"));
    expect(noticeEndsOn(parseIsoDate("2024-02-25")!, 10)).toEqual(parseIsoDate("2024-03-06")); // leap year
  });
});

describe("dossier state machine", () => {
  const statuses = Object.keys(REVIEW_TRANSITIONS) as ReviewStatus[];
  const events: ReviewEvent[] = ["saveMeeting", "saveAssessment", "postNotice", "reopenMeeting", "recordObjection", "submit", "return", "accept", "includeInDecision", "decide"];
  const ALLOWED: Record<string, ReviewStatus> = {
    "MEETING saveMeeting": "MEETING",
    "MEETING saveAssessment": "MEETING",
    "MEETING postNotice": "NOTICE",
    "NOTICE recordObjection": "NOTICE",
    "NOTICE reopenMeeting": "MEETING",
    "NOTICE submit": "SUBMITTED",
    "SUBMITTED return": "RETURNED",
    "SUBMITTED accept": "ACCEPTED",
    "RETURNED saveMeeting": "RETURNED",
    "RETURNED saveAssessment": "RETURNED",
    "RETURNED recordObjection": "RETURNED",
    "RETURNED submit": "SUBMITTED",
    "ACCEPTED includeInDecision": "ACCEPTED",
    "ACCEPTED decide": "DECIDED",
  };
  const cells = statuses.flatMap((s) => events.map((e) => [s, e] as const));

  it.each(cells)("%s + %s", (status, event) => {
    const expected = ALLOWED[`${status} ${event}`];
    expect(canReviewDo(status, event)).toBe(expected !== undefined);
    if (expected) {
      expect(nextReviewStatus(status, event)).toBe(expected);
    } else {
      expect(() => nextReviewStatus(status, event)).toThrow(DomainError);
      expect(() => nextReviewStatus(status, event)).toThrow(/đã được xử lý/);
    }
  });

  it.each([
    ["SUBMITTED", "submit"], ["ACCEPTED", "accept"], ["RETURNED", "return"], ["NOTICE", "postNotice"], ["DECIDED", "decide"], ["MEETING", "reopenMeeting"],
  ] as const)("a repeated step (%s after %s) is told plainly it was handled", (status, event) => {
    expect(isStepDone(status, event)).toBe(true);
    expect(() => nextReviewStatus(status, event)).toThrow(/^Thao tác này đã được xử lý \(có thể một người khác vừa thực hiện trước bạn\)/);
  });

  it.each([
    ["DECIDED", "accept"], ["SUBMITTED", "saveAssessment"], ["MEETING", "submit"], ["ACCEPTED", "submit"],
  ] as const)("a step that does not lead to %s (%s) keeps the general refusal", (status, event) => {
    expect(isStepDone(status, event)).toBe(false);
    expect(() => nextReviewStatus(status, event)).toThrow(/^Không thực hiện được: .* Thao tác này có thể đã được xử lý\.$/);
  });

  it("a double submit is refused the second time", () => {
    const once = nextReviewStatus("NOTICE", "submit");
    expect(() => nextReviewStatus(once, "submit")).toThrow(/Hồ sơ đã được nộp/);
  });

  it("a decided year is locked", () => {
    for (const e of events) expect(canReviewDo("DECIDED", e)).toBe(false);
  });
});

describe("decision state machine", () => {
  it("a draft can be edited, issued or discarded; an issued decision cannot be touched", () => {
    expect(nextDecisionStatus("DRAFT", "edit")).toBe("DRAFT");
    expect(nextDecisionStatus("DRAFT", "issue")).toBe("ISSUED");
    expect(nextDecisionStatus("DRAFT", "discard")).toBeNull();
    for (const e of ["edit", "issue", "discard"] as const) expect(() => nextDecisionStatus("ISSUED", e)).toThrow(/đã được ban hành/);
  });
});

describe("streaks", () => {
  const A = "ACTIVE" as const;
  const C = "CANCELLED" as const;
  it("counts consecutive active years ending at the year", () => {
    expect(streakAt([{ year: 2022, status: A }, { year: 2023, status: A }, { year: 2024, status: A }], 2024)).toBe(3);
    expect(streakAt([{ year: 2022, status: A }, { year: 2024, status: A }], 2024)).toBe(1);
    expect(streakAt([{ year: 2023, status: A }], 2024)).toBe(0);
    expect(streakAt([], 2024)).toBe(0);
  });

  it("a cancelled year in the middle breaks the streak", () => {
    const awards = [{ year: 2021, status: A }, { year: 2022, status: C }, { year: 2023, status: A }, { year: 2024, status: A }];
    expect(streakAt(awards, 2024)).toBe(2);
    expect(streakAt(awards, 2021)).toBe(1);
    expect(streakAt(awards, 2022)).toBe(0);
  });
});

describe("honourCandidates", () => {
  const row = (id: string, streak: number, votesFor: number | null, reg?: string) => ({
    householdId: id, streak, votesFor, registeredOn: reg ? parseIsoDate(reg)! : null,
  });
  const rows = [row("a", 3, 20), row("b", 2, 30), row("c", 4, 25), row("d", 3, 25, "2024-02-01"), row("e", 3, 25, "2024-03-01")];

  it("keeps N-year households ranked by votes, then earlier registration", () => {
    expect(honourCandidates(rows, 3, null, 100).map((r) => r.householdId)).toEqual(["d", "e", "c", "a"]);
  });

  it("applies the quota to the year's awards, rounding down", () => {
    expect(honourCandidates(rows, 3, 15, 20).map((r) => r.householdId)).toEqual(["d", "e", "c"]);
    expect(honourCandidates(rows, 3, 15, 6)).toEqual([]);
  });
});
