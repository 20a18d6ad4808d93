import { describe, expect, it } from "vitest";
import { SESSION_DEFAULTS, sessionConfigFrom, sessionExpiresAt, sessionState, shouldTouch, type SessionRecord } from "@/lib/auth/session-rules";

const SIGNED_IN = new Date("2025-03-01T01:00:00Z");
const min = (m: number) => new Date(SIGNED_IN.getTime() + m * 60_000);
const sec = (s: number) => new Date(SIGNED_IN.getTime() + s * 1000);
const config = SESSION_DEFAULTS;
const session = (over: Partial<SessionRecord> = {}): SessionRecord => ({
  createdAt: SIGNED_IN, lastSeenAt: SIGNED_IN, expiresAt: sessionExpiresAt(SIGNED_IN, config), revokedAt: null, ...over,
});

describe("session settings", () => {
  it("default to 8 hours of lifetime, 30 minutes of inactivity, one activity write a minute", () => {
    expect(SESSION_DEFAULTS).toEqual({ maxAgeMinutes: 480, idleMinutes: 30, touchEverySeconds: 60 });
    expect(sessionConfigFrom({})).toEqual(SESSION_DEFAULTS);
  });

  it.each([
    { env: { VANHOA_SESSION_MAX_HOURS: "4", VANHOA_SESSION_IDLE_MINUTES: "15" }, maxAgeMinutes: 240, idleMinutes: 15 },
    { env: { VANHOA_SESSION_MAX_HOURS: " 12 " }, maxAgeMinutes: 720, idleMinutes: 30 },
    { env: { VANHOA_SESSION_IDLE_MINUTES: "60" }, maxAgeMinutes: 480, idleMinutes: 60 },
    // Idle never longer than the lifetime.
    { env: { VANHOA_SESSION_MAX_HOURS: "1", VANHOA_SESSION_IDLE_MINUTES: "480" }, maxAgeMinutes: 60, idleMinutes: 60 },
    // Nonsense, zero, negative, fractional or out of range → the default, never an endless session.
    { env: { VANHOA_SESSION_MAX_HOURS: "0", VANHOA_SESSION_IDLE_MINUTES: "0" }, maxAgeMinutes: 480, idleMinutes: 30 },
    { env: { VANHOA_SESSION_MAX_HOURS: "-3", VANHOA_SESSION_IDLE_MINUTES: "abc" }, maxAgeMinutes: 480, idleMinutes: 30 },
    { env: { VANHOA_SESSION_MAX_HOURS: "1000", VANHOA_SESSION_IDLE_MINUTES: "2.5" }, maxAgeMinutes: 480, idleMinutes: 30 },
    { env: { VANHOA_SESSION_MAX_HOURS: "", VANHOA_SESSION_IDLE_MINUTES: "4" }, maxAgeMinutes: 480, idleMinutes: 30 },
  ])("$env → $maxAgeMinutes min lifetime, $idleMinutes min idle", ({ env, maxAgeMinutes, idleMinutes }) => {
    expect(sessionConfigFrom(env)).toEqual({ maxAgeMinutes, idleMinutes, touchEverySeconds: 60 });
  });

  it("a session created now ends 8 hours later", () => {
    expect(sessionExpiresAt(SIGNED_IN, config)).toEqual(new Date("2025-03-01T09:00:00Z"));
  });
});

describe("sessionState", () => {
  it.each([
    { case: "just signed in", s: session(), now: SIGNED_IN, expected: "ACTIVE" },
    { case: "29 min 59 s without a request", s: session(), now: sec(30 * 60 - 1), expected: "ACTIVE" },
    { case: "30 min without a request", s: session(), now: min(30), expected: "IDLE" },
    { case: "2 hours without a request", s: session(), now: min(120), expected: "IDLE" },
    { case: "active 5 min ago, 7 h 59 after sign-in", s: session({ lastSeenAt: min(474) }), now: min(479), expected: "ACTIVE" },
    { case: "active a minute ago, 8 h after sign-in", s: session({ lastSeenAt: min(479) }), now: min(480), expected: "EXPIRED" },
    { case: "active a minute ago, 9 h after sign-in", s: session({ lastSeenAt: min(539) }), now: min(540), expected: "EXPIRED" },
    { case: "signed out", s: session({ revokedAt: min(10) }), now: min(11), expected: "REVOKED" },
    { case: "signed out and also idle", s: session({ revokedAt: min(10) }), now: min(100), expected: "REVOKED" },
    // A stored end longer than the current setting (the lifetime was shortened since) does not extend the session.
    { case: "stored end 24 h, setting 8 h", s: session({ expiresAt: min(24 * 60), lastSeenAt: min(500) }), now: min(501), expected: "EXPIRED" },
    { case: "stored end shorter than the setting", s: session({ expiresAt: min(60), lastSeenAt: min(59) }), now: min(61), expected: "EXPIRED" },
  ])("$case → $expected", ({ s, now, expected }) => {
    expect(sessionState(s, now, config)).toBe(expected);
  });

  it("follows a configured idle timeout", () => {
    const short = sessionConfigFrom({ VANHOA_SESSION_IDLE_MINUTES: "10" });
    expect(sessionState(session(), min(9), short)).toBe("ACTIVE");
    expect(sessionState(session(), min(10), short)).toBe("IDLE");
  });
});

describe("shouldTouch", () => {
  it.each([
    { seenSecondsAgo: 0, expected: false },
    { seenSecondsAgo: 59, expected: false },
    { seenSecondsAgo: 60, expected: true },
    { seenSecondsAgo: 600, expected: true },
  ])("last seen $seenSecondsAgo s ago → write: $expected", ({ seenSecondsAgo, expected }) => {
    expect(shouldTouch(SIGNED_IN, sec(seenSecondsAgo), config)).toBe(expected);
  });
});
