import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates";
import { fieldErrorsOf } from "@/lib/result";
import { DOCUMENT_REF_MAX, violationFormToObject, violationInputFor } from "@/lib/violations/schema";

// The "Ghi nhận vi phạm" form as the browser posts it, parsed the way the action parses it.

const MEMBER = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
const TODAY = utcDate(2024, 6, 15);
const VALID: Record<string, string> = {
  memberId: MEMBER,
  category: "E4",
  occurredOn: "2024-04-03",
  documentRef: "QĐ xử phạt số 12/QĐ-XPHC ngày 03/04/2024",
  note: "",
};

function form(changes: Record<string, string | undefined> = {}): FormData {
  const fd = new FormData();
  for (const [key, value] of Object.entries({ ...VALID, ...changes })) if (value !== undefined) fd.append(key, value);
  return fd;
}

const parse = (fd: FormData) => violationInputFor(TODAY).safeParse(violationFormToObject(fd));

function errorsOf(fd: FormData): Record<string, string[]> {
  const result = parse(fd);
  expect(result.success).toBe(false);
  return fieldErrorsOf(result.error!);
}

describe("a valid violation", () => {
  it("parses to the stored shape", () => {
    const result = parse(form({ note: "  Đã nộp phạt  " }));
    expect(result.success).toBe(true);
    expect(result.data).toEqual({
      memberId: MEMBER, category: "E4", occurredOn: utcDate(2024, 4, 3),
      documentRef: "QĐ xử phạt số 12/QĐ-XPHC ngày 03/04/2024", note: "Đã nộp phạt",
    });
  });

  it("accepts every category E1–E4 and a violation dated today", () => {
    for (const category of ["E1", "E2", "E3", "E4"]) expect(parse(form({ category })).success).toBe(true);
    expect(parse(form({ occurredOn: "2024-06-15" })).success).toBe(true);
  });

  it("leaves an empty note out", () => {
    expect(parse(form({ note: "   " })).data?.note).toBeUndefined();
    expect(parse(form({ note: undefined })).data?.note).toBeUndefined();
  });
});

describe("refused input, with a message by the field", () => {
  it("requires the document reference", () => {
    expect(errorsOf(form({ documentRef: "" }))).toEqual({ documentRef: ["Vui lòng nhập số, ngày của văn bản xử lý."] });
    expect(errorsOf(form({ documentRef: "   " }))).toEqual({ documentRef: ["Vui lòng nhập số, ngày của văn bản xử lý."] });
    expect(errorsOf(form({ documentRef: undefined }))).toEqual({ documentRef: ["Vui lòng nhập số, ngày của văn bản xử lý."] });
  });

  it("limits the document reference to 200 characters", () => {
    expect(parse(form({ documentRef: "x".repeat(DOCUMENT_REF_MAX) })).success).toBe(true);
    expect(errorsOf(form({ documentRef: "x".repeat(DOCUMENT_REF_MAX + 1) }))).toEqual({
      documentRef: ["Số, ngày của văn bản xử lý dài quá 200 ký tự."],
    });
  });

  it.each(["", "E5", "e1", "A1"])("refuses the category %j", (category) => {
    expect(errorsOf(form({ category }))).toEqual({ category: ["Vui lòng chọn trường hợp không xét tặng (E1–E4)."] });
  });

  it("requires a member of the list", () => {
    expect(errorsOf(form({ memberId: "" }))).toEqual({ memberId: ["Vui lòng chọn thành viên vi phạm."] });
    expect(errorsOf(form({ memberId: "123" }))).toEqual({ memberId: ["Vui lòng chọn thành viên vi phạm."] });
  });

  it.each([
    ["", "Vui lòng nhập ngày vi phạm."],
    ["2024-02-30", "Ngày vi phạm không hợp lệ (ngày/tháng/năm)."],
    ["03/04/2024", "Ngày vi phạm không hợp lệ (ngày/tháng/năm)."],
    ["2024-06-16", "Ngày vi phạm không được sau ngày hôm nay (15/06/2024)."],
    ["1899-12-31", "Ngày vi phạm không hợp lệ (ngày/tháng/năm)."],
  ])("refuses the date %j", (occurredOn, message) => {
    expect(errorsOf(form({ occurredOn }))).toEqual({ occurredOn: [message] });
  });

  it("reports every bad field at once", () => {
    expect(Object.keys(errorsOf(form({ memberId: "", category: "", occurredOn: "", documentRef: "" }))).sort()).toEqual([
      "category", "documentRef", "memberId", "occurredOn",
    ]);
  });
});
