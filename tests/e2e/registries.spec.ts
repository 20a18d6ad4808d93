import { expect, test } from "@playwright/test";
import { signIn, uniqueName } from "./support";

test("the officer adds and edits a hamlet and an agency; the audit log shows who did it", async ({ page }) => {
  const hamlet = uniqueName("Nà Pẻn");
  const agency = uniqueName("Hợp tác xã Chè");
  await signIn(page, "canbo");

  await page.goto("/registry/hamlets/new");
  await page.getByLabel("Tên xóm").fill(hamlet);
  await page.getByLabel("Trưởng xóm").fill("Hoàng Văn Ặng");
  await page.getByLabel("Có nhà văn hóa").check();
  await page.getByRole("button", { name: "Lưu" }).first().click();
  await expect(page.getByText("Đã lưu.")).toBeVisible();
  await expect(page.getByRole("heading", { name: new RegExp(hamlet) })).toBeVisible();

  // The same name again is refused beside the field.
  await page.goto("/registry/hamlets/new");
  await page.getByLabel("Tên xóm").fill(hamlet);
  await page.getByRole("button", { name: "Lưu" }).first().click();
  await expect(page.locator("[data-field-error=name]")).not.toBeEmpty();
  await expect(page.getByLabel("Tên xóm")).toHaveValue(hamlet);

  await page.goto("/registry/agencies/new");
  await page.getByLabel("Tên cơ quan, đơn vị, doanh nghiệp").fill(agency);
  await page.getByLabel("Loại hình").selectOption({ label: "Doanh nghiệp" });
  await page.getByLabel("Thủ trưởng / người đứng đầu").fill("Ma Thị Ễnh");
  await page.getByLabel("Số lao động").fill("nhiều");
  await page.getByRole("button", { name: "Lưu" }).first().click();
  await expect(page.locator("[data-field-error=headcount]")).not.toBeEmpty();
  await expect(page.getByLabel("Tên cơ quan, đơn vị, doanh nghiệp")).toHaveValue(agency);
  await page.getByLabel("Số lao động").fill("25");
  await page.getByRole("button", { name: "Lưu" }).first().click();
  await expect(page.getByText("Đã lưu.")).toBeVisible();

  await page.getByRole("link", { name: "Sửa" }).click();
  await page.getByLabel("Số lao động").fill("27");
  await page.getByRole("button", { name: "Lưu thay đổi" }).click();
  await expect(page.getByText("Đã lưu.")).toBeVisible();
  await expect(page.getByText("27 người", { exact: true })).toBeVisible();

  // Accent-free search finds the new agency.
  await page.goto(`/registry/agencies?q=${encodeURIComponent("hop tac xa che")}`);
  await expect(page.getByRole("link", { name: agency })).toBeVisible();

  await page.goto("/audit");
  const rows = page.getByRole("row").filter({ hasText: "canbo" });
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
});
