// The layout of an administrative document under Nghị định 30/2020/NĐ-CP, Phụ lục I (FORMS.md §2): page, margins,
// font, the header table (agency | quốc hiệu), title block, căn cứ, body, signature and "Nơi nhận" table, annexes and
// page numbers. Each document supplies its lines; sizes and styles are decided here only.

import {
  AlignmentType, BorderStyle, Document, Header, LineRuleType, Packer, PageNumber, PageOrientation, Paragraph, Table, TableBorders,
  TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType,
  type ISectionOptions, type ParagraphChild,
} from "docx";
import { curlyQuotes, upper } from "./format";

export const FONT = "Times New Roman";
const BLACK = "000000";
/** Millimetres to twips, rounded (docx's convertMillimetersToTwip truncates: 20 mm would be 1133). */
export const mm = (v: number) => Math.round((v / 25.4) * 1440);

/** A4 in twips; margins: top and bottom 20 mm, left 30 mm, right 15 mm. */
export const A4 = { width: 11906, height: 16838 } as const;
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) } as const;
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** First-line indent of body paragraphs: 1,27 cm. */
export const FIRST_LINE = 720;
/** Paragraph spacing (≥ 6 pt) and line spacing (1,2 lines, within "single … 1,5"). */
const AFTER = 120;
const LINE = 288;

const HEADER_SPLIT = [Math.round(TEXT_WIDTH * 0.4), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.4)] as const;

export const NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";

// ---- Runs and paragraphs ----------------------------------------------------------------------------------------

export type RunStyle = { size?: number; bold?: boolean; italics?: boolean };

/** A run in Times New Roman, black; size in points (default 14). Straight quotes become curly. */
export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text: curlyQuotes(text),
    font: FONT,
    color: BLACK,
    size: (style.size ?? 14) * 2,
    bold: style.bold,
    italics: style.italics,
  });
}

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
export type LineOptions = RunStyle & {
  align?: Align;
  before?: number;
  after?: number;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  indent?: { left?: number; right?: number; firstLine?: number };
};

/** One line of text (centred by default), single spacing, no paragraph gap unless asked. */
export function line(content: string | ParagraphChild[], options: LineOptions = {}): Paragraph {
  const { size, bold, italics, align = AlignmentType.CENTER, before = 0, after = 0, keepNext, pageBreakBefore, indent } = options;
  return new Paragraph({
    alignment: align,
    spacing: { before, after, line: 240, lineRule: LineRuleType.AUTO },
    keepNext,
    pageBreakBefore,
    indent,
    children: typeof content === "string" ? [run(content, { size, bold, italics })] : content,
  });
}

export const blank = (size = 14): Paragraph => line("", { size });

/** Body text: 14 pt, justified, first line indented 1,27 cm, 6 pt after. */
export function body(content: string | ParagraphChild[], style: RunStyle & { indent?: boolean; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: style.indent === false ? undefined : { firstLine: FIRST_LINE },
    spacing: { before: 0, after: AFTER, line: LINE, lineRule: LineRuleType.AUTO },
    keepNext: style.keepNext,
    children: typeof content === "string" ? [run(content, style)] : content,
  });
}

/** Căn cứ ban hành: italic body lines (already punctuated, see basisLines). */
export const basis = (lines: string[]): Paragraph[] => lines.map((l) => body(l, { italics: true }));

/** "Điều 1. …": the label bold, the text upright. */
export function article(n: number, text: string): Paragraph {
  return body([run(`Điều ${n}. `, { bold: true }), run(text)]);
}

/** Rough printed width in twips of a line of Times New Roman (for the length of the rules under it). */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (ch === " ") em += 0.25;
    else if (/[0-9]/.test(ch)) em += 0.5;
    else if (ch !== ch.toLocaleLowerCase("vi")) em += bold ? 0.72 : 0.68;
    else if (ch !== ch.toLocaleUpperCase("vi")) em += bold ? 0.5 : 0.46;
    else em += 0.33;
  }
  return Math.round(em * size * 20);
}

/** A solid rule of `width` twips, centred in a box `within` twips wide (an empty paragraph's bottom border). */
export function rule(width: number, within: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((within - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after, line: 120, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: BLACK, space: 1 } },
    children: [run("", { size: 4 })],
  });
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

// ---- Tables -----------------------------------------------------------------------------------------------------

const NO_MARGIN = { top: 0, bottom: 0, left: 0, right: 0 };

function plainCell(width: number, children: Paragraph[], columnSpan?: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: TableBorders.NONE,
    margins: NO_MARGIN,
    columnSpan,
    children: children.length > 0 ? children : [blank()],
  });
}

function layoutTable(widths: readonly number[], rows: TableCell[][]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: NO_MARGIN,
    rows: rows.map((cells) => new TableRow({ cantSplit: true, children: cells })),
  });
}

export type HeaderSpec = {
  /** Lines of the cơ quan chủ quản, upright ("ỦY BAN NHÂN DÂN", "XÃ KIM PHƯỢNG"). */
  parent: string[];
  /** The issuing agency, bold ("XÓM BẢN LÁC"). */
  issuer: string;
  /** "Số: 05/QĐ-UBND", or none (Mẫu 03 shows no number). */
  number?: string | null;
  /** "Kim Phượng, ngày 05 tháng 12 năm 2024", or none. */
  placeDate?: string | null;
};

/** Ô 1–4: agency block (left ≈ 40 %) and quốc hiệu (right ≈ 60 %) in a borderless table; number and date on one row. */
export function headerTable(spec: HeaderSpec): Table {
  const [left, right] = HEADER_SPLIT;
  const issuerWidth = textWidth(upper(spec.issuer), 13, true);
  const agency = [
    ...spec.parent.map((l) => line(upper(l), { size: 13 })),
    line(upper(spec.issuer), { size: 13, bold: true }),
    rule(clamp(Math.round(issuerWidth * 0.45), 900, left - 400), left),
  ];
  const national = [
    line(NATIONAL_NAME, { size: 12, bold: true }),
    line(MOTTO, { size: 13, bold: true }),
    rule(clamp(textWidth(MOTTO, 13, true), 2000, right - 200), right),
  ];
  const rows = [[plainCell(left, agency), plainCell(right, national)]];
  if (spec.number || spec.placeDate) {
    rows.push([
      plainCell(left, [line(spec.number ?? "", { size: 13, before: 120 })]),
      plainCell(right, [line(spec.placeDate ?? "", { size: 14, italics: true, before: 120 })]),
    ]);
  }
  return layoutTable(HEADER_SPLIT, rows);
}

/** Ô 5a: type name (bold, upper case), trích yếu lines (bold) and a short rule; "DỰ THẢO" above a draft. */
export function titleBlock(type: string, summary: string[], options: { draft?: string } = {}): Paragraph[] {
  const longest = Math.max(0, ...summary.map((s) => textWidth(s, 14, true)));
  return [
    ...(options.draft ? [line(options.draft, { size: 14, bold: true, before: 240 })] : []),
    line(upper(type), { size: 14, bold: true, before: options.draft ? 120 : 360, keepNext: true }),
    ...summary.map((s) => line(curlyQuotes(s), { size: 14, bold: true, keepNext: true })),
    ...(summary.length > 0 ? [rule(clamp(Math.round(longest * 0.35), 1200, 3200), TEXT_WIDTH, 240)] : [new Paragraph({ spacing: { after: 240 } })]),
  ];
}

/** A bold centred line in upper case: "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …", "QUYẾT ĐỊNH:". */
export const centredBold = (text: string, before = 0, after = 120): Paragraph =>
  line(upper(text), { size: 14, bold: true, before, after, keepNext: true });

export type Signer = {
  /** "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"; empty when the holder signs in their own name. */
  authority?: string;
  /** "PHÓ CHỦ TỊCH", "THƯ KÝ". */
  title: string;
  name: string;
  /** An italic hint under the title, e.g. "(Ký, ghi rõ họ tên)". */
  hint?: string;
};

function signerBlock(signer: Signer, placeDate?: string): Paragraph[] {
  return [
    ...(placeDate ? [line(placeDate, { size: 14, italics: true, after: 120 })] : []),
    ...(signer.authority ? [line(upper(signer.authority), { size: 14, bold: true })] : []),
    line(upper(signer.title), { size: 14, bold: true }),
    ...(signer.hint ? [line(signer.hint, { size: 13, italics: true })] : []),
    ...Array.from({ length: 5 }, () => blank()),
    line(signer.name, { size: 14, bold: true }),
  ];
}

export type Recipients = { to: string[]; storage: string };

/** Ô 9b: "Nơi nhận:" 12 pt bold italic; one recipient per line, 11 pt, "- …;", the last "- Lưu: VT, …". */
export function recipientLines(recipients: Recipients): Paragraph[] {
  const left = { align: AlignmentType.LEFT } as const;
  return [
    line("Nơi nhận:", { ...left, size: 12, bold: true, italics: true }),
    ...recipients.to.map((r) => line(`- ${r.replace(/[;.\s]+$/, "")};`, { ...left, size: 11 })),
    line(`- Lưu: ${recipients.storage.replace(/[;.\s]+$/, "")}.`, { ...left, size: 11 }),
  ];
}

/** Ô 7 and 9b: recipients (or a second signer) on the left, the signer on the right, in a borderless table. */
export function signatureTable(
  right: Signer,
  left: Recipients | Signer | null,
  options: { split?: "even" | "header"; placeDate?: string; width?: number } = {},
): Table {
  const width = options.width ?? TEXT_WIDTH;
  const first = options.split === "even" ? Math.floor(width / 2) : Math.round(width * 0.4);
  const widths = [first, width - first];
  const leftContent = !left ? [] : "to" in left ? recipientLines(left) : signerBlock(left);
  return layoutTable(widths, [[plainCell(first, leftContent), plainCell(width - first, signerBlock(right, options.placeDate))]]);
}

// ---- Data tables (annex lists) ----------------------------------------------------------------------------------

export type Column = { title: string; width: number; align?: "left" | "center" };
export type DataRow = { cells: string[] } | { group: string };

const GRID = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
const GRID_BORDERS = { top: GRID, bottom: GRID, left: GRID, right: GRID };
const CELL_MARGIN = { top: 40, bottom: 40, left: 80, right: 80 };

function gridCell(width: number, text: string, style: RunStyle & { align?: "left" | "center"; span?: number }): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: GRID_BORDERS,
    margins: CELL_MARGIN,
    columnSpan: style.span,
    verticalAlign: VerticalAlignTable.CENTER,
    children: [line(text, { size: style.size ?? 13, bold: style.bold, italics: style.italics, align: style.align === "left" ? AlignmentType.LEFT : AlignmentType.CENTER })],
  });
}

/** A bordered list: a bold header row repeated on every page; a group row (xóm) spans all columns in bold. */
export function dataTable(columns: Column[], rows: DataRow[]): Table {
  const total = columns.reduce((a, c) => a + c.width, 0);
  const widths = columns.map((c) => Math.round((c.width / total) * TEXT_WIDTH));
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => gridCell(widths[i]!, c.title, { bold: true })),
  });
  const body = rows.map((r) =>
    new TableRow({
      cantSplit: true,
      children:
        "group" in r
          ? [gridCell(TEXT_WIDTH, r.group, { bold: true, align: "left", span: columns.length })]
          : columns.map((c, i) => gridCell(widths[i]!, r.cells[i] ?? "", { align: c.align })),
    }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...body],
  });
}

// ---- Sections and the document ----------------------------------------------------------------------------------

/** Page numbers: Arabic, 13 pt, upright, centred in the top margin; none on the first page (titlePage). */
function pageNumberHeaders() {
  return {
    default: new Header({ children: [line([new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 26, color: BLACK })])] }),
    first: new Header({ children: [line("")] }),
  };
}

/**
 * A portrait A4 section with the Decree 30 margins. `restartNumbering` starts its page numbers at 1 (an annex, or
 * a second document in the same file).
 */
export function section(children: ISectionOptions["children"], options: { restartNumbering?: boolean } = {}): ISectionOptions {
  return {
    properties: {
      titlePage: true,
      page: {
        size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
        margin: MARGIN,
        pageNumbers: options.restartNumbering ? { start: 1 } : undefined,
      },
    },
    headers: pageNumberHeaders(),
    children,
  };
}

export type AnnexSpec = {
  /** "I", "II" … when the document has several annexes. */
  numeral?: string;
  /** Title lines, upper case bold. */
  title: string[];
  /** "(Kèm theo Quyết định số …/QĐ-UBND ngày … của Chủ tịch UBND xã …)", italic. */
  attachedTo: string;
  children: ISectionOptions["children"];
};

/** A Phụ lục on new pages with its own numbering: "Phụ lục [I]" 14 pt bold, title 14 pt bold, "(Kèm theo …)" italic. */
export function annexSection(spec: AnnexSpec): ISectionOptions {
  return section(
    [
      line(spec.numeral ? `Phụ lục ${spec.numeral}` : "Phụ lục", { size: 14, bold: true }),
      ...spec.title.map((t) => line(upper(curlyQuotes(t)), { size: 14, bold: true })),
      line(curlyQuotes(spec.attachedTo), { size: 14, italics: true, after: 240 }),
      ...spec.children,
    ],
    { restartNumbering: true },
  );
}

/** The document: Times New Roman 14 pt black by default. */
export function decree30Document(title: string, sections: ISectionOptions[]): Document {
  return new Document({
    title,
    creator: "vanhoa",
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 28, color: BLACK },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections,
  });
}

/** The .docx bytes of a document, for route handlers and tests. */
export async function renderDocx(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}
