import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { signIn, sql, uniqueName } from "./support";

// The officer's import journey: the template, a file with a bad row (its error shown with the row number), the
// fixed file, the confirmation that names the consequence, the progress and the result, the households in the list.

/** The downloaded template with its example rows replaced by `rows` (the layout's eight columns). */
async function fileFromTemplate(templatePath: string, rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(templatePath);
  const sheet = workbook.worksheets[0]!;
  for (let i = 2; i <= sheet.rowCount; i++) sheet.getRow(i).values = [];
  rows.forEach((r, i) => {
    sheet.getRow(i + 2).values = r;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test("the officer imports households from an Excel file: template, a bad row, the fixed file, progress, result", async ({ page }) => {
  const head1 = uniqueName("Hoàng Văn Nhập");
  const head2 = uniqueName("Ma Thị Tệp");
  await signIn(page, "canbo");
  await page.goto("/registry/households");
  await page.getByRole("link", { name: "Nhập từ Excel" }).click();
  await expect(page.getByRole("heading", { name: "Nhập hộ gia đình từ Excel" })).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải file mẫu" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("Mẫu nhập hộ gia đình.xlsx");
  const templatePath = await download.path();
  const template = new ExcelJS.Workbook();
  await template.xlsx.readFile(templatePath);
  expect(template.worksheets[0]!.getRow(1).values).toEqual([undefined, "STT", "Xóm", "Họ và tên", "Quan hệ với chủ hộ", "Năm sinh", "Địa chỉ", "Số điện thoại", "Hộ nghèo"]);

  const rows = (memberYear: number) => [
    [1, "Bản Lác", head1, "Chủ hộ", 1966, "Tổ 9, xóm Bản Lác", "0912000111", "Cận nghèo"],
    [null, null, "Lò Thị Vợ", "Vợ", memberYear, null, null, null],
    [null, null, "Hoàng Văn Con", "Con", 1994, null, null, null],
    [2, "Bản Lác", head2, "Chủ hộ", 1980, "Tổ 10, xóm Bản Lác", null, null],
    [null, null, "Ma Văn Cháu", "Cháu", 2015, null, null, null],
  ];
  const fileInput = page.getByLabel(/Tệp danh sách hộ/);
  await fileInput.setInputFiles({ name: "ho-ban-lac.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await fileFromTemplate(templatePath, rows(1850)) });
  await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();

  await expect(page.getByRole("heading", { name: "Tệp \u201cho-ban-lac.xlsx\u201d" })).toBeVisible();
  await expect(page.getByText("Tệp có 1 lỗi nên chưa nhập hộ nào.", { exact: false })).toBeVisible();
  const error = page.getByRole("list", { name: "Các lỗi trong tệp" }).getByRole("listitem");
  await expect(error).toHaveCount(1);
  await expect(error).toContainText("Dòng 3 · cột Năm sinh:");
  await expect(error).toContainText(`Năm sinh phải từ 1900 đến ${new Date().getFullYear()}.`);
  expect(await sql(`SELECT 1 FROM "Household" WHERE "headName" = $1`, [head1])).toHaveLength(0);

  // The fixed file, uploaded from the same page.
  await page.getByLabel(/Tệp danh sách hộ/).setInputFiles({ name: "ho-ban-lac-da-sua.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await fileFromTemplate(templatePath, rows(1968)) });
  await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
  await expect(page.getByRole("heading", { name: "Tệp \u201cho-ban-lac-da-sua.xlsx\u201d" })).toBeVisible();
  await expect(page.getByText("Tệp hợp lệ: không có dòng nào lỗi.")).toBeVisible();

  await page.getByRole("button", { name: "Nhập 2 hộ, 5 nhân khẩu vào sổ hộ gia đình" }).click();
  await expect(page.getByText("Tất cả được ghi cùng lúc: nếu có lỗi, không hộ nào được ghi.", { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Xác nhận nhập" }).click();

  const progress = page.getByRole("progressbar", { name: "Tiến độ nhập" });
  await expect(progress).toBeVisible();
  await expect(page.getByText("Đã nhập 2 hộ, 5 nhân khẩu vào sổ hộ gia đình", { exact: false })).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuenow", "2");
  await expect(page.getByText("Đã ghi 2 / 2 hộ", { exact: false })).toBeVisible();

  await page.getByRole("link", { name: "Xem sổ hộ gia đình" }).click();
  await page.getByPlaceholder(/Tìm theo tên chủ hộ/).fill(head1.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d"));
  await page.getByPlaceholder(/Tìm theo tên chủ hộ/).press("Enter");
  await page.getByRole("link", { name: head1 }).first().click();
  await expect(page.getByRole("heading", { name: new RegExp(head1) })).toBeVisible();
  await expect(page.getByText("Lò Thị Vợ")).toBeVisible();

  const [imported] = await sql<{ n: string; importId: string | null }>(
    `SELECT count(*)::text AS n, min("importId"::text) AS "importId" FROM "Household" WHERE "headName" IN ($1, $2)`, [head1, head2]);
  expect(imported).toMatchObject({ n: "2", importId: expect.any(String) });
  fs.rmSync(templatePath, { force: true });
});

test("the upload endpoint refuses an anonymous caller, another site's page and a committee member", async ({ page, playwright, baseURL }) => {
  const upload = "/api/household-imports?name=ho.csv";
  const body = { headers: { "content-type": "application/octet-stream" }, data: Buffer.from("Họ và tên,Xóm,Địa chỉ\nLò Văn A,Bản Lác,Tổ 1\n") };

  const anonymous = await playwright.request.newContext({ baseURL });
  const refused = await anonymous.post(upload, body);
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error).toContain("đăng nhập");
  await anonymous.dispose();

  await signIn(page, "canbo");
  const crossSite = await page.request.post(upload, { ...body, headers: { ...body.headers, origin: "https://trang-khac.example" } });
  expect(crossSite.status()).toBe(403);
  const asForm = await page.request.post(upload, { ...body, headers: { "content-type": "text/plain" } });
  expect(asForm.status()).toBe(415);
  const own = await page.request.post(upload, body);
  expect(own.status()).toBe(200);
  expect(await own.json()).toMatchObject({ households: 1, members: 1, errorCount: 0 });

  await page.context().clearCookies();
  await signIn(page, "bcd");
  const committee = await page.request.post(upload, body);
  expect(committee.status()).toBe(403);
  expect((await committee.json()).error).toBe("Bạn không có quyền thực hiện thao tác này.");
});
