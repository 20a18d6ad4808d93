import { expect, test } from "@playwright/test";
import { mainNav, signIn } from "./support";

test("a wrong password shows an error and keeps the user on the sign-in page", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill("canbo");
  await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByText("Tên đăng nhập hoặc mật khẩu không đúng.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel("Tên đăng nhập")).toHaveValue("canbo");
});

test("an anonymous visitor is sent to the sign-in page", async ({ page }) => {
  await page.goto("/registry/households");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
});

test("the officer sees the commune's 14 hamlets and its households, and can sign out", async ({ page }) => {
  await signIn(page, "canbo");
  await expect(page.getByRole("heading", { name: "Tổng quan xã Kim Phượng" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveText("Hoàng Thị Thu Hà");
  // The demo commune's 14 hamlets (other journeys may have added more by now).
  await expect(page.getByRole("table").getByRole("row").nth(14)).toBeVisible();
  for (const name of ["Bản Lác", "Bản Mới", "Thái Chi", "Kim Tân", "Đồng Đình", "Kim Sơn", "Ao Sen", "Phai Đá"]) {
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  }
  const nav = mainNav(page);
  for (const item of ["Tổng quan", "Hộ gia đình", "Xóm", "Cơ quan, đơn vị", "Nhật ký hệ thống"]) {
    await expect(nav.getByRole("link", { name: item, exact: true })).toBeVisible();
  }
  await expect(nav.getByRole("link", { name: "Người dùng" })).toHaveCount(0);

  await nav.getByRole("link", { name: "Hộ gia đình", exact: true }).click();
  await expect(page.getByRole("link", { name: "+ Thêm hộ" })).toBeVisible();
  await expect(page.getByText(/Tổng số: 1\.\d{3}/)).toBeVisible();

  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("the session endpoint carries the role", async ({ page }) => {
  await signIn(page, "lanhdao");
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session.user.role).toBe("LEADER");
  expect(session.user.username).toBe("lanhdao");
});

test("the leader reads households but cannot add one", async ({ page }) => {
  await signIn(page, "lanhdao");
  await page.goto("/registry/households");
  await expect(page.getByRole("heading", { name: "Hộ gia đình" })).toBeVisible();
  await expect(page.getByRole("link", { name: "+ Thêm hộ" })).toHaveCount(0);
  const response = await page.goto("/registry/households/new");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Bạn không có quyền truy cập trang này" })).toBeVisible();
});

test("the steering committee reads lists and is refused the users page", async ({ page }) => {
  await signIn(page, "bcd");
  await page.goto("/registry/agencies");
  await expect(page.getByText("UBND xã Kim Phượng")).toBeVisible();
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  const audit = await page.goto("/audit");
  expect(audit?.status()).toBe(403);
});

test("the administrator manages users and reads the audit log, but not households", async ({ page }) => {
  await signIn(page, "admin");
  await mainNav(page).getByRole("link", { name: "Người dùng" }).click();
  await expect(page.getByRole("cell", { name: "truongxom", exact: true })).toBeVisible();
  const response = await page.goto("/registry/households");
  expect(response?.status()).toBe(403);
  // The log is newest first and other journeys may have filled its first page: filter by the action.
  await page.goto("/audit");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/audit?action=seed.demo");
  await expect(page.getByRole("cell", { name: "Tạo dữ liệu mẫu" })).toBeVisible();
});

test("the hamlet head sees only their own hamlet", async ({ page }) => {
  await signIn(page, "truongxom");
  await expect(page.getByRole("heading", { name: "Xóm Bản Lác" })).toBeVisible();
  await page.goto("/registry/households");
  const hamletCells = page.getByRole("table").getByRole("row").locator("td:nth-child(2)");
  await expect(hamletCells.first()).toHaveText("Bản Lác");
  const names = await hamletCells.allTextContents();
  expect(new Set(names)).toEqual(new Set(["Bản Lác"]));
  expect((await page.goto("/registry/agencies"))?.status()).toBe(403);
});
