import { beforeEach, describe, expect, it } from "vitest";
import { THROTTLE } from "@/lib/auth/throttle";
import { loadActiveActor, signInWithPassword } from "@/lib/auth/service";
import { db } from "@/lib/db";
import { TEST_PASSWORD, makeActor, makeCommune, makeHamlet, resetDb } from "../factories";

// Sign-in against Postgres: attempts are rows in LoginAttempt, and throttling counts them.

const IP = "127.0.0.10";
let communeId: string;

beforeEach(async () => {
  await resetDb();
  communeId = (await makeCommune()).id;
});

const attempts = (where: { username?: string; ip?: string } = {}) =>
  db.loginAttempt.findMany({ where, orderBy: { id: "asc" }, select: { username: true, ip: true, isSuccess: true } });

describe("signInWithPassword", () => {
  it("signs in with the right password, records the success and the login time", async () => {
    const hamlet = await makeHamlet(communeId);
    const user = await makeActor("HAMLET_HEAD", { communeId, hamletId: hamlet.id, username: "truongxom" });
    const outcome = await signInWithPassword("  TruongXom ", TEST_PASSWORD, IP);
    expect(outcome).toEqual({ ok: true, actor: user, sessionId: expect.any(String) });
    expect(await attempts()).toEqual([{ username: "truongxom", ip: IP, isSuccess: true }]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).toBeInstanceOf(Date);
  });

  it("refuses a wrong password or an unknown username the same way, and records the failure", async () => {
    await makeActor("OFFICER", { communeId, username: "canbo" });
    expect(await signInWithPassword("canbo", "sai-mat-khau", IP)).toEqual({ ok: false, reason: "INVALID" });
    expect(await signInWithPassword("khongco", TEST_PASSWORD, IP)).toEqual({ ok: false, reason: "INVALID" });
    expect(await attempts()).toEqual([
      { username: "canbo", ip: IP, isSuccess: false },
      { username: "khongco", ip: IP, isSuccess: false },
    ]);
  });

  it(`locks a username after ${THROTTLE.maxFailuresPerUsername} failures, even for the right password`, async () => {
    await makeActor("OFFICER", { communeId, username: "canbo" });
    for (let i = 0; i < THROTTLE.maxFailuresPerUsername; i++) {
      expect(await signInWithPassword("canbo", `sai-${i}`, IP)).toEqual({ ok: false, reason: "INVALID" });
    }
    const before = Date.now();
    const sixth = await signInWithPassword("canbo", TEST_PASSWORD, IP);
    expect(sixth).toMatchObject({ ok: false, reason: "THROTTLED" });
    const retryAt = sixth.ok === false && sixth.reason === "THROTTLED" ? sixth.retryAt : null;
    expect(retryAt!.getTime()).toBeGreaterThan(before);
    expect(retryAt!.getTime()).toBeLessThanOrEqual(before + THROTTLE.windowMinutes * 60_000 + 1_000);
    // A throttled attempt is not even checked, so it is not recorded, and it opens no session.
    expect(await db.loginAttempt.count({ where: { username: "canbo" } })).toBe(THROTTLE.maxFailuresPerUsername);
    expect(await db.userSession.count()).toBe(0);

    // The lock is per username: another user on the same IP still signs in.
    await makeActor("LEADER", { communeId, username: "lanhdao" });
    expect(await signInWithPassword("lanhdao", TEST_PASSWORD, IP)).toMatchObject({ ok: true });
  });

  it("unlocks a username once its failures leave the window", async () => {
    await makeActor("OFFICER", { communeId, username: "canbo" });
    const start = new Date();
    for (let i = 0; i < THROTTLE.maxFailuresPerUsername; i++) await signInWithPassword("canbo", "sai", IP, start);
    const later = new Date(start.getTime() + THROTTLE.windowMinutes * 60_000 + 1_000);
    expect(await signInWithPassword("canbo", TEST_PASSWORD, IP, later)).toMatchObject({ ok: true });
  });

  it(`throttles an IP after ${THROTTLE.maxFailuresPerIp} failures, for every username from it`, async () => {
    await makeActor("OFFICER", { communeId, username: "canbo" });
    // Spread over many usernames so that no username reaches its own limit.
    for (let i = 0; i < THROTTLE.maxFailuresPerIp; i++) {
      expect(await signInWithPassword(`doan-mo-${i}`, "sai", IP)).toEqual({ ok: false, reason: "INVALID" });
    }
    expect(await signInWithPassword("canbo", TEST_PASSWORD, IP)).toMatchObject({ ok: false, reason: "THROTTLED", retryAt: expect.any(Date) });
    // From another IP the same user signs in.
    expect(await signInWithPassword("canbo", TEST_PASSWORD, "127.0.0.11")).toMatchObject({ ok: true });
  });

  it("a success clears the username's failures, so only failures after it count towards the lock", async () => {
    await makeActor("OFFICER", { communeId, username: "canbo" });
    const start = new Date();
    const at = (s: number) => new Date(start.getTime() + s * 1000);
    for (let i = 0; i < THROTTLE.maxFailuresPerUsername - 1; i++) await signInWithPassword("canbo", "sai", IP, at(i));
    expect(await signInWithPassword("canbo", TEST_PASSWORD, IP, at(10))).toMatchObject({ ok: true });
    for (let i = 0; i < THROTTLE.maxFailuresPerUsername - 1; i++) {
      expect(await signInWithPassword("canbo", "sai", IP, at(20 + i))).toEqual({ ok: false, reason: "INVALID" });
    }
    expect(await signInWithPassword("canbo", TEST_PASSWORD, IP, at(30))).toMatchObject({ ok: true });
    // The fifth failure after the last success locks again; the retry time is 15 minutes after the oldest of those five.
    for (let i = 0; i < THROTTLE.maxFailuresPerUsername; i++) await signInWithPassword("canbo", "sai", IP, at(40 + i));
    expect(await signInWithPassword("canbo", TEST_PASSWORD, IP, at(50))).toEqual({
      ok: false, reason: "THROTTLED", retryAt: new Date(at(40).getTime() + THROTTLE.windowMinutes * 60_000),
    });
  });

  it("a success does not clear an IP's failures: a guessing IP stays locked for everyone", async () => {
    await makeActor("OFFICER", { communeId, username: "canbo" });
    const start = new Date();
    const at = (s: number) => new Date(start.getTime() + s * 1000);
    for (let i = 0; i < THROTTLE.maxFailuresPerIp - 1; i++) await signInWithPassword(`doan-${i}`, "sai", IP, at(i));
    expect(await signInWithPassword("canbo", TEST_PASSWORD, IP, at(30))).toMatchObject({ ok: true });
    await signInWithPassword("doan-cuoi", "sai", IP, at(31));
    expect(await signInWithPassword("canbo", TEST_PASSWORD, IP, at(32))).toEqual({
      ok: false, reason: "THROTTLED", retryAt: new Date(at(0).getTime() + THROTTLE.windowMinutes * 60_000),
    });
  });

  it("refuses a deactivated user with the right password", async () => {
    const user = await makeActor("OFFICER", { communeId, username: "nghiviec", isActive: false });
    expect(await signInWithPassword("nghiviec", TEST_PASSWORD, IP)).toEqual({ ok: false, reason: "INVALID" });
    expect(await attempts({ username: "nghiviec" })).toEqual([{ username: "nghiviec", ip: IP, isSuccess: false }]);
    expect(await loadActiveActor(user.id)).toBeNull();
  });

  it("ends a session's access once the user is deactivated", async () => {
    const user = await makeActor("OFFICER", { communeId, username: "canbo" });
    expect(await loadActiveActor(user.id)).toEqual(user);
    await db.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await loadActiveActor(user.id)).toBeNull();
  });
});
