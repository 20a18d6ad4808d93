import "server-only";
import { db, type Tx } from "@/lib/db";
import type { SessionEndReason } from "@/lib/generated/prisma/enums";
import { ACTOR_SELECT, actorOf, type Actor } from "@/lib/policy";
import { isUuid } from "@/lib/text";
import { THROTTLE, retryAfter } from "@/lib/auth/throttle";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";
import { sessionConfigFrom, sessionExpiresAt, sessionState, shouldTouch, type SessionConfig } from "@/lib/auth/session-rules";

export type SignInOutcome =
  | { ok: true; actor: Actor; sessionId: string }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "THROTTLED"; retryAt: Date };

/** The session settings of this process (VANHOA_SESSION_MAX_HOURS, VANHOA_SESSION_IDLE_MINUTES). */
export const SESSION_CONFIG: SessionConfig = sessionConfigFrom(process.env);

const USER_AGENT_MAX = 300;

// A real argon2id hash with the policy's parameters of a random password, made once per process: an unknown username
// costs the same verification as a known one, so response times do not tell which usernames exist.
let dummyHash: Promise<string> | null = null;
function unknownUserHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}

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

/**
 * Checks a username and password, counting attempts per username and per IP in Postgres. A success opens a
 * server-side session (UserSession) whose id the caller puts in the JWT; a bcrypt or outdated argon2 hash is replaced
 * by one with the current policy. The attempt row, the login time, the new hash and the session commit together.
 */
export async function signInWithPassword(
  rawUsername: string,
  password: string,
  ip: string,
  now = new Date(),
  client: { userAgent?: string | null } = {},
): Promise<SignInOutcome> {
  const username = rawUsername.trim().toLowerCase().slice(0, 100);
  const dummy = unknownUserHash();
  const retryAt = retryAfter(await recentFailures(username, ip, now), now);
  if (retryAt) return { ok: false, reason: "THROTTLED", retryAt };

  const user = await db.user.findUnique({ where: { username } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummy), password);
  const actor = user ? actorOf(user) : null;
  const isValid = !!user && user.isActive && passwordOk && actor !== null;
  // Hashing is deliberately slow: do it before the transaction opens.
  const newHash = isValid && needsRehash(user.passwordHash) ? await hashPassword(password) : null;

  return db.$transaction(async (tx) => {
    // Guarded on the hash that was verified and on the account still being active: a password reset or a lock that
    // committed meanwhile wins, and this sign-in fails instead of reviving the old password.
    const current = isValid
      ? await tx.user.updateMany({
          where: { id: user.id, isActive: true, passwordHash: user.passwordHash },
          data: { lastLoginAt: now, ...(newHash ? { passwordHash: newHash } : {}) },
        })
      : { count: 0 };
    const ok = current.count === 1;
    await tx.loginAttempt.create({ data: { username, ip, isSuccess: ok, attemptedAt: now } });
    if (!ok || !user || !actor) return { ok: false, reason: "INVALID" } as const;
    const session = await tx.userSession.create({
      data: {
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: sessionExpiresAt(now, SESSION_CONFIG),
        ip,
        userAgent: client.userAgent ? client.userAgent.slice(0, USER_AGENT_MAX) : null,
      },
      select: { id: true },
    });
    return { ok: true, actor, sessionId: session.id } as const;
  });
}

/** Why a request's session no longer counts: ended on the server, too old, or idle too long. */
export type SessionEnd = "REVOKED" | "EXPIRED" | "IDLE";

export type SessionCheck = { ok: true; actor: Actor } | { ok: false; reason: SessionEnd };

/**
 * The actor of a request's session, checked against its UserSession row and the user as they are now: revoked,
 * past its lifetime, idle too long, of a locked or deleted user, or missing (a JWT from before sessions were kept)
 * → refused. An active session's lastSeenAt moves forward at most once a minute.
 */
export async function resolveSession(
  sessionId: unknown,
  userId: unknown,
  now = new Date(),
  config: SessionConfig = SESSION_CONFIG,
): Promise<SessionCheck> {
  if (typeof sessionId !== "string" || !isUuid(sessionId) || typeof userId !== "string") return { ok: false, reason: "REVOKED" };
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      userId: true, createdAt: true, lastSeenAt: true, expiresAt: true, revokedAt: true,
      user: { select: { ...ACTOR_SELECT, isActive: true } },
    },
  });
  if (!row || row.userId !== userId) return { ok: false, reason: "REVOKED" };
  const state = sessionState(row, now, config);
  if (state !== "ACTIVE") return { ok: false, reason: state };
  const { isActive, ...user } = row.user;
  const actor = actorOf(user);
  if (!isActive || !actor) return { ok: false, reason: "REVOKED" };
  if (shouldTouch(row.lastSeenAt, now, config)) {
    // The guard keeps concurrent requests of one page from writing the same minute twice.
    await db.userSession.updateMany({
      where: { id: sessionId, revokedAt: null, lastSeenAt: { lte: new Date(now.getTime() - config.touchEverySeconds * 1000) } },
      data: { lastSeenAt: now },
    });
  }
  return { ok: true, actor };
}

/** Ends one session (sign-out). Unknown or already ended sessions are left as they are. */
export async function endSession(sessionId: unknown, reason: SessionEndReason, now = new Date()): Promise<void> {
  if (typeof sessionId !== "string" || !isUuid(sessionId)) return;
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
}

/** Ends every open session of a user, inside the caller's transaction (password reset, lock). */
export async function endUserSessions(tx: Tx, userId: string, reason: SessionEndReason, now = new Date()): Promise<number> {
  const ended = await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
  return ended.count;
}

/** The current state of a signed-in user; null once deactivated or deleted, so access ends at the next request. */
export async function loadActiveActor(id: string): Promise<Actor | null> {
  const user = await db.user.findFirst({ where: { id, isActive: true }, select: ACTOR_SELECT });
  return user ? actorOf(user) : null;
}
