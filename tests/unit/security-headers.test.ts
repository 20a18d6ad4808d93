import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isForeignWrite, newNonce, requestHost, STATIC_SECURITY_HEADERS, type WriteRequest } from "@/lib/security/headers";
import { SECRET_MIN_LENGTH, secretProblem } from "@/lib/auth/secret";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => { const [name, ...values] = d.split(" "); return [name!, values]; }));

describe("contentSecurityPolicy", () => {
  const production = directives(contentSecurityPolicy({ nonce: "bm9uY2U=", isDev: false, isHttps: false }));

  it("lets scripts run only with this response's nonce, and never eval in production", () => {
    expect(production.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(production.get("script-src")).not.toContain("'unsafe-inline'");
    expect(production.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("allows eval in development only (React's dev tooling)", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", isDev: true, isHttps: false }));
    expect(dev.get("script-src")).toEqual(["'self'", "'nonce-n'", "'strict-dynamic'", "'unsafe-eval'"]);
  });

  it("closes plugins, base-tag hijacking, foreign form targets and framing", () => {
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("base-uri")).toEqual(["'self'"]);
    expect(production.get("form-action")).toEqual(["'self'"]);
    expect(production.get("frame-ancestors")).toEqual(["'none'"]);
    expect(production.get("default-src")).toEqual(["'self'"]);
  });

  it("allows inline style attributes but not inline <style> without the nonce", () => {
    expect(production.get("style-src")).toEqual(["'self'", "'nonce-bm9uY2U='"]);
    expect(production.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  });

  it("asks to upgrade insecure requests behind HTTPS only (plain-HTTP localhost would break)", () => {
    expect(production.has("upgrade-insecure-requests")).toBe(false);
    expect(directives(contentSecurityPolicy({ nonce: "n", isDev: false, isHttps: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("gets a new 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 200 }, newNonce));
    expect(nonces.size).toBe(200);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("static security headers", () => {
  it("sets nosniff, a referrer policy, no framing and a closed permissions policy", () => {
    const byKey = Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value]));
    expect(byKey["X-Content-Type-Options"]).toBe("nosniff");
    expect(byKey["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(byKey["X-Frame-Options"]).toBe("DENY");
    expect(byKey["Permissions-Policy"]).toContain("camera=()");
    expect(byKey["Permissions-Policy"]).toContain("geolocation=()");
    // The policy is per request (proxy.ts); a static copy here would be a second, nonce-less policy.
    expect(byKey["Content-Security-Policy"]).toBeUndefined();
  });
});

describe("isForeignWrite", () => {
  const base: WriteRequest = { method: "POST", origin: "http://localhost:3000", host: "localhost:3000", fetchSite: "same-origin", isServerAction: true };
  it.each<{ case: string; request: Partial<WriteRequest>; expected: boolean }>([
    { case: "same-origin server action", request: {}, expected: false },
    { case: "same origin behind a proxy (X-Forwarded-Host)", request: { origin: "https://vanhoa.example.vn", host: "vanhoa.example.vn" }, expected: false },
    { case: "host compared without case", request: { origin: "http://LOCALHOST:3000" }, expected: false },
    { case: "foreign origin", request: { origin: "https://evil.example", fetchSite: "cross-site" }, expected: true },
    { case: "foreign origin, no Sec-Fetch-Site (older browser)", request: { origin: "https://evil.example", fetchSite: null }, expected: true },
    { case: "same host name, other port", request: { origin: "http://localhost:4000", fetchSite: "same-site" }, expected: true },
    { case: "sibling subdomain", request: { origin: "https://evil.vanhoa.example.vn", host: "vanhoa.example.vn", fetchSite: "same-site" }, expected: true },
    { case: "opaque origin (sandboxed frame, data: URL)", request: { origin: "null" }, expected: true },
    { case: "garbage origin", request: { origin: "not a url" }, expected: true },
    { case: "no Host at all", request: { host: null }, expected: true },
    { case: "server action without Origin", request: { origin: null, fetchSite: null }, expected: true },
    { case: "browser says cross-site, Origin stripped", request: { origin: null, fetchSite: "cross-site" }, expected: true },
    { case: "plain POST without Origin (a script, not a browser)", request: { origin: null, fetchSite: null, isServerAction: false }, expected: false },
    { case: "a GET from anywhere is a read", request: { method: "GET", origin: "https://evil.example", fetchSite: "cross-site" }, expected: false },
    { case: "HEAD", request: { method: "HEAD", origin: "https://evil.example" }, expected: false },
    { case: "OPTIONS", request: { method: "options", origin: "https://evil.example" }, expected: false },
    { case: "PUT from abroad", request: { method: "PUT", origin: "https://evil.example", isServerAction: false }, expected: true },
    { case: "DELETE from abroad", request: { method: "DELETE", origin: "https://evil.example", isServerAction: false }, expected: true },
  ])("$case → $expected", ({ request, expected }) => {
    expect(isForeignWrite({ ...base, ...request })).toBe(expected);
  });

  it.each([
    { forwarded: "vanhoa.example.vn", host: "127.0.0.1:3000", expected: "vanhoa.example.vn" },
    { forwarded: "vanhoa.example.vn, proxy.internal", host: "127.0.0.1:3000", expected: "vanhoa.example.vn" },
    { forwarded: null, host: "localhost:3000", expected: "localhost:3000" },
    { forwarded: "", host: "localhost:3000", expected: "localhost:3000" },
    { forwarded: null, host: null, expected: null },
  ])("requestHost($forwarded, $host) → $expected", ({ forwarded, host, expected }) => {
    expect(requestHost(forwarded, host)).toBe(expected);
  });
});

describe("secretProblem", () => {
  const strong = "x".repeat(SECRET_MIN_LENGTH);
  it.each([
    { env: { NODE_ENV: "production", NEXTAUTH_SECRET: strong }, refused: false },
    { env: { NODE_ENV: "production", NEXTAUTH_SECRET: `  ${strong}  ` }, refused: false },
    { env: { NODE_ENV: "production" }, refused: true },
    { env: { NODE_ENV: "production", NEXTAUTH_SECRET: "" }, refused: true },
    { env: { NODE_ENV: "production", NEXTAUTH_SECRET: "   " }, refused: true },
    { env: { NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(SECRET_MIN_LENGTH - 1) }, refused: true },
    { env: { NODE_ENV: "production", NEXTAUTH_SECRET: "changeme" }, refused: true },
    // Development and tests are not held to it.
    { env: { NODE_ENV: "development" }, refused: false },
    { env: { NODE_ENV: "test" }, refused: false },
  ])("$env → refused: $refused", ({ env, refused }) => {
    const problem = secretProblem(env);
    if (refused) expect(problem).toMatch(/NEXTAUTH_SECRET (chưa được đặt|quá ngắn)/);
    else expect(problem).toBeNull();
  });

  it("says how long it is and how long it must be", () => {
    expect(secretProblem({ NODE_ENV: "production", NEXTAUTH_SECRET: "abc" })).toContain(`quá ngắn (3 ký tự, cần ít nhất ${SECRET_MIN_LENGTH})`);
  });
});
