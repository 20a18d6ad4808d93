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

// ---- Shared by every throttle kept in Postgres (sign-in, public comments) ------------------------------------------

/** At most `max` events in any `windowMinutes`. */
export type WindowLimit = { max: number; windowMinutes: number };

/**
 * When a caller at a sliding-window limit may act again: once the `max`-th most recent event leaves the window.
 * `recent` are the caller's latest events, newest first (at least `max` of them when there are that many).
 * Null when the caller is under the limit now.
 */
export function windowRetryAt(limit: WindowLimit, recent: readonly Date[], now: Date): Date | null {
  const since = now.getTime() - limit.windowMinutes * 60_000;
  const inWindow = recent.filter((d) => d.getTime() > since);
  if (inWindow.length < limit.max) return null;
  const edge = [...inWindow].sort((a, b) => b.getTime() - a.getTime())[limit.max - 1]!;
  return new Date(edge.getTime() + limit.windowMinutes * 60_000);
}

/**
 * The client's address as the reverse proxy reports it: the first `x-forwarded-for` entry, else `x-real-ip`;
 * undefined when neither is set. Capped so a forged header cannot bloat what is stored or hashed.
 *
 * Trust assumption: the app runs only behind a reverse proxy that REPLACES `x-forwarded-for` with the address it
 * saw (nginx: `proxy_set_header X-Forwarded-For $remote_addr;`, not `$proxy_add_x_forwarded_for`, which keeps what
 * the client sent in front). Reached directly, or through a proxy that appends, a client can pick its own first
 * entry and so its own per-IP bucket (sign-in per-IP lock, public comment per-sender limits); the per-username lock
 * and the per-notice daily cap still hold in that case. There is no switch to turn the header off.
 */
export function clientIp(header: (name: string) => unknown): string | undefined {
  const forwarded = header("x-forwarded-for");
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = header("x-real-ip");
  const ip = first || (typeof real === "string" ? real.trim() : "");
  return ip ? ip.slice(0, 64) : undefined;
}
