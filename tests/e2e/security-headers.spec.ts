import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { signIn, sql } from "./support";

// Every kind of response carries the security headers, pages carry a nonce-based Content-Security-Policy that the
// browser enforces, and the pages people use — sign-in, the dashboard's charts, a hamlet head's meeting, a Word
// download, the public notice — run under it without a single violation.

const STATIC_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

function expectStaticHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  for (const [name, value] of Object.entries(STATIC_HEADERS)) expect(headers[name], `${what}: ${name}`).toBe(value);
  expect(headers["permissions-policy"], `${what}: permissions-policy`).toContain("camera=()");
  expect(headers["permissions-policy"], `${what}: permissions-policy`).toContain("geolocation=()");
  // Plain HTTP here: no HSTS.
  expect(headers["strict-transport-security"], `${what}: no HSTS over HTTP`).toBeUndefined();
}

/** The policy's directives, and the nonce its script-src names. */
function parseCsp(response: APIResponse, what: string) {
  const csp = response.headers()["content-security-policy"];
  expect(csp, `${what}: Content-Security-Policy`).toBeTruthy();
  const directives = new Map(csp!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  const scriptSrc = directives.get("script-src") ?? [];
  const nonce = scriptSrc.find((v) => v.startsWith("'nonce-"))?.slice("'nonce-".length, -1);
  return { directives, nonce };
}

function expectStrictCsp(response: APIResponse, what: string) {
  const { directives, nonce } = parseCsp(response, what);
  expect(nonce, `${what}: a nonce`).toMatch(/^[A-Za-z0-9+/=]{22,}$/);
  expect(directives.get("script-src"), `${what}: script-src`).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(directives.get("base-uri")).toEqual(["'self'"]);
  expect(directives.get("form-action")).toEqual(["'self'"]);
  expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
  return nonce!;
}

/** Records every CSP violation the page reports, and every console message that talks about one. */
async function watchCsp(page: Page) {
  const messages: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|evaluate|connect|frame)/i.test(message.text())) messages.push(message.text());
  });
  page.on("pageerror", (error) => messages.push(`pageerror: ${error.message}`));
  // Playwright's init scripts are exempt from the page's CSP: this listener sees every violation of the page.
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async (what: string) => {
    const events = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    expect([...messages, ...events], `CSP violations on ${what}`).toEqual([]);
  };
}

test("pages, API routes, file downloads, redirects, 403/404 pages and static files carry the security headers", async ({ page }) => {
  const request = page.request;
  const login = await request.get("/login");
  expectStaticHeaders(login, "/login");
  const loginNonce = expectStrictCsp(login, "/login");
  // A fresh nonce per response, and Next put it on every script of the page.
  const again = await request.get("/login");
  expect(expectStrictCsp(again, "/login again")).not.toBe(loginNonce);
  const html = await login.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${loginNonce}"`);

  // Anonymous: the redirect to sign in, the JSON API's 401, the public notice pages.
  const redirect = await request.get("/registry/households", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectStaticHeaders(redirect, "redirect");
  expectStrictCsp(redirect, "redirect");
  const api = await request.get("/api/v1/communes");
  expect(api.status()).toBe(401);
  expectStaticHeaders(api, "API 401");
  expectStrictCsp(api, "API 401");
  const [notice] = await sql<{ id: string }>(`SELECT "id" FROM "CouncilReview" WHERE "noticePostedOn" IS NOT NULL ORDER BY "noticePostedOn" LIMIT 1`);
  for (const path of ["/cong-khai", `/cong-khai/${notice!.id}`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expectStaticHeaders(response, path);
    expectStrictCsp(response, path);
  }

  // Static files get the fixed headers (a policy on a script file would mean nothing).
  const css = html.match(/\/_next\/static\/[^"]+\.css/)?.[0];
  const js = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
  for (const asset of [css, js]) {
    expect(asset).toBeTruthy();
    const response = await request.get(asset!);
    expect(response.status()).toBe(200);
    expectStaticHeaders(response, asset!);
  }

  // Signed in: a page, the JSON API, a Word file, a 404 and a 403.
  await signIn(page, "canbo");
  const dashboard = await request.get("/dashboard");
  expect(dashboard.status()).toBe(200);
  expectStaticHeaders(dashboard, "/dashboard");
  expectStrictCsp(dashboard, "/dashboard");
  const communes = await request.get("/api/v1/communes");
  expect(communes.status()).toBe(200);
  expectStaticHeaders(communes, "API 200");
  expectStrictCsp(communes, "API 200");
  const [decision] = await sql<{ id: string }>(`SELECT "id" FROM "Decision" WHERE "status" = 'ISSUED' AND "kind" = 'AWARD' AND "subject" = 'HOUSEHOLD' LIMIT 1`);
  const docx = await request.get(`/api/documents/decision/${decision!.id}`);
  expect(docx.status()).toBe(200);
  expect(docx.headers()["content-type"]).toContain("wordprocessingml");
  expectStaticHeaders(docx, ".docx");
  expectStrictCsp(docx, ".docx");
  const missing = await request.get("/khong-co-trang-nay");
  expect(missing.status()).toBe(404);
  expectStaticHeaders(missing, "404");
  const missingNonce = expectStrictCsp(missing, "404");
  // The 404 page is rendered per request too, so its scripts carry the nonce (a prerendered one would be blocked).
  for (const tag of (await missing.text()).match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${missingNonce}"`);
  const forbidden = await request.get("/admin/users");
  expect(forbidden.status()).toBe(403);
  expectStaticHeaders(forbidden, "403");
  expectStrictCsp(forbidden, "403");
});

test("behind HTTPS (X-Forwarded-Proto: https) responses add HSTS and upgrade-insecure-requests", async ({ request }) => {
  for (const path of ["/login", "/api/v1/communes"]) {
    const response = await request.get(path, { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers()["strict-transport-security"], path).toBe("max-age=31536000; includeSubDomains");
    expect(parseCsp(response, path).directives.has("upgrade-insecure-requests"), path).toBe(true);
  }
});

test("the browser enforces the policy: injected markup cannot run script", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Đăng nhập" })).toBeVisible();
  // What an HTML injection would plant: an inline event handler, and a parser-inserted <script> without the nonce.
  // ('strict-dynamic' deliberately trusts scripts that already-running code creates, so only markup is tried here.)
  const outcome = await page.evaluate(async () => {
    const w = window as unknown as { __handler?: boolean; __inline?: boolean };
    const violations: string[] = [];
    document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
    const host = document.createElement("div");
    host.innerHTML = '<img alt="" src="/khong-co-anh.png" onerror="window.__handler = true">';
    document.body.append(host);
    const frame = document.createElement("iframe");
    document.body.append(frame);
    // A same-origin frame written by the parser inherits the page's policy.
    frame.contentDocument!.open();
    frame.contentDocument!.write("<script>parent.__inline = true</script>");
    frame.contentDocument!.close();
    for (let i = 0; i < 40 && violations.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    return { handler: w.__handler === true, inline: w.__inline === true, violations: [...new Set(violations)].sort() };
  });
  expect(outcome.handler).toBe(false);
  expect(outcome.inline).toBe(false);
  expect(outcome.violations).toContain("script-src-attr");
});

test("sign-in, dashboard, meeting, Word download and public notice run without a CSP violation", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  let check = await watchCsp(page);

  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Đăng nhập" })).toBeVisible();
  await signIn(page, "bcd");
  await check("sign-in");

  // 2023 is decided, so its bars have a length (2024 has no official rate yet).
  await page.goto("/dashboard?year=2023");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bảng điều hành năm 2023");
  await expect(page.locator(".recharts-wrapper").first()).toBeVisible();
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await check("the dashboard's charts");

  // The hamlet head's meeting page (hydrated: its form keeps typed values on the phone).
  const head = await context.browser()!.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const headPage = await head.newPage();
  check = await watchCsp(headPage);
  await signIn(headPage, "truongxom");
  const [banLac] = await sql<{ id: string }>(`SELECT "id" FROM "Hamlet" WHERE "name" = 'Bản Lác'`);
  await headPage.goto(`/review/2024/${banLac!.id}/meeting`);
  await expect(headPage.getByRole("heading", { level: 1 })).toBeVisible();
  await check("the meeting page");

  // A Word file downloaded from a decision's page.
  const leader = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  check = await watchCsp(leader);
  await signIn(leader, "lanhdao");
  const [decision] = await sql<{ id: string }>(`SELECT "id" FROM "Decision" WHERE "status" = 'ISSUED' AND "kind" = 'AWARD' AND "subject" = 'HOUSEHOLD' LIMIT 1`);
  await leader.goto(`/decisions/${decision!.id}`);
  const [download] = await Promise.all([leader.waitForEvent("download"), leader.getByRole("link", { name: /Quyết định \(Mẫu 10\)/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  await check("the decision page and its .docx download");

  // The public notice, as a resident who is not signed in.
  const resident = await (await browser.newContext()).newPage();
  check = await watchCsp(resident);
  const [notice] = await sql<{ id: string }>(`SELECT "id" FROM "CouncilReview" WHERE "noticePostedOn" IS NOT NULL ORDER BY "noticePostedOn" LIMIT 1`);
  await resident.goto(`/cong-khai/${notice!.id}`);
  await expect(resident.getByRole("heading", { level: 1 })).toBeVisible();
  await resident.goto("/cong-khai");
  await expect(resident.getByRole("heading", { level: 1 })).toBeVisible();
  await check("the public notice pages");
});
