// Sign-in throttling rules (pure): how many recent failures lock a username or an IP, and for how long.

export const THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerUsername: 5,
  maxFailuresPerIp: 20,
} as const;

export type RecentFailures = { byUsername: number; byIp: number; oldestRelevantAt: Date | null };

/** Returns when the caller may try again, or null when they may try now. */
export function retryAfter(failures: RecentFailures, now: Date): Date | null {
  const locked = failures.byUsername >= THROTTLE.maxFailuresPerUsername || failures.byIp >= THROTTLE.maxFailuresPerIp;
  if (!locked || !failures.oldestRelevantAt) return null;
  const until = new Date(failures.oldestRelevantAt.getTime() + THROTTLE.windowMinutes * 60_000);
  return until > now ? until : null;
}
