import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates";
import { fieldErrorsOf } from "@/lib/result";
import {
  AssessmentInput, BulkAssessmentInput, NoticeInput, ReturnInput, ResolveObjectionInput, assessmentFormToObject, assessmentInputFor,
  householdOutcome, meetingInputFor, objectionInputFor, type OutcomeContext,
} from "@/lib/review/schema";
import type { z } from "zod";

// The review's forms as the browser posts them (all strings), parsed the way the actions parse them.

function errorsOf(result: z.ZodSafeParseResult<unknown>): Record<string, string[]> {
  expect(result.success).toBe(false);
  return result.success ? {} : fieldErrorsOf(result.error);
}

const MEETING = {
  meetingDate: "2024-11-10", meetingPlace: "Nhà văn hóa xóm", chairName: "Nguyễn Văn Chủ", secretaryName: "Lê Thị Thư",
  invitedCount: "20", presentCount: "15", ballotMethod: "SHOW_OF_HANDS",
};

describe("the meeting header", () => {
  const parse = (changes: Record<string, string | undefined>) => meetingInputFor(2024).safeParse({ ...MEETING, ...changes });

  it("parses a valid header into numbers and a date", () => {
    const result = parse({});
    expect(result.success && result.data).toMatchObject({ meetingDate: utcDate(2024, 11, 10), invitedCount: 20, presentCount: 15 });
  });

  it("refuses more present than invited at presentCount", () => {
    expect(errorsOf(parse({ presentCount: "21" }))).toEqual({ presentCount: ["Số người có mặt (21) không được lớn hơn số người được mời (20)."] });
  });

  it.each([
    ["presentCount", "-1"],
    ["invitedCount", "-5"],
    ["presentCount", "12.5"],
    ["invitedCount", "abc"],
    ["presentCount", ""],
  ])("refuses %s = %j", (field, value) => {
    expect(Object.keys(errorsOf(parse({ [field]: value })))).toEqual([field]);
  });

  it.each(["2023-12-31", "2025-01-01"])("refuses a meeting date outside the campaign year (%s)", (date) => {
    expect(errorsOf(parse({ meetingDate: date }))).toEqual({ meetingDate: ["Ngày họp phải nằm trong năm thi đua 2024 (từ 01/01/2024 đến 31/12/2024)."] });
  });

  it.each(["2024-02-30", "10/11/2024", ""])("refuses an impossible or empty date %j", (date) => {
    expect(Object.keys(errorsOf(parse({ meetingDate: date })))).toEqual(["meetingDate"]);
  });

  it("refuses an unknown ballot method and empty names", () => {
    expect(Object.keys(errorsOf(parse({ ballotMethod: "DICE", chairName: "  ", meetingPlace: undefined }))).sort()).toEqual(["ballotMethod", "chairName", "meetingPlace"]);
  });
});

describe("one household's assessment", () => {
  const form = (entries: [string, string][]) => {
    const fd = new FormData();
    for (const [k, v] of entries) fd.append(k, v);
    return assessmentFormToObject(fd);
  };
  const meeting = { ballotMethod: "SHOW_OF_HANDS" as const, presentCount: 15 };

  it("reads unmet items and exclusions from repeated fields", () => {
    const parsed = AssessmentInput.parse(form([["unmet", "A2"], ["unmet", "B6"], ["exclusion", "E4"], ["votesFor", "12"], ["votesAgainst", ""]]));
    expect(parsed).toEqual({ unmetCodes: ["A2", "B6"], exclusions: ["E4"], votesFor: 12, votesAgainst: undefined });
  });

  it("refuses votes above those present, and for plus against above present", () => {
    expect(errorsOf(assessmentInputFor(meeting).safeParse(form([["votesFor", "16"]])))).toEqual({
      votesFor: ["Số tán thành (16) không được lớn hơn số người có mặt (15)."],
    });
    expect(errorsOf(assessmentInputFor(meeting).safeParse(form([["votesFor", "10"], ["votesAgainst", "6"]])))).toEqual({
      votesAgainst: ["Tổng số tán thành và không tán thành (16) vượt số người có mặt (15)."],
    });
  });

  it.each([["-1"], ["2.5"], ["mười"]])("refuses votesFor %j as a number", (value) => {
    expect(Object.keys(errorsOf(AssessmentInput.safeParse(form([["votesFor", value]])))))
      .toEqual(["votesFor"]);
  });

  it("needs a vote count only when the vote decides", () => {
    expect(errorsOf(assessmentInputFor(meeting).safeParse(form([])))).toHaveProperty("votesFor");
    expect(assessmentInputFor(meeting).safeParse(form([["unmet", "A1"]])).success).toBe(true);
    expect(assessmentInputFor({ ...meeting, ballotMethod: "CONSENSUS" }).safeParse(form([])).success).toBe(true);
    // A household that cannot be proposed for want of registration needs no vote.
    expect(assessmentInputFor({ ...meeting, registrationRequired: true }, false).safeParse(form([])).success).toBe(true);
  });

  it("refuses an unknown exclusion category", () => {
    expect(AssessmentInput.safeParse(form([["exclusion", "E9"], ["votesFor", "1"]])).success).toBe(false);
  });

  it("the bulk form takes the same counts", () => {
    expect(BulkAssessmentInput.parse({ votesFor: "14", votesAgainst: "" })).toEqual({ votesFor: 14, votesAgainst: undefined });
    expect(BulkAssessmentInput.safeParse({ votesFor: "-3" }).success).toBe(false);
  });
});

describe("the household outcome", () => {
  const ctx: OutcomeContext = {
    rule: { quorumBase: "INVITED", quorumPct: 50, quorumOp: "GT", approvalBase: "PRESENT", approvalPct: 50, approvalOp: "GT" },
    method: "SHOW_OF_HANDS", at: { invited: 20, present: 15 }, registrationRequired: false, standardText: { A1: "Chấp hành" },
  };

  it("follows the rule and keeps the meeting's result under an upheld objection", () => {
    expect(householdOutcome(ctx, { unmetCodes: [], exclusions: [], votesFor: 8 }, true)).toEqual({ result: "ACHIEVED", reason: null, meetingResult: "ACHIEVED" });
    expect(householdOutcome(ctx, { unmetCodes: [], exclusions: [], votesFor: 8 }, true, "Đúng")).toEqual({
      result: "NOT_ACHIEVED", reason: "Ý kiến phản ánh được chấp nhận: Đúng", meetingResult: "ACHIEVED",
    });
    expect(householdOutcome({ ...ctx, registrationRequired: true }, { unmetCodes: [], exclusions: [], votesFor: 8 }, false).result).toBe("EXCLUDED");
  });
});

describe("notice, objections, return", () => {
  const window = { postedOn: utcDate(2024, 11, 15), endsOn: utcDate(2024, 11, 25) };
  const objection = { householdId: "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", raisedBy: "Bà Hoa", content: "Hộ chưa giữ vệ sinh", receivedOn: "2024-11-20" };

  it("accepts an objection received inside the window, ends included", () => {
    for (const receivedOn of ["2024-11-15", "2024-11-20", "2024-11-25"]) {
      expect(objectionInputFor(window).safeParse({ ...objection, receivedOn }).success).toBe(true);
    }
  });

  it.each(["2024-11-14", "2024-11-26"])("refuses an objection received on %s, outside the window", (receivedOn) => {
    expect(errorsOf(objectionInputFor(window).safeParse({ ...objection, receivedOn }))).toEqual({
      receivedOn: ["Ngày nhận ý kiến phải trong thời gian niêm yết, từ 15/11/2024 đến 25/11/2024."],
    });
  });

  it("needs a household, who raised it and what it says", () => {
    expect(Object.keys(errorsOf(objectionInputFor(window).safeParse({ receivedOn: "2024-11-20", householdId: "x" }))).sort())
      .toEqual(["content", "householdId", "raisedBy"]);
  });

  it("resolution: upheld or rejected only, with text and date", () => {
    expect(ResolveObjectionInput.safeParse({ outcome: "UPHELD", resolution: "Đúng", resolvedOn: "2024-11-21" }).success).toBe(true);
    expect(Object.keys(errorsOf(ResolveObjectionInput.safeParse({ outcome: "PENDING", resolution: "", resolvedOn: "" }))).sort())
      .toEqual(["outcome", "resolution", "resolvedOn"]);
  });

  it("notice needs a date and a channel", () => {
    expect(Object.keys(errorsOf(NoticeInput.safeParse({ postedOn: "", channel: " " }))).sort()).toEqual(["channel", "postedOn"]);
  });

  it("a return needs a reason of at least 5 characters; the household is optional", () => {
    expect(errorsOf(ReturnInput.safeParse({ reason: "sai" }))).toEqual({ reason: ["Lý do trả lại cần ít nhất 5 ký tự, nói rõ xóm cần sửa gì."] });
    expect(ReturnInput.parse({ reason: "Thiếu biên bản", householdId: "" })).toEqual({ reason: "Thiếu biên bản", householdId: undefined });
    expect(Object.keys(errorsOf(ReturnInput.safeParse({ reason: "Thiếu biên bản", householdId: "123" })))).toEqual(["householdId"]);
  });
});
