import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { SESSION_CONFIG, endSession, resolveSession, signInWithPassword } from "@/lib/auth/service";
import { clientIp } from "@/lib/auth/throttle";
import type { Actor, Role } from "@/lib/policy";

declare module "next-auth" {
  interface Session {
    user: { id: string; username: string; name: string; role: Role; communeId: string; hamletId: string | null };
  }
  interface User {
    id: string;
    /** The UserSession opened by this sign-in. */
    sessionId: string;
    username: string;
    role: Role;
    communeId: string;
    hamletId: string | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    id: string;
    /** UserSession id: every request checks that row (lib/session.ts). Never sent to the browser's session JSON. */
    sid: string;
    username: string;
    role: Role;
    communeId: string;
    hamletId: string | null;
  }
}

/** Error codes the sign-in page turns into Vietnamese; a throttled one carries the retry time. */
export const SIGN_IN_ERROR = { invalid: "INVALID", throttledPrefix: "THROTTLED:" } as const;

function signInIp(headers: Record<string, unknown> | undefined): string {
  return clientIp((name) => headers?.[name]) ?? "local";
}

/** The JWT lives as long as the server-side session may; the UserSession row decides earlier ends. */
export const SESSION_MAX_AGE_SECONDS = SESSION_CONFIG.maxAgeMinutes * 60;

/**
 * Behind HTTPS (NEXTAUTH_URL https://…) next-auth marks its cookies Secure and names them `__Secure-…` (the session)
 * and `__Host-…` (the CSRF token); all are HttpOnly, SameSite=Lax, Path=/. Lax, not Strict: a link into the app from
 * a message or another site must arrive signed in; cross-site POSTs are refused by proxy.ts and the CSRF token.
 */
export const USE_SECURE_COOKIES = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
  useSecureCookies: USE_SECURE_COOKIES,
  // Checked at start-up in production (instrumentation.ts, lib/auth/secret.ts).
  secret: process.env.NEXTAUTH_SECRET,
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Tên đăng nhập",
      credentials: {
        username: { label: "Tên đăng nhập", type: "text" },
        password: { label: "Mật khẩu", type: "password" },
      },
      async authorize(credentials, req) {
        const username = typeof credentials?.username === "string" ? credentials.username : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!username || !password) throw new Error(SIGN_IN_ERROR.invalid);
        const userAgent = typeof req?.headers?.["user-agent"] === "string" ? req.headers["user-agent"] : null;
        const outcome = await signInWithPassword(username, password, signInIp(req?.headers), new Date(), { userAgent });
        if (!outcome.ok) {
          throw new Error(outcome.reason === "THROTTLED" ? `${SIGN_IN_ERROR.throttledPrefix}${outcome.retryAt.toISOString()}` : SIGN_IN_ERROR.invalid);
        }
        const actor: Actor = outcome.actor;
        return { ...actor, name: actor.fullName, sessionId: outcome.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.id = user.id;
        token.username = user.username;
        token.role = user.role;
        token.communeId = user.communeId;
        token.hamletId = user.hamletId;
        token.sid = user.sessionId;
      }
      return token;
    },
    // Only /api/auth/session uses this (pages go through lib/session.ts): it answers from the server-side session as
    // well, so an ended session or a locked user gets no user back, and role and hamlet are today's.
    async session({ session, token }) {
      const check = await resolveSession(token.sid, token.id);
      if (!check.ok) return { expires: session.expires } as typeof session;
      const { actor } = check;
      session.user = {
        id: actor.id,
        username: actor.username,
        name: actor.fullName,
        role: actor.role,
        communeId: actor.communeId,
        hamletId: actor.hamletId,
      };
      return session;
    },
  },
  events: {
    // Signing out ends the server-side session too, so a copy of the cookie is worthless afterwards.
    async signOut({ token }) {
      await endSession(token?.sid, "SIGN_OUT");
    },
  },
};
