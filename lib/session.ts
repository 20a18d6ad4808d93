import "server-only";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { USE_SECURE_COOKIES } from "@/lib/auth";
import { SESSION_END_PARAM } from "@/lib/auth/labels";
import { endSession, resolveSession, type SessionEnd } from "@/lib/auth/service";
import type { Actor } from "@/lib/policy";

/** Request header in which proxy.ts passes the path being requested, so a lapsed session returns there after sign-in. */
export const REQUEST_PATH_HEADER = "x-vanhoa-path";

type Lookup = { actor: Actor; ended: null } | { actor: null; ended: SessionEnd | null };

// The JWT says who signed in and which server-side session they hold; the UserSession row and the user as the
// database has them now decide whether that still counts (lifetime, idle timeout, sign-out, password reset, lock).
async function sessionToken() {
  const jar = await cookies();
  // Only the cookie: `headers: {}` keeps next-auth from also accepting a JWT in an Authorization header.
  return getToken({ req: { cookies: jar, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"], secureCookie: USE_SECURE_COOKIES });
}

const lookup = cache(async (): Promise<Lookup> => {
  const token = await sessionToken();
  if (!token?.id) return { actor: null, ended: null };
  const check = await resolveSession(token.sid, token.id);
  return check.ok ? { actor: check.actor, ended: null } : { actor: null, ended: check.reason };
});

/** The signed-in actor as the database has them now (role, hamlet, active), once per request. */
export const getActor = cache(async (): Promise<Actor | null> => (await lookup()).actor);

function isLocalPath(path: string | null): path is string {
  return !!path && /^\/(?![/\\])/.test(path) && !path.startsWith("/login");
}

export async function requireActor(): Promise<Actor> {
  const { actor, ended } = await lookup();
  if (actor) return actor;
  const params = new URLSearchParams();
  if (ended) {
    params.set("reason", SESSION_END_PARAM[ended]);
    const path = (await headers()).get(REQUEST_PATH_HEADER);
    if (isLocalPath(path)) params.set("callbackUrl", path);
  }
  const query = params.toString();
  redirect(query ? `/login?${query}` : "/login");
}

/**
 * Signs the current user out on the server: ends their UserSession (so a copy of the cookie is worthless) and
 * removes the session cookie. Does nothing for a visitor who is not signed in.
 */
export async function signOutCurrent(): Promise<void> {
  const token = await sessionToken();
  if (!token) return;
  await endSession(token.sid, "SIGN_OUT");
  const jar = await cookies();
  // next-auth splits a large JWT into ".0", ".1"… chunks: remove every part.
  for (const cookie of jar.getAll()) if (/(^|\.)next-auth\.session-token(\.\d+)?$/.test(cookie.name)) jar.delete(cookie.name);
}
