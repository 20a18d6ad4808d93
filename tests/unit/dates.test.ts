import { describe, expect, it } from "vitest";
import { addDays, daysBetween, formatDay, parseIsoDate, toIsoDate, todayInVietnam, utcDate } from "@/lib/dates";

describe("calendar dates", () => {
  it("parses real days only", () => {
    expect(parseIsoDate("2024-02-29")).toEqual(utcDate(2024, 2, 29));
    expect(parseIsoDate("2023-02-29")).toBeUndefined();
    expect(parseIsoDate("2024-13-01")).toBeUndefined();
    expect(parseIsoDate("15/11/2024")).toBeUndefined();
    expect(parseIsoDate("")).toBeUndefined();
  });

  it("today is the date in Vietnam, not on the server's clock", () => {
    expect(toIsoDate(todayInVietnam(new Date("2024-11-24T16:59:59Z")))).toBe("2024-11-24");
    expect(toIsoDate(todayInVietnam(new Date("2024-11-24T17:00:00Z")))).toBe("2024-11-25");
  });

  it("adds days, counts days and writes dd/mm/yyyy with zero padding", () => {
    expect(addDays(utcDate(2024, 12, 31), 1)).toEqual(utcDate(2025, 1, 1));
    expect(daysBetween(utcDate(2024, 11, 15), utcDate(2024, 11, 25))).toBe(10);
    expect(formatDay(utcDate(2024, 1, 5))).toBe("05/01/2024");
  });
});
