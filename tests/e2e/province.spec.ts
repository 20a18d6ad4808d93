import { expect, test } from "@playwright/test";
import { signIn, sql } from "./support";

// The province's culture department signs in, lands on the roll-up of the province's communes, and may not open
// any commune's pages.

test("a province viewer reads every commune's three rates and nothing of a commune", async ({ page }) => {
  const [row] = await sql<{ total: string; recognised: string }>(
    `SELECT (SELECT count(*) FROM "Household" WHERE "status" = 'ACTIVE') AS total,
            (SELECT count(*) FROM "TitleAward" a JOIN "Household" h ON h."id" = a."householdId" JOIN "Decision" d ON d."id" = a."decisionId"
              WHERE a."year" = 2024 AND a."status" = 'ACTIVE' AND h."status" = 'ACTIVE' AND d."status" = 'ISSUED') AS recognised`,
  );
  const fmt = (n: string) => Number(n).toLocaleString("vi-VN");

  await signIn(page, "tinh");
  await expect(page).toHaveURL(/\/province$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Toàn tỉnh Thái Nguyên: kết quả năm 2024");
  const kimPhuong = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Kim Phượng" }) });
  await expect(kimPhuong).toContainText(`(${fmt(row!.recognised)}/${fmt(row!.total)})`);
  await expect(page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Toàn tỉnh" }) })).toBeVisible();

  await page.getByRole("link", { name: "2023" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("năm 2023");

  for (const path of ["/dashboard", "/registry/households", "/decisions"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
});
