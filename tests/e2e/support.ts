import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "vanhoa2024";

/** Signs in through the sign-in form, as a person would, and waits to leave the sign-in page. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** A name no seeded household has, so a test finds exactly what it created. */
export function uniqueName(prefix: string) {
  return `${prefix} ${Date.now().toString(36).slice(-5).toUpperCase()}`;
}

export const mainNav = (page: Page) => page.getByRole("navigation", { name: "Điều hướng chính" }).first();

/** The database the Playwright web server runs on (playwright.config.ts: the embedded PostgreSQL on port 54349). */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? `postgresql://vanhoa:vanhoa@127.0.0.1:${process.env.E2E_PG_PORT ?? "54349"}/vanhoa`;

/**
 * Runs one SQL statement against the app's database. Journeys use it to let time pass (a 10-day notice cannot be
 * waited out in a test) and to count what a page should show, never to write what the user does through the pages.
 */
export async function sql<Row extends Record<string, unknown> = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<Row[]> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Today in Vietnam (UTC+7) as yyyy-mm-dd, shifted by `days`: the dates the app itself calls today. */
export function vnDay(days = 0): string {
  const now = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  return now.toISOString().slice(0, 10);
}
