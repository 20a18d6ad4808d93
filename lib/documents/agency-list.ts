// Danh sách kết quả xây dựng "Cơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa" of a campaign year: every agency of
// the commune by kind, its registration, the union's result, the standards not met and its recognition standing,
// with a summary per kind. Laid out per Decree 30 (decree30.ts) as .docx, and the same list as an .xlsx sheet.
// The sentences are ours (no prescribed form); they sit here until wording.ts takes them.

import type { Document } from "docx";
import ExcelJS from "exceljs";
import { AGENCY_KIND_LABEL } from "@/lib/agencies/labels";
import { KIND_ORDER } from "@/lib/agency-title/labels";
import { formatDay } from "@/lib/dates";
import { DATE_FORMAT, safeCellText, styleBodyCell, styleHeaderCell } from "@/lib/excel";
import { formatPercent } from "@/lib/format";
import type { AgencyKind } from "@/lib/generated/prisma/enums";
import {
  body, dataTable, decree30Document, headerTable, line, section, signatureTable, titleBlock, type Column, type DataRow, type Signer,
} from "./decree30";
import { communeName, count, placeDateLine, placeName, slug, type CommuneInfo, type DownloadName } from "./format";

export type AgencyListRow = {
  name: string;
  kind: AgencyKind;
  registeredOn: Date | null;
  isRegistered: boolean;
  result: "ACHIEVED" | "NOT_ACHIEVED" | null;
  unmetCodes: string[];
  /** Recognition standing and the year's note, e.g. "Đến hạn công nhận lần đầu 2023–2024". */
  note: string;
};

/** Counts of one kind (kind null: the whole commune), from the database. */
export type KindTotals = { kind: AgencyKind | null; total: number; registered: number; achieved: number; notAchieved: number };

export type AgencyListData = {
  commune: CommuneInfo & { province: string };
  year: number;
  documentDate: Date;
  targetPct: number;
  rows: AgencyListRow[];
  totals: KindTotals[];
  total: KindTotals;
  signer: Signer;
};

const ROMAN = ["I", "II", "III", "IV"];

const TEXT = {
  type: "DANH SÁCH",
  summary: (year: number) => `Kết quả xây dựng cơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa năm ${year}`,
  sheetTitle: (year: number) => `DANH SÁCH KẾT QUẢ XÂY DỰNG CƠ QUAN, ĐƠN VỊ, DOANH NGHIỆP ĐẠT CHUẨN VĂN HÓA NĂM ${year}`,
  columns: ["STT", "Tên cơ quan, đơn vị", "Loại hình", "Ngày đăng ký", "Kết quả", "Tiêu chuẩn chưa đạt", "Ghi chú"],
  result: { ACHIEVED: "Đạt", NOT_ACHIEVED: "Không đạt", NONE: "Chưa nhập kết quả", UNREGISTERED: "Chưa đăng ký" },
  group: (numeral: string, label: string, n: number) => `${numeral}. ${label} (${count(n)} đơn vị)`,
  summaryHeading: "Tổng hợp kết quả:",
  kindLine: (label: string, t: KindTotals) =>
    `- ${label}: ${count(t.total)} đơn vị; đã đăng ký ${count(t.registered)}; đạt chuẩn văn hóa ${count(t.achieved)}` +
    `; không đạt ${count(t.notAchieved)}; tỷ lệ đạt chuẩn ${formatPercent(t.achieved, t.total)}.`,
  totalLine: (t: KindTotals, target: number) =>
    `- Toàn xã: ${count(t.total)} đơn vị; đã đăng ký ${count(t.registered)}; đạt chuẩn văn hóa ${count(t.achieved)}/${count(t.total)} ` +
    `(${formatPercent(t.achieved, t.total)}); chỉ tiêu ${target} %.`,
  recipients: ["Ban Chỉ đạo phong trào xã", "Công đoàn các cơ quan, đơn vị, doanh nghiệp"],
  storage: "VT, VHXH",
  totalsHeading: "TỔNG HỢP THEO LOẠI HÌNH",
  totalsColumns: ["Loại hình", "Tổng số đơn vị", "Đã đăng ký", "Đạt chuẩn", "Không đạt", "Tỷ lệ đạt chuẩn"],
  totalRow: "Tổng cộng",
  targetRow: (year: number) => `Chỉ tiêu năm ${year}`,
  made: (commune: string, date: Date) => `Ủy ban nhân dân ${commune} — lập ngày ${formatDay(date)}`,
} as const;

function resultText(row: AgencyListRow): string {
  if (!row.isRegistered) return TEXT.result.UNREGISTERED;
  return row.result ? TEXT.result[row.result] : TEXT.result.NONE;
}

/** The rows of each kind in KIND_ORDER, keeping the given order (the database's Vietnamese collation) inside. */
function byKind(rows: AgencyListRow[]): { kind: AgencyKind; rows: AgencyListRow[] }[] {
  return KIND_ORDER.map((kind) => ({ kind, rows: rows.filter((r) => r.kind === kind) })).filter((g) => g.rows.length > 0);
}

const cellsOf = (row: AgencyListRow, n: number): string[] => [
  String(n),
  row.name,
  AGENCY_KIND_LABEL[row.kind],
  row.registeredOn ? formatDay(row.registeredOn) : "",
  resultText(row),
  row.unmetCodes.join(", "),
  row.note,
];

export function buildAgencyList(data: AgencyListData): Document {
  const commune = communeName(data.commune);
  const columns: Column[] = [
    { title: TEXT.columns[0], width: 6 },
    { title: TEXT.columns[1], width: 25, align: "left" },
    { title: TEXT.columns[2], width: 13 },
    { title: TEXT.columns[3], width: 13 },
    { title: TEXT.columns[4], width: 11 },
    { title: TEXT.columns[5], width: 11 },
    { title: TEXT.columns[6], width: 21, align: "left" },
  ];
  const rows: DataRow[] = [];
  let n = 0;
  byKind(data.rows).forEach((group, i) => {
    rows.push({ group: TEXT.group(ROMAN[i] ?? String(i + 1), AGENCY_KIND_LABEL[group.kind], group.rows.length) });
    for (const row of group.rows) rows.push({ cells: cellsOf(row, ++n) });
  });
  const totalsByKind = KIND_ORDER.map((kind) => data.totals.find((t) => t.kind === kind)).filter((t): t is KindTotals => !!t && t.total > 0);

  const main = section([
    headerTable({ parent: ["Ủy ban nhân dân"], issuer: commune, placeDate: placeDateLine(placeName(data.commune), data.documentDate) }),
    ...titleBlock(TEXT.type, [TEXT.summary(data.year)]),
    dataTable(columns, rows),
    line("", { after: 120 }),
    body(TEXT.summaryHeading, { bold: true, keepNext: true }),
    ...totalsByKind.map((t) => body(TEXT.kindLine(AGENCY_KIND_LABEL[t.kind!], t), { indent: false })),
    body(TEXT.totalLine(data.total, data.targetPct), { indent: false, bold: true }),
    line("", { after: 120 }),
    signatureTable(data.signer, { to: [...TEXT.recipients], storage: TEXT.storage }),
  ]);
  return decree30Document(`${TEXT.type} ${TEXT.summary(data.year)}`, [main]);
}

// ---- The same list as a spreadsheet -------------------------------------------------------------------------------

const WIDTHS = [6, 42, 20, 14, 18, 20, 55];

/** Sheet "Kết quả năm N": title, the list (numbers as numbers, dates as dates), then totals by kind. */
export function buildAgencyListWorkbook(data: AgencyListData): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "vanhoa";
  workbook.created = data.documentDate;
  const sheet = workbook.addWorksheet(`Kết quả năm ${data.year}`, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: 4 }],
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const last = WIDTHS.length;

  sheet.mergeCells(1, 1, 1, last);
  const title = sheet.getCell(1, 1);
  title.value = TEXT.sheetTitle(data.year);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  sheet.getRow(1).height = 36;
  sheet.mergeCells(2, 1, 2, last);
  const made = sheet.getCell(2, 1);
  made.value = safeCellText(TEXT.made(communeName(data.commune), data.documentDate));
  made.font = { italic: true };
  made.alignment = { horizontal: "center" };

  const header = sheet.getRow(4);
  TEXT.columns.forEach((t, i) => {
    const cell = header.getCell(i + 1);
    cell.value = t;
    styleHeaderCell(cell);
  });
  header.height = 32;
  sheet.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: last } };

  let r = 5;
  let n = 0;
  for (const group of byKind(data.rows)) {
    for (const row of group.rows) {
      const values: (string | number | Date | null)[] = [
        ++n,
        safeCellText(row.name),
        AGENCY_KIND_LABEL[row.kind],
        row.registeredOn,
        resultText(row),
        safeCellText(row.unmetCodes.join(", ")),
        safeCellText(row.note),
      ];
      const line = sheet.getRow(r++);
      values.forEach((value, i) => {
        const cell = line.getCell(i + 1);
        cell.value = value;
        if (value instanceof Date) {
          cell.numFmt = DATE_FORMAT;
          cell.alignment = { horizontal: "center" };
        }
        if (i === 0) cell.alignment = { horizontal: "center" };
        styleBodyCell(cell);
      });
    }
  }

  r += 1;
  const heading = sheet.getCell(r++, 2);
  heading.value = TEXT.totalsHeading;
  heading.font = { bold: true };
  const totalsHeader = sheet.getRow(r++);
  TEXT.totalsColumns.forEach((t, i) => {
    const cell = totalsHeader.getCell(i + 2);
    cell.value = t;
    styleHeaderCell(cell);
  });
  const totalsRow = (label: string, t: KindTotals, bold = false) => {
    const row = sheet.getRow(r++);
    const values: (string | number | null)[] = [label, t.total, t.registered, t.achieved, t.notAchieved, t.total > 0 ? t.achieved / t.total : null];
    values.forEach((value, i) => {
      const cell = row.getCell(i + 2);
      cell.value = value;
      if (i === 5) cell.numFmt = "0.0%";
      if (bold) cell.font = { bold: true };
      styleBodyCell(cell);
    });
  };
  for (const kind of KIND_ORDER) {
    const t = data.totals.find((x) => x.kind === kind) ?? { kind, total: 0, registered: 0, achieved: 0, notAchieved: 0 };
    totalsRow(AGENCY_KIND_LABEL[kind], t);
  }
  totalsRow(TEXT.totalRow, data.total, true);
  const target = sheet.getRow(r++);
  target.getCell(2).value = TEXT.targetRow(data.year);
  target.getCell(7).value = data.targetPct / 100;
  target.getCell(7).numFmt = "0%";
  for (const c of [2, 3, 4, 5, 6, 7]) styleBodyCell(target.getCell(c));
  return workbook;
}

export function agencyListFilename(data: Pick<AgencyListData, "year">, format: "docx" | "xlsx"): DownloadName {
  return {
    ascii: `${slug("ket-qua-co-quan-van-hoa", data.year)}.${format}`,
    unicode: `Kết quả cơ quan, đơn vị đạt chuẩn văn hóa ${data.year}.${format}`,
  };
}
