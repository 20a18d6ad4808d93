import { expect, test } from "@playwright/test";
import { signIn, uniqueName } from "./support";

test("a hamlet head on a phone adds a household with two members", async ({ page }) => {
  const headName = uniqueName("Ma Văn Thử");
  await signIn(page, "truongxom");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Hộ gia đình" }).last().click();
  await page.getByRole("link", { name: "+ Thêm hộ" }).click();

  await page.getByLabel("Họ và tên chủ hộ").fill(headName);
  await page.getByLabel("Năm sinh chủ hộ").fill("1978");
  await page.getByLabel("Địa chỉ").fill("Tổ 3, xóm Bản Lác");
  await page.getByLabel("Số điện thoại").fill("0912 345 678");
  await expect(page.getByLabel("Xóm")).toHaveValue(/.+/); // their own hamlet, preselected

  await page.getByRole("button", { name: "+ Thêm thành viên" }).click();
  const first = page.getByRole("listitem", { name: "Thành viên 1" });
  await first.getByLabel("Họ và tên").fill("Hoàng Thị Lụa");
  await first.getByLabel("Năm sinh").fill("1980");
  await first.getByLabel("Quan hệ với chủ hộ").selectOption({ label: "Vợ/Chồng" });

  await page.getByRole("button", { name: "+ Thêm thành viên" }).click();
  const second = page.getByRole("listitem", { name: "Thành viên 2" });
  await second.getByLabel("Họ và tên").fill("Ma Văn Ỹ");
  await second.getByLabel("Năm sinh").fill("2008");
  await second.getByLabel("Quan hệ với chủ hộ").selectOption({ label: "Con" });

  await page.getByRole("button", { name: "Lưu hộ" }).click();
  await expect(page.getByText("Đã lưu.")).toBeVisible();
  await expect(page.getByRole("heading", { name: `Hộ ${headName}` })).toBeVisible();
  await expect(page.getByText("Thành viên (3)")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Hoàng Thị Lụa" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Ma Văn Ỹ" })).toBeVisible();
  await expect(page.getByText("0912345678")).toBeVisible();

  // Found again by a search typed without accents.
  await page.goto(`/registry/households?q=${encodeURIComponent("ma van thu")}`);
  await expect(page.getByRole("link", { name: headName })).toBeVisible();
});

test("an invalid household form shows Vietnamese errors beside the fields, keeps what was typed and saves nothing", async ({ page }) => {
  const headName = uniqueName("Nông Thị Sai");
  await signIn(page, "truongxom");
  await page.goto("/registry/households/new");
  await page.getByLabel("Họ và tên chủ hộ").fill(headName);
  await page.getByLabel("Năm sinh chủ hộ").fill("1850");
  // address left empty
  await page.getByLabel("Số điện thoại").fill("12345");
  await page.getByRole("button", { name: "+ Thêm thành viên" }).click();
  const member = page.getByRole("listitem", { name: "Thành viên 1" });
  await member.getByLabel("Họ và tên").fill("Nông Văn Con");
  await member.getByLabel("Năm sinh").fill("3000");

  await page.getByRole("button", { name: "Lưu hộ" }).click();

  await expect(page.getByText("Vui lòng nhập địa chỉ.")).toBeVisible();
  await expect(page.getByText("Năm sinh chủ hộ phải từ 1900 đến")).toBeVisible();
  await expect(page.getByText("Số điện thoại phải gồm 10 chữ số")).toBeVisible();
  await expect(member.getByText("Vui lòng chọn quan hệ với chủ hộ.")).toBeVisible();
  await expect(member.getByText("Năm sinh phải từ 1900 đến")).toBeVisible();
  await expect(page.getByLabel("Địa chỉ")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Năm sinh chủ hộ")).toBeFocused(); // the first field to fix

  await expect(page.getByLabel("Họ và tên chủ hộ")).toHaveValue(headName);
  await expect(page.getByLabel("Năm sinh chủ hộ")).toHaveValue("1850");
  await expect(page.getByLabel("Số điện thoại")).toHaveValue("12345");
  await expect(member.getByLabel("Họ và tên")).toHaveValue("Nông Văn Con");
  await expect(member.getByLabel("Năm sinh")).toHaveValue("3000");
  await expect(page).toHaveURL(/\/registry\/households\/new$/);

  await page.goto(`/registry/households?q=${encodeURIComponent(headName)}`);
  await expect(page.getByText("Không có hộ nào khớp với điều kiện tìm.")).toBeVisible();
});

test("a duplicate household in the same hamlet is refused with a clear message", async ({ page }) => {
  const headName = uniqueName("Lương Văn Trùng");
  await signIn(page, "truongxom");
  for (const attempt of [1, 2]) {
    await page.goto("/registry/households/new");
    await page.getByLabel("Họ và tên chủ hộ").fill(headName);
    await page.getByLabel("Địa chỉ").fill("Tổ 1, xóm Bản Lác");
    await page.getByRole("button", { name: "Lưu hộ" }).click();
    if (attempt === 1) await expect(page.getByText("Đã lưu.")).toBeVisible();
  }
  await expect(page.getByText(`Xóm này đã có hộ của chủ hộ "${headName}" tại địa chỉ này.`).first()).toBeVisible();
  await page.goto(`/registry/households?q=${encodeURIComponent(headName)}`);
  await expect(page.getByText("Tổng số: 1 ")).toBeVisible();
});
