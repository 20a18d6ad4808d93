import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { signIn, sql, vnDay } from "./support";

// The 2024 "Xóm văn hóa" cycle, end to end: the officer writes xóm Ao Sen's achievement report, records the commune
// council's meeting and votes, and posts the list publicly; a resident who is not signed in leaves a comment on the
// public page; the officer answers it, and once the ten days are over lodges the Tờ trình and drafts the decision,
// which the leader issues (after 1/7/2025 the commune chairman decides). The documents name the xóm.

const DESKTOP = { viewport: { width: 1366, height: 900 }, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" };

async function as(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext(DESKTOP)).newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await signIn(page, username);
  return page;
}

async function docxText(page: Page, link: RegExp): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).first().click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  return strFromU8(files["word/document.xml"]!);
}

test.setTimeout(240_000);

test("the officer runs a hamlet from report to decision, and a resident comments on the public notice", async ({ browser }) => {
  const officer = await as(browser, "canbo");

  // --- The achievement report (Mẫu 05) -------------------------------------------------------------------------------
  await officer.goto("/hamlet-title");
  await expect(officer).toHaveURL(/\/hamlet-title\/2024$/);
  const yearUrl = officer.url();
  await officer.getByRole("link", { name: "Ao Sen", exact: true }).click();
  await expect(officer.getByRole("heading", { level: 1 })).toContainText("Ao Sen");
  // Figures vanhoa knows are filled in already.
  await expect(officer.getByLabel(/^Tổng số hộ đang cư trú/)).not.toHaveValue("");
  await officer.getByLabel(/^Tỷ lệ người trong độ tuổi lao động/).fill("91");
  await officer.getByLabel(/^Tỷ lệ hộ thực hiện nếp sống văn minh/).fill("96");
  await officer.getByLabel(/^Số trẻ em trong độ tuổi đi học/).fill("30");
  for (const box of await officer.getByRole("checkbox", { name: /^Đạt tiêu chí/ }).all()) await box.check();
  await officer.getByLabel(/^Đặc điểm, tình hình của xóm/).fill("Xóm Ao Sen có 90 hộ, sản xuất chè và lúa.");
  await officer.getByLabel(/^Cam kết phấn đấu năm tới/).fill("Giữ vững danh hiệu Xóm văn hóa.");
  // Bad input first: more children at school than of school age is refused at the field; the typed values stay.
  await officer.getByLabel(/^Số trẻ em được đến trường/).fill("40");
  await officer.getByRole("button", { name: "Lưu báo cáo thành tích" }).click();
  await expect(officer.locator('[data-field-error="childrenInSchool"]')).toContainText("không được lớn hơn");
  await expect(officer.getByLabel(/^Cam kết phấn đấu năm tới/)).toHaveValue("Giữ vững danh hiệu Xóm văn hóa.");
  await officer.getByLabel(/^Số trẻ em được đến trường/).fill("30");
  await officer.getByRole("button", { name: "Lưu báo cáo thành tích" }).click();
  await expect(officer).toHaveURL(/saved=report/);
  const report = await docxText(officer, /Tải báo cáo/);
  expect(report).toContain("BÁO CÁO THÀNH TÍCH");
  expect(report).toContain("Ao Sen");

  // --- The commune council meets and votes (Mẫu 06) --------------------------------------------------------------------
  await officer.goto(yearUrl);
  await officer.getByRole("link", { name: "Ghi biên bản họp Hội đồng" }).click();
  await officer.getByLabel(/^Ngày họp/).fill("2024-11-20");
  await officer.getByLabel(/^Địa điểm họp/).fill("Hội trường Ủy ban nhân dân xã");
  await officer.getByLabel(/^Chủ tịch Hội đồng/).fill("Ma Văn Quyết");
  await officer.getByLabel(/^Thư ký/).fill("Hoàng Thị Thu Hà");
  await officer.getByLabel(/^Tổng số thành viên Hội đồng/).fill("9");
  await officer.getByLabel(/^Số thành viên dự họp/).fill("8");
  await officer.getByRole("button", { name: "Lưu biên bản họp Hội đồng" }).click();
  await expect(officer).toHaveURL(/saved=meeting/);

  const rows = officer.locator("li[data-hamlet]");
  expect(await rows.count()).toBeGreaterThanOrEqual(5);
  const aoSen = officer.locator('li[data-hamlet="Ao Sen"]');
  // More votes than members present is refused, nothing saved.
  await aoSen.getByLabel("Số phiếu tán thành").fill("12");
  await officer.getByRole("button", { name: "Lưu kết quả biểu quyết" }).click();
  await expect(aoSen.locator("[data-field-error]").first()).toContainText("không được lớn hơn số thành viên dự họp");
  for (const row of await rows.all()) {
    await row.getByLabel("Số phiếu tán thành").fill("8");
    await row.getByLabel("Số phiếu không tán thành").fill("0");
  }
  await officer.getByRole("button", { name: "Lưu kết quả biểu quyết" }).click();
  await expect(officer).toHaveURL(/saved=votes/);
  await expect(officer.locator('li[data-hamlet="Ao Sen"]')).toContainText("Đạt");
  const minutes = await docxText(officer, /Biên bản họp \(Mẫu 06\)/);
  expect(minutes).toContain("BIÊN BẢN");
  expect(minutes).toContain("Ao Sen");

  // --- The list goes public for ten days ---------------------------------------------------------------------------
  await officer.goto(yearUrl);
  await officer.getByRole("link", { name: "Công khai và ý kiến" }).click();
  await officer.getByLabel(/^Ngày bắt đầu công khai/).fill(vnDay(-3));
  await officer.getByRole("button", { name: "Công khai kết quả" }).click();
  await expect(officer.getByRole("link", { name: /Trang công khai/ }).first()).toBeVisible();
  const publicUrl = await officer.getByRole("link", { name: /Trang công khai/ }).first().getAttribute("href");
  expect(publicUrl).toMatch(/^\/cong-khai\/[0-9a-f-]{36}$/);

  // --- A resident, not signed in ------------------------------------------------------------------------------------------
  const resident = await (await browser.newContext({ ...DESKTOP, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.7" } })).newPage();
  await resident.goto("/cong-khai");
  await resident.getByRole("link", { name: /Xóm văn hóa.*2024|2024/ }).first().click();
  await expect(resident).toHaveURL(new RegExp(`${publicUrl}$`));
  await expect(resident.getByText("Ao Sen").first()).toBeVisible();
  await expect(resident.getByRole("link", { name: "Đăng xuất" })).toHaveCount(0);
  await resident.getByLabel("Ý kiến về").selectOption({ label: "Xóm Ao Sen" });
  // Markup is refused at the field and the text stays for the resident to fix.
  await resident.getByLabel(/^Nội dung ý kiến/).fill("Xóm <b>Ao Sen</b> đường làng còn bẩn");
  await resident.getByRole("button", { name: "Gửi ý kiến" }).click();
  await expect(resident.locator('[data-field-error="content"]')).toContainText("không được chứa mã HTML");
  await expect(resident.getByLabel(/^Nội dung ý kiến/)).toHaveValue("Xóm <b>Ao Sen</b> đường làng còn bẩn");
  await resident.getByLabel(/^Nội dung ý kiến/).fill("Đường làng xóm Ao Sen đoạn gần suối còn rác, đề nghị xóm vận động dọn dẹp.");
  await resident.getByLabel(/^Họ và tên/).fill("Lương Văn Bình");
  await resident.getByRole("button", { name: "Gửi ý kiến" }).click();
  await expect(resident.getByText(/Cảm ơn/)).toBeVisible();

  // --- The officer answers the comment ------------------------------------------------------------------------------------
  await officer.reload();
  await expect(officer.getByText("Đường làng xóm Ao Sen đoạn gần suối còn rác")).toBeVisible();
  await officer.getByLabel("Kết quả xử lý").first().selectOption("REJECTED");
  await officer.getByLabel("Nội dung xử lý, trả lời").first().fill("Xóm đã tổ chức tổng vệ sinh ngày 25/11; giữ nguyên kết quả.");
  await officer.getByRole("button", { name: "Ghi kết quả xử lý" }).first().click();
  await expect(officer.getByText("Xóm đã tổ chức tổng vệ sinh ngày 25/11")).toBeVisible();

  // Ten days pass (the notice started 14 days ago and ended 4 days ago).
  await sql(
    `UPDATE "CouncilReview" SET "noticePostedOn" = "noticePostedOn" - 11, "noticeEndsOn" = "noticeEndsOn" - 11 WHERE "id" = $1::uuid`,
    [publicUrl!.split("/").pop()],
  );

  // --- The Tờ trình (Mẫu 04) ----------------------------------------------------------------------------------------------
  await officer.goto(`${yearUrl}/proposal`);
  await officer.getByLabel(/^Số tờ trình/).fill("45");
  await officer.getByLabel(/^Ngày tờ trình/).fill(vnDay(0));
  await officer.getByRole("button", { name: "Lập tờ trình" }).click();
  await expect(officer).toHaveURL(/proposal\?saved=1/);
  const proposal = await docxText(officer, /Tải tờ trình/);
  expect(proposal).toContain("TỜ TRÌNH");
  expect(proposal).toContain("45/TTr-UBND");
  expect(proposal).toContain("Ao Sen");

  // --- The decision: after 1/7/2025 the commune chairman decides — the officer drafts, the leader issues ---------------
  await officer.goto(`/decisions/hamlet/new?year=2024&on=${vnDay(0)}`);
  await expect(officer.getByText(/Chủ tịch Ủy ban nhân dân xã Kim Phượng/).first()).toBeVisible();
  await expect(officer.getByRole("group", { name: /Các xóm được công nhận/ })).toContainText("Xóm Ao Sen");
  await officer.getByLabel(/^Họ và tên người ký/).fill("Ma Văn Quyết");
  await officer.getByRole("button", { name: "Lưu dự thảo" }).click();
  await expect(officer).toHaveURL(/\/decisions\/[0-9a-f-]{36}\?saved=1/);
  const decisionUrl = officer.url().replace(/\?.*$/, "");

  const leader = await as(browser, "lanhdao");
  await leader.goto(decisionUrl);
  await leader.getByRole("button", { name: "Phê duyệt và ban hành" }).click();
  await leader.getByRole("button", { name: "Xác nhận ban hành" }).click();
  await expect(leader).toHaveURL(/issued=1/);
  await expect(leader.getByText("Đã ban hành").first()).toBeVisible();
  await expect(leader.getByText("Ao Sen").first()).toBeVisible();
  const decision = await docxText(leader, /Quyết định công nhận .*\.docx/);
  expect(decision).toContain("QUYẾT ĐỊNH");
  expect(decision).toContain("Ao Sen");

  // The year is decided: the hamlet page says so and the public page no longer takes comments.
  await officer.goto(yearUrl);
  await expect(officer.getByText("Đã có quyết định").first()).toBeVisible();
  await resident.goto(publicUrl!);
  await expect(resident.getByRole("button", { name: "Gửi ý kiến" })).toHaveCount(0);
});
