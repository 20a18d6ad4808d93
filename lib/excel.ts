// Spreadsheet exports (.xlsx with exceljs): the content type, the download response, and the small rules every
// export follows: text that a spreadsheet could read as a formula is neutralised, header cells are bold and boxed,
// dates are real dates shown dd/mm/yyyy. No database, no session: route handlers wrap these (lib/excel-route.ts).

import type { Borders, Cell, Workbook } from "exceljs";
import { contentDisposition, type DownloadName } from "@/lib/documents/format";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** dd/mm/yyyy, as Vietnamese users read dates. */
export const DATE_FORMAT = "dd/mm/yyyy";

// A cell starting with one of these may run as a formula when the sheet is opened, re-typed or saved as CSV
// (OWASP "CSV injection"): "=", "+", "-", "@" (or their full-width forms, which an IME types and some spreadsheets
// read as the ASCII ones), also behind leading spaces, and a tab, carriage return or line feed at the start.
const FORMULA_START = /^[\t\r\n]|^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/**
 * Text safe to put in a cell: a value that could start a formula gets a leading apostrophe, so it stays visible
 * text everywhere (Excel, LibreOffice, a CSV re-export). Null and undefined become "".
 */
export function safeCellText(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export const THIN_BORDER: Partial<Borders> = {
  top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" },
};

/** A header cell: bold, boxed, centred and wrapped. */
export function styleHeaderCell(cell: Cell): void {
  cell.font = { bold: true };
  cell.border = THIN_BORDER;
  cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
}

/** A body cell: boxed, top-aligned and wrapped. */
export function styleBodyCell(cell: Cell): void {
  cell.border = THIN_BORDER;
  cell.alignment = { vertical: "top", wrapText: true, ...(cell.alignment ?? {}) };
}

/** The .xlsx bytes of a workbook. */
export async function workbookBytes(workbook: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A .xlsx download with an ASCII fallback filename and the Vietnamese one. */
export async function xlsxResponse(workbook: Workbook, name: DownloadName): Promise<Response> {
  const bytes = await workbookBytes(workbook);
  return new Response(bytes as BodyInit, {
    status: 200,
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": contentDisposition(name),
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, no-store",
    },
  });
}
