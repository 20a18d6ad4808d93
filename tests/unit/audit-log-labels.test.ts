import { describe, expect, it } from "vitest";
import { actionLabel, describeChanges, formatAuditValue, idsIn, subjectName } from "@/lib/audit-log/labels";

// How the cycle's audit rows read: Vietnamese labels, dates as dd/mm/yyyy, enum values and ids in words.

const RULE_SET = "0a000000-0000-4000-8000-000000000008";
const CRITERIA_SET = "0a000000-0000-4000-8000-000000000009";
const AWARD = "0a000000-0000-4000-8000-000000000014";
const NAMES = new Map([
  [RULE_SET, "Phiên bản 2 – Họp dân theo Nghị định 59/2023"],
  [CRITERIA_SET, "Phiên bản 1 – Khung tiêu chuẩn"],
]);

const table = (changes: ReturnType<typeof describeChanges>) => changes.map((c) => [c.label, c.before, c.after]);

describe("formatAuditValue", () => {
  it("writes dates as dd/mm/yyyy, whether stored as a day or a UTC-midnight timestamp, and moments with their time", () => {
    expect(formatAuditValue("Violation", "occurredOn", "2024-04-03", NAMES)).toBe("03/04/2024");
    expect(formatAuditValue("CampaignYear", "meetingDeadline", "2024-11-15T00:00:00.000Z", NAMES)).toBe("15/11/2024");
    expect(formatAuditValue("CriteriaSet", "publishedAt", "2025-01-02T03:04:05.000Z", NAMES)).toBe("02/01/2025 10:04");
  });

  it("names set versions by their ids, and counts lists of ids", () => {
    expect(formatAuditValue("CampaignYear", "ruleSetId", RULE_SET, NAMES)).toBe("Phiên bản 2 – Họp dân theo Nghị định 59/2023");
    expect(formatAuditValue("Decision", "cancelledAwardIds", [AWARD, AWARD], NAMES)).toBe("2");
  });

  it("shows enum values and lists of codes in words", () => {
    expect(formatAuditValue("RuleSet", "quorumOp", "GT", NAMES)).toBe("trên (>)");
    expect(formatAuditValue("HamletReview", "status", "SUBMITTED", NAMES)).toBe("Đã nộp hồ sơ");
    expect(formatAuditValue("Assessment", "unmetCodes", ["B3", "C1"], NAMES)).toBe("B3; C1");
    expect(formatAuditValue("Assessment", "unmetCodes", [], NAMES)).toBe("Không có");
    expect(formatAuditValue("Assessment", "exclusions", ["E4"], NAMES)).toMatch(/^E4 – /);
  });

  it("reads a year's plans as number, date and issuer", () => {
    const refs = [{ issuer: "UBND tỉnh", number: "45/KH-UBND", date: "2024-02-02T00:00:00.000Z", title: null }, { issuer: "UBND huyện", number: "06/KH-UBND", date: null }];
    expect(formatAuditValue("CampaignYear", "planRefs", refs, NAMES)).toBe("45/KH-UBND ngày 02/02/2024 (UBND tỉnh); 06/KH-UBND (UBND huyện)");
  });
});

describe("describeChanges", () => {
  it("lists a year's changed fields with their labels, and leaves ids of bookkeeping out", () => {
    const before = { year: 2024, noticeDays: 10, ruleSetId: CRITERIA_SET, campaignYearId: RULE_SET };
    const after = { year: 2024, noticeDays: 12, ruleSetId: RULE_SET, campaignYearId: RULE_SET };
    expect(table(describeChanges("CampaignYear", before, after, NAMES))).toEqual([
      ["Số ngày niêm yết công khai", "10", "12"],
      ["Bộ quy tắc bình xét", "Phiên bản 1 – Khung tiêu chuẩn", "Phiên bản 2 – Họp dân theo Nghị định 59/2023"],
    ]);
  });

  it("shows a rule set's version, which other entities keep hidden", () => {
    expect(table(describeChanges("RuleSet", null, { version: 2, quorumPct: 60 }, NAMES))).toEqual([["Phiên bản", null, "2"], ["Tỷ lệ có mặt (%)", null, "60"]]);
    expect(table(describeChanges("Household", null, { version: 2, headName: "Nguyễn Văn A" }, NAMES))).toEqual([["Chủ hộ", null, "Nguyễn Văn A"]]);
  });
});

describe("subjectName and idsIn", () => {
  it("names a criterion by its code, a decision by its number, a year by itself, a violation by its member", () => {
    expect(subjectName("Criterion", null, { code: "C4", text: "…" })).toBe("C4");
    expect(subjectName("Decision", { number: 215, symbol: "QĐ-UBND" }, null)).toBe("số 215/QĐ-UBND");
    expect(subjectName("CampaignYear", null, { year: 2024 })).toBe("2024");
    expect(subjectName("Household", null, { year: 2024, registeredOn: "2024-03-01" })).toBeNull();
    expect(subjectName("Violation", null, { memberName: "Hoàng Văn Con" })).toBe("Hoàng Văn Con");
  });

  it("collects only well-formed ids", () => {
    expect(idsIn("ruleSetId", { ruleSetId: RULE_SET }, { ruleSetId: "x" }, null, [RULE_SET])).toEqual([RULE_SET]);
  });
});

describe("a view of a household's violation record", () => {
  it("reads as who saw it and where", () => {
    expect(actionLabel("violation.view")).toBe("Xem hồ sơ vi phạm, lý do không xét của hộ");
    expect(table(describeChanges("Household", null, { viewedOn: "assessment" }, NAMES))).toEqual([["Xem tại", null, "Trang bình xét của hộ"]]);
    expect(table(describeChanges("Household", null, { viewedOn: "reviewHub" }, NAMES))).toEqual([["Xem tại", null, "Trang hồ sơ bình xét của xóm"]]);
  });
});
