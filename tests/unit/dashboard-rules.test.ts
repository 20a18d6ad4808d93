import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates";
import { daysLeft, gapToTarget, isOverdue, ratePct, targetCount } from "@/lib/dashboard/rules";

describe("ratePct", () => {
  it("rounds recognised / total to one decimal, half up", () => {
    expect(ratePct(11_693, 12_859)).toBe(90.9); // 90.933…
    expect(ratePct(566, 624)).toBe(90.7); // 90.705…
    expect(ratePct(1, 3)).toBe(33.3);
    expect(ratePct(2, 3)).toBe(66.7);
    expect(ratePct(1, 8)).toBe(12.5);
    expect(ratePct(1, 16)).toBe(6.3); // 6.25 → 6.3
    expect(ratePct(9, 10)).toBe(90);
    expect(ratePct(0, 5)).toBe(0);
    expect(ratePct(5, 5)).toBe(100);
  });

  it("is null without a denominator", () => {
    expect(ratePct(0, 0)).toBeNull();
  });
});

describe("targetCount and gapToTarget", () => {
  it("needs ceil(target % of total)", () => {
    expect(targetCount(90, 10)).toBe(9);
    expect(targetCount(90, 5)).toBe(5); // 4.5 → 5
    expect(targetCount(90, 7)).toBe(7); // 6.3 → 7
    expect(targetCount(90, 20)).toBe(18);
    expect(targetCount(100, 3)).toBe(3);
    expect(targetCount(90, 0)).toBe(0);
    expect(targetCount(0, 40)).toBe(0);
  });

  it("is the shortfall, never negative", () => {
    expect(gapToTarget(90, 20, 6)).toBe(12);
    expect(gapToTarget(90, 20, 18)).toBe(0);
    expect(gapToTarget(90, 20, 20)).toBe(0);
    expect(gapToTarget(90, 5, 0)).toBe(5);
    expect(gapToTarget(90, 5, 3)).toBe(2);
    expect(gapToTarget(90, 0, 0)).toBe(0);
    expect(gapToTarget(100, 3, 1)).toBe(2);
  });
});

describe("daysLeft and isOverdue", () => {
  const deadline = utcDate(2024, 11, 25);
  it("counts whole days to the deadline, 0 on the day, negative after", () => {
    expect(daysLeft(utcDate(2024, 11, 10), deadline)).toBe(15);
    expect(daysLeft(utcDate(2024, 11, 25), deadline)).toBe(0);
    expect(daysLeft(utcDate(2024, 11, 26), deadline)).toBe(-1);
    expect(daysLeft(utcDate(2024, 10, 26), deadline)).toBe(30);
  });

  it("is overdue only after the day and with something outstanding", () => {
    expect(isOverdue(utcDate(2024, 11, 25), deadline, 3)).toBe(false);
    expect(isOverdue(utcDate(2024, 11, 26), deadline, 3)).toBe(true);
    expect(isOverdue(utcDate(2024, 11, 26), deadline, 0)).toBe(false);
  });
});
