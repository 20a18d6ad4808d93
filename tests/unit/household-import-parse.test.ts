import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPORT_MSG } from "@/lib/household-import/labels";
import { detectFormat, readRows, type SheetRow } from "@/lib/household-import/parse";
import { templateExampleRows, writeHouseholdWorkbook, type ImportRow } from "@/lib/household-import/template";

// Reading files: what a file is, decided by its content; rows streamed with their spreadsheet row numbers.

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vanhoa-parse-test-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
};
async function all(p: string, format: "XLSX" | "CSV"): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readRows(p, format)) rows.push(row);
  return rows;
}

describe("detectFormat", () => {
  it("takes an .xlsx that is a workbook and a .csv that is UTF-8 text", async () => {
    const xlsx = path.join(dir, "ok.xlsx");
    await writeHouseholdWorkbook(xlsx, templateExampleRows("Bản Lác"));
    expect(await detectFormat(xlsx, "Danh sách.XLSX")).toBe("XLSX");
    expect(await detectFormat(file("ok.csv", "\uFEFFHọ và tên,Xóm\n"), "ok.csv")).toBe("CSV");
  });

  it.each<[string, string | Buffer, string, string]>([
    ["text named .xlsx", "Họ và tên,Xóm\n", "a.xlsx", IMPORT_MSG.notXlsx],
    ["an old .xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "a.xls.xlsx", IMPORT_MSG.xls],
    ["a truncated zip", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), "a.xlsx", IMPORT_MSG.brokenXlsx],
    ["an empty file", "", "a.csv", IMPORT_MSG.empty],
    ["binary named .csv", Buffer.from([0x41, 0x00, 0x42]), "a.csv", IMPORT_MSG.notCsv],
    ["Windows-1258 text", Buffer.from("STT,X\xf3m\n1,B\xe0n\n", "latin1"), "a.csv", IMPORT_MSG.notUtf8(1)],
    ["a name that is neither", "x", "a.txt", IMPORT_MSG.badName],
  ])("refuses %s", async (_what, content, name, message) => {
    await expect(detectFormat(file(`t-${name}`, content), name)).rejects.toMatchObject({ code: "INVALID_INPUT", message });
  });

  it("refuses a zip that is not a workbook (a .docx renamed) and a workbook named .csv", async () => {
    const { zipSync, strToU8 } = await import("fflate");
    const docx = file("d.xlsx", Buffer.from(zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w/>") })));
    await expect(detectFormat(docx, "d.xlsx")).rejects.toMatchObject({ message: IMPORT_MSG.notXlsx });
    const xlsx = path.join(dir, "real.xlsx");
    await writeHouseholdWorkbook(xlsx, []);
    await expect(detectFormat(xlsx, "real.csv")).rejects.toMatchObject({ message: IMPORT_MSG.wrongContent("csv") });
  });
});

describe("reading .xlsx", () => {
  it("keeps every Vietnamese letter whole across the zip's chunk boundaries (exceljs alone splits some)", async () => {
    // Enough accented text that many 16 KB chunks end inside a multi-byte letter.
    const names = Array.from({ length: 20_000 }, (_, i) => `Nguyễn Thị Ễnh Ặng Ữu Ỹ ${i} — Hoàng Văn Đức Phượng`);
    const p = path.join(dir, "long.xlsx");
    await writeHouseholdWorkbook(p, names.map((fullName, i): ImportRow => ({ hamlet: "Bản Lác", fullName, relationship: "Chủ hộ", address: `Tổ ${i}` })));
    const rows = await all(p, "XLSX");
    expect(rows).toHaveLength(names.length + 1);
    expect(rows.slice(1).map((r) => r.cells[2])).toEqual(names);
  });

  it("reads the first sheet with row numbers, shared strings, numbers and dates, and flattens rich text and formulas", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Danh sách");
    workbook.addWorksheet("Khác").addRow(["không đọc"]);
    sheet.getRow(1).values = ["Xóm", "Họ và tên"];
    sheet.getRow(3).values = [{ richText: [{ text: "Bản " }, { font: { bold: true }, text: "Lác" }] }, "Lò Văn Ánh"];
    sheet.getRow(4).values = [{ formula: "\"Kim\"&\" Tân\"", result: "Kim Tân" }, 1975];
    const date = sheet.getCell("C4");
    date.value = new Date(Date.UTC(1975, 4, 12));
    date.numFmt = "dd/mm/yyyy";
    const p = path.join(dir, "excel.xlsx");
    await workbook.xlsx.writeFile(p);
    const rows = await all(p, "XLSX");
    expect(rows.map((r) => r.row)).toEqual([1, 3, 4]);
    expect(rows[1]!.cells).toEqual(["Bản Lác", "Lò Văn Ánh"]);
    expect(rows[2]!.cells[0]).toBe("Kim Tân");
    expect(rows[2]!.cells[1]).toBe(1975);
    expect(rows[2]!.cells[2]).toEqual(new Date(Date.UTC(1975, 4, 12)));
  });

  it("writes the template in the commune's layout, phone numbers as text", async () => {
    const p = path.join(dir, "template.xlsx");
    await writeHouseholdWorkbook(p, templateExampleRows("Bản Lác"));
    const rows = await all(p, "XLSX");
    expect(rows[0]!.cells).toEqual(["STT", "Xóm", "Họ và tên", "Quan hệ với chủ hộ", "Năm sinh", "Địa chỉ", "Số điện thoại", "Hộ nghèo"]);
    expect(rows[1]!.cells).toEqual([1, "Bản Lác", "Nguyễn Văn An (ví dụ)", "Chủ hộ", 1968, "Tổ 1, xóm Bản Lác", "0912345678"]);
    expect(rows[2]!.cells.slice(2, 5)).toEqual(["Lường Thị Bình", "Vợ/Chồng", 1970]);
    expect(rows[6]!.cells).toEqual([2, "Bản Lác", "Ma Văn Giang (ví dụ)", "Chủ hộ", 1955, "Tổ 2, xóm Bản Lác", null, "Cận nghèo"]);
  });
});

describe("reading .csv", () => {
  it("drops the BOM, finds the separator and numbers rows as a spreadsheet shows them", async () => {
    const p = file("rows.csv", '\uFEFFHọ và tên;Địa chỉ\r\nLò Văn A;"Tổ 1;\r\nxóm Bản Lác"\r\n\r\nHà Thị B;"Nhà ""Hoa"""\r\n');
    expect((await all(p, "CSV"))).toEqual([
      { row: 1, cells: ["Họ và tên", "Địa chỉ"] },
      { row: 2, cells: ["Lò Văn A", "Tổ 1;\r\nxóm Bản Lác"] },
      { row: 3, cells: [""] },
      { row: 4, cells: ["Hà Thị B", 'Nhà "Hoa"'] },
    ]);
  });

  it("keeps letters whole across read chunks, and stops at a byte that is not UTF-8 with its line", async () => {
    const line = "Nguyễn Thị Ễnh,Tổ 1 Bản Lác\n";
    const good = file("big.csv", `Họ và tên,Địa chỉ\n${line.repeat(20_000)}`);
    const rows = await all(good, "CSV");
    expect(rows).toHaveLength(20_001);
    expect(rows.every((r, i) => i === 0 || r.cells[0] === "Nguyễn Thị Ễnh")).toBe(true);
    // Valid at the start (so the format check passes), Windows-1258 far below.
    const bad = file("late.csv", Buffer.concat([Buffer.from(`Họ và tên\n${"Lò Văn A\n".repeat(10_000)}`), Buffer.from("B\xe0n\n", "latin1")]));
    expect(await detectFormat(bad, "late.csv")).toBe("CSV");
    await expect(all(bad, "CSV")).rejects.toMatchObject({ message: IMPORT_MSG.notUtf8(10_002) });
  });

  it("reports a quote that never closes", async () => {
    await expect(all(file("q.csv", 'Họ và tên,Xóm\n"Lò Văn A,Bản Lác\n'), "CSV")).rejects.toMatchObject({ message: IMPORT_MSG.badCsv(2) });
  });
});

describe("zip bombs", () => {
  it("refuses a workbook whose sheet unpacks hundreds of times larger than it is packed", async () => {
    const { zipSync, strToU8 } = await import("fflate");
    // 24 MB of one repeated row packs into a few dozen kilobytes.
    const sheet = `<worksheet><sheetData>${"<row><c><v>0</v></c></row>".repeat(900_000)}</sheetData></worksheet>`;
    const bomb = file("bomb.xlsx", Buffer.from(zipSync({
      "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.xml": strToU8("<workbook/>"), "xl/worksheets/sheet1.xml": strToU8(sheet),
    }, { level: 9 })));
    expect(fs.statSync(bomb).size).toBeLessThan(1024 * 1024);
    await expect(detectFormat(bomb, "bomb.xlsx")).rejects.toMatchObject({ code: "INVALID_INPUT", message: IMPORT_MSG.zipBomb });
  });

  it("refuses a workbook that declares, or really unpacks to, more than the limit", async () => {
    const p = path.join(dir, "big.xlsx");
    await writeHouseholdWorkbook(p, Array.from({ length: 3_000 }, (_, i): ImportRow => ({ hamlet: "Bản Lác", fullName: `Lò Văn ${i}`, relationship: "Chủ hộ", address: `Tổ ${i}` })));
    const small = { maxBytes: 64 * 1024, maxRatio: 200 };
    await expect(detectFormat(p, "big.xlsx", small)).rejects.toMatchObject({ message: IMPORT_MSG.zipBomb });
    // The streaming reader counts what comes out, whatever the zip's directory says.
    const read = async () => { for await (const row of readRows(p, "XLSX", small)) void row; };
    await expect(read()).rejects.toMatchObject({ code: "INVALID_INPUT", message: IMPORT_MSG.zipBomb });
    // Within the limits the same file reads whole.
    let rows = 0;
    for await (const row of readRows(p, "XLSX")) if (row) rows++;
    expect(rows).toBe(3_001);
  });
});
