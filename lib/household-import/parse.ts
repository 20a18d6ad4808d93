import fs from "node:fs";
import { Transform, type TransformCallback } from "node:stream";
import { parse as parseCsv, CsvError } from "csv-parse";
import ExcelJS from "exceljs";
import unzipper from "unzipper";
import { DomainError } from "@/lib/result";
import { IMPORT_MSG, MAX_UNZIPPED_BYTES, MAX_ZIP_RATIO, ZIP_RATIO_FROM_BYTES } from "./labels";
import type { CellValue } from "./schema";

// Reading an uploaded file as rows, without ever holding the whole file: .xlsx through exceljs's streaming
// WorkbookReader (first worksheet), .csv through csv-parse behind a strict UTF-8 decoder. What a file is follows
// its content, which must agree with its name.

export type FileFormat = "XLSX" | "CSV";

/** One row: its number as a spreadsheet shows it (from 1), and its cells from column A on. */
export type SheetRow = { row: number; cells: CellValue[] };

/** How much an .xlsx may unpack to (tests lower it). */
export type UnzipLimits = { maxBytes: number; maxRatio: number };
const LIMITS: UnzipLimits = { maxBytes: MAX_UNZIPPED_BYTES, maxRatio: MAX_ZIP_RATIO };

const invalid = (message: string) => new DomainError("INVALID_INPUT", message, { file: [message] });

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const SAMPLE_BYTES = 64 * 1024;

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await fs.promises.open(path, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The line (from 1) of the first byte that cannot be UTF-8, to point the user at it; a letter cut off at the end
 * is not counted as wrong (the next chunk completes it). The strict TextDecoder remains the judge of validity.
 */
function lineOfBadByte(bytes: Buffer): number {
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 0x0a) line++;
      i++;
      continue;
    }
    const tail = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (tail < 0) return line;
    for (let k = 1; k <= tail && i + k < bytes.length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return line;
    i += tail + 1;
  }
  return line;
}

/**
 * What the file is, from its content and its name: an .xlsx must be a zip holding a workbook and a worksheet,
 * a .csv must be text (UTF-8, with or without BOM). Throws a DomainError with a Vietnamese message otherwise.
 */
export async function detectFormat(path: string, fileName: string, limits: UnzipLimits = LIMITS): Promise<FileFormat> {
  const name = fileName.toLowerCase();
  const claimed = name.endsWith(".xlsx") ? "XLSX" : name.endsWith(".csv") ? "CSV" : null;
  if (!claimed) throw invalid(IMPORT_MSG.badName);
  const head = await readHead(path, SAMPLE_BYTES);
  if (head.length === 0) throw invalid(IMPORT_MSG.empty);
  const starts = (magic: Buffer) => head.subarray(0, magic.length).equals(magic);

  if (starts(OLE2)) throw invalid(IMPORT_MSG.xls);
  if (starts(ZIP) || starts(EMPTY_ZIP)) {
    if (claimed !== "XLSX") throw invalid(IMPORT_MSG.wrongContent("csv"));
    let files: { path: string; compressedSize: number; uncompressedSize: number }[];
    try {
      // Reads only the zip's central directory at the end of the file.
      files = (await unzipper.Open.file(path)).files;
    } catch {
      throw invalid(IMPORT_MSG.brokenXlsx);
    }
    // What the directory declares: the streaming reader below also counts what really comes out.
    const declared = files.reduce((sum, f) => sum + f.uncompressedSize, 0);
    const bomb = files.some((f) => f.uncompressedSize > ZIP_RATIO_FROM_BYTES && f.uncompressedSize > limits.maxRatio * Math.max(1, f.compressedSize));
    if (declared > limits.maxBytes || bomb) throw invalid(IMPORT_MSG.zipBomb);
    const entries = files.map((f) => f.path);
    if (!entries.includes("[Content_Types].xml") || !entries.includes("xl/workbook.xml")) throw invalid(IMPORT_MSG.notXlsx);
    if (!entries.some((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e))) throw invalid(IMPORT_MSG.noSheet);
    return "XLSX";
  }
  if (claimed === "XLSX") throw invalid(IMPORT_MSG.notXlsx);
  // Text has no NUL bytes; a strict decoder tells UTF-8 from a legacy code page early (the rest is checked while reading).
  if (head.includes(0)) throw invalid(IMPORT_MSG.notCsv);
  const bad = lineOfBadByte(head);
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
  } catch {
    throw invalid(IMPORT_MSG.notUtf8(bad));
  }
  return "CSV";
}

/** The rows of the file's first worksheet, or of the CSV, one at a time. */
export function readRows(path: string, format: FileFormat, limits: UnzipLimits = LIMITS): AsyncGenerator<SheetRow> {
  return format === "XLSX" ? readXlsxRows(path, limits) : readCsvRows(path);
}

// ---------------------------------------------------------------------------------------------------------------
// .xlsx

/** exceljs's cell values (rich text, formulas, hyperlinks, errors) as plain values. */
export function flattenCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as { richText?: { text?: string }[]; result?: unknown; text?: unknown; error?: unknown; formula?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? "").join("");
    if ("formula" in v || "sharedFormula" in v) return flattenCell(v.result);
    if ("error" in v) return null;
    if (v.text !== undefined) return flattenCell(v.text);
  }
  return null;
}

/** Counts what the workbook's parts really unpack to (a lying zip directory included) and stops past the limit. */
class UnzipBudget {
  private used = 0;
  constructor(private readonly max: number) {}
  take(chunk: Buffer | string): void {
    this.used += chunk.length;
    if (this.used > this.max) throw invalid(IMPORT_MSG.zipBomb);
  }
}

/** Text decoded across chunk boundaries: a multi-byte character split between two chunks stays whole. */
async function* decodeChunks(chunks: AsyncIterable<Buffer | string>, budget: UnzipBudget): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    budget.take(chunk);
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

type ZipEntry = NodeJS.ReadableStream & { setEncoding(encoding: BufferEncoding): unknown };
type ReaderInternals = {
  _parseRels(entry: ZipEntry): Promise<void>;
  _parseWorkbook(entry: ZipEntry): Promise<void>;
  _parseStyles(entry: ZipEntry): Promise<void>;
  _parseSharedStrings(entry: ZipEntry): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
};

/**
 * exceljs 4.4.0's streaming reader decodes every zip chunk on its own (lib/utils/parse-sax.js), so a Vietnamese
 * letter (two or three bytes in UTF-8) that straddles two chunks turns into "��" — a few cells in every large
 * file. Its parts are therefore handed text instead: entries decode themselves (setEncoding keeps split characters
 * whole), and worksheets (which may come from a temporary file) pass through decodeChunks.
 */
function utf8SafeWorkbookReader(input: fs.ReadStream, budget: UnzipBudget): InstanceType<typeof ExcelJS.stream.xlsx.WorkbookReader> {
  // Styles are read so that a date-formatted birth date arrives as a date; text comes from the shared-string table.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore",
  });
  const internals = reader as unknown as ReaderInternals;
  const names = ["_parseRels", "_parseWorkbook", "_parseStyles", "_parseSharedStrings", "_parseWorksheet"] as const;
  if (names.some((name) => typeof internals[name] !== "function")) throw new Error("exceljs WorkbookReader internals changed: review utf8SafeWorkbookReader");
  const base = Object.fromEntries(names.map((name) => [name, internals[name].bind(reader)])) as unknown as ReaderInternals;
  const asText = (entry: ZipEntry) => {
    entry.setEncoding("utf8");
    // The shared strings are cached in memory: count them too, and end the entry past the budget.
    entry.on("data", (chunk: string) => {
      try {
        budget.take(chunk);
      } catch (error) {
        (entry as unknown as { destroy(e: unknown): void }).destroy(error);
      }
    });
    return entry;
  };
  internals._parseRels = (entry) => base._parseRels(asText(entry));
  internals._parseWorkbook = (entry) => base._parseWorkbook(asText(entry));
  internals._parseStyles = (entry) => base._parseStyles(asText(entry));
  internals._parseSharedStrings = (entry) => base._parseSharedStrings(asText(entry));
  internals._parseWorksheet = (iterator, sheetNo) => base._parseWorksheet(decodeChunks(iterator, budget), sheetNo);
  return reader;
}

async function* readXlsxRows(path: string, limits: UnzipLimits): AsyncGenerator<SheetRow> {
  const input = fs.createReadStream(path);
  const budget = new UnzipBudget(limits.maxBytes);
  const reader = utf8SafeWorkbookReader(input, budget);
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: CellValue[] = new Array(Math.max(0, values.length - 1));
        for (let i = 1; i < values.length; i++) cells[i - 1] = flattenCell(values[i]);
        yield { row: row.number, cells };
      }
      // Only the first worksheet holds households (the template's second sheet is the instructions).
      break;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if ((error as { cause?: unknown })?.cause instanceof DomainError) throw (error as { cause: DomainError }).cause;
    throw invalid(IMPORT_MSG.brokenXlsx);
  } finally {
    input.destroy();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// .csv

/** Decodes strict UTF-8 (a BOM is dropped); a byte that is not UTF-8 fails with the line it sits on. */
class Utf8Decoder extends Transform {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private line = 1;

  constructor() {
    super({ decodeStrings: true, readableObjectMode: false, encoding: "utf8" });
  }

  private push_(text: string): void {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.line++;
    if (text) this.push(text);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      this.push_(this.decoder.decode(chunk, { stream: true }));
      done();
    } catch {
      // The chunk may begin with the rest of a letter the previous one started: those bytes are not the fault.
      let start = 0;
      while (start < 3 && start < chunk.length && (chunk[start]! & 0xc0) === 0x80) start++;
      done(invalid(IMPORT_MSG.notUtf8(this.line + lineOfBadByte(chunk.subarray(start)) - 1)));
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      this.push_(this.decoder.decode());
      done();
    } catch {
      done(invalid(IMPORT_MSG.notUtf8(this.line)));
    }
  }
}

/** The separator of a CSV: what its first line holds most of, outside quotes (Excel in Vietnamese uses ";"). */
export function detectDelimiter(firstLine: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  const best = (Object.entries(counts) as [keyof typeof counts, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ",";
}

async function* readCsvRows(path: string): AsyncGenerator<SheetRow> {
  const sample = new TextDecoder("utf-8").decode(await readHead(path, SAMPLE_BYTES)).replace(/^\uFEFF/, "");
  const firstLine = sample.split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  const input = fs.createReadStream(path);
  const decoder = new Utf8Decoder();
  const parser = parseCsv({ delimiter: detectDelimiter(firstLine), relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  // Errors of the earlier stages reach the parser, so one loop sees every failure.
  input.on("error", (e) => parser.destroy(e));
  decoder.on("error", (e) => parser.destroy(e));
  input.pipe(decoder).pipe(parser);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells: record };
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (error instanceof CsvError) throw invalid(IMPORT_MSG.badCsv(row + 1));
    throw error;
  } finally {
    input.destroy();
    decoder.destroy();
    parser.destroy();
  }
}
