import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates";
import type { HamletReviewState, TitleProgress } from "@/lib/dashboard/types";
import {
  NO_DATA, daysLeftText, formatRate, gapText, hamletChartData, hasData, progressText, reviewStatusDate, reviewStatusText, scopeLabels, sensitiveCountText, sortByGap,
  yearChartData,
} from "@/lib/dashboard/view";

const progress = (p: Partial<TitleProgress>): TitleProgress => ({ total: 0, registered: 0, recognised: 0, provisional: 0, rate: null, ...p });

const review = (p: Partial<HamletReviewState>): HamletReviewState => ({
  status: "MEETING", meetingDate: utcDate(2024, 11, 5), noticePostedOn: null, noticeEndsOn: null, submittedAt: null, acceptedAt: null,
  decidedOn: null, ...p,
});

describe("hasData / progressText", () => {
  it("says 'chưa có dữ liệu' when nothing is recorded for the year or there is no denominator", () => {
    expect(hasData(progress({ total: 12 }))).toBe(false);
    expect(progressText(progress({ total: 12, rate: 0 }))).toBe(NO_DATA);
    expect(progressText(progress({ total: 0, registered: 0 }))).toBe(NO_DATA);
  });

  it("shows recognised/total and the rate once anything is recorded", () => {
    expect(hasData(progress({ total: 12, registered: 3 }))).toBe(true);
    expect(hasData(progress({ total: 12, provisional: 1 }))).toBe(true);
    expect(progressText(progress({ total: 12_859, registered: 12_000, recognised: 11_693, rate: 90.9 }))).toBe("11.693/12.859 (90,9 %)");
  });
});

describe("formatRate / gapText / daysLeftText", () => {
  it("formats rates in vi-VN with one decimal", () => {
    expect(formatRate(90.8)).toBe("90,8 %");
    expect(formatRate(100)).toBe("100,0 %");
    expect(formatRate(null)).toBe("—");
  });

  it("words the gap", () => {
    expect(gapText(1_250, "hộ")).toBe("còn thiếu 1.250 hộ");
    expect(gapText(0, "xóm")).toBe("đã đạt chỉ tiêu");
  });

  it("words the days left", () => {
    expect(daysLeftText(5)).toBe("còn 5 ngày");
    expect(daysLeftText(0)).toBe("hôm nay là hạn cuối");
    expect(daysLeftText(-3)).toBe("quá hạn 3 ngày");
  });
});

describe("sortByGap", () => {
  const h = (name: string, official: number, rate: number | null) => ({ name, rate, gap: { official, withProvisional: official } });

  it("puts the largest gap first, then the lower rate (no rate last), then by Vietnamese name", () => {
    const input = [h("Đông", 2, 80), h("An", 5, 70), h("Bắc", 2, 60), h("Cầu", 2, null), h("Ấp", 0, 95), h("Bình", 2, 60)];
    expect(sortByGap(input).map((x) => x.name)).toEqual(["An", "Bắc", "Bình", "Đông", "Cầu", "Ấp"]);
  });

  it("does not reorder its input", () => {
    const input = [h("A", 0, 90), h("B", 3, 50)];
    sortByGap(input);
    expect(input.map((x) => x.name)).toEqual(["A", "B"]);
  });
});

describe("review status text and date", () => {
  it("reads 'Chưa họp' without a review", () => {
    expect(reviewStatusText(null)).toBe("Chưa họp");
  });

  it("pairs each status with the date of its step", () => {
    const r = review({
      noticePostedOn: utcDate(2024, 11, 6), submittedAt: utcDate(2024, 11, 17), acceptedAt: utcDate(2024, 11, 19),
      decidedOn: utcDate(2024, 11, 28),
    });
    expect(reviewStatusText({ ...r, status: "MEETING" })).toBe("Đang bình xét (05/11/2024)");
    expect(reviewStatusText({ ...r, status: "NOTICE" })).toBe("Đang niêm yết (06/11/2024)");
    expect(reviewStatusText({ ...r, status: "SUBMITTED" })).toBe("Đã nộp hồ sơ (17/11/2024)");
    expect(reviewStatusText({ ...r, status: "RETURNED" })).toBe("Bị trả lại (17/11/2024)");
    expect(reviewStatusText({ ...r, status: "ACCEPTED" })).toBe("Đã tiếp nhận (19/11/2024)");
    expect(reviewStatusText({ ...r, status: "DECIDED" })).toBe("Đã có quyết định (28/11/2024)");
    expect(reviewStatusDate({ ...r, status: "ACCEPTED" })).toEqual(utcDate(2024, 11, 19));
  });

  it("shows the label alone when the step has no date", () => {
    expect(reviewStatusText(review({ status: "DECIDED" }))).toBe("Đã có quyết định");
  });
});

describe("chart data", () => {
  it("keeps the given order, draws 0 for a hamlet without a rate and carries the target", () => {
    expect(hamletChartData([{ id: "a", name: "An", rate: null }, { id: "b", name: "Bắc", rate: 92.5 }], 90)).toEqual([
      { id: "a", label: "An", value: 0, target: 90, hasRate: false },
      { id: "b", label: "Bắc", value: 92.5, target: 90, hasRate: true },
    ]);
  });

  it("flattens the year rates with their targets", () => {
    expect(yearChartData([{ year: 2024, targets: { households: 90, hamlets: 70, agencies: 95 }, households: 88.1, hamlets: null, agencies: 100 }]))
      .toEqual([{ label: "2024", households: 88.1, hamlets: null, agencies: 100, targetHouseholds: 90, targetHamlets: 70, targetAgencies: 95 }]);
  });
});

describe("scopeLabels", () => {
  it("labels the commune's view plainly", () => {
    expect(scopeLabels(null)).toEqual({
      households: "Gia đình văn hóa", hamlets: "Xóm văn hóa", agencies: "Cơ quan, đơn vị đạt chuẩn văn hóa", years: "",
    });
  });

  it("in a hamlet head's view says the households figures are the hamlet's and the other titles the commune's", () => {
    const labels = scopeLabels("Bản Lác");
    expect(labels.households).toBe("Gia đình văn hóa (xóm Bản Lác)");
    // The households figures are never called the commune's.
    expect(labels.households).not.toContain("toàn xã");
    expect(labels.hamlets).toBe("Xóm văn hóa (toàn xã)");
    expect(labels.agencies).toBe("Cơ quan, đơn vị đạt chuẩn văn hóa (toàn xã)");
    expect(labels.years).toBe(" (hộ: của xóm Bản Lác; xóm và cơ quan: toàn xã)");
    expect(scopeLabels("Xóm Dạ").households).toBe("Gia đình văn hóa (Xóm Dạ)");
  });
});

describe("sensitiveCountText", () => {
  it.each([
    [0, false, "0"], [1, false, "dưới 3"], [2, false, "dưới 3"], [3, false, "3"], [1234, false, "1.234"],
    [1, true, "1"], [2, true, "2"],
  ])("%i households, reasons visible %s → %s", (count, seesReasons, text) => {
    expect(sensitiveCountText(count, seesReasons)).toBe(text);
  });
});
