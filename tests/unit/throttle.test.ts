import { describe, expect, it } from "vitest";
import { THROTTLE, retryAfter } from "@/lib/auth/throttle";

const NOW = new Date("2025-03-01T08:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const minutesFromNow = (m: number) => new Date(NOW.getTime() + m * 60_000);

describe("sign-in throttling", () => {
  it("locks after 5 failures per username or 20 per IP within 15 minutes", () => {
    expect(THROTTLE).toEqual({ windowMinutes: 15, maxFailuresPerUsername: 5, maxFailuresPerIp: 20 });
  });

  it.each([
    { case: "no failures", byUsername: 0, byIp: 0, oldest: null, expected: null },
    { case: "4 username failures", byUsername: 4, byIp: 4, oldest: minutesAgo(1), expected: null },
    { case: "5 username failures, the 5th-newest 1 min ago", byUsername: 5, byIp: 5, oldest: minutesAgo(1), expected: minutesFromNow(14) },
    { case: "5 username failures just now", byUsername: 5, byIp: 5, oldest: NOW, expected: minutesFromNow(15) },
    { case: "5 username failures, window just ended", byUsername: 5, byIp: 5, oldest: minutesAgo(15), expected: null },
    { case: "5 username failures, window long over", byUsername: 5, byIp: 5, oldest: minutesAgo(40), expected: null },
    { case: "19 IP failures", byUsername: 0, byIp: 19, oldest: minutesAgo(2), expected: null },
    { case: "20 IP failures", byUsername: 0, byIp: 20, oldest: minutesAgo(2), expected: minutesFromNow(13) },
    { case: "locked but no edge known", byUsername: 5, byIp: 20, oldest: null, expected: null },
  ])("$case → $expected", ({ byUsername, byIp, oldest, expected }) => {
    expect(retryAfter({ byUsername, byIp, oldestRelevantAt: oldest }, NOW)).toEqual(expected);
  });

  it("always answers a time in the future when it locks", () => {
    for (let m = 0; m < THROTTLE.windowMinutes; m++) {
      const until = retryAfter({ byUsername: 5, byIp: 0, oldestRelevantAt: minutesAgo(m) }, NOW);
      expect(until).not.toBeNull();
      expect(until!.getTime()).toBeGreaterThan(NOW.getTime());
    }
  });
});
