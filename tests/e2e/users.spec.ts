import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("the administrator creates a hamlet head, resets the password, and a locked account loses access at its next request", async ({ browser }) => {
  const username = `tx${Date.now().toString(36).slice(-6)}`;
  const admin = await browser.newPage();
  await signIn(admin, "admin");
  await admin.goto("/admin/users/new");
  await admin.getByLabel("Tên đăng nhập").fill(username);
  await admin.getByLabel("Họ và tên").fill("Đinh Thị Ỹ");
  await admin.getByLabel("Vai trò").selectOption({ label: "Trưởng xóm" });
  await admin.getByLabel("Xóm phụ trách").selectOption({ label: "Kim Sơn" });
  await admin.getByLabel(/^Mật khẩu(?! mới)/).fill("matkhau-dau-tien");
  await admin.getByLabel("Nhập lại mật khẩu").fill("matkhau-khac");
  await admin.getByRole("button", { name: "Tạo tài khoản" }).click();
  // A mismatched confirmation is refused beside the field; what was typed (but the passwords) stays.
  await expect(admin.getByText(/không khớp/)).toBeVisible();
  await expect(admin.getByLabel("Tên đăng nhập")).toHaveValue(username);
  await admin.getByLabel(/^Mật khẩu(?! mới)/).fill("matkhau-dau-tien");
  await admin.getByLabel("Nhập lại mật khẩu").fill("matkhau-dau-tien");
  await admin.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(admin.getByText("Đã lưu.")).toBeVisible();
  const userUrl = admin.url();

  await admin.getByLabel(/^Mật khẩu mới/).fill("matkhau-moi-2024");
  await admin.getByLabel("Nhập lại mật khẩu mới").fill("matkhau-moi-2024");
  await admin.getByRole("button", { name: "Đặt lại mật khẩu" }).click();
  await expect(admin.getByRole("status").filter({ hasText: /mật khẩu/i })).toBeVisible();

  const head = await browser.newPage();
  await signIn(head, username, "matkhau-moi-2024");
  await expect(head.getByRole("heading", { name: "Xóm Kim Sơn" })).toBeVisible();

  await admin.goto(userUrl);
  await admin.getByRole("button", { name: "Khóa tài khoản" }).click();
  await expect(admin.getByRole("button", { name: "Mở khóa" })).toBeVisible();

  await head.goto("/registry/households");
  await expect(head).toHaveURL(/\/login/);
  await head.getByLabel("Tên đăng nhập").fill(username);
  await head.getByLabel("Mật khẩu").fill("matkhau-moi-2024");
  await head.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(head.getByText("Tên đăng nhập hoặc mật khẩu không đúng.")).toBeVisible();

  await admin.goto("/audit?type=User");
  for (const action of ["Thêm người dùng", "Đặt lại mật khẩu", "Khóa tài khoản"]) {
    await expect(admin.getByRole("cell", { name: action, exact: true }).first()).toBeVisible();
  }
  await admin.close();
  await head.close();
});
