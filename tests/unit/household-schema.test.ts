import { describe, expect, it } from "vitest";
import { HouseholdInput, MAX_MEMBERS, householdFormToObject } from "@/lib/households/schema";
import { fieldErrorsOf } from "@/lib/result";

// The household form as the browser posts it, parsed the way the action parses it.

const HAMLET = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const THIS_YEAR = new Date().getFullYear();

const VALID: Record<string, string> = {
  headName: "Nguyễn Văn An",
  headBirthYear: "1970",
  address: "Tổ 1, xóm Bản Lác",
  phone: "0912345678",
  hamletId: HAMLET,
  povertyStatus: "NONE",
  status: "ACTIVE",
  "members.0.fullName": "Hoàng Thị Bình",
  "members.0.birthYear": "1972",
  "members.0.relationship": "SPOUSE",
  "members.1.fullName": "Nguyễn Văn Cường",
  "members.1.birthYear": "1998",
  "members.1.relationship": "CHILD",
};

/** Builds the form from VALID with some fields replaced, or removed when given undefined. */
function form(changes: Record<string, string | undefined> = {}, base: Record<string, string> = VALID): FormData {
  const fd = new FormData();
  for (const [key, value] of Object.entries({ ...base, ...changes })) if (value !== undefined) fd.append(key, value);
  return fd;
}

function parse(fd: FormData) {
  return HouseholdInput.safeParse(householdFormToObject(fd));
}

/** The field errors of an invalid form, keyed by dotted path. */
function errorsOf(fd: FormData): Record<string, string[]> {
  const result = parse(fd);
  expect(result.success).toBe(false);
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("HouseholdInput via householdFormToObject", () => {
  it("accepts a complete form and types its fields", () => {
    const result = parse(form());
    expect(result.success).toBe(true);
    expect(result.data).toEqual({
      headName: "Nguyễn Văn An",
      headBirthYear: 1970,
      address: "Tổ 1, xóm Bản Lác",
      phone: "0912345678",
      hamletId: HAMLET,
      povertyStatus: "NONE",
      status: "ACTIVE",
      members: [
        { fullName: "Hoàng Thị Bình", birthYear: 1972, relationship: "SPOUSE" },
        { fullName: "Nguyễn Văn Cường", birthYear: 1998, relationship: "CHILD" },
      ],
    });
  });

  it("leaves blank optional fields out, defaults the status to ACTIVE and allows no members", () => {
    const minimal = parse(form({ headName: "Lò Văn Dũng", address: "Tổ 2", hamletId: HAMLET, povertyStatus: "POOR", headBirthYear: "", phone: "  " }, {}));
    expect(minimal.success).toBe(true);
    expect(minimal.data).toEqual({ headName: "Lò Văn Dũng", address: "Tổ 2", hamletId: HAMLET, povertyStatus: "POOR", status: "ACTIVE", members: [] });
  });

  it.each([
    ["headName", undefined, "Vui lòng nhập họ và tên chủ hộ."],
    ["headName", "", "Vui lòng nhập họ và tên chủ hộ."],
    ["headName", "   ", "Vui lòng nhập họ và tên chủ hộ."],
    ["headName", "A".repeat(101), "Họ và tên chủ hộ dài quá 100 ký tự."],
    ["headBirthYear", "một chín bảy", "Năm sinh chủ hộ phải là số nguyên."],
    ["headBirthYear", "1899", `Năm sinh chủ hộ phải từ 1900 đến ${THIS_YEAR}.`],
    ["headBirthYear", String(THIS_YEAR + 1), `Năm sinh chủ hộ phải từ 1900 đến ${THIS_YEAR}.`],
    ["address", undefined, "Vui lòng nhập địa chỉ."],
    ["address", "", "Vui lòng nhập địa chỉ."],
    ["address", "x".repeat(201), "Địa chỉ dài quá 200 ký tự."],
    ["phone", "12345", "Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678)."],
    ["phone", "1912345678", "Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678)."],
    ["phone", "09123456789", "Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678)."],
    ["phone", "0912abc678", "Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678)."],
    ["hamletId", undefined, "Vui lòng chọn xóm."],
    ["hamletId", "", "Vui lòng chọn xóm."],
    ["hamletId", "ban-lac", "Vui lòng chọn xóm."],
    ["povertyStatus", undefined, "Vui lòng chọn tình trạng hộ nghèo."],
    ["povertyStatus", "RICH", "Vui lòng chọn tình trạng hộ nghèo."],
    ["status", "GONE", "Vui lòng chọn tình trạng hộ."],
  ])("%s = %j → %s", (field, value, message) => {
    expect(errorsOf(form({ [field]: value }))).toEqual({ [field]: [message] });
  });

  it.each([
    ["1900", 1900],
    [String(THIS_YEAR), THIS_YEAR],
    [" 1985 ", 1985],
  ])("accepts the birth year %j", (value, year) => {
    expect(parse(form({ headBirthYear: value })).data?.headBirthYear).toBe(year);
  });

  it.each([
    ["091 234 5678", "0912345678"],
    ["091.234.5678", "0912345678"],
    ["091-234-5678", "0912345678"],
    [" 0912345678 ", "0912345678"],
  ])("normalises the phone %j to %s", (value, phone) => {
    expect(parse(form({ phone: value })).data?.phone).toBe(phone);
  });

  it("collapses whitespace and composes accents in text fields", () => {
    const result = parse(form({ headName: "  Nguyễn \t Văn\n An  ", address: "Tổ 1,   xóm Bản Lác ".normalize("NFD") }));
    expect(result.data?.headName).toBe("Nguyễn Văn An");
    expect(result.data?.address).toBe("Tổ 1, xóm Bản Lác");
    expect(result.data?.address).toBe("Tổ 1, xóm Bản Lác".normalize("NFC"));
  });

  it.each([
    ["headName", "Nguyễn\u0000Văn An", "Họ và tên chủ hộ có ký tự không hợp lệ."],
    ["headName", "Nguyễn\u0007Văn An", "Họ và tên chủ hộ có ký tự không hợp lệ."],
    ["address", "Tổ 1\u007f", "Địa chỉ có ký tự không hợp lệ."],
    ["members.0.fullName", "Hoàng\u001bThị Bình", "Họ và tên thành viên có ký tự không hợp lệ."],
  ])("refuses control characters in %s", (field, value, message) => {
    expect(errorsOf(form({ [field]: value }))).toEqual({ [field]: [message] });
  });

  describe("member rows", () => {
    it("points errors at the row the user sees", () => {
      expect(errorsOf(form({ "members.1.fullName": "" }))).toEqual({ "members.1.fullName": ["Vui lòng nhập họ và tên thành viên."] });
      expect(errorsOf(form({ "members.0.birthYear": "1850" }))).toEqual({ "members.0.birthYear": [`Năm sinh phải từ 1900 đến ${THIS_YEAR}.`] });
      expect(errorsOf(form({ "members.1.relationship": "" }))).toEqual({ "members.1.relationship": ["Vui lòng chọn quan hệ với chủ hộ."] });
    });

    it("reports each bad row separately", () => {
      expect(errorsOf(form({ "members.0.fullName": " ", "members.1.birthYear": "abc" }))).toEqual({
        "members.0.fullName": ["Vui lòng nhập họ và tên thành viên."],
        "members.1.birthYear": ["Năm sinh phải là số nguyên."],
      });
    });

    it("refuses a second head of household among the members", () => {
      expect(errorsOf(form({ "members.0.relationship": "HEAD" }))).toEqual({ "members.0.relationship": ["Vui lòng chọn quan hệ với chủ hộ."] });
    });

    it("orders rows by their number, whatever order the fields arrive in", () => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(VALID).filter(([k]) => !k.startsWith("members."))) fd.append(k, v);
      fd.append("members.1.fullName", "Thứ Hai");
      fd.append("members.1.relationship", "CHILD");
      fd.append("members.0.fullName", "Thứ Nhất");
      fd.append("members.0.relationship", "SPOUSE");
      fd.append("members.0.unknown", "ignored");
      expect(parse(fd).data?.members.map((m) => m.fullName)).toEqual(["Thứ Nhất", "Thứ Hai"]);
    });

    it(`allows at most ${MAX_MEMBERS} members`, () => {
      const rows = (n: number) =>
        Object.fromEntries(
          Array.from({ length: n }, (_, i) => [
            [`members.${i}.fullName`, `Thành Viên ${i}`],
            [`members.${i}.relationship`, "CHILD"],
          ]).flat(),
        );
      const base = Object.fromEntries(Object.entries(VALID).filter(([k]) => !k.startsWith("members.")));
      expect(parse(form(rows(MAX_MEMBERS), base)).success).toBe(true);
      expect(errorsOf(form(rows(MAX_MEMBERS + 1), base))).toEqual({ members: [`Một hộ có tối đa ${MAX_MEMBERS} thành viên.`] });
    });
  });
});
