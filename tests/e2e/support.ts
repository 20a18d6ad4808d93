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
