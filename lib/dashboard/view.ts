// Pure view helpers of the steering committee's dashboard (issue 5): ordering, the words shown next to the
// figures, and the ready-made rows the client charts draw. No database, no React; figures.ts computes the numbers.

import { formatDate, formatFixed, formatNumber } from "@/lib/format";
import { REVIEW_STATUS_LABEL } from "@/lib/review/rules";
import { compareVi } from "@/lib/text";
import type { HamletFigures, HamletReviewState, TitleProgress, YearRates } from "./types";

export const NO_DATA = "chưa có dữ liệu";
export const OFFICIAL_LABEL = "Chính thức (đã có quyết định)";
export const PROVISIONAL_LABEL = "Tạm tính (đã bình xét, chưa có quyết định)";
export const NO_MEETING_LABEL = "Chưa họp";

/**
 * A title has data for the year once something was recorded for it: a registration, a result or an award. An empty
 * denominator (no household, hamlet or agency) has none either.
 */
export function hasData(p: TitleProgress): boolean {
  return p.total > 0 && (p.registered > 0 || p.recognised > 0 || p.provisional > 0);
}

/**
 * The titles' labels of a view limited to one hamlet (a hamlet head's, `hamletName` set): the households figures are
 * that hamlet's, the "Xóm văn hóa" and agency figures stay the commune's, and each label says which. For the commune's
 * view (null) the plain titles.
 */
export function scopeLabels(hamletName: string | null) {
  if (hamletName === null) {
    return { households: "Gia đình văn hóa", hamlets: "Xóm văn hóa", agencies: "Cơ quan, đơn vị đạt chuẩn văn hóa", years: "" };
  }
  const own = /^xóm\s/i.test(hamletName) ? hamletName : `xóm ${hamletName}`;
  return {
    households: `Gia đình văn hóa (${own})`,
    hamlets: "Xóm văn hóa (toàn xã)",
    agencies: "Cơ quan, đơn vị đạt chuẩn văn hóa (toàn xã)",
    years: ` (hộ: của ${own}; xóm và cơ quan: toàn xã)`,
  };
}

/** A rate already in percent (one decimal) as vi-VN: 90.8 → "90,8 %"; null → "—". */
export function formatRate(rate: number | null): string {
  if (rate === null) return "—";
  return `${formatFixed(rate, 1)} %`;
}

/** "11.693/12.859 (90,9 %)", or "chưa có dữ liệu" when the title has nothing recorded for the year. */
export function progressText(p: TitleProgress): string {
  if (!hasData(p)) return NO_DATA;
  return `${formatNumber(p.recognised)}/${formatNumber(p.total)} (${formatRate(p.rate)})`;
}

/** "còn thiếu 12 hộ" or "đã đạt chỉ tiêu". */
export function gapText(gap: number, unit: string): string {
  return gap > 0 ? `còn thiếu ${formatNumber(gap)} ${unit}` : "đã đạt chỉ tiêu";
}

/** The hamlets furthest from the target first: larger official gap, then lower rate (no rate last), then by name. */
export function sortByGap<T extends Pick<HamletFigures, "name" | "rate" | "gap">>(hamlets: readonly T[]): T[] {
  return [...hamlets].sort(
    (a, b) =>
      b.gap.official - a.gap.official ||
      (a.rate ?? Number.POSITIVE_INFINITY) - (b.rate ?? Number.POSITIVE_INFINITY) ||
      compareVi(a.name, b.name),
  );
}

/** The date that goes with a review's status: held, posted, submitted, accepted, decided. */
export function reviewStatusDate(review: HamletReviewState): Date | null {
  switch (review.status) {
    case "MEETING":
      return review.meetingDate;
    case "NOTICE":
      return review.noticePostedOn;
    case "SUBMITTED":
    case "RETURNED":
      return review.submittedAt;
    case "ACCEPTED":
      return review.acceptedAt;
    case "DECIDED":
      return review.decidedOn;
  }
}

/** "Đang niêm yết (05/11/2024)", "Chưa họp", or the label alone when the step has no date. */
export function reviewStatusText(review: HamletReviewState | null): string {
  if (!review) return NO_MEETING_LABEL;
  const date = reviewStatusDate(review);
  const label = REVIEW_STATUS_LABEL[review.status];
  return date ? `${label} (${formatDate(date)})` : label;
}

/** "còn 5 ngày", "hôm nay là hạn cuối", "quá hạn 3 ngày". */
export function daysLeftText(days: number): string {
  if (days > 0) return `còn ${formatNumber(days)} ngày`;
  if (days === 0) return "hôm nay là hạn cuối";
  return `quá hạn ${formatNumber(-days)} ngày`;
}

export type HamletRatePoint = { id: string; label: string; value: number; target: number; hasRate: boolean };

/** The bar chart's rows, in the order given (sort by gap first): the household rate (0 when none) and the target. */
export function hamletChartData(hamlets: readonly Pick<HamletFigures, "id" | "name" | "rate">[], target: number): HamletRatePoint[] {
  return hamlets.map((h) => ({ id: h.id, label: h.name, value: h.rate ?? 0, target, hasRate: h.rate !== null }));
}

export type YearRatePoint = {
  label: string;
  households: number | null;
  hamlets: number | null;
  agencies: number | null;
  targetHouseholds: number;
  targetHamlets: number;
  targetAgencies: number;
};

/** The line chart's rows: one per campaign year, oldest first. */
export function yearChartData(years: readonly YearRates[]): YearRatePoint[] {
  return years.map((y) => ({
    label: String(y.year),
    households: y.households,
    hamlets: y.hamlets,
    agencies: y.agencies,
    targetHouseholds: y.targets.households,
    targetHamlets: y.targets.hamlets,
    targetAgencies: y.targets.agencies,
  }));
}

/** Counts of sensitive categories below this are shown as "dưới 3" to viewers without `violation.read`. */
export const SMALL_COUNT = 3;

/**
 * An exclusion category's count as a viewer may read it: exact for roles that see reasons; otherwise 1–2 becomes
 * "dưới 3", because with one or two households per category a neighbour could tell whose violation it is.
 */
export function sensitiveCountText(count: number, seesReasons: boolean): string {
  if (seesReasons || count === 0 || count >= SMALL_COUNT) return formatNumber(count);
  return `dưới ${SMALL_COUNT}`;
}
