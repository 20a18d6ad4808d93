// Timing helpers: runs after a warm-up, A and B interleaved so a drifting machine affects both alike; medians.

import { performance } from "node:perf_hooks";

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export type Pair = { a: number[]; b: number[]; medianA: number; medianB: number; ratio: number };

/** `runs` timings of each, after `warmup` untimed rounds, alternating A B A B…; ratio = median A / median B. */
export async function pair(a: () => Promise<unknown>, b: () => Promise<unknown>, runs: number, warmup = 3): Promise<Pair> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so neither always runs on a warm cache left by the other.
    if (i % 2 === 0) {
      ta.push(await time(a));
      tb.push(await time(b));
    } else {
      tb.push(await time(b));
      ta.push(await time(a));
    }
  }
  const medianA = median(ta);
  const medianB = median(tb);
  return { a: ta, b: tb, medianA, medianB, ratio: medianA / medianB };
}
