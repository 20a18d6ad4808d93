import bcrypt from "bcryptjs";
import { parseOptions } from "@node-rs/argon2";
import { beforeEach, describe, expect, it } from "vitest";
import { PASSWORD_POLICY, verifyPassword } from "@/lib/auth/password";
import { SESSION_CONFIG, endSession, resolveSession, signInWithPassword } from "@/lib/auth/service";
import { db } from "@/lib/db";
import { resetUserPassword, setUserActive } from "@/lib/users/service";
import { TEST_PASSWORD, makeActor, makeCommune, resetDb } from "../factories";

// Server-side sessions (UserSession) on the real PostgreSQL: opened at sign-in, checked on every request, ended by
// sign-out, password reset and lock, by the 8-hour lifetime and by 30 minutes without a request. Time passes by
// moving the row's timestamps, as it would between requests.

const IP = "127.0.0.30";
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
let communeId: string;

beforeEach(async () => {
  await resetDb();
  communeId = (await makeCommune()).id;
});

async function signedIn(username = "canbo", role: "OFFICER" | "ADMIN" = "OFFICER") {
  const actor = await makeActor(role, { communeId, username });
  const outcome = await signInWithPassword(username, TEST_PASSWORD, IP, new Date(), { userAgent: "Mozilla/5.0 (Android 14) Chrome/130" });
  if (!outcome.ok) throw new Error(`sign-in failed: ${outcome.reason}`);
  return { actor, sessionId: outcome.sessionId };
}

const sessionRow = (id: string) => db.userSession.findUniqueOrThrow({ where: { id } });
const moveSession = (id: string, data: { createdAt?: Date; lastSeenAt?: Date; expiresAt?: Date }) => db.userSession.update({ where: { id }, data });

describe("a sign-in opens a session", () => {
  it("records who, from where, with what, and until when (8 hours)", async () => {
    const before = Date.now();
    const { actor, sessionId } = await signedIn();
    const row = await sessionRow(sessionId);
    expect(row).toMatchObject({ userId: actor.id, ip: IP, userAgent: "Mozilla/5.0 (Android 14) Chrome/130", revokedAt: null, revokedReason: null });
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.lastSeenAt).toEqual(row.createdAt);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(8 * 60 * 60_000);
    expect(SESSION_CONFIG).toMatchObject({ maxAgeMinutes: 480, idleMinutes: 30 });
    expect(await resolveSession(sessionId, actor.id)).toEqual({ ok: true, actor });
  });

  it("every sign-in is its own session; a failed one opens none", async () => {
    const { actor, sessionId } = await signedIn();
    const second = await signInWithPassword("canbo", TEST_PASSWORD, IP);
    expect(second.ok && second.sessionId).not.toBe(sessionId);
    expect(await signInWithPassword("canbo", "sai", IP)).toEqual({ ok: false, reason: "INVALID" });
    expect(await db.userSession.count({ where: { userId: actor.id } })).toBe(2);
  });

  it("a session belongs to its user: another user's id, an unknown or malformed id, or none is refused", async () => {
    const { sessionId } = await signedIn("canbo");
    const other = await makeActor("LEADER", { communeId, username: "lanhdao" });
    expect(await resolveSession(sessionId, other.id)).toEqual({ ok: false, reason: "REVOKED" });
    expect(await resolveSession("0a000000-0000-4000-8000-0000000000ff", other.id)).toEqual({ ok: false, reason: "REVOKED" });
    expect(await resolveSession("'; DROP TABLE \"UserSession\"; --", other.id)).toEqual({ ok: false, reason: "REVOKED" });
    // A JWT issued before sessions were kept carries no session id.
    expect(await resolveSession(undefined, other.id)).toEqual({ ok: false, reason: "REVOKED" });
    expect(await db.userSession.count()).toBe(1);
  });
});

describe("idle timeout and lifetime", () => {
  it("ends a session after 30 minutes without a request, and it stays ended", async () => {
    const { actor, sessionId } = await signedIn();
    const seen = minutesAgo(31);
    await moveSession(sessionId, { createdAt: minutesAgo(40), lastSeenAt: seen });
    expect(await resolveSession(sessionId, actor.id)).toEqual({ ok: false, reason: "IDLE" });
    // A refused request does not count as activity, so the next one is refused too.
    expect((await sessionRow(sessionId)).lastSeenAt).toEqual(seen);
    expect(await resolveSession(sessionId, actor.id)).toEqual({ ok: false, reason: "IDLE" });
  });

  it("a request within 30 minutes keeps the session and moves its last activity to now", async () => {
    const { actor, sessionId } = await signedIn();
    const seen = minutesAgo(29);
    await moveSession(sessionId, { createdAt: minutesAgo(60), lastSeenAt: seen });
    const before = Date.now();
    expect(await resolveSession(sessionId, actor.id)).toEqual({ ok: true, actor });
    const touched = (await sessionRow(sessionId)).lastSeenAt;
    expect(touched.getTime()).toBeGreaterThanOrEqual(before - 1000);
    // So 29 more minutes later it is still alive, where without that request it would have lapsed.
    const later = new Date(touched.getTime() + 29 * 60_000);
    expect(await resolveSession(sessionId, actor.id, later)).toEqual({ ok: true, actor });
  });

  it("writes the last activity at most once a minute", async () => {
    const { actor, sessionId } = await signedIn();
    const seen = new Date(Date.now() - 30_000);
    await moveSession(sessionId, { lastSeenAt: seen });
    for (let i = 0; i < 5; i++) expect(await resolveSession(sessionId, actor.id)).toMatchObject({ ok: true });
    expect((await sessionRow(sessionId)).lastSeenAt).toEqual(seen);
    await moveSession(sessionId, { lastSeenAt: new Date(Date.now() - 61_000) });
    await resolveSession(sessionId, actor.id);
    expect((await sessionRow(sessionId)).lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 5_000);
  });

  it("ends a session 8 hours after sign-in, however active it was", async () => {
    const { actor, sessionId } = await signedIn();
    await moveSession(sessionId, { createdAt: minutesAgo(8 * 60 + 1), expiresAt: minutesAgo(1), lastSeenAt: minutesAgo(0.5) });
    expect(await resolveSession(sessionId, actor.id)).toEqual({ ok: false, reason: "EXPIRED" });
    await moveSession(sessionId, { createdAt: minutesAgo(8 * 60 - 1), expiresAt: new Date(Date.now() + 60_000) });
    expect(await resolveSession(sessionId, actor.id)).toEqual({ ok: true, actor });
  });
});

describe("ending sessions", () => {
  it("sign-out ends that session only", async () => {
    const { actor, sessionId } = await signedIn();
    const other = await signInWithPassword("canbo", TEST_PASSWORD, IP);
    await endSession(sessionId, "SIGN_OUT");
    expect(await sessionRow(sessionId)).toMatchObject({ revokedAt: expect.any(Date), revokedReason: "SIGN_OUT" });
    expect(await resolveSession(sessionId, actor.id)).toEqual({ ok: false, reason: "REVOKED" });
    expect(await resolveSession(other.ok && other.sessionId, actor.id)).toEqual({ ok: true, actor });
    // Signing out twice, or with a forged id, changes nothing.
    const revokedAt = (await sessionRow(sessionId)).revokedAt;
    await endSession(sessionId, "SIGN_OUT");
    await endSession("not-a-uuid", "SIGN_OUT");
    expect((await sessionRow(sessionId)).revokedAt).toEqual(revokedAt);
  });

  it("a password reset ends every session of that user, in the reset's transaction, and says so in the audit row", async () => {
    const admin = await makeActor("ADMIN", { communeId, username: "admin" });
    const { actor, sessionId } = await signedIn("canbo");
    const second = await signInWithPassword("canbo", TEST_PASSWORD, "10.0.0.2");
    const adminSession = await signInWithPassword("admin", TEST_PASSWORD, IP);
    await resetUserPassword(admin, actor.id, { password: "mat-khau-moi-2025", passwordConfirm: "mat-khau-moi-2025" });

    for (const id of [sessionId, second.ok && second.sessionId]) {
      expect(await resolveSession(id, actor.id)).toEqual({ ok: false, reason: "REVOKED" });
    }
    expect(await db.userSession.findMany({ where: { userId: actor.id }, select: { revokedReason: true } })).toEqual([
      { revokedReason: "PASSWORD_RESET" }, { revokedReason: "PASSWORD_RESET" },
    ]);
    // The administrator's own session is someone else's: untouched.
    expect(await resolveSession(adminSession.ok && adminSession.sessionId, admin.id)).toMatchObject({ ok: true });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "user.resetPassword" } })).toMatchObject({ after: { passwordReset: true, sessionsEnded: 2 } });
    // The new password opens a new session.
    expect(await signInWithPassword("canbo", "mat-khau-moi-2025", IP)).toMatchObject({ ok: true });
  });

  it("locking an account ends its sessions; unlocking does not revive them", async () => {
    const admin = await makeActor("ADMIN", { communeId, username: "admin" });
    const { actor, sessionId } = await signedIn("canbo");
    await setUserActive(admin, actor.id, false);
    expect(await sessionRow(sessionId)).toMatchObject({ revokedReason: "DEACTIVATED" });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "user.deactivate" } })).toMatchObject({ after: { isActive: false, sessionsEnded: 1 } });
    await setUserActive(admin, actor.id, true);
    expect(await resolveSession(sessionId, actor.id)).toEqual({ ok: false, reason: "REVOKED" });
  });

  it("a user locked directly in the database loses access at the next request, session or not", async () => {
    const { actor, sessionId } = await signedIn();
    await db.user.update({ where: { id: actor.id }, data: { isActive: false } });
    expect(await resolveSession(sessionId, actor.id)).toEqual({ ok: false, reason: "REVOKED" });
  });

  it("role and hamlet come from the database at each request, not from the sign-in", async () => {
    const { actor, sessionId } = await signedIn();
    await db.user.update({ where: { id: actor.id }, data: { role: "COMMITTEE" } });
    expect(await resolveSession(sessionId, actor.id)).toEqual({ ok: true, actor: { ...actor, role: "COMMITTEE" } });
  });
});

describe("password hashes move to argon2id at sign-in", () => {
  const policyOf = (stored: string) => parseOptions(stored);

  it("a bcrypt hash still signs in and is replaced by an argon2id hash with the policy's parameters", async () => {
    const actor = await makeActor("OFFICER", { communeId, username: "cu" });
    const old = await bcrypt.hash("mat-khau-cu-2020", 10);
    await db.user.update({ where: { id: actor.id }, data: { passwordHash: old } });

    expect(await signInWithPassword("cu", "mat-khau-cu-2020", IP)).toMatchObject({ ok: true });
    const stored = (await db.user.findUniqueOrThrow({ where: { id: actor.id } })).passwordHash;
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(policyOf(stored)).toMatchObject(PASSWORD_POLICY);
    expect(await verifyPassword(stored, "mat-khau-cu-2020")).toBe(true);
    // And it keeps working, without another rewrite.
    expect(await signInWithPassword("cu", "mat-khau-cu-2020", IP)).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.id } })).passwordHash).toBe(stored);
  });

  it("a wrong password never rewrites the hash", async () => {
    const actor = await makeActor("OFFICER", { communeId, username: "cu" });
    const old = await bcrypt.hash("mat-khau-cu-2020", 4);
    await db.user.update({ where: { id: actor.id }, data: { passwordHash: old } });
    expect(await signInWithPassword("cu", "sai", IP)).toEqual({ ok: false, reason: "INVALID" });
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.id } })).passwordHash).toBe(old);
  });

  it("an argon2id hash with weaker parameters (the test fixtures') is upgraded too", async () => {
    const actor = await makeActor("OFFICER", { communeId, username: "re" });
    const cheap = (await db.user.findUniqueOrThrow({ where: { id: actor.id } })).passwordHash;
    expect(policyOf(cheap)).toMatchObject({ memoryCost: 8, timeCost: 1 });
    await signInWithPassword("re", TEST_PASSWORD, IP);
    expect(policyOf((await db.user.findUniqueOrThrow({ where: { id: actor.id } })).passwordHash)).toMatchObject(PASSWORD_POLICY);
  });

  it("the new hash, the attempt, the login time and the session commit together or not at all", async () => {
    const actor = await makeActor("OFFICER", { communeId, username: "cu" });
    const old = await bcrypt.hash("mat-khau-cu-2020", 4);
    await db.user.update({ where: { id: actor.id }, data: { passwordHash: old } });
    // Make the last write of the sign-in (the session row) fail inside the database.
    await db.$executeRawUnsafe(`CREATE FUNCTION test_refuse_session() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER test_refuse_session BEFORE INSERT ON "UserSession" FOR EACH ROW EXECUTE FUNCTION test_refuse_session()`);
    try {
      await expect(signInWithPassword("cu", "mat-khau-cu-2020", IP)).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_refuse_session ON "UserSession"`);
      await db.$executeRawUnsafe(`DROP FUNCTION test_refuse_session()`);
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true, lastLoginAt: true } })).toEqual({ passwordHash: old, lastLoginAt: null });
    expect(await db.loginAttempt.count()).toBe(0);
    expect(await db.userSession.count()).toBe(0);
  });

  it("the users admin stores argon2id with the policy's parameters", async () => {
    const admin = await makeActor("ADMIN", { communeId, username: "admin" });
    const { createUser } = await import("@/lib/users/service");
    const { id } = await createUser(admin, { username: "moi", fullName: "Người Mới", role: "OFFICER", hamletId: undefined, password: "mat-khau-moi-1", passwordConfirm: "mat-khau-moi-1" });
    expect(policyOf((await db.user.findUniqueOrThrow({ where: { id } })).passwordHash)).toMatchObject({ algorithm: 2, ...PASSWORD_POLICY });
    await resetUserPassword(admin, id, { password: "mat-khau-moi-2", passwordConfirm: "mat-khau-moi-2" });
    expect(policyOf((await db.user.findUniqueOrThrow({ where: { id } })).passwordHash)).toMatchObject({ algorithm: 2, ...PASSWORD_POLICY });
  });
});
