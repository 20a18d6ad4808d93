import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInWithPassword } from "@/lib/auth/service";
import { clientIp } from "@/lib/auth/throttle";
import type { Actor, Role } from "@/lib/policy";

declare module "next-auth" {
  interface Session {
    user: { id: string; username: string; name: string; role: Role; communeId: string; hamletId: string | null };
  }
  interface User {
    id: string;
    username: string;
    role: Role;
    communeId: string;
    hamletId: string | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    id: string;
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

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
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
        const outcome = await signInWithPassword(username, password, signInIp(req?.headers));
        if (!outcome.ok) {
          throw new Error(outcome.reason === "THROTTLED" ? `${SIGN_IN_ERROR.throttledPrefix}${outcome.retryAt.toISOString()}` : SIGN_IN_ERROR.invalid);
        }
        const actor: Actor = outcome.actor;
        return { ...actor, name: actor.fullName };
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
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.id,
        username: token.username,
        name: token.name ?? token.username,
        role: token.role,
        communeId: token.communeId,
        hamletId: token.hamletId,
      };
      return session;
    },
  },
};
