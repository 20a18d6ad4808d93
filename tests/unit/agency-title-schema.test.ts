import { describe, expect, it } from "vitest";
import {
  RecognitionInput, RegisterInput, ResultInput, assessedOnError, decidedOnError, registrationDateError, resultFormToObject,
} from "@/lib/agency-title/schema";
import { utcDate } from "@/lib/dates";
import { safeCellText } from "@/lib/excel";
import { fieldErrorsOf } from "@/lib/result";

// The agency title's inputs: what the forms post, and the date rules the service applies with today's date.

const AGENCY = "0a000000-0000-4000-8000-000000000001";
const errorsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? {} : fieldErrorsOf(result.error as Parameters<typeof fieldErrorsOf>[0]);

describe("RegisterInput", () => {
  it("takes an agency id and a date", () => {
    expect(RegisterInput.parse({ agencyId: AGENCY, registeredOn: "2024-02-15" })).toEqual({ agencyId: AGENCY, registeredOn: utcDate(2024, 2, 15) });
  });

  it.each([
    [{ agencyId: "abc", registeredOn: "2024-02-15" }, "agencyId", "Vui lòng chọn cơ quan, đơn vị."],
    [{ agencyId: AGENCY, registeredOn: "" }, "registeredOn", "Vui lòng nhập ngày đăng ký."],
    [{ agencyId: AGENCY, registeredOn: "2024-02-30" }, "registeredOn", "Ngày đăng ký không hợp lệ (ngày/tháng/năm)."],
  ])("refuses %j on %s", (input, field, message) => {
    expect(errorsOf(RegisterInput.safeParse(input))[field]).toEqual([message]);
  });
});

describe("registrationDateError", () => {
  const today = utcDate(2024, 6, 1);
  it.each([
    [utcDate(2024, 1, 1), undefined],
    [utcDate(2024, 6, 1), undefined],
    [utcDate(2024, 6, 2), "Ngày đăng ký không được sau ngày hôm nay (01/06/2024)."],
    [utcDate(2023, 12, 31), "Ngày đăng ký phải nằm trong năm 2024 (từ 01/01/2024 đến 31/12/2024)."],
  ])("%s → %s", (date, expected) => {
    expect(registrationDateError(date, 2024, today)).toBe(expected);
  });

  it("lets a past year's registration be recorded later", () => {
    expect(registrationDateError(utcDate(2022, 2, 10), 2022, today)).toBeUndefined();
  });
});

describe("ResultInput", () => {
  const form = (entries: [string, string][]) => {
    const f = new FormData();
    for (const [k, v] of entries) f.append(k, v);
    return f;
  };

  it("reads one 'met' value per ticked standard", () => {
    const parsed = ResultInput.parse(resultFormToObject(form([["met", "1"], ["met", "3"], ["assessedOn", "2024-12-10"], ["note", "  Tốt  "]])));
    expect(parsed).toEqual({ metCodes: ["1", "3"], assessedOn: utcDate(2024, 12, 10), note: "Tốt" });
  });

  it("accepts no standard ticked (không đạt) and no note", () => {
    expect(ResultInput.parse(resultFormToObject(form([["assessedOn", "2024-12-10"]])))).toEqual({ metCodes: [], assessedOn: utcDate(2024, 12, 10), note: undefined });
  });

  it.each<[[string, string][], string, string]>([
    [[["met", "1; DROP"], ["assessedOn", "2024-12-10"]], "metCodes.0", "Mã tiêu chuẩn không hợp lệ."],
    [[["met", "1"]], "assessedOn", "Vui lòng nhập ngày đánh giá."],
    [[["assessedOn", "2024-12-10"], ["note", "x".repeat(1001)]], "note", "Ghi chú dài quá 1000 ký tự."],
  ])("refuses %j on %s", (entries, field, message) => {
    expect(errorsOf(ResultInput.safeParse(resultFormToObject(form(entries))))[field]).toEqual([message]);
  });
});

describe("assessedOnError", () => {
  const today = utcDate(2025, 3, 1);
  it.each([
    [utcDate(2024, 12, 20), undefined],
    [utcDate(2025, 2, 1), undefined], // entered after the year: allowed
    [utcDate(2025, 3, 2), "Ngày đánh giá không được sau ngày hôm nay (01/03/2025)."],
    [utcDate(2023, 12, 31), "Ngày đánh giá kết quả năm 2024 không được trước ngày 01/01/2024."],
  ])("%s → %s", (date, expected) => {
    expect(assessedOnError(date, 2024, today)).toBe(expected);
  });
});

describe("RecognitionInput", () => {
  const valid = {
    kind: "FIRST", periodFrom: "2022", periodTo: "2023", issuer: " Liên đoàn Lao động tỉnh Thái Nguyên ", number: "125/QĐ-LĐLĐ",
    decidedOn: "2024-03-15", note: "",
  };

  it("parses a recognition", () => {
    expect(RecognitionInput.parse(valid)).toEqual({
      kind: "FIRST", periodFrom: 2022, periodTo: 2023, issuer: "Liên đoàn Lao động tỉnh Thái Nguyên", number: "125/QĐ-LĐLĐ",
      decidedOn: utcDate(2024, 3, 15), note: undefined,
    });
  });

  it.each([
    [{ kind: "" }, "kind", "Vui lòng chọn lần công nhận (lần đầu hoặc công nhận lại)."],
    [{ periodFrom: "20x2" }, "periodFrom", "Năm bắt đầu giai đoạn phải là số nguyên."],
    [{ periodTo: "1980" }, "periodTo", "Năm kết thúc giai đoạn phải từ 1990 đến 2100."],
    [{ periodFrom: "2024", periodTo: "2023" }, "periodTo", "Năm kết thúc (2023) không được trước năm bắt đầu (2024)."],
    [{ issuer: "  " }, "issuer", "Vui lòng nhập cơ quan ra quyết định."],
    [{ number: "" }, "number", "Vui lòng nhập số quyết định."],
    [{ decidedOn: "" }, "decidedOn", "Vui lòng nhập ngày quyết định."],
  ])("refuses %j on %s", (change, field, message) => {
    expect(errorsOf(RecognitionInput.safeParse({ ...valid, ...change }))[field]).toEqual([message]);
  });
});

describe("decidedOnError", () => {
  const today = utcDate(2024, 6, 1);
  it.each([
    [utcDate(2024, 3, 15), 2023, undefined],
    [utcDate(2023, 12, 31), 2023, undefined],
    [utcDate(2023, 12, 30), 2023, "Ngày quyết định không được trước khi giai đoạn công nhận kết thúc (31/12/2023)."],
    [utcDate(2024, 6, 2), 2023, "Ngày quyết định không được sau ngày hôm nay (01/06/2024)."],
  ])("%s for a period ending %i → %s", (date, periodTo, expected) => {
    expect(decidedOnError(date, periodTo, today)).toBe(expected);
  });
});

describe("safeCellText", () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ["+84912345678", "'+84912345678"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["\n=1+1", "'\n=1+1"],
    ["  =1+1", "'  =1+1"],
    ["\u3000=1+1", "'\u3000=1+1"],
    ["＝HYPERLINK(\"http://x\")", "'＝HYPERLINK(\"http://x\")"],
    ["＋1", "'＋1"],
    ["－1", "'－1"],
    ["＠SUM(A1)", "'＠SUM(A1)"],
    ["Xí nghiệp - chi nhánh 2", "Xí nghiệp - chi nhánh 2"],
    ["Trường Mầm non Kim Phượng", "Trường Mầm non Kim Phượng"],
    ["Công ty A=B", "Công ty A=B"],
    ["", ""],
    [null, ""],
    [undefined, ""],
  ])("%j → %j", (value, expected) => {
    expect(safeCellText(value)).toBe(expected);
  });
});
