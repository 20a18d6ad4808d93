import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("a hamlet head asking for another hamlet's household gets 404", async ({ browser }) => {
  const officer = await browser.newPage();
  await signIn(officer, "canbo");
  await officer.goto("/registry/households?q=ao+sen");
  await officer.getByRole("table").getByRole("link").first().click();
  await expect(officer).toHaveURL(/\/registry\/households\/[0-9a-f-]{36}$/);
  const foreignUrl = new URL(officer.url()).pathname;
  await officer.close();

  const head = await browser.newPage();
  await signIn(head, "truongxom");
  const detail = await head.goto(foreignUrl);
  expect(detail?.status()).toBe(404);
  await expect(head.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
  const edit = await head.goto(`${foreignUrl}/edit`);
  expect(edit?.status()).toBe(404);
  await head.close();
});
