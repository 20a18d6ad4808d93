import { createRequire } from "node:module";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AuthOptions } from "next-auth";
import { db } from "@/lib/db";
import { TEST_PASSWORD, makeActor, makeCommune, resetDb } from "../factories";

// The app's next-auth configuration behind HTTPS, run through next-auth's own request handler (the code behind
// /api/auth/*) on the real PostgreSQL: cookie names and attributes, the CSRF token of the credentials endpoint, the
// client IP reaching the throttle, and sign-out ending the server-side session.

const ORIGIN = "https://vanhoa.example.vn";
const HEADERS = { host: "vanhoa.example.vn", "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.7, 10.0.0.1", "user-agent": "Thử nghiệm/1.0" };
let authOptions: AuthOptions;

// next-auth's framework-neutral handler, which its Next.js route handler wraps. The package does not export the
// path, so it is loaded by file (this is next-auth 4's own code, not a copy).
type Cookie = { name: string; value: string; options: { httpOnly?: boolean; secure?: boolean; sameSite?: string; path?: string; domain?: string; expires?: Date } };
type RequestInternal = { action: string; method: string; providerId?: string; cookies: Record<string, string>; body?: Record<string, string | undefined>; headers?: Record<string, string> };
type ResponseInternal = { status?: number; body?: unknown; redirect?: string; cookies?: Cookie[] };
const require = createRequire(import.meta.url);
const { AuthHandler } = require(path.join(path.dirname(require.resolve("next-auth")), "core", "index.js")) as {
  AuthHandler: (params: { req: RequestInternal; options: AuthOptions }) => Promise<ResponseInternal>;
};

beforeAll(async () => {
  // lib/auth.ts reads these when it loads: import it only now.
  process.env.NEXTAUTH_URL = ORIGIN;
  process.env.NEXTAUTH_SECRET = "bi-mat-thu-nghiem-du-dai-32-ky-tu-tro-len";
  authOptions = (await import("@/lib/auth")).authOptions;
});

beforeEach(async () => {
  await resetDb();
  await makeActor("OFFICER", { communeId: (await makeCommune()).id, username: "canbo" });
});

const call = (req: Omit<RequestInternal, "headers">) => AuthHandler({ req: { ...req, headers: HEADERS }, options: authOptions });

async function csrf() {
  const res = await call({ action: "csrf", method: "GET", cookies: {} });
  const cookie = res.cookies?.find((c) => c.name.endsWith("next-auth.csrf-token"));
  return { res, cookie: cookie!, token: (res.body as { csrfToken: string }).csrfToken };
}

async function signIn(password = TEST_PASSWORD) {
  const { cookie, token } = await csrf();
  return call({
    action: "callback", providerId: "credentials", method: "POST",
    cookies: { [cookie.name]: cookie.value },
    body: { csrfToken: token, username: "canbo", password, json: "true" },
  });
}

describe("cookies behind HTTPS", () => {
  it("the CSRF cookie is __Host-, HttpOnly, Secure, SameSite=Lax, Path=/", async () => {
    const { cookie } = await csrf();
    expect(cookie.name).toBe("__Host-next-auth.csrf-token");
    expect(cookie.options).toMatchObject({ httpOnly: true, secure: true, sameSite: "lax", path: "/" });
    // __Host- cookies must not name a domain.
    expect(cookie.options.domain).toBeUndefined();
  });

  it("the session cookie is __Secure-, HttpOnly, Secure, SameSite=Lax, and lives 8 hours", async () => {
    const before = Date.now();
    const res = await signIn();
    const session = res.cookies?.find((c) => c.name.includes("session-token"));
    expect(session?.name).toBe("__Secure-next-auth.session-token");
    expect(session?.options).toMatchObject({ httpOnly: true, secure: true, sameSite: "lax", path: "/" });
    const expires = (session?.options.expires as Date).getTime();
    expect(expires).toBeGreaterThan(before + 8 * 3_600_000 - 60_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 8 * 3_600_000);
    // No cookie of next-auth is readable from JavaScript or sent over plain HTTP.
    for (const c of res.cookies ?? []) expect(c.options, c.name).toMatchObject({ httpOnly: true, secure: true });
  });
});

describe("the credentials endpoint", () => {
  it("refuses a sign-in without the CSRF token: no session cookie, nothing checked, nothing recorded", async () => {
    const { cookie } = await csrf();
    for (const body of [{ username: "canbo", password: TEST_PASSWORD }, { csrfToken: "doan-bua", username: "canbo", password: TEST_PASSWORD }]) {
      const res = await call({ action: "callback", providerId: "credentials", method: "POST", cookies: { [cookie.name]: cookie.value }, body });
      expect(res.redirect).toContain("csrf=true");
      expect(res.cookies?.some((c) => c.name.includes("session-token") && c.value)).toBeFalsy();
    }
    // The right token without its cookie (another browser's token) is refused too.
    const other = await csrf();
    const res = await call({ action: "callback", providerId: "credentials", method: "POST", cookies: {}, body: { csrfToken: other.token, username: "canbo", password: TEST_PASSWORD } });
    expect(res.redirect).toContain("csrf=true");
    expect(await db.loginAttempt.count()).toBe(0);
    expect(await db.userSession.count()).toBe(0);
  });

  it("records the attempt under the first X-Forwarded-For address and opens a session with the browser's user agent", async () => {
    const res = await signIn();
    expect(res.cookies?.some((c) => c.name === "__Secure-next-auth.session-token" && c.value)).toBe(true);
    expect(await db.loginAttempt.findMany({ select: { username: true, ip: true, isSuccess: true } })).toEqual([{ username: "canbo", ip: "203.0.113.7", isSuccess: true }]);
    expect(await db.userSession.findMany({ select: { ip: true, userAgent: true, revokedAt: true } })).toEqual([{ ip: "203.0.113.7", userAgent: "Thử nghiệm/1.0", revokedAt: null }]);
  });

  it("a wrong password sets no session cookie and answers the error code the sign-in page translates", async () => {
    const res = await signIn("sai-mat-khau");
    expect(res.cookies?.some((c) => c.name.includes("session-token") && c.value)).toBeFalsy();
    expect(JSON.stringify(res.body ?? res.redirect)).toContain("error=INVALID");
    expect(await db.userSession.count()).toBe(0);
  });

  it("the session endpoint answers from the server-side session: today's role, and no user once it has ended", async () => {
    const signedIn = await signIn();
    const session = signedIn.cookies!.find((c) => c.name === "__Secure-next-auth.session-token")!;
    const read = () => call({ action: "session", method: "GET", cookies: { [session.name]: session.value } });
    expect(((await read()).body as { user?: { role: string } }).user).toMatchObject({ username: "canbo", role: "OFFICER" });
    await db.user.update({ where: { username: "canbo" }, data: { role: "LEADER" } });
    expect(((await read()).body as { user?: { role: string } }).user).toMatchObject({ role: "LEADER" });
    await db.userSession.updateMany({ data: { revokedAt: new Date(), revokedReason: "SIGN_OUT" } });
    expect(((await read()).body as { user?: unknown }).user).toBeUndefined();
  });

  it("signing out (with the CSRF token) ends the server-side session named in the JWT", async () => {
    const signedIn = await signIn();
    const session = signedIn.cookies!.find((c) => c.name === "__Secure-next-auth.session-token")!;
    const { cookie, token } = await csrf();
    const res = await call({
      action: "signout", method: "POST",
      cookies: { [cookie.name]: cookie.value, [session.name]: session.value },
      body: { csrfToken: token },
    });
    expect(res.cookies?.find((c) => c.name === session.name)?.value).toBe("");
    expect(await db.userSession.findFirstOrThrow()).toMatchObject({ revokedAt: expect.any(Date), revokedReason: "SIGN_OUT" });
  });

  it("a sign-out without the CSRF token is refused and the session stays open", async () => {
    const signedIn = await signIn();
    const session = signedIn.cookies!.find((c) => c.name === "__Secure-next-auth.session-token")!;
    const res = await call({ action: "signout", method: "POST", cookies: { [session.name]: session.value }, body: {} });
    expect(res.redirect).toContain("csrf=true");
    expect(await db.userSession.findFirstOrThrow()).toMatchObject({ revokedAt: null });
  });
});
