import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn, sql } from "./support";

// A steering committee member opens the 2024 dashboard, reads the headline figures (checked against the database),
// drills into a xóm, and downloads the year's Excel file, whose summary total matches too.

test("the committee reads the dashboard, drills into a hamlet and downloads the Excel file", async ({ page }) => {
  const [counts] = await sql<{ total: string; recognised: string }>(
    `SELECT (SELECT count(*) FROM "Household" WHERE "status" = 'ACTIVE') AS total,
            (SELECT count(*) FROM "TitleAward" a JOIN "Household" h ON h."id" = a."householdId"
              WHERE a."year" = 2024 AND a."status" = 'ACTIVE' AND h."status" = 'ACTIVE') AS recognised`,
  );
  const { total, recognised } = counts!;
  const fmt = (n: string) => Number(n).toLocaleString("vi-VN");

  await signIn(page, "bcd");
  await page.goto("/dashboard?year=2024");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bảng điều hành năm 2024");
  const households = page.locator("section").filter({ has: page.getByRole("heading", { name: /Kết quả so với chỉ tiêu/ }) });
  await expect(households).toContainText(fmt(total));
  await expect(households).toContainText(`${fmt(recognised)}/${fmt(total)}`);

  // Drill into a xóm: its households and their status.
  await page.getByRole("link", { name: "Bản Mới", exact: true }).first().click();
  await expect(page).toHaveURL(/\/review\/2024\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bản Mới");

  // The year's Excel file: re-opened here, its households total is the database's.
  await page.goto("/dashboard?year=2024");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Tải số liệu \(\.xlsx\)/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  const bytes = await readFile(await download.path());
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const summary = workbook.getWorksheet("Tổng hợp")!;
  const numbers: number[] = [];
  summary.eachRow((row) => row.eachCell((cell) => { if (typeof cell.value === "number") numbers.push(cell.value); }));
  expect(numbers).toContain(Number(total));
});
