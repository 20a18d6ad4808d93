import { describe, expect, it } from "vitest";
import { nextUnassessed, type RollEntry } from "@/lib/review/queries";

// "Tiếp tục bình xét" and "Lưu và sang hộ tiếp theo": the next active household without a result, in roll order.

const roll = (spec: string): RollEntry[] =>
  spec.split(" ").map((s, i) => ({ id: `h${i}`, headName: `H${i}`, isActive: !s.includes("x"), isAssessed: s.includes("a") }));

describe("nextUnassessed", () => {
  it.each([
    ["- - -", undefined, "h0"],
    ["a - -", undefined, "h1"],
    ["a a a", undefined, null],
    ["- a - -", "h1", "h2"],
    ["- a a a", "h2", "h0"], // wraps round
    ["- a a", "h0", null], // the current one does not count
    ["a x -", "h0", "h2"], // a household that moved out is skipped
    ["", undefined, null],
  ] as const)("%j after %s → %s", (spec, current, expected) => {
    expect(nextUnassessed(spec === "" ? [] : roll(spec), current)).toBe(expected);
  });
});
