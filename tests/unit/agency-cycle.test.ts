import { describe, expect, it } from "vitest";
import { agencyResult, agencyStanding, standingNote, unknownCodes, type RecognitionRow } from "@/lib/agency-title/rules";
import { utcDate } from "@/lib/dates";
import { cycleStanding, nextRecognition, recognitionPeriodError, type Recognition } from "@/lib/titles/rules";

// The agencies' recognition cycle (DOMAIN §3.4, TT 08/2014): first recognition for the 2 years from the first
// registration, decided from the year after; then re-recognition for each following 5 years.

const first = (periodFrom: number): Recognition => ({ kind: "FIRST", periodFrom, periodTo: periodFrom + 1 });
const renewal = (periodFrom: number): Recognition => ({ kind: "RENEWAL", periodFrom, periodTo: periodFrom + 4 });

describe("nextRecognition", () => {
  it.each([
    ["registered 2022, nothing recognised", 2022, [], { kind: "FIRST", periodFrom: 2022, periodTo: 2023, dueYear: 2024 }],
    ["first recognised 2022–2023", 2022, [first(2022)], { kind: "RENEWAL", periodFrom: 2024, periodTo: 2028, dueYear: 2029 }],
    ["renewed 2024–2028", 2022, [first(2022), renewal(2024)], { kind: "RENEWAL", periodFrom: 2029, periodTo: 2033, dueYear: 2034 }],
    ["recognitions given in any order", 2022, [renewal(2024), first(2022)], { kind: "RENEWAL", periodFrom: 2029, periodTo: 2033, dueYear: 2034 }],
    // A history older than the app: the last renewal decides, whatever the first registration year in vanhoa.
    ["a history starting with a renewal before the app", 2024, [renewal(2015), renewal(2020)], { kind: "RENEWAL", periodFrom: 2025, periodTo: 2029, dueYear: 2030 }],
    ["first recognition for later years (first years not đạt)", 2020, [first(2023)], { kind: "RENEWAL", periodFrom: 2025, periodTo: 2029, dueYear: 2030 }],
  ] as const)("%s", (_name, firstYear, recognitions, expected) => {
    expect(nextRecognition(firstYear, recognitions)).toEqual(expected);
  });
});

describe("cycleStanding", () => {
  it.each([
    // year, achieved years → isDue, isReady, gaps
    ["2023: still inside the first period", 2023, [2022, 2023], false, false, []],
    ["2024: first recognition due, both years đạt", 2024, [2022, 2023], true, true, []],
    ["2024: due but 2023 không đạt", 2024, [2022], true, false, [2023]],
    ["2024: due with no result at all", 2024, [], true, false, [2022, 2023]],
    ["2026: overdue stays due", 2026, [2022, 2023], true, true, []],
    ["2022: gaps count only years up to now", 2022, [], false, false, [2022]],
  ] as const)("%s", (_name, year, achieved, isDue, isReady, gaps) => {
    const s = cycleStanding(2022, [], achieved, year);
    expect(s.next).toMatchObject({ kind: "FIRST", periodFrom: 2022, periodTo: 2023, dueYear: 2024 });
    expect({ isDue: s.isDue, isReady: s.isReady, gaps: s.gaps }).toEqual({ isDue, isReady, gaps });
  });

  it("after the first recognition works towards the 5-year renewal, due in 2029", () => {
    const s2026 = cycleStanding(2022, [first(2022)], [2022, 2023, 2024, 2025, 2026], 2026);
    expect(s2026).toMatchObject({ isDue: false, isReady: false, gaps: [] });
    const s2029 = cycleStanding(2022, [first(2022)], [2022, 2023, 2024, 2025, 2027, 2028], 2029);
    expect(s2029).toMatchObject({ next: { kind: "RENEWAL", periodFrom: 2024, periodTo: 2028, dueYear: 2029 }, isDue: true, isReady: false, gaps: [2026] });
  });
});

describe("recognitionPeriodError", () => {
  it.each([
    ["a 2-year first recognition", "FIRST", 2022, 2023, [], null],
    ["a 3-year first recognition", "FIRST", 2022, 2024, [], /2 năm liên tục/],
    ["a 1-year first recognition", "FIRST", 2022, 2022, [], /2 năm liên tục/],
    ["a 5-year renewal", "RENEWAL", 2024, 2028, [first(2022)], null],
    ["a 4-year renewal", "RENEWAL", 2024, 2027, [first(2022)], /5 năm liên tục/],
    ["a second first recognition", "FIRST", 2030, 2031, [first(2022)], /đã được công nhận lần đầu/],
    ["a renewal overlapping the first period", "RENEWAL", 2023, 2027, [first(2022)], /trùng với lần công nhận giai đoạn 2022–2023/],
    ["a renewal overlapping a renewal", "RENEWAL", 2026, 2030, [first(2022), renewal(2024)], /trùng với lần công nhận giai đoạn 2024–2028/],
    ["a renewal with a gap after the last period", "RENEWAL", 2026, 2030, [first(2022)], null],
    ["a renewal first, for a history before the app", "RENEWAL", 2015, 2019, [], null],
    ["a first recognition after renewals before the app", "FIRST", 2025, 2026, [renewal(2015)], null],
  ] as const)("%s", (_name, kind, from, to, previous, expected) => {
    const error = recognitionPeriodError(kind, from, to, previous);
    if (expected === null) expect(error).toBeNull();
    else expect(error).toMatch(expected);
  });
});

describe("agencyResult", () => {
  it.each([
    [["1", "2", "3"], ["1", "2", "3"], "ACHIEVED", []],
    [["1", "2", "3"], ["3", "1"], "NOT_ACHIEVED", ["2"]],
    [["1", "2", "3", "4"], [], "NOT_ACHIEVED", ["1", "2", "3", "4"]],
    [["1", "2", "3", "4"], ["1", "2", "3", "4", "4"], "ACHIEVED", []],
  ] as const)("set %j, met %j → %s, unmet %j", (codes, met, result, unmet) => {
    expect(agencyResult(codes, met)).toEqual({ result, unmetCodes: unmet });
  });

  it("finds ticked codes the set does not have", () => {
    expect(unknownCodes(["1", "2", "3"], ["1", "4", "4", "A1"])).toEqual(["4", "A1"]);
    expect(unknownCodes(["1", "2", "3"], ["2"])).toEqual([]);
  });
});

describe("agencyStanding", () => {
  const rec = (r: Recognition, decided: [number, number, number], number = "125/QĐ-LĐLĐ"): RecognitionRow => ({ ...r, number, decidedOn: utcDate(...decided) });
  const history = [
    { year: 2022, result: "ACHIEVED" as const },
    { year: 2023, result: "ACHIEVED" as const },
    { year: 2024, result: null },
  ];

  it("anchors on the earliest registered year and counts only đạt years", () => {
    const s = agencyStanding(history, [], 2024)!;
    expect(s.firstYear).toBe(2022);
    expect(s.cycle).toMatchObject({ next: { kind: "FIRST", periodFrom: 2022, periodTo: 2023, dueYear: 2024 }, isDue: true, isReady: true });
    expect(standingNote(s)).toBe("Đến hạn công nhận lần đầu 2022–2023");
  });

  it("after the first recognition (decided 2024) points to the renewal 2024–2028 due 2029", () => {
    const s = agencyStanding(history, [rec(first(2022), [2024, 3, 15])], 2024)!;
    expect(s.cycle).toMatchObject({ next: { kind: "RENEWAL", periodFrom: 2024, periodTo: 2028, dueYear: 2029 }, isDue: false });
    expect(s.covering).toBeNull();
    expect(standingNote(s)).toBe("Đang tích lũy để công nhận lại 2024–2028 (xét năm 2029)");
  });

  it("as of an earlier year ignores later registrations and recognitions decided later", () => {
    const s = agencyStanding(history, [rec(first(2022), [2024, 3, 15])], 2023)!;
    expect(s.cycle.next.kind).toBe("FIRST");
    expect(s.covering).toBeNull();
    expect(agencyStanding(history, [], 2021)).toBeNull();
  });

  it("names the recognition covering the year", () => {
    const later = agencyStanding(history, [rec(first(2022), [2024, 3, 15])], 2025)!;
    expect(later.covering).toBeNull();
    const covered = agencyStanding(history, [rec(first(2022), [2023, 12, 31])], 2023)!;
    expect(covered.covering).toMatchObject({ periodFrom: 2022, periodTo: 2023 });
    expect(standingNote(covered)).toBe("Đã được công nhận giai đoạn 2022–2023 (số 125/QĐ-LĐLĐ)");
  });

  it("lists the years that fall short when due", () => {
    const s = agencyStanding([{ year: 2022, result: "ACHIEVED" }, { year: 2023, result: "NOT_ACHIEVED" }], [], 2024)!;
    expect(s.cycle).toMatchObject({ isDue: true, isReady: false, gaps: [2023] });
    expect(standingNote(s)).toBe("Đến hạn công nhận lần đầu 2022–2023; năm chưa đạt: 2023");
  });

  it("anchors a history older than the app on its recognitions when no year is registered", () => {
    const s = agencyStanding([], [rec(renewal(2019), [2024, 2, 1])], 2024)!;
    expect(s.cycle.next).toMatchObject({ kind: "RENEWAL", periodFrom: 2024, periodTo: 2028 });
    expect(s.covering).toBeNull();
  });
});
