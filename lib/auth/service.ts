import "server-only";
import bcrypt from "bcryptjs";
import { db } from "@/lib/db";
import { ACTOR_SELECT, actorOf, type Actor } from "@/lib/policy";
import { THROTTLE, retryAfter } from "@/lib/auth/throttle";

export type SignInOutcome =
  | { ok: true; actor: Actor }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "THROTTLED"; retryAt: Date };

// A real hash of a random password: unknown usernames cost the same time as known ones.
const DUMMY_HASH = "$2b$10$jv0kTzAuPeAWLv.MGfv8h.lo/eqPKXb/X3jayn1aEkdcl.32LP/Dq";

async function recentFailures(username: string, ip: string, now: Date) {
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { username, isSuccess: true, attemptedAt: { gte: since } },
    orderBy: { attemptedAt: "desc" },
    select: { attemptedAt: true },
  });
  const userSince = lastSuccess && lastSuccess.attemptedAt > since ? lastSuccess.attemptedAt : since;
  // The failure whose expiry unlocks: the N-th most recent one inside the window.
  const [userFailures, ipFailures] = await Promise.all([
    db.loginAttempt.findMany({
      where: { username, isSuccess: false, attemptedAt: { gt: userSince } },
      orderBy: { attemptedAt: "desc" },
      take: THROTTLE.maxFailuresPerUsername,
      select: { attemptedAt: true },
    }),
    db.loginAttempt.findMany({
      where: { ip, isSuccess: false, attemptedAt: { gt: since } },
      orderBy: { attemptedAt: "desc" },
      take: THROTTLE.maxFailuresPerIp,
      select: { attemptedAt: true },
    }),
  ]);
  const edges = [
    userFailures.length >= THROTTLE.maxFailuresPerUsername ? userFailures.at(-1)?.attemptedAt : undefined,
    ipFailures.length >= THROTTLE.maxFailuresPerIp ? ipFailures.at(-1)?.attemptedAt : undefined,
  ].filter((d): d is Date => !!d);
  return {
    byUsername: userFailures.length,
    byIp: ipFailures.length,
    oldestRelevantAt: edges.length ? new Date(Math.max(...edges.map((d) => d.getTime()))) : null,
  };
}

/** Checks a username and password, counting attempts per username and per IP in Postgres. */
export async function signInWithPassword(rawUsername: string, password: string, ip: string, now = new Date()): Promise<SignInOutcome> {
  const username = rawUsername.trim().toLowerCase().slice(0, 100);
  const retryAt = retryAfter(await recentFailures(username, ip, now), now);
  if (retryAt) return { ok: false, reason: "THROTTLED", retryAt };

  const user = await db.user.findUnique({ where: { username } });
  const passwordOk = await bcrypt.compare(password.slice(0, 200), user?.passwordHash ?? DUMMY_HASH);
  const actor = user ? actorOf(user) : null;
  const ok = !!user && user.isActive && passwordOk && actor !== null;
  await db.loginAttempt.create({ data: { username, ip, isSuccess: ok, attemptedAt: now } });
  if (!ok || !user || !actor) return { ok: false, reason: "INVALID" };
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return { ok: true, actor };
}

/** The current state of a signed-in user; null once deactivated or deleted, so access ends at the next request. */
export async function loadActiveActor(id: string): Promise<Actor | null> {
  const user = await db.user.findFirst({ where: { id, isActive: true }, select: ACTOR_SELECT });
  return user ? actorOf(user) : null;
}
