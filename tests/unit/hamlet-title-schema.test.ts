import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { utcDate } from "@/lib/dates";
import { DEFAULT_PROPOSAL_SYMBOL } from "@/lib/hamlet-title/labels";
import {
  CouncilNoticeInput, ProposalInput, RegisterInput, ReportInput, ResolveCommentInput, VotesInput, councilInputFor, optionalParagraphs, optionalPercent,
  reportFormToObject, votesFormToObject,
} from "@/lib/hamlet-title/schema";
import { fieldErrorsOf } from "@/lib/result";

// The "Xóm văn hóa" forms as the browser posts them (all strings), parsed the way the actions parse them.

function errorsOf(result: z.ZodSafeParseResult<unknown>): Record<string, string[]> {
  expect(result.success).toBe(false);
  return result.success ? {} : fieldErrorsOf(result.error);
}

function form(entries: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.append(k, v);
  return f;
}

const REPORT = {
  reportedOn: "2024-11-01", totalHouseholds: "120", recognisedHouseholds: "100", poorHouseholds: "4", nearPoorHouseholds: "6",
  schoolAgeChildren: "30", childrenInSchool: "30", overview: "", commitments: "",
};

describe("the report form", () => {
  it("gathers criterion fields by code, keeping dotted codes whole", () => {
    const object = reportFormToObject(form({
      ...REPORT, hasCulturalHouse: "on", "criteria.I.1.value": "85,5", "criteria.I.1.note": "", "criteria.I.3.isMet": "on", "criteria.I.3.note": "Nghề đan lát",
      "criteria.II.2.note": "", "criteria.X.unknownField": "y", $ACTION_ID_abc: "",
    }));
    expect(object).toMatchObject({
      totalHouseholds: "120", hasCulturalHouse: "on",
      criteria: { "I.1": { value: "85,5", note: "" }, "I.3": { isMet: "on", note: "Nghề đan lát" }, "II.2": { note: "" } },
    });
    expect(object).not.toHaveProperty("$ACTION_ID_abc");
  });

  it("parses figures to numbers, the entered % with a comma, the checkboxes to booleans", () => {
    const result = ReportInput.safeParse(reportFormToObject(form({ ...REPORT, "criteria.I.1.value": "85,5", "criteria.I.3.isMet": "on", "criteria.II.1.note": "" })));
    expect(result.success && result.data).toMatchObject({
      reportedOn: utcDate(2024, 11, 1), totalHouseholds: 120, recognisedHouseholds: 100, hasCulturalHouse: false, schoolAgeChildren: 30,
      overview: undefined,
      criteria: { "I.1": { value: 85.5, isMet: false }, "I.3": { isMet: true }, "II.1": { isMet: false, note: undefined } },
    });
  });

  it("leaves the children counts empty when not typed", () => {
    const result = ReportInput.safeParse({ ...REPORT, schoolAgeChildren: "", childrenInSchool: "", criteria: {} });
    expect(result.success && result.data).toMatchObject({ schoolAgeChildren: undefined, childrenInSchool: undefined });
  });

  it("refuses impossible figures at their fields", () => {
    expect(errorsOf(ReportInput.safeParse({ ...REPORT, recognisedHouseholds: "121", criteria: {} }))).toEqual({
      recognisedHouseholds: [expect.stringContaining("(121) không được lớn hơn tổng số hộ (120)")],
    });
    expect(errorsOf(ReportInput.safeParse({ ...REPORT, poorHouseholds: "100", nearPoorHouseholds: "21", criteria: {} }))).toHaveProperty("nearPoorHouseholds");
    expect(errorsOf(ReportInput.safeParse({ ...REPORT, childrenInSchool: "31", criteria: {} }))).toHaveProperty("childrenInSchool");
  });

  it("refuses text where a count goes and a missing count, without comparing what failed", () => {
    expect(errorsOf(ReportInput.safeParse({ ...REPORT, totalHouseholds: "một trăm", criteria: {} }))).toEqual({
      totalHouseholds: ["Tổng số hộ phải là số nguyên."],
    });
    const empty = errorsOf(ReportInput.safeParse({ ...REPORT, poorHouseholds: "", criteria: {} }));
    expect(Object.keys(empty)).toEqual(["poorHouseholds"]);
    expect(empty.poorHouseholds![0]).toBe("Vui lòng nhập số hộ nghèo.");
  });

  it("refuses an entered % above 100 or with three decimals, at the criterion's field name", () => {
    const errors = errorsOf(ReportInput.safeParse(reportFormToObject(form({ ...REPORT, "criteria.I.1.value": "101", "criteria.II.4.value": "90,125" }))));
    expect(Object.keys(errors).sort()).toEqual(["criteria.I.1.value", "criteria.II.4.value"]);
  });

  it("refuses a malformed criterion code", () => {
    expect(errorsOf(ReportInput.safeParse({ ...REPORT, criteria: { "i 1": {} } }))).toHaveProperty(["criteria.i 1"]);
  });

  it("refuses a missing report date", () => {
    expect(errorsOf(ReportInput.safeParse({ ...REPORT, reportedOn: "", criteria: {} }))).toEqual({ reportedOn: ["Vui lòng nhập ngày báo cáo."] });
  });
});

describe("optionalPercent", () => {
  const schema = optionalPercent("Tỷ lệ");
  it.each([["85", 85], ["85,5", 85.5], ["85.25", 85.25], ["0", 0], ["100", 100], [" 90 ", 90]])("%s → %d", (raw, expected) => {
    expect(schema.parse(raw)).toBe(expected);
  });
  it.each(["", undefined])("%s → none", (raw) => {
    expect(schema.parse(raw)).toBeUndefined();
  });
  it.each(["100,01", "-5", "abc", "85,555", "1e2"])("refuses %s", (raw) => {
    expect(schema.safeParse(raw).success).toBe(false);
  });
});

describe("optionalParagraphs", () => {
  it("keeps line breaks, cleans each line and drops empty ones", () => {
    expect(optionalParagraphs("Phần I", 100).parse("  Xóm có  120 hộ. \r\n\r\n  Nghề chính: chè.\n")).toBe("Xóm có 120 hộ.\nNghề chính: chè.");
    expect(optionalParagraphs("Phần I", 100).parse("  \n ")).toBeUndefined();
  });
  it("refuses text too long", () => {
    expect(optionalParagraphs("Phần I", 5).safeParse("123456").success).toBe(false);
  });
});

describe("registration", () => {
  it("needs a date", () => {
    expect(RegisterInput.parse({ registeredOn: "2024-02-01" })).toEqual({ registeredOn: utcDate(2024, 2, 1) });
    expect(errorsOf(RegisterInput.safeParse({ registeredOn: "2024-02-30" }))).toHaveProperty("registeredOn");
  });
});

const COUNCIL = {
  meetingDate: "2024-12-10", meetingPlace: "Hội trường UBND xã", chairName: "Nguyễn Văn Chủ Tịch", secretaryName: "Lê Thị Thư", membersTotal: "15",
  membersPresent: "12",
};

describe("the council meeting", () => {
  const parse = (changes: Record<string, string>) => councilInputFor(2024).safeParse({ ...COUNCIL, ...changes });

  it("parses a valid header", () => {
    const result = parse({});
    expect(result.success && result.data).toMatchObject({ meetingDate: utcDate(2024, 12, 10), membersTotal: 15, membersPresent: 12 });
  });

  it("refuses more present than members, at membersPresent", () => {
    expect(errorsOf(parse({ membersPresent: "16" }))).toEqual({ membersPresent: [expect.stringContaining("(16) không được lớn hơn tổng số thành viên Hội đồng (15)")] });
  });

  it("refuses a meeting outside the year and its first quarter after", () => {
    expect(errorsOf(parse({ meetingDate: "2025-04-01" }))).toEqual({ meetingDate: ["Ngày họp Hội đồng phải từ 01/01/2024 đến 31/03/2025."] });
  });

  it("compares attendance only when both counts parsed", () => {
    expect(errorsOf(parse({ membersTotal: "mười" }))).toEqual({ membersTotal: [expect.stringContaining("số nguyên")] });
  });
});

describe("the votes form", () => {
  const A = "0b5d4c1e-8f0a-4c58-9f73-0d6f6a1a0a01";
  const B = "0b5d4c1e-8f0a-4c58-9f73-0d6f6a1a0a02";

  it("gathers votes by hamlet and parses counts; empty counts stay empty", () => {
    const object = votesFormToObject(form({
      [`votes.${A}.votesFor`]: "12", [`votes.${A}.votesAgainst`]: "0", [`votes.${B}.votesFor`]: "", [`votes.${B}.votesAgainst`]: "", version: "3",
    }));
    expect(VotesInput.parse(object)).toEqual({ votes: { [A]: { votesFor: 12, votesAgainst: 0 }, [B]: { votesFor: undefined, votesAgainst: undefined } } });
  });

  it("keys a bad count by the field's name", () => {
    const errors = errorsOf(VotesInput.safeParse(votesFormToObject(form({ [`votes.${A}.votesFor`]: "mười hai" }))));
    expect(errors).toEqual({ [`votes.${A}.votesFor`]: ["Số phiếu tán thành phải là số nguyên."] });
  });

  it("refuses a hamlet id that is not one", () => {
    expect(errorsOf(VotesInput.safeParse({ votes: { "xom-a": { votesFor: "1" } } }))).toHaveProperty(["votes.xom-a"]);
  });
});

describe("notice, comments, Tờ trình", () => {
  it("the notice needs a date and a channel", () => {
    expect(errorsOf(CouncilNoticeInput.safeParse({ postedOn: "", channel: " " }))).toEqual({
      postedOn: ["Vui lòng nhập ngày bắt đầu công khai."], channel: ["Vui lòng nhập hình thức công khai."],
    });
  });

  it("a comment's resolution needs an outcome and a text", () => {
    expect(ResolveCommentInput.parse({ outcome: "UPHELD", resolution: " Đúng phản ánh " })).toEqual({ outcome: "UPHELD", resolution: "Đúng phản ánh" });
    expect(errorsOf(ResolveCommentInput.safeParse({ outcome: "PENDING", resolution: "" }))).toEqual({
      outcome: ["Vui lòng chọn kết quả xử lý."], resolution: ["Vui lòng nhập nội dung xử lý."],
    });
  });

  it("the Tờ trình takes the default symbol when none is typed", () => {
    expect(ProposalInput.parse({ proposalNumber: "45", proposalSymbol: "", proposalDate: "2024-12-20" })).toEqual({
      proposalNumber: 45, proposalSymbol: DEFAULT_PROPOSAL_SYMBOL, proposalDate: utcDate(2024, 12, 20),
    });
    expect(ProposalInput.parse({ proposalNumber: "7", proposalSymbol: "TTr-VHXH", proposalDate: "2024-12-20" }).proposalSymbol).toBe("TTr-VHXH");
  });

  it("refuses a number below 1 and a symbol with spaces", () => {
    const errors = errorsOf(ProposalInput.safeParse({ proposalNumber: "0", proposalSymbol: "TTr UBND", proposalDate: "2024-12-20" }));
    expect(Object.keys(errors).sort()).toEqual(["proposalNumber", "proposalSymbol"]);
  });
});

describe("the audit log reads the cycle's rows", () => {
  it("every action the service records has a Vietnamese label", async () => {
    const { readFileSync } = await import("node:fs");
    const { ACTION_LABEL, ENTITY_LABEL } = await import("@/lib/audit-log/labels");
    const source = readFileSync(new URL("../../lib/hamlet-title/service.ts", import.meta.url), "utf8");
    const actions = [...source.matchAll(/action: (?:[^"\n]*\? )?"([a-zA-Z.]+)"(?: : "([a-zA-Z.]+)")?/g)].flatMap((m) => [m[1], m[2]]).filter(Boolean) as string[];
    const entities = [...source.matchAll(/entityType: "([A-Za-z]+)"/g)].map((m) => m[1]!);
    expect(actions.length).toBeGreaterThanOrEqual(11);
    expect(actions.filter((a) => !ACTION_LABEL[a])).toEqual([]);
    expect([...new Set(entities)].filter((e) => !ENTITY_LABEL[e])).toEqual([]);
  });

  it("shows the council's status, a comment's outcome and the report's dates in words", async () => {
    const { describeChanges, formatAuditValue } = await import("@/lib/audit-log/labels");
    expect(formatAuditValue("CouncilReview", "status", "NOTICE", new Map())).toBe("Đang công khai lấy ý kiến");
    expect(formatAuditValue("NoticeComment", "outcome", "UPHELD", new Map())).toBe("Chấp nhận");
    expect(formatAuditValue("HamletTitleEntry", "reportedOn", "2024-11-10T00:00:00.000Z", new Map())).toBe("10/11/2024");
    expect(describeChanges("HamletTitleEntry", { unmetCodes: ["I.3"] }, { unmetCodes: [] }, new Map()).map((c) => [c.label, c.before, c.after])).toEqual([
      ["Tiêu chí chưa đạt", "I.3", "Không có"],
    ]);
  });
});
