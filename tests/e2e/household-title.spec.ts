import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { signIn } from "./support";

// The 2024 "Gia đình văn hóa" cycle of xóm Bản Lác, end to end: the hamlet head on a phone records the meeting,
// posts the notice and submits; the officer returns it; the hamlet head fixes and resubmits; the officer accepts
// and drafts the decision; the leader issues it; the list and the decision's .docx name the households.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" };

async function as(browser: Browser, username: string, phone = false): Promise<Page> {
  const context = await browser.newContext(phone ? PHONE : { viewport: { width: 1366, height: 900 }, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await signIn(page, username);
  return page;
}

test.setTimeout(180_000);

test("a hamlet's household titles go from the meeting to a signed decision", async ({ browser }) => {
  // --- The hamlet head, on a phone: the meeting ---------------------------------------------------------------
  const head = await as(browser, "truongxom", true);
  await head.goto("/review");
  await expect(head).toHaveURL(/\/review\/2024\/[0-9a-f-]{36}$/);
  const hubUrl = head.url();
  await expect(head.getByRole("heading", { name: /Bản Lác/ })).toBeVisible();

  await head.getByRole("link", { name: "Ghi biên bản họp" }).click();
  await head.getByLabel(/^Ngày họp/).fill("2024-11-10");
  await head.getByLabel(/^Địa điểm/).fill("Nhà văn hóa xóm Bản Lác");
  await head.getByLabel(/^Thư ký/).fill("Hoàng Thị Mai");
  await head.getByLabel(/^Số người được mời/).fill("107");
  // Bad input first: more present than invited is refused at the field, and the typed values stay.
  await head.getByLabel(/^Số người có mặt/).fill("120");
  await head.getByRole("button", { name: "Lưu biên bản họp" }).click();
  await expect(head.locator('[data-field-error="presentCount"]')).toContainText("không được lớn hơn số người được mời");
  await expect(head.getByLabel(/^Thư ký/)).toHaveValue("Hoàng Thị Mai");
  await head.getByLabel(/^Số người có mặt/).fill("82");
  await head.getByRole("button", { name: "Lưu biên bản họp" }).click();
  await expect(head).toHaveURL(/saved=meeting/);
  await expect(head.getByText(/Cuộc họp đủ điều kiện tiến hành/).first()).toBeVisible();

  // Two households one by one; the second misses a criterion.
  await head.getByRole("link", { name: "Tiếp tục bình xét" }).click();
  await expect(head).toHaveURL(/\/households\/[0-9a-f-]{36}$/);
  const firstName = (await head.getByRole("heading", { level: 1 }).innerText()).trim();
  await head.getByLabel("Số tán thành").fill("200");
  await head.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(head.locator('[data-field-error="votesFor"]')).toContainText("không được lớn hơn số người có mặt");
  await head.getByLabel("Số tán thành").fill("78");
  await head.getByLabel("Số không tán thành").fill("2");
  await expect(head.getByText("Kết quả dự kiến:")).toContainText("Đạt");
  await head.getByRole("button", { name: "Lưu và sang hộ tiếp theo" }).click();
  await expect(head.getByText("Đã lưu hộ trước. Đây là hộ tiếp theo chưa bình xét.")).toBeVisible();
  await expect(head.getByRole("heading", { level: 1 })).not.toHaveText(firstName);
  const secondName = (await head.getByRole("heading", { level: 1 }).innerText()).trim();
  await head.getByRole("checkbox", { name: /^B6\./ }).uncheck();
  await head.getByLabel("Số tán thành").fill("60");
  await expect(head.getByLabel("Số tán thành")).toHaveValue("60");
  await expect(head.getByText("Kết quả dự kiến:")).toContainText("Không đạt");
  await head.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(head.getByText("Đã lưu.")).toBeVisible();

  // The rest of the list, approved together.
  await head.goto(hubUrl);
  await head.getByText("Ghi kết quả cho các hộ còn lại").click();
  await head.getByLabel(/^Số tán thành/).fill("75");
  await head.getByLabel(/^Số không tán thành/).fill("3");
  await head.getByRole("button", { name: /^Ghi kết quả cho \d+ hộ còn lại$/ }).click();
  await expect(head.getByRole("button", { name: /hộ còn lại$/ })).toHaveCount(0);

  // --- Notice and submission -----------------------------------------------------------------------------------
  await head.getByRole("link", { name: "Niêm yết danh sách" }).click();
  await head.getByLabel(/^Ngày niêm yết/).fill("2024-11-11");
  await head.getByRole("button", { name: "Ghi nhận niêm yết" }).click();
  await expect(head.getByText(/21\/11\/2024/).first()).toBeVisible();
  await head.goto(hubUrl);
  await head.getByRole("button", { name: "Nộp hồ sơ lên xã" }).click();
  await expect(head.getByText("Đã nộp hồ sơ").first()).toBeVisible();

  // --- The officer returns it with a reason -----------------------------------------------------------------------
  const officer = await as(browser, "canbo");
  await officer.goto("/review/2024");
  await officer.getByRole("link", { name: "Bản Lác" }).click();
  await officer.getByLabel(/^Lý do trả lại/).fill("Biên bản chưa ghi ý kiến của Chi hội Phụ nữ; đề nghị bổ sung.");
  await officer.getByRole("button", { name: "Trả lại hồ sơ" }).click();
  await expect(officer.getByText("Bị trả lại").first()).toBeVisible();

  // --- The hamlet head sees why, fixes the second household and resubmits ------------------------------------------
  await head.goto(hubUrl);
  await expect(head.getByText("Biên bản chưa ghi ý kiến của Chi hội Phụ nữ").first()).toBeVisible();
  await head.getByRole("link", { name: new RegExp(secondName) }).first().click();
  await head.getByRole("checkbox", { name: /^B6\./ }).check();
  await expect(head.getByText("Kết quả dự kiến:")).toContainText("Đạt");
  await head.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(head.getByText("Đã lưu.")).toBeVisible();
  await head.goto(hubUrl);
  await head.getByRole("button", { name: "Nộp hồ sơ lên xã" }).click();
  await expect(head.getByText("Đã nộp hồ sơ").first()).toBeVisible();

  // --- The officer accepts and drafts the decision -----------------------------------------------------------------
  await officer.reload();
  await officer.getByRole("button", { name: "Tiếp nhận hồ sơ" }).click();
  await expect(officer.getByText("Đã tiếp nhận").first()).toBeVisible();
  await officer.goto("/decisions/new?year=2024");
  await officer.getByLabel(/^Số/).first().fill("245");
  await officer.getByLabel(/^Ngày ban hành/).fill("2024-12-05");
  await officer.getByLabel(/^Họ và tên người ký/).fill("Ma Văn Quyết");
  await officer.getByRole("button", { name: "Lưu dự thảo" }).click();
  await expect(officer).toHaveURL(/\/decisions\/[0-9a-f-]{36}\?saved=1/);
  const decisionUrl = officer.url().replace(/\?.*$/, "");

  // --- The leader approves and issues it ------------------------------------------------------------------------------
  const leader = await as(browser, "lanhdao");
  await leader.goto(decisionUrl);
  await leader.getByRole("button", { name: "Phê duyệt và ban hành" }).click();
  await leader.getByRole("button", { name: "Xác nhận ban hành" }).click();
  await expect(leader).toHaveURL(/issued=1/);
  await expect(leader.getByText("Đã ban hành").first()).toBeVisible();
  // A commune-wide decision lists its households one xóm at a time: open Bản Lác's list.
  await leader.getByRole("link", { name: "Bản Lác", exact: true }).click();
  await expect(leader).toHaveURL(/\?hamlet=[0-9a-f-]{36}$/);
  await expect(leader.getByRole("link", { name: firstName, exact: true }).first()).toBeVisible();
  await expect(leader.getByRole("link", { name: secondName, exact: true }).first()).toBeVisible();

  // The decision as Word: the names are in it.
  const [download] = await Promise.all([leader.waitForEvent("download"), leader.getByRole("link", { name: /Quyết định \(Mẫu 10\)/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  const xml = strFromU8(files["word/document.xml"]!);
  expect(xml).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  expect(xml).toContain("245/QĐ-UBND");
  expect(xml).toContain(firstName);
  expect(xml).toContain(secondName);
  expect(xml).toContain("Bản Lác");

  // The hamlet's year is now locked for the hamlet head.
  await head.goto(hubUrl);
  await expect(head.getByText("Đã có quyết định").first()).toBeVisible();
  await expect(head.getByRole("button", { name: "Nộp hồ sơ lên xã" })).toHaveCount(0);
});
