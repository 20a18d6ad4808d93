// The agency title's yearly result and where an agency stands in its recognition cycle, as plain functions. The
// cycle itself (2 years first, then every 5) is lib/titles/rules.ts; this module only picks its inputs from an
// agency's history.

import { cycleStanding, type CycleStanding, type Recognition } from "@/lib/titles/rules";
import { RECOGNITION_KIND_WORD, periodText } from "./labels";

export type AgencyResult = "ACHIEVED" | "NOT_ACHIEVED";

/** TT 08/2014 Điều 4–5: a unit is "đạt chuẩn" in a year only when it meets every standard of its kind's set. */
export function agencyResult(codes: readonly string[], metCodes: readonly string[]): { result: AgencyResult; unmetCodes: string[] } {
  const met = new Set(metCodes);
  const unmetCodes = codes.filter((c) => !met.has(c));
  return { result: unmetCodes.length === 0 ? "ACHIEVED" : "NOT_ACHIEVED", unmetCodes };
}

/** Codes ticked that the set does not have (a stale form, a tampered post). */
export function unknownCodes(codes: readonly string[], metCodes: readonly string[]): string[] {
  const known = new Set(codes);
  return [...new Set(metCodes)].filter((c) => !known.has(c));
}

export type YearResult = { year: number; result: AgencyResult | "EXCLUDED" | null };
export type RecognitionRow = Recognition & { number: string; decidedOn: Date };

export type AgencyStanding = {
  /** The earliest registered year: the anchor of the first recognition (DOMAIN §3.4). */
  firstYear: number;
  cycle: CycleStanding;
  /** The recognition whose period covers the year, if any. */
  covering: RecognitionRow | null;
};

/**
 * Where an agency stands as of `year`, from what was on record by then: registered years up to `year` (the
 * earliest is the anchor), recognitions decided by the end of `year`, đạt years. Null when it had not registered
 * by then and has no recognition (nothing to count from). A history older than the app may start with a
 * recognition alone: its period then anchors the cycle.
 */
export function agencyStanding(history: readonly YearResult[], recognitions: readonly RecognitionRow[], year: number): AgencyStanding | null {
  const years = history.filter((h) => h.year <= year);
  const known = recognitions.filter((r) => r.decidedOn.getUTCFullYear() <= year);
  const anchors = [...years.map((h) => h.year), ...known.map((r) => r.periodFrom)];
  if (anchors.length === 0) return null;
  const firstYear = years.length > 0 ? Math.min(...years.map((h) => h.year)) : Math.min(...anchors);
  const achieved = years.filter((h) => h.result === "ACHIEVED").map((h) => h.year);
  const covering = known.find((r) => r.periodFrom <= year && year <= r.periodTo) ?? null;
  return { firstYear, cycle: cycleStanding(firstYear, known, achieved, year), covering };
}

/** "Đến hạn công nhận lần đầu 2023–2024", with the years that fall short; or the recognition that covers the year. */
export function standingNote(standing: AgencyStanding | null): string {
  if (!standing) return "";
  const { cycle, covering } = standing;
  const next = `${RECOGNITION_KIND_WORD[cycle.next.kind]} ${periodText(cycle.next.periodFrom, cycle.next.periodTo)}`;
  if (cycle.isDue) {
    return cycle.isReady ? `Đến hạn công nhận ${next}` : `Đến hạn công nhận ${next}; năm chưa đạt: ${cycle.gaps.join(", ")}`;
  }
  if (covering) return `Đã được công nhận giai đoạn ${periodText(covering.periodFrom, covering.periodTo)} (số ${covering.number})`;
  return `Đang tích lũy để công nhận ${next} (xét năm ${cycle.next.dueYear})`;
}
