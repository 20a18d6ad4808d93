import { describe, expect, it } from "vitest";
import { HOUSEHOLD_MSG } from "@/lib/households/labels";
import { MAX_MEMBERS } from "@/lib/households/schema";
import { IMPORT_MSG, confirmLabel } from "@/lib/household-import/labels";
import { detectDelimiter } from "@/lib/household-import/parse";
import {
  HouseholdFileChecker, birthYearText, canConfirm, columnOfHeader, hamletFinder, isInterrupted, matchHeaders, phoneText, povertyOf,
  relationshipOf, type CheckContext,
} from "@/lib/household-import/rules";
import { UploadNameInput, type CellValue, type StagedHousehold } from "@/lib/household-import/schema";

describe("columnOfHeader: headers in any case, with or without accents, with synonyms", () => {
  it.each([
    ["STT", "index"], ["TT", "index"], ["Số TT", "index"],
    ["Xóm", "hamlet"], ["XÓM", "hamlet"], ["xom", "hamlet"], ["Thôn/Xóm", "hamlet"], ["Tên xóm", "hamlet"], ["Tổ dân phố", "hamlet"],
    ["Họ và tên", "fullName"], ["HỌ VÀ TÊN", "fullName"], ["Ho va ten", "fullName"], ["Họ tên", "fullName"], ["Họ và tên chủ hộ", "fullName"],
    ["Quan hệ với chủ hộ", "relationship"], ["Quan hệ", "relationship"], ["QH với chủ hộ", "relationship"], ["Mối quan hệ", "relationship"],
    ["Năm sinh", "birthYear"], ["Năm sinh (yyyy)", "birthYear"], ["Ngày sinh", "birthYear"], ["Ngày, tháng, năm sinh", "birthYear"],
    ["Địa chỉ", "address"], ["Dia chi", "address"], ["Nơi ở hiện nay", "address"], ["Địa chỉ thường trú", "address"],
    ["Số điện thoại", "phone"], ["SĐT", "phone"], ["sdt", "phone"], ["Điện thoại", "phone"], ["Số ĐT:", "phone"],
    ["Hộ nghèo", "poverty"], ["Hộ nghèo (Nghèo / Cận nghèo)", "poverty"], ["Hộ nghèo/cận nghèo", "poverty"], ["Hộ nghèo, cận nghèo", "poverty"],
  ])("%s → %s", (header, key) => {
    expect(columnOfHeader(header)).toBe(key);
  });

  it.each(["Ghi chú", "Dân tộc", "Giới tính", ""])("%s is not a column the import reads", (header) => {
    expect(columnOfHeader(header)).toBeUndefined();
  });
});

describe("matchHeaders", () => {
  it("finds the columns in any order, with their header text for messages", () => {
    expect(matchHeaders(["Địa chỉ", null, "ho va ten", "Xóm", "Ghi chú", "Năm sinh"])).toEqual({
      columns: { address: 0, fullName: 2, hamlet: 3, birthYear: 5 },
      labels: { address: "Địa chỉ", fullName: "ho va ten", hamlet: "Xóm", birthYear: "Năm sinh" },
      errors: [],
    });
  });

  it.each<[string, CellValue[]]>([
    ["a title row", ["DANH SÁCH HỘ GIA ĐÌNH XÓM BẢN LÁC NĂM 2025"]],
    ["a data row", ["1", "Bản Lác", "Nguyễn Văn A", "Chủ hộ"]],
    ["a row without Họ và tên", ["Xóm", "Địa chỉ"]],
  ])("does not take %s for the header", (_what, cells) => {
    expect(matchHeaders(cells)).toBeNull();
  });

  it("names each missing required column and each repeated one", () => {
    expect(matchHeaders(["Họ và tên", "STT"])?.errors).toEqual([IMPORT_MSG.missingColumn("Xóm"), IMPORT_MSG.missingColumn("Địa chỉ")]);
    expect(matchHeaders(["Họ và tên", "Xóm", "Địa chỉ", "Họ tên"])?.errors).toEqual([IMPORT_MSG.repeatedColumn("Họ tên")]);
  });
});

describe("relationshipOf: the file's words onto Relationship", () => {
  it.each([
    ["Chủ hộ", "HEAD"], ["CHỦ HỘ", "HEAD"], ["chu ho", "HEAD"], ["HEAD", "HEAD"],
    ["Vợ", "SPOUSE"], ["Chồng", "SPOUSE"], ["Vợ/Chồng", "SPOUSE"], ["vo / chong", "SPOUSE"],
    ["Con", "CHILD"], ["Con trai", "CHILD"], ["con gái", "CHILD"], ["Con nuôi", "CHILD"],
    ["Bố", "PARENT"], ["Mẹ", "PARENT"], ["Bố/Mẹ", "PARENT"], ["Cha", "PARENT"], ["Mẹ chồng", "PARENT"],
    ["Cháu", "GRANDCHILD"], ["Cháu nội", "GRANDCHILD"], ["chau ngoai", "GRANDCHILD"],
    ["Anh", "SIBLING"], ["Chị", "SIBLING"], ["Em", "SIBLING"], ["Anh/Chị/Em", "SIBLING"], ["Em gái", "SIBLING"],
    ["Con dâu", "CHILD_IN_LAW"], ["Con rể", "CHILD_IN_LAW"], ["Con dâu/Con rể", "CHILD_IN_LAW"], ["con dau", "CHILD_IN_LAW"],
    ["Khác", "OTHER"], ["Ông nội", "OTHER"], ["Bà", "OTHER"], ["Cô", "OTHER"], ["khac", "OTHER"],
  ])("%s → %s", (text, relationship) => {
    expect(relationshipOf(text)).toBe(relationship);
  });

  it.each(["Em họ xa", "Bạn", "x", "Con dâu trưởng"])("%s names no relationship", (text) => {
    expect(relationshipOf(text)).toBeUndefined();
  });
});

describe("povertyOf", () => {
  it.each([
    ["", "NONE"], [" ", "NONE"], ["-", "NONE"], ["Không", "NONE"], ["Nghèo", "POOR"], ["Hộ nghèo", "POOR"], ["NGHEO", "POOR"],
    ["Cận nghèo", "NEAR_POOR"], ["hộ cận nghèo", "NEAR_POOR"], ["can ngheo", "NEAR_POOR"], ["POOR", "POOR"],
  ])("%j → %s", (text, status) => {
    expect(povertyOf(text)).toBe(status);
  });

  it.each(["Khá", "Có", "x"])("%s is refused", (text) => {
    expect(povertyOf(text)).toBeUndefined();
  });
});

describe("cell values", () => {
  it.each<[CellValue, string]>([
    [912345678, "0912345678"], ["912345678", "0912345678"], ["0912 345 678", "0912 345 678"], ["+84 912 345 678", "0912345678"],
    ["(+84) 912.345.678", "0912345678"], [84912345678, "84912345678"], ["12345", "12345"], [null, ""],
  ])("phone %j → %j", (cell, text) => {
    expect(phoneText(cell)).toBe(text);
  });

  it.each<[CellValue, string]>([
    [1975, "1975"], ["1975", "1975"], [" 1975 ", "1975"], ["12/05/1975", "1975"], ["1-5-1975", "1975"],
    [new Date(Date.UTC(1975, 4, 12)), "1975"], [1975.5, "1975.5"], ["khoảng 1975", "khoảng 1975"], [null, ""],
  ])("birth year %j → %j", (cell, text) => {
    expect(birthYearText(cell)).toBe(text);
  });
});

describe("hamletFinder", () => {
  const find = hamletFinder([
    { id: "1", name: "Bản Lác" }, { id: "2", name: "Xóm Đồng Đình" }, { id: "3", name: "Nà Pẻn" }, { id: "4", name: "Nà Pến" },
  ]);
  it.each([
    ["Bản Lác", "1"], ["ban lac", "1"], ["BẢN LÁC", "1"], ["Xóm Bản Lác", "1"], ["Đồng Đình", "2"], ["xom dong dinh", "2"], ["Nà Pẻn", "3"], ["Nà Pến", "4"],
  ])("%s → hamlet %s", (text, id) => {
    expect(find(text)).toMatchObject({ id });
  });

  it("asks for accents when two hamlets differ only by them, and finds nothing for an unknown name", () => {
    expect(find("Na Pen")).toBe("ambiguous");
    expect(find("Kim Tân")).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------------------------

const HAMLET_A = "00000000-0000-4000-8000-0000000000a1";
const HAMLET_B = "00000000-0000-4000-8000-0000000000b2";
const HEADER = ["STT", "Xóm", "Họ và tên", "Quan hệ với chủ hộ", "Năm sinh", "Địa chỉ", "Số điện thoại", "Hộ nghèo"];
const thisYear = new Date().getFullYear();

function check(rows: CellValue[][], context: Partial<CheckContext> = {}) {
  const households: StagedHousehold[] = [];
  const checker = new HouseholdFileChecker({
    hamlets: [{ id: HAMLET_A, name: "Bản Lác" }, { id: HAMLET_B, name: "Kim Tân" }],
    mayWrite: () => true,
    ownHamletName: null,
    isRegistered: () => false,
    onHousehold: (h) => households.push(h),
    ...context,
  });
  [HEADER, ...rows].forEach((cells, i) => checker.push(i + 1, cells));
  return { ...checker.finish(), staged: households };
}
const head = (name: string, extra: Partial<Record<"hamlet" | "year" | "address" | "phone" | "poverty", CellValue>> = {}): CellValue[] => {
  const { hamlet = "Bản Lác", year = 1970, address = `Tổ 1 ${name}`, phone = "0912345678", poverty = "" } = extra;
  return [1, hamlet, name, "Chủ hộ", year, address, phone, poverty];
};
const member = (name: string, relationship: CellValue = "Con", year: CellValue = 2000): CellValue[] => [null, null, name, relationship, year, null, null, null];

describe("HouseholdFileChecker: one row's problem, its row number, its column and its message", () => {
  // The last column: the rows of the households that still come out (none with a faulty row).
  it.each<[string, CellValue[][], { row: number; column: string | null; message: string }, number[]]>([
    ["no hamlet", [head("A", { hamlet: "" })], { row: 2, column: "Xóm", message: IMPORT_MSG.hamletMissing }, []],
    ["an unknown hamlet", [head("A", { hamlet: "Nà Pẻn" })], { row: 2, column: "Xóm", message: "Không có xóm \u201cNà Pẻn\u201d trong xã." }, []],
    ["no head name", [head("")], { row: 2, column: "Họ và tên", message: "Vui lòng nhập họ và tên chủ hộ." }, []],
    ["a head name too long", [head("A".repeat(101))], { row: 2, column: "Họ và tên", message: "Họ và tên chủ hộ dài quá 100 ký tự." }, []],
    ["no address", [head("A", { address: " " })], { row: 2, column: "Địa chỉ", message: "Vui lòng nhập địa chỉ." }, []],
    ["a head born in 1850", [head("A", { year: 1850 })], { row: 2, column: "Năm sinh", message: `Năm sinh chủ hộ phải từ 1900 đến ${thisYear}.` }, []],
    ["a head born next year", [head("A", { year: thisYear + 1 })], { row: 2, column: "Năm sinh", message: `Năm sinh chủ hộ phải từ 1900 đến ${thisYear}.` }, []],
    ["a year that is not a number", [head("A", { year: "năm 70" })], { row: 2, column: "Năm sinh", message: "Năm sinh chủ hộ phải là số nguyên." }, []],
    ["a bad phone", [head("A", { phone: "09123" })], { row: 2, column: "Số điện thoại", message: "Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678)." }, []],
    ["an unknown poverty status", [head("A", { poverty: "Khá" })], { row: 2, column: "Hộ nghèo", message: IMPORT_MSG.povertyUnknown("Khá") }, []],
    ["a member above every head", [member("B"), head("A")], { row: 2, column: "Quan hệ với chủ hộ", message: IMPORT_MSG.memberBeforeHead }, [3]],
    ["an unknown relationship", [head("A"), member("B", "Hàng xóm")], { row: 3, column: "Quan hệ với chủ hộ", message: IMPORT_MSG.relationshipUnknown("Hàng xóm") }, []],
    ["a blank relationship", [head("A"), member("B", "")], { row: 3, column: "Quan hệ với chủ hộ", message: IMPORT_MSG.relationshipMissing }, []],
    ["a member without a name", [head("A"), member("")], { row: 3, column: "Họ và tên", message: "Vui lòng nhập họ và tên thành viên." }, []],
    ["a member born in 1899", [head("A"), member("B", "Con", 1899)], { row: 3, column: "Năm sinh", message: `Năm sinh phải từ 1900 đến ${thisYear}.` }, []],
    ["the same household twice", [head("Lò Văn A"), member("B"), head("lò  văn a")], { row: 4, column: "Họ và tên", message: IMPORT_MSG.duplicateInFile(2) }, [2]],
  ])("%s", (_what, rows, error, staged) => {
    const result = check(rows);
    expect(result.errors).toEqual([error]);
    expect(result.errorCount).toBe(1);
    expect(result.staged.map((h) => h.row)).toEqual(staged);
  });

  it("reports a household the registry already has, with the household form's message", () => {
    const result = check([head("Hà Văn Có", { address: "Tổ 3" })], { isRegistered: (hamletId, key) => hamletId === HAMLET_A && key === "hà văn có|tổ 3" });
    expect(result.errors).toEqual([{ row: 2, column: "Họ và tên", message: HOUSEHOLD_MSG.duplicate("Hà Văn Có") }]);
  });

  it("keeps the same head and address apart in two hamlets, and Lan apart from Lân", () => {
    const result = check([head("Lò Thị Lan", { address: "Tổ 1" }), head("Lò Thị Lan", { address: "Tổ 1", hamlet: "Kim Tân" }), head("Lò Thị Lân", { address: "Tổ 1" })]);
    expect(result.errors).toEqual([]);
    expect(result.staged.map((h) => h.hamletId)).toEqual([HAMLET_A, HAMLET_B, HAMLET_A]);
  });

  it(`refuses more than ${MAX_MEMBERS} members once, at the first row too many`, () => {
    const result = check([head("A"), ...Array.from({ length: MAX_MEMBERS + 2 }, (_, i) => member(`Con ${i}`))]);
    expect(result.errors).toEqual([{ row: 3 + MAX_MEMBERS, column: "Họ và tên", message: IMPORT_MSG.tooManyMembers(MAX_MEMBERS) }]);
  });

  it("refuses a hamlet outside the actor's scope, naming the actor's own hamlet", () => {
    const result = check([head("A"), head("B", { hamlet: "Kim Tân" })], { mayWrite: (id) => id === HAMLET_A, ownHamletName: "Bản Lác" });
    expect(result.errors).toEqual([{ row: 3, column: "Xóm", message: IMPORT_MSG.hamletOutOfScope("Bản Lác") }]);
    expect(result.staged.map((h) => h.headName)).toEqual(["A"]);
  });

  it("gives households as createHousehold stores them, skips blank rows and counts heads as persons", () => {
    const result = check([
      [1, "ban lac", "  Nguyễn   Văn Ánh ", "chủ hộ", 1968, "Tổ 3,  xóm A", 987654321, "Hộ nghèo"],
      member("Lường Thị Mai", "Vợ", "1970"),
      [null, null, null, null, null, null, null, null],
      [2, null, null, null, null, null, null, null],
      member("Nguyễn Văn Minh", "con trai", null),
      head("Hà Văn B", { hamlet: "Kim Tân", phone: null, poverty: "Cận nghèo" }),
    ]);
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ households: 2, members: 4 });
    expect(result.hamlets).toEqual([
      { hamletId: HAMLET_A, name: "Bản Lác", households: 1, members: 3 },
      { hamletId: HAMLET_B, name: "Kim Tân", households: 1, members: 1 },
    ]);
    expect(result.staged[0]).toEqual({
      row: 2, hamletId: HAMLET_A, headName: "Nguyễn Văn Ánh", headBirthYear: 1968, address: "Tổ 3, xóm A", phone: "0987654321", povertyStatus: "POOR",
      searchText: "nguyen van anh to 3, xom a 0987654321", dedupeKey: "nguyễn văn ánh|tổ 3, xóm a",
      members: [{ fullName: "Lường Thị Mai", birthYear: 1970, relationship: "SPOUSE" }, { fullName: "Nguyễn Văn Minh", birthYear: null, relationship: "CHILD" }],
    });
    expect(result.staged[1]).toMatchObject({ headName: "Hà Văn B", phone: null, povertyStatus: "NEAR_POOR", members: [] });
  });

  it("reads a file of head rows only, without a relationship column", () => {
    const checker = new HouseholdFileChecker({ hamlets: [{ id: HAMLET_A, name: "Bản Lác" }], mayWrite: () => true, ownHamletName: null, isRegistered: () => false });
    [["Họ tên chủ hộ", "Địa chỉ", "Thôn"], ["Ma Văn A", "Tổ 1", "Bản Lác"], ["Ma Văn B", "Tổ 2", "Bản Lác"]].forEach((cells, i) => checker.push(i + 1, cells));
    expect(checker.finish()).toMatchObject({ households: 2, members: 2, errorCount: 0 });
  });

  it("finds the header below a title, and says so when there is none or no row under it", () => {
    const titled = new HouseholdFileChecker({ hamlets: [{ id: HAMLET_A, name: "Bản Lác" }], mayWrite: () => true, ownHamletName: null, isRegistered: () => false });
    [["DANH SÁCH HỘ GIA ĐÌNH"], [], HEADER, head("A")].forEach((cells, i) => titled.push(i + 1, cells));
    expect(titled.finish()).toMatchObject({ households: 1, errorCount: 0 });

    const none = new HouseholdFileChecker({ hamlets: [], mayWrite: () => true, ownHamletName: null, isRegistered: () => false });
    none.push(1, ["a", "b"]);
    expect(none.finish().errors).toEqual([{ row: null, column: null, message: IMPORT_MSG.noHeader }]);
    expect(check([]).errors).toEqual([{ row: 1, column: null, message: IMPORT_MSG.noRows }]);
  });

  it("keeps the first errors only, and counts them all", () => {
    const checker = new HouseholdFileChecker({ hamlets: [], mayWrite: () => true, ownHamletName: null, isRegistered: () => false, maxErrors: 3 });
    [HEADER, ...Array.from({ length: 10 }, (_, i) => head(`H ${i}`))].forEach((cells, i) => checker.push(i + 1, cells));
    const result = checker.finish();
    expect(result.errors.map((e) => e.row)).toEqual([2, 3, 4]);
    expect(result.errorCount).toBe(10);
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["STT,Xóm,Họ và tên", ","], ["STT;Xóm;Họ và tên", ";"], ["STT\tXóm\tHọ và tên", "\t"], ['"Họ, tên";Xóm;Địa chỉ', ";"], ["Họ và tên", ","],
  ])("%j → %j", (line, delimiter) => {
    expect(detectDelimiter(line)).toBe(delimiter);
  });
});

describe("UploadNameInput", () => {
  it.each([["danh-sach.xlsx", "danh-sach.xlsx"], ["  Hộ Bản Lác.CSV ", "Hộ Bản Lác.CSV"], ["../../etc/x.csv", "....etcx.csv"]])("accepts %j as %j", (raw, name) => {
    expect(UploadNameInput.parse(raw)).toBe(name);
  });
  it.each([["", IMPORT_MSG.noFile], ["danh-sach.xls", IMPORT_MSG.badName], ["a.pdf", IMPORT_MSG.badName], [`${"a".repeat(200)}.csv`, "Tên tệp dài quá 200 ký tự."]])("refuses %j", (raw, message) => {
    expect(UploadNameInput.safeParse(raw).error?.issues[0]?.message).toBe(message);
  });
});

describe("the import's life", () => {
  const now = new Date("2026-01-10T10:00:00Z");
  it.each<[string, string, boolean, boolean]>([
    ["READY", "2026-01-10T09:59:00Z", false, true],
    ["RUNNING", "2026-01-10T09:59:00Z", false, false],
    ["RUNNING", "2026-01-10T09:40:00Z", true, true],
    ["DONE", "2026-01-10T09:00:00Z", false, false],
    ["INVALID", "2026-01-10T09:00:00Z", false, false],
    ["FAILED", "2026-01-10T09:00:00Z", false, false],
  ])("%s, last moved %s: interrupted %s, confirmable %s", (status, updatedAt, interrupted, confirmable) => {
    expect(isInterrupted(status, new Date(updatedAt), now)).toBe(interrupted);
    expect(canConfirm(status, new Date(updatedAt), now)).toBe(confirmable);
  });

  it("names the consequence on the confirm button", () => {
    expect(confirmLabel(1234, 4321)).toBe("Nhập 1.234 hộ, 4.321 nhân khẩu vào sổ hộ gia đình");
  });
});
