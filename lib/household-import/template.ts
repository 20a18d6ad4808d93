import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import ExcelJS from "exceljs";
import { safeCellText } from "@/lib/excel";
import { POVERTY_LABEL, RELATIONSHIP_LABEL } from "@/lib/households/labels";
import { MAX_MEMBERS } from "@/lib/households/schema";
import { COLUMN_KEYS, COLUMN_LABEL, type ImportRow } from "./schema";

export type { ImportRow } from "./schema";

// The commune's usual layout as an .xlsx, written as a stream (exceljs WorkbookWriter: rows go to the zip as they
// come, so a province-size file never sits in memory). Used by "Tải file mẫu" and by the benchmark's generator.

const WIDTHS: Record<(typeof COLUMN_KEYS)[number], number> = {
  index: 6, hamlet: 16, fullName: 28, relationship: 18, birthYear: 10, address: 32, phone: 15, poverty: 12,
};

const INSTRUCTIONS = [
  "Cách ghi danh sách hộ gia đình để nhập vào phần mềm",
  "",
  "1. Trang đầu tiên của tệp là danh sách; dòng đầu là dòng tiêu đề (các cột có thể đổi thứ tự; viết hoa, viết thường, có dấu hay không dấu đều được).",
  "2. Mỗi người một dòng. Dòng ghi \u201cChủ hộ\u201d ở cột Quan hệ với chủ hộ bắt đầu một hộ mới và ghi Xóm, Họ và tên, Năm sinh, Địa chỉ, Số điện thoại, Hộ nghèo của hộ.",
  `3. Các dòng ngay dưới là thành viên của hộ đó (Vợ/Chồng, Con, Bố/Mẹ, Cháu, Anh/Chị/Em, Con dâu/Con rể, Khác); chỉ cần Họ và tên, Quan hệ và Năm sinh. Một hộ có tối đa ${MAX_MEMBERS} thành viên.`,
  "4. Tệp có thể chỉ có dòng chủ hộ (không có thành viên).",
  "5. Xóm phải ghi đúng tên xóm trong xã. Trưởng xóm chỉ nhập được hộ của xóm mình.",
  "6. Năm sinh ghi 4 chữ số (ví dụ 1975). Số điện thoại 10 chữ số, bắt đầu bằng 0. Cột Hộ nghèo ghi \u201cNghèo\u201d, \u201cCận nghèo\u201d hoặc để trống.",
  "7. Một xóm không có hai hộ cùng tên chủ hộ và cùng địa chỉ (kể cả với các hộ đã có trong phần mềm).",
  "8. Lưu tệp dạng .xlsx, hoặc .csv (CSV UTF-8). Tệp tối đa 50 MB. Xóa các dòng ví dụ trước khi nhập.",
];

function povertyText(value: ImportRow["poverty"]): string {
  if (!value || value === "NONE") return "";
  if (value === "POOR") return "Nghèo";
  if (value === "NEAR_POOR") return "Cận nghèo";
  return Object.hasOwn(POVERTY_LABEL, value) ? "" : value;
}

function relationshipText(value: ImportRow["relationship"]): string {
  return Object.hasOwn(RELATIONSHIP_LABEL, value) ? RELATIONSHIP_LABEL[value as keyof typeof RELATIONSHIP_LABEL] : value;
}

const isHead = (row: ImportRow) => relationshipText(row.relationship) === RELATIONSHIP_LABEL.HEAD;

/**
 * Writes rows in the commune's layout (STT, Xóm, Họ và tên, Quan hệ với chủ hộ, Năm sinh, Địa chỉ, Số điện thoại,
 * Hộ nghèo) to a file path or a writable stream, followed by an instructions sheet. STT numbers the households.
 * Resolves when the file is complete.
 */
export async function writeHouseholdWorkbook(
  target: string | NodeJS.WritableStream,
  rows: Iterable<ImportRow> | AsyncIterable<ImportRow>,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof target === "string" ? { filename: target } : { stream: target as unknown as import("node:stream").Stream }),
    // Inline strings keep nothing per row in memory; styles only for the header.
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet("Danh sách hộ", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = COLUMN_KEYS.map((key) => ({ key, width: WIDTHS[key] }));
  const header = sheet.addRow(COLUMN_KEYS.map((key) => COLUMN_LABEL[key]));
  header.font = { bold: true };
  header.commit();

  // Text from the registry goes through safeCellText: a name that starts like a formula stays text.
  const text = (value: string | null | undefined) => (value ? safeCellText(value) : null);
  let households = 0;
  let written = 0;
  for await (const row of rows as AsyncIterable<ImportRow>) {
    const head = isHead(row);
    if (head) households++;
    sheet.addRow([
      head ? households : null,
      text(row.hamlet),
      text(row.fullName),
      relationshipText(row.relationship),
      typeof row.birthYear === "string" ? text(row.birthYear) : (row.birthYear ?? null),
      text(row.address),
      // Text, so that the leading 0 stays.
      text(row.phone),
      povertyText(row.poverty) || null,
    ]).commit();
    // Let the zip stream drain now and then, so a long generator does not pile rows up in memory.
    if (++written % 2000 === 0) await yieldToEventLoop();
  }
  await sheet.commit();

  const help = workbook.addWorksheet("Hướng dẫn");
  help.columns = [{ width: 120 }];
  INSTRUCTIONS.forEach((line, i) => {
    const r = help.addRow([line]);
    if (i === 0) r.font = { bold: true };
    r.commit();
  });
  await help.commit();
  await workbook.commit();
}

/** The rows of the downloadable template: two example households in the actor's first hamlet. */
export function templateExampleRows(hamletName: string): ImportRow[] {
  return [
    { hamlet: hamletName, fullName: "Nguyễn Văn An (ví dụ)", relationship: "HEAD", birthYear: 1968, address: `Tổ 1, xóm ${hamletName}`, phone: "0912345678", poverty: "" },
    { fullName: "Lường Thị Bình", relationship: "SPOUSE", birthYear: 1970 },
    { fullName: "Nguyễn Văn Cường", relationship: "CHILD", birthYear: 1995 },
    { fullName: "Hoàng Thị Dung", relationship: "CHILD_IN_LAW", birthYear: 1997 },
    { fullName: "Nguyễn Thị Én", relationship: "GRANDCHILD", birthYear: 2019 },
    { hamlet: hamletName, fullName: "Ma Văn Giang (ví dụ)", relationship: "HEAD", birthYear: 1955, address: `Tổ 2, xóm ${hamletName}`, poverty: "NEAR_POOR" },
  ];
}
