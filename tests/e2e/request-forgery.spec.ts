import { expect, test, type Request } from "@playwright/test";
import { signIn, sql, uniqueName } from "./support";

// Cross-site request forgery against the running app: a real server action call (captured from the page, with its
// action id, body and a valid session cookie) replayed with a foreign Origin is refused with 403 and writes nothing;
// the very same call from the app's own origin writes. next-auth's sign-in endpoint keeps its CSRF token.

const EVIL = "https://evil.example";

const countHouseholds = async (headName: string) =>
  Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM "Household" WHERE "headName" = $1`, [headName]))[0]!.n);

test("a server action posted from a foreign origin is refused and writes nothing; from the app's origin it writes", async ({ page, baseURL }) => {
  const headName = uniqueName("Lò Văn Giả Mạo");
  await signIn(page, "canbo");
  await page.goto("/registry/households/new");

  // Let the browser build the real call (action id, encoded form, router state), and hold it back.
  let captured: Request | null = null;
  await page.route("**/registry/households/new", async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      captured = route.request();
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await page.getByLabel("Họ và tên chủ hộ").fill(headName);
  await page.getByLabel("Năm sinh chủ hộ").fill("1970");
  await page.getByLabel("Địa chỉ").fill("Tổ 1");
  await page.getByLabel("Xóm").selectOption({ label: "Bản Lác" });
  await page.getByRole("button", { name: "Lưu hộ" }).click();
  await expect.poll(() => captured !== null).toBe(true);
  const call = captured as unknown as Request;
  const actionId = call.headers()["next-action"]!;
  expect(actionId).toMatch(/^[0-9a-f]{40,}$/);
  expect(await countHouseholds(headName)).toBe(0);

  const replay = (origin: string | null) =>
    page.request.post(call.url(), {
      headers: {
        "next-action": actionId,
        "content-type": call.headers()["content-type"]!,
        accept: "text/x-component",
        "next-router-state-tree": call.headers()["next-router-state-tree"] ?? "",
        ...(origin ? { origin } : {}),
      },
      data: call.postDataBuffer()!,
      maxRedirects: 0,
    });

  // The session cookie rides along, as it would from a sibling subdomain (same site, so SameSite=Lax does not hold it
  // back) or from a browser without SameSite: the Origin alone decides.
  const foreign = await replay(EVIL);
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toBe("Yêu cầu bị từ chối: yêu cầu thay đổi dữ liệu phải được gửi từ chính trang của ứng dụng.");
  expect(foreign.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(await countHouseholds(headName)).toBe(0);

  // A server action call without any Origin is no browser's: refused as well.
  const bare = await replay(null);
  expect(bare.status()).toBe(403);
  // An opaque origin (a sandboxed frame, a data: page).
  expect((await replay("null")).status()).toBe(403);
  expect(await countHouseholds(headName)).toBe(0);

  // Control: the same bytes from the app's own origin do write, so the refusals above were about the origin only.
  const own = await replay(new URL(baseURL!).origin);
  expect(own.status()).toBeLessThan(400);
  await expect.poll(() => countHouseholds(headName)).toBe(1);
  const [audit] = await sql<{ n: string }>(
    `SELECT count(*) AS n FROM "AuditLog" a JOIN "Household" h ON h."id"::text = a."entityId" WHERE h."headName" = $1`,
    [headName],
  );
  expect(audit!.n).toBe("1");
});

test("next-auth's sign-in endpoint needs its CSRF token, and refuses a foreign origin", async ({ page }) => {
  await page.goto("/login");
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  expect(csrfToken).toMatch(/^[0-9a-f]{64}$/);
  const before = Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM "UserSession"`))[0]!.n);

  // Without the token: sent back to sign in with csrf=true, no session cookie.
  const noToken = await page.request.post("/api/auth/callback/credentials", { form: { username: "bcd", password: "vanhoa2024", json: "true" } });
  expect(JSON.stringify(await noToken.json())).toContain("csrf=true");
  expect(noToken.headersArray().some((h) => h.name.toLowerCase() === "set-cookie" && /session-token=[^;]/.test(h.value))).toBe(false);

  // With the token but from a foreign origin: refused before next-auth reads it.
  const foreign = await page.request.post("/api/auth/callback/credentials", {
    headers: { origin: EVIL },
    form: { csrfToken, username: "bcd", password: "vanhoa2024", json: "true" },
  });
  expect(foreign.status()).toBe(403);

  // Sign-out from a foreign origin is refused too (it would end someone's session).
  expect((await page.request.post("/api/auth/signout", { headers: { origin: EVIL }, form: { csrfToken, json: "true" } })).status()).toBe(403);
  expect(Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM "UserSession"`))[0]!.n)).toBe(before);
});
