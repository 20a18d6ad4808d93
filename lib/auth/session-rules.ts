// Server-side session rules (pure): how long a signed-in session lives, when it ends for inactivity, and how often
// its last activity is written. The records live in the UserSession table; `now` is always a parameter.

export type SessionConfig = {
  /** Absolute lifetime from sign-in (ASVS 3.3.2: re-authenticate after a fixed period, whatever the activity). */
  maxAgeMinutes: number;
  /** Inactivity after which the session ends (ASVS 3.3.2 / 3.3.1 for level 2: 30 minutes). */
  idleMinutes: number;
  /** lastSeenAt is written at most this often, so a busy user does not write on every request. */
  touchEverySeconds: number;
};

export const SESSION_DEFAULTS: SessionConfig = { maxAgeMinutes: 8 * 60, idleMinutes: 30, touchEverySeconds: 60 };

// Out-of-range settings fall back to the default rather than making sessions endless or unusable.
const LIMITS = { maxHours: { min: 1, max: 24 }, idleMinutes: { min: 5, max: 8 * 60 } } as const;

function intSetting(raw: string | undefined, min: number, max: number): number | null {
  if (raw === undefined || raw.trim() === "") return null;
  const value = Number(raw.trim());
  return Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/**
 * The session settings from the environment: VANHOA_SESSION_MAX_HOURS (1–24, default 8) and
 * VANHOA_SESSION_IDLE_MINUTES (5–480, default 30). The idle timeout never exceeds the lifetime.
 */
export function sessionConfigFrom(env: Record<string, string | undefined>): SessionConfig {
  const hours = intSetting(env.VANHOA_SESSION_MAX_HOURS, LIMITS.maxHours.min, LIMITS.maxHours.max);
  const idle = intSetting(env.VANHOA_SESSION_IDLE_MINUTES, LIMITS.idleMinutes.min, LIMITS.idleMinutes.max);
  const maxAgeMinutes = hours === null ? SESSION_DEFAULTS.maxAgeMinutes : hours * 60;
  return { ...SESSION_DEFAULTS, maxAgeMinutes, idleMinutes: Math.min(idle ?? SESSION_DEFAULTS.idleMinutes, maxAgeMinutes) };
}

/** When a session created now must end at the latest. */
export function sessionExpiresAt(createdAt: Date, config: SessionConfig): Date {
  return new Date(createdAt.getTime() + config.maxAgeMinutes * 60_000);
}

export type SessionRecord = { createdAt: Date; lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null };

/** ACTIVE, or why the session has ended: revoked (sign-out, password reset, lock), too old, or idle too long. */
export type SessionState = "ACTIVE" | "REVOKED" | "EXPIRED" | "IDLE";

export function sessionState(session: SessionRecord, now: Date, config: SessionConfig): SessionState {
  if (session.revokedAt && session.revokedAt <= now) return "REVOKED";
  // The stored end, or the current setting if it was shortened since sign-in.
  const end = Math.min(session.expiresAt.getTime(), sessionExpiresAt(session.createdAt, config).getTime());
  if (now.getTime() >= end) return "EXPIRED";
  if (now.getTime() - session.lastSeenAt.getTime() >= config.idleMinutes * 60_000) return "IDLE";
  return "ACTIVE";
}

/** True when an active session's lastSeenAt is old enough to be written again. */
export function shouldTouch(lastSeenAt: Date, now: Date, config: SessionConfig): boolean {
  return now.getTime() - lastSeenAt.getTime() >= config.touchEverySeconds * 1000;
}
