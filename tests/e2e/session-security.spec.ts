import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { DEMO_PASSWORD, signIn, sql } from "./support";

// Sessions as a browser lives them: the cookies' attributes, the server-side session ending after 30 idle minutes
// or 8 hours (time moved in the database) with a Vietnamese message and a way back to the page, sign-out making a
// copied cookie worthless, and the sign-in throttle per username and per IP with its retry time on the page.

/** A browser of its own, seen by the server as coming from `ip` (the reverse proxy's X-Forwarded-For). */
async function browserFrom(browser: Browser, ip: string): Promise<BrowserContext> {
  return browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });
}

// Addresses in TEST-NET-2 that no other journey uses, so no other test shares their per-IP counter (the e2e database
// is new for every run).
let nextIp = 10;
const uniqueIp = () => `198.51.100.${nextIp++}`;

async function latestSession(username: string) {
  const [row] = await sql<{ id: string; revokedReason: string | null }>(
    `SELECT s."id", s."revokedReason" FROM "UserSession" s JOIN "User" u ON u."id" = s."userId" WHERE u."username" = $1 ORDER BY s."createdAt" DESC LIMIT 1`,
    [username],
  );
  return row!;
}

test("the session cookie is HttpOnly and SameSite=Lax; next-auth's CSRF cookie too", async ({ page }) => {
  await page.goto("/login");
  const signInResponse = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials") && r.request().method() === "POST");
  await page.getByLabel("Tên đăng nhập").fill("bcd");
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  const setCookie = (await (await signInResponse).headersArray()).filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  const session = setCookie.find((c) => c.startsWith("next-auth.session-token="));
  expect(session).toBeTruthy();
  expect(session).toMatch(/;\s*HttpOnly/i);
  expect(session).toMatch(/;\s*SameSite=Lax/i);
  expect(session).toMatch(/;\s*Path=\//i);
  // Plain HTTP in this test: no Secure flag and no __Secure- prefix (tests/integration/auth-cookies.test.ts covers HTTPS).
  expect(session).not.toMatch(/;\s*Secure/i);
  await expect(page).not.toHaveURL(/\/login/);

  const cookies = await page.context().cookies();
  for (const name of ["next-auth.session-token", "next-auth.csrf-token"]) {
    expect(cookies.find((c) => c.name === name), name).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  }
  // Not readable by scripts on the page.
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});

test("after 30 idle minutes the next page sends the user to sign in with a message, then back to that page", async ({ page }) => {
  await signIn(page, "bcd");
  await page.goto("/registry/hamlets");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const { id } = await latestSession("bcd");
  await sql(`UPDATE "UserSession" SET "lastSeenAt" = now() - interval '31 minutes' WHERE "id" = $1`, [id]);

  await page.goto("/registry/agencies?q=truong");
  await expect(page).toHaveURL(/\/login\?reason=idle&callbackUrl=%2Fregistry%2Fagencies%3Fq%3Dtruong$/);
  await expect(page.getByText("Phiên làm việc đã hết do không hoạt động quá 30 phút. Vui lòng đăng nhập lại.")).toBeVisible();
  // The JSON API refuses the lapsed session as well.
  expect((await page.request.get("/api/v1/communes")).status()).toBe(401);

  await page.getByLabel("Tên đăng nhập").fill("bcd");
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/registry\/agencies\?q=truong$/);
  expect((await latestSession("bcd")).id).not.toBe(id);
});

test("8 hours after sign-in the session ends however active it was", async ({ page }) => {
  await signIn(page, "bcd");
  const { id } = await latestSession("bcd");
  await sql(
    `UPDATE "UserSession" SET "createdAt" = now() - interval '8 hours 1 minute', "expiresAt" = now() - interval '1 minute', "lastSeenAt" = now() WHERE "id" = $1`,
    [id],
  );
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?reason=expired/);
  await expect(page.getByText("Phiên làm việc đã quá 8 giờ kể từ khi đăng nhập. Vui lòng đăng nhập lại.")).toBeVisible();
});

test("signing out ends the session on the server: a copy of the cookie no longer opens anything", async ({ browser, page }) => {
  await signIn(page, "bcd");
  const stolen = await page.context().storageState();
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await latestSession("bcd")).toMatchObject({ revokedReason: "SIGN_OUT" });

  const thief = await browser.newContext({ storageState: stolen });
  const other = await thief.newPage();
  await other.goto("/registry/hamlets");
  await expect(other).toHaveURL(/\/login\?reason=ended/);
  expect((await other.request.get("/api/v1/communes")).status()).toBe(401);
  // next-auth's own session endpoint answers from the server-side session too: no user.
  expect((await (await other.request.get("/api/auth/session")).json()).user).toBeUndefined();
  await thief.close();
});

test("five failures lock a username: the page says until when, in Vietnamese", async ({ browser }) => {
  const context = await browserFrom(browser, uniqueIp());
  const page = await context.newPage();
  const username = `khong-co-${Date.now().toString(36)}`;
  await page.goto("/login");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Tên đăng nhập").fill(username);
    await page.getByLabel("Mật khẩu").fill(`sai-${i}`);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByText("Tên đăng nhập hoặc mật khẩu không đúng.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Đăng nhập" })).toBeEnabled();
  }
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  // Timestamps are stored in UTC: the retry time is the oldest of the five failures plus 15 minutes, in Vietnam (UTC+7).
  const [first] = await sql<{ n: string; shown: string }>(
    `SELECT count(*) AS n, to_char(min("attemptedAt") + interval '15 minutes' + interval '7 hours', 'DD/MM/YYYY HH24:MI') AS shown
       FROM "LoginAttempt" WHERE "username" = $1`,
    [username],
  );
  expect(first).toMatchObject({ n: "5" });
  await expect(page.getByText(`Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${first!.shown}.`)).toBeVisible();
  await context.close();
});

test("twenty failures from one IP lock every username from it, and only from it", async ({ browser }) => {
  const ip = uniqueIp();
  const context = await browserFrom(browser, ip);
  // Twenty guesses at twenty usernames, straight at next-auth's endpoint with its CSRF token (as a script would).
  const { csrfToken } = await (await context.request.get("/api/auth/csrf")).json();
  for (let i = 0; i < 20; i++) {
    const response = await context.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, username: `doan-${i}-${Date.now().toString(36)}`, password: "sai", json: "true" },
    });
    expect(response.status()).toBeLessThan(500);
  }
  const [{ n }] = (await sql<{ n: string }>(`SELECT count(*) AS n FROM "LoginAttempt" WHERE "ip" = $1 AND NOT "isSuccess"`, [ip])) as [{ n: string }];
  expect(Number(n)).toBe(20);

  // Now even the right password of a real user is refused from that IP, with the retry time.
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill("bcd");
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByText(/^Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\.$/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);

  // From another address the same user signs in.
  const elsewhere = await (await browserFrom(browser, uniqueIp())).newPage();
  await signIn(elsewhere, "bcd");
  await context.close();
});
