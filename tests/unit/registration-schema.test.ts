import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates";
import {
  compareViPersonName, defaultRegistrationDay, isRegistrationOpen, registrationDateError, registrationLockedMessage,
} from "@/lib/registration/rules";
import { RegistrationDateInput, RegistrationIntent } from "@/lib/registration/schema";
import { fieldErrorsOf } from "@/lib/result";
import type { ReviewStatus } from "@/lib/review/rules";

const HOUSEHOLD = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";

describe("the registration date field", () => {
  it("parses a YYYY-MM-DD date to UTC midnight", () => {
    expect(RegistrationDateInput.parse({ registeredOn: " 2024-02-03 " })).toEqual({ registeredOn: utcDate(2024, 2, 3) });
  });

  it.each([
    [undefined, "Vui lòng nhập ngày đăng ký."],
    ["", "Vui lòng nhập ngày đăng ký."],
    ["2024-02-30", "Ngày đăng ký không hợp lệ (ngày/tháng/năm)."],
    ["03/02/2024", "Ngày đăng ký không hợp lệ (ngày/tháng/năm)."],
  ])("refuses %s with a message by the field", (value, message) => {
    const result = RegistrationDateInput.safeParse({ registeredOn: value });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({ registeredOn: [message] });
  });
});

describe("registrationDateError", () => {
  const today = utcDate(2024, 6, 15);
  it.each([
    [utcDate(2024, 1, 1), undefined],
    [utcDate(2024, 6, 15), undefined],
    [utcDate(2023, 12, 31), "Ngày đăng ký phải nằm trong năm thi đua 2024 (từ 01/01/2024 đến 31/12/2024)."],
    [utcDate(2025, 1, 1), "Ngày đăng ký phải nằm trong năm thi đua 2024 (từ 01/01/2024 đến 31/12/2024)."],
    [utcDate(2024, 6, 16), "Ngày đăng ký không được sau ngày hôm nay (15/06/2024)."],
  ])("%s → %s", (date, expected) => {
    expect(registrationDateError(date, 2024, today)).toBe(expected);
  });

  it("allows the whole year once it is over", () => {
    expect(registrationDateError(utcDate(2024, 12, 31), 2024, utcDate(2025, 3, 1))).toBeUndefined();
    expect(defaultRegistrationDay(2024, utcDate(2025, 3, 1))).toEqual(utcDate(2024, 12, 31));
    expect(defaultRegistrationDay(2024, utcDate(2024, 3, 1))).toEqual(utcDate(2024, 3, 1));
  });
});

describe("when registrations may change", () => {
  it.each([
    [null, true],
    ["MEETING", true],
    ["RETURNED", true],
    ["NOTICE", false],
    ["SUBMITTED", false],
    ["ACCEPTED", false],
    ["DECIDED", false],
  ] as const)("review status %s → %s", (status, open) => {
    expect(isRegistrationOpen(status)).toBe(open);
  });

  it("says where the dossier stands", () => {
    expect(registrationLockedMessage("NOTICE" as ReviewStatus)).toContain("Đang niêm yết");
    expect(registrationLockedMessage("NOTICE")).toContain("mở lại biên bản");
    expect(registrationLockedMessage("DECIDED")).toContain("Đã có quyết định");
  });
});

describe("the pressed button", () => {
  it("reads all, register and unregister", () => {
    expect(RegistrationIntent.parse("all")).toEqual({ kind: "all" });
    expect(RegistrationIntent.parse(`register:${HOUSEHOLD}`)).toEqual({ kind: "register", householdId: HOUSEHOLD });
    expect(RegistrationIntent.parse(`unregister:${HOUSEHOLD}`)).toEqual({ kind: "unregister", householdId: HOUSEHOLD });
  });

  it.each([undefined, "", "register", "register:not-a-uuid", `delete:${HOUSEHOLD}`, `all:${HOUSEHOLD}`])("refuses %s", (value) => {
    expect(RegistrationIntent.safeParse(value).success).toBe(false);
  });
});

describe("Vietnamese name order", () => {
  it("sorts by given name, then family and middle names, with Vietnamese collation", () => {
    const names = ["Nguyễn Văn Bình", "Lê Thị Ánh", "Trần Văn An", "Đỗ Văn Bình", "Hoàng Thị Ân", "Vũ Đức Đạt", "Lý Văn Dũng"];
    expect([...names].sort(compareViPersonName)).toEqual([
      "Trần Văn An", "Lê Thị Ánh", "Hoàng Thị Ân", "Đỗ Văn Bình", "Nguyễn Văn Bình", "Lý Văn Dũng", "Vũ Đức Đạt",
    ]);
  });
});
