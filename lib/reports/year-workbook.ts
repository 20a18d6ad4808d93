import "server-only";
import ExcelJS from "exceljs";
import type { Worksheet } from "exceljs";
import { formatDay, todayInVietnam } from "@/lib/dates";
import { communeName, slug, type DownloadName } from "@/lib/documents/format";
import { db } from "@/lib/db";
import { DATE_FORMAT, safeCellText, styleBodyCell, styleHeaderCell } from "@/lib/excel";
import type { HamletFigures } from "@/lib/dashboard/types";
import { REVIEW_STATUS_LABEL } from "@/lib/review/rules";
import type { YearReportData } from "./year-data";

// The year's Excel export (issue 5 "Reports" 1): "Tổng hợp" (the figures the upper level asks for, DOMAIN.md §7),
// "Theo xóm" (one row per hamlet) and "Hộ gia đình" (one row per active household, read from the database in pages).
// Counts are numbers, rates are fractions shown with a % format, every text cell goes through safeCellText. The
// households sheet shows no exclusion reason nor category (sensitive personal data, DOMAIN.md §8).

const PERCENT = "0.0%";
const INTEGER = "#,##0";
/** Households read per query for the households sheet. */
export const HOUSEHOLD_PAGE = 1000;

export const SHEET = { summary: "Tổng hợp", hamlets: "Theo xóm", households: "Hộ gia đình" } as const;

export const SUMMARY_HEADERS = ["Chỉ tiêu", "Số lượng", "Tỷ lệ so với tổng số", "Tỷ lệ so với số đăng ký", "Ghi chú"] as const;
export const HAMLET_HEADERS = [
  "STT", "Xóm", "Tổng số hộ", "Số hộ đăng ký", "Số hộ được bình xét", "Đạt", "Không đạt", "Không xét", "Được công nhận",
  "Tỷ lệ công nhận", "Còn thiếu so với chỉ tiêu (hộ)", "Tình trạng bình xét", "Ngày",
] as const;
export const HOUSEHOLD_HEADERS = ["STT", "Xóm", "Chủ hộ", "Địa chỉ", "Đăng ký", "Kết quả bình xét", "Danh hiệu"] as const;

/** The row labels of the summary sheet (column A), so tests and readers find a figure by its label. */
export const SUMMARY_LABEL = {
  households: "I. HỘ GIA ĐÌNH – “GIA ĐÌNH VĂN HÓA”",
  hhTotal: "Tổng số hộ gia đình (đang cư trú)",
  hhRegistered: "Số hộ đăng ký",
  hhRecognised: "Số hộ được công nhận (quyết định đã ban hành)",
  hhProvisional: "Số hộ đạt, chưa có quyết định (tạm tính)",
  hhThreeYears: "Số hộ đạt 3 năm liên tục",
  hhHonourEligible: (years: number) => `Số hộ đủ điều kiện “tiêu biểu” (${years} năm liên tục trở lên)`,
  hhHonourProposed: "Số hộ đề xuất “tiêu biểu” (theo tỷ lệ của năm)",
  hhExcluded: (label: string) => `Không xét tặng – ${label}`,
  hhTarget: "Chỉ tiêu (% tổng số hộ)",
  hhTargetCount: "Số hộ cần đạt theo chỉ tiêu",
  hhGap: "Còn thiếu so với chỉ tiêu (hộ)",
  hamlets: "II. XÓM – “XÓM VĂN HÓA”",
  hmTotal: "Tổng số xóm",
  hmRegistered: "Số xóm đăng ký",
  hmRecognised: "Số xóm được công nhận",
  hmProvisional: "Số xóm đạt, chưa có quyết định (tạm tính)",
  hmTarget: "Chỉ tiêu (% tổng số xóm)",
  hmGap: "Còn thiếu so với chỉ tiêu (xóm)",
  agencies: "III. CƠ QUAN, ĐƠN VỊ, DOANH NGHIỆP – “ĐẠT CHUẨN VĂN HÓA”",
  agTotal: "Tổng số cơ quan, đơn vị, doanh nghiệp",
  agRegistered: "Số đăng ký",
  agRecognised: "Số đạt chuẩn văn hóa",
  agTarget: "Chỉ tiêu (% tổng số)",
  agGap: "Còn thiếu so với chỉ tiêu",
} as const;

export const RESULT_TEXT = { ACHIEVED: "Đạt", NOT_ACHIEVED: "Không đạt", EXCLUDED: "Không xét", NONE: "Chưa bình xét" } as const;
export const AWARD_TEXT = { ACTIVE: "Đã công nhận", CANCELLED: "Đã hủy", NONE: "—" } as const;

const frac = (n: number, d: number): number | null => (d > 0 ? n / d : null);

function headerRow(sheet: Worksheet, rowNumber: number, titles: readonly string[]): void {
  const row = sheet.getRow(rowNumber);
  titles.forEach((t, i) => {
    const cell = row.getCell(i + 1);
    cell.value = t;
    styleHeaderCell(cell);
  });
  row.height = 32;
}

function titleRows(sheet: Worksheet, columns: number, title: string, subtitle: string): void {
  sheet.mergeCells(1, 1, 1, columns);
  const t = sheet.getCell(1, 1);
  t.value = safeCellText(title);
  t.font = { bold: true, size: 14 };
  t.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  sheet.getRow(1).height = 36;
  sheet.mergeCells(2, 1, 2, columns);
  const s = sheet.getCell(2, 1);
  s.value = safeCellText(subtitle);
  s.font = { italic: true };
  s.alignment = { horizontal: "center" };
}

type Value = string | number | Date | null;

/** Writes one body row: strings through safeCellText, numbers as numbers, the given formats per column. */
function bodyRow(sheet: Worksheet, rowNumber: number, values: Value[], formats: (string | null)[] = [], bold = false): void {
  const row = sheet.getRow(rowNumber);
  values.forEach((value, i) => {
    const cell = row.getCell(i + 1);
    cell.value = typeof value === "string" ? safeCellText(value) : value;
    const fmt = formats[i];
    if (fmt && typeof value === "number") cell.numFmt = fmt;
    if (value instanceof Date) cell.numFmt = DATE_FORMAT;
    if (bold) cell.font = { bold: true };
    styleBodyCell(cell);
  });
}

function summarySheet(workbook: ExcelJS.Workbook, data: YearReportData, subtitle: string): void {
  const f = data.figures;
  const L = SUMMARY_LABEL;
  const sheet = workbook.addWorksheet(SHEET.summary, {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: 4 }],
  });
  sheet.columns = [58, 14, 16, 18, 40].map((width) => ({ width }));
  titleRows(sheet, 5, `TỔNG HỢP KẾT QUẢ THỰC HIỆN PHONG TRÀO NĂM ${data.year}`, subtitle);
  headerRow(sheet, 4, SUMMARY_HEADERS);
  const fmts = [null, INTEGER, PERCENT, PERCENT, null];
  let r = 5;
  const row = (label: string, n: number | null, ofTotal: number | null = null, ofRegistered: number | null = null, note = "") =>
    bodyRow(sheet, r++, [label, n, ofTotal, ofRegistered, note], fmts);
  const section = (label: string) => {
    bodyRow(sheet, r, [label, null, null, null, null], [], true);
    r++;
  };
  const pct = (p: number) => p / 100;

  const h = f.households;
  section(L.households);
  row(L.hhTotal, h.total, null, null, "Mẫu số chính thức (GSO)");
  row(L.hhRegistered, h.registered, frac(h.registered, h.total));
  row(L.hhRecognised, h.recognised, frac(h.recognised, h.total), frac(h.recognised, h.registered));
  row(L.hhProvisional, h.provisional, frac(h.provisional, h.total), null, "Đã họp bình xét, chưa có quyết định công nhận");
  row(L.hhThreeYears, data.threeYears, frac(data.threeYears, h.total), null, `Các năm ${data.year - 2}, ${data.year - 1}, ${data.year}`);
  if (data.honour) {
    row(L.hhHonourEligible(data.honour.years), data.honour.eligible, null, null, "Danh sách đề xuất; ứng dụng chưa ghi nhận quyết định khen “tiêu biểu”");
    row(L.hhHonourProposed, data.honour.proposed, null, null, data.honour.quotaPct === null ? "Không giới hạn tỷ lệ" : `Tối đa ${data.honour.quotaPct}% số hộ được công nhận`);
  }
  for (const e of f.failures.exclusions) row(L.hhExcluded(e.code), e.count, null, null, "Chỉ thống kê số lượng");
  bodyRow(sheet, r++, [L.hhTarget, pct(f.targets.households), null, null, null], [null, "0%"]);
  row(L.hhTargetCount, data.householdsTarget);
  row(L.hhGap, f.householdsGap.official, null, null, `Tính cả số tạm tính: còn thiếu ${f.householdsGap.withProvisional} hộ`);

  const m = f.hamlets;
  section(L.hamlets);
  row(L.hmTotal, m.total);
  row(L.hmRegistered, m.registered, frac(m.registered, m.total));
  row(L.hmRecognised, m.recognised, frac(m.recognised, m.total), frac(m.recognised, m.registered));
  row(L.hmProvisional, m.provisional, frac(m.provisional, m.total));
  bodyRow(sheet, r++, [L.hmTarget, pct(f.targets.hamlets), null, null, null], [null, "0%"]);
  row(L.hmGap, f.hamletsGap.official);

  const a = f.agencies;
  section(L.agencies);
  row(L.agTotal, a.total);
  row(L.agRegistered, a.registered, frac(a.registered, a.total));
  row(L.agRecognised, a.recognised, frac(a.recognised, a.total), frac(a.recognised, a.registered));
  bodyRow(sheet, r++, [L.agTarget, pct(f.targets.agencies), null, null, null], [null, "0%"]);
  row(L.agGap, f.agenciesGap);
}

function reviewText(h: HamletFigures): { status: string; date: Date | null } {
  const rv = h.review;
  if (!rv) return { status: "Chưa họp bình xét", date: null };
  // submittedAt and acceptedAt are instants: a cell shows a Date's UTC day, so they become their day in Vietnam
  // (a dossier submitted at 06:00 on 25/11 in Vietnam is 23:00 on 24/11 UTC). The other dates are DATE columns.
  const vnDay = (instant: Date | null) => (instant ? todayInVietnam(instant) : null);
  const date =
    rv.status === "DECIDED" ? rv.decidedOn
    : rv.status === "ACCEPTED" ? vnDay(rv.acceptedAt)
    : rv.status === "SUBMITTED" || rv.status === "RETURNED" ? vnDay(rv.submittedAt)
    : rv.status === "NOTICE" ? rv.noticePostedOn
    : rv.meetingDate;
  return { status: REVIEW_STATUS_LABEL[rv.status], date: date ?? null };
}

function hamletSheet(workbook: ExcelJS.Workbook, data: YearReportData, subtitle: string): void {
  const sheet = workbook.addWorksheet(SHEET.hamlets, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: 4 }],
  });
  sheet.columns = [6, 24, 11, 11, 12, 9, 10, 10, 12, 12, 14, 20, 12].map((width) => ({ width }));
  titleRows(sheet, HAMLET_HEADERS.length, `KẾT QUẢ “GIA ĐÌNH VĂN HÓA” THEO XÓM NĂM ${data.year}`, subtitle);
  headerRow(sheet, 4, HAMLET_HEADERS);
  sheet.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: HAMLET_HEADERS.length } };
  const fmts = [null, null, INTEGER, INTEGER, INTEGER, INTEGER, INTEGER, INTEGER, INTEGER, PERCENT, INTEGER, null, null];
  let r = 5;
  data.figures.hamletFigures.forEach((h, i) => {
    const { status, date } = reviewText(h);
    bodyRow(sheet, r, [
      i + 1, h.name, h.total, h.registered, h.assessed, h.achieved, h.notAchieved, h.excluded, h.recognised,
      frac(h.recognised, h.total), h.gap.official, status, date,
    ], fmts);
    r++;
  });
  const all = data.figures.hamletFigures;
  const sum = (pick: (h: HamletFigures) => number) => all.reduce((s, h) => s + pick(h), 0);
  const hh = data.figures.households;
  bodyRow(sheet, r, [
    null, "Toàn xã", hh.total, hh.registered, sum((h) => h.assessed), sum((h) => h.achieved), sum((h) => h.notAchieved),
    sum((h) => h.excluded), hh.recognised, frac(hh.recognised, hh.total), data.figures.householdsGap.official, "", null,
  ], fmts, true);
}

async function householdSheet(workbook: ExcelJS.Workbook, data: YearReportData, subtitle: string, pageSize: number): Promise<void> {
  const sheet = workbook.addWorksheet(SHEET.households, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: 4 }],
  });
  sheet.columns = [7, 22, 28, 34, 10, 16, 16].map((width) => ({ width }));
  titleRows(sheet, HOUSEHOLD_HEADERS.length, `DANH SÁCH HỘ GIA ĐÌNH VÀ KẾT QUẢ NĂM ${data.year}`, subtitle);
  headerRow(sheet, 4, HOUSEHOLD_HEADERS);
  sheet.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: HOUSEHOLD_HEADERS.length } };

  const yearId = data.campaignYearId;
  // Hamlets in the dashboard's (Vietnamese) order; each hamlet's active households read in pages by a cursor.
  let r = 5;
  let n = 0;
  for (const hamlet of data.figures.hamletFigures) {
    let cursor: string | null = null;
    for (;;) {
      const page: {
        id: string; headName: string; address: string;
        registrations: { id: string }[];
        assessments: { result: "ACHIEVED" | "NOT_ACHIEVED" | "EXCLUDED" }[];
        awards: { status: "ACTIVE" | "CANCELLED" }[];
      }[] = await db.household.findMany({
        where: { communeId: data.communeId, hamletId: hamlet.id, status: "ACTIVE" },
        orderBy: [{ headName: "asc" }, { id: "asc" }],
        take: pageSize,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        select: {
          id: true, headName: true, address: true,
          registrations: { where: { campaignYearId: yearId }, select: { id: true }, take: 1 },
          assessments: { where: { review: { campaignYearId: yearId } }, select: { result: true }, take: 1 },
          awards: { where: { campaignYearId: yearId, decision: { status: "ISSUED" } }, select: { status: true }, take: 1 },
        },
      });
      for (const h of page) {
        const result = h.assessments[0]?.result;
        const award = h.awards[0]?.status;
        bodyRow(sheet, r++, [
          ++n, hamlet.name, h.headName, h.address, h.registrations.length > 0 ? "Có" : "Không",
          result ? RESULT_TEXT[result] : RESULT_TEXT.NONE, award ? AWARD_TEXT[award] : AWARD_TEXT.NONE,
        ]);
      }
      if (page.length < pageSize) break;
      cursor = page[page.length - 1]!.id;
    }
  }
}

/**
 * The year's workbook: three sheets built from `data` (loadYearReport), the households sheet read from the
 * database `pageSize` households at a time. A normal exceljs Workbook, written out by the caller.
 */
export async function buildYearWorkbook(data: YearReportData, options: { pageSize?: number } = {}): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "vanhoa";
  workbook.created = data.documentDate;
  const subtitle = `${communeName(data.commune)} – số liệu đến ngày ${formatDay(data.documentDate)}`;
  summarySheet(workbook, data, subtitle);
  hamletSheet(workbook, data, subtitle);
  await householdSheet(workbook, data, subtitle, Math.max(1, options.pageSize ?? HOUSEHOLD_PAGE));
  return workbook;
}

export function yearWorkbookFilename(data: Pick<YearReportData, "commune" | "year">): DownloadName {
  return {
    ascii: `${slug("tong-hop", data.commune.name, data.year)}.xlsx`,
    unicode: `Tổng hợp kết quả phong trào ${communeName(data.commune)} năm ${data.year}.xlsx`,
  };
}
