// Pure text helpers for the generated documents (Nghị định 30/2020/NĐ-CP, Phụ lục I): dates, numbers, names,
// căn cứ punctuation, grouping by xóm, download filenames. No docx, no database.

import { decisionNumberText } from "@/lib/decisions/labels";
import type { CommuneKind, HamletKind } from "@/lib/generated/prisma/enums";
import { HAMLET_KIND_LABEL } from "@/lib/hamlets/labels";
import { compareVi, foldText } from "@/lib/text";

export type CommuneInfo = { name: string; kind: CommuneKind };

/** What every document about a decision prints of it: issuer, year, number, date and signer. */
export type DecisionHeader = {
  commune: CommuneInfo;
  year: number;
  number: number;
  symbol: string;
  issuedOn: Date;
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
};
export type HamletInfo = { name: string; kind: HamletKind };

/** Blank left in a draft for what is filled in by hand at signing ("Số:      /QĐ-UBND"). */
export const BLANK = "\u00a0".repeat(6);

const pad2 = (n: number) => String(n).padStart(2, "0");

/** Day below 10 and months 1–2 are zero-padded: "ngày 05 tháng 01 năm 2020", "ngày 29 tháng 6 năm 2019". */
export function dayMonthYear(date: Date): string {
  const month = date.getUTCMonth() + 1;
  return `ngày ${pad2(date.getUTCDate())} tháng ${month <= 2 ? pad2(month) : month} năm ${date.getUTCFullYear()}`;
}

/** As dayMonthYear; without a date (a draft) the day and month are left blank: "ngày      tháng      năm 2024". */
export function dayMonthYearOrBlank(date: Date | null, year: number): string {
  return date ? dayMonthYear(date) : `ngày${BLANK}tháng${BLANK}năm ${year}`;
}

/** "Kim Phượng, ngày 05 tháng 12 năm 2024"; a draft without a date leaves day and month blank. */
export function placeDateLine(place: string, date: Date | null, year?: number): string {
  return `${place}, ${dayMonthYearOrBlank(date, year ?? date?.getUTCFullYear() ?? 0)}`;
}

/** "05/QĐ-UBND" (number zero-padded below 10); a draft without a number leaves it blank. */
export function documentRef(number: number | null, symbol: string): string {
  return number === null ? `${BLANK}/${symbol}` : decisionNumberText(number, symbol);
}

/** "Số: 05/QĐ-UBND". */
export function numberLine(number: number | null, symbol: string): string {
  return `Số: ${documentRef(number, symbol)}`;
}

/** Straight double quotes become curly ones: "Gia đình văn hóa" → “Gia đình văn hóa”. */
export function curlyQuotes(text: string): string {
  return text.replace(/"([^"]*)"/g, "\u201c$1\u201d");
}

/** Upper case the Vietnamese way (keeps the diacritics). */
export const upper = (text: string): string => text.toLocaleUpperCase("vi");

/**
 * Căn cứ lines from a free-text field: one per line, blank lines dropped, each ending ";" and the last ".".
 * Whatever punctuation the typist ended a line with is replaced.
 */
export function basisLines(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => curlyQuotes(l.replace(/\s+/g, " ").trim()).replace(/[\s;.,:]+$/, ""))
    .filter((l) => l !== "");
  return lines.map((l, i) => `${l}${i === lines.length - 1 ? "." : ";"}`);
}

const COMMUNE_KIND_WORD: Record<CommuneKind, string> = { XA: "xã", PHUONG: "phường", THI_TRAN: "thị trấn", DAC_KHU: "đặc khu" };
const COMMUNE_PREFIX = /^(xã|phường|thị trấn|đặc khu)\s+/i;

/** The địa danh of the date line: the commune's proper name, without "xã". */
export function placeName(commune: CommuneInfo): string {
  return commune.name.trim().replace(COMMUNE_PREFIX, "");
}

/** "xã Kim Phượng" (generic noun lower case, Phụ lục II). */
export function communeName(commune: CommuneInfo): string {
  return `${COMMUNE_KIND_WORD[commune.kind]} ${placeName(commune)}`;
}

/** "Xóm Bản Lác" — unless the stored name already starts with the kind ("Xóm Thử 1"). */
export function hamletName(hamlet: HamletInfo): string {
  const label = HAMLET_KIND_LABEL[hamlet.kind];
  const name = hamlet.name.trim();
  return foldText(name).startsWith(`${foldText(label)} `) ? name : `${label} ${name}`;
}

export const hamletWord = (kind: HamletKind): string => HAMLET_KIND_LABEL[kind].toLocaleLowerCase("vi");

/** "1.187" as Vietnamese documents write counts. */
export const count = (n: number): string => new Intl.NumberFormat("vi-VN").format(n);

export type Group<T> = { key: string; label: string; rows: T[] };

/** Rows grouped by xóm: groups in Vietnamese order of their label, rows by head name (then address). */
export function groupByHamlet<T extends { hamletKey: string; hamletLabel: string; headName: string; address?: string }>(rows: T[]): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  for (const row of rows) {
    let group = groups.get(row.hamletKey);
    if (!group) groups.set(row.hamletKey, (group = { key: row.hamletKey, label: row.hamletLabel, rows: [] }));
    group.rows.push(row);
  }
  const sorted = [...groups.values()].sort((a, b) => compareVi(a.label, b.label) || a.key.localeCompare(b.key));
  for (const g of sorted) g.rows.sort((a, b) => compareVi(a.headName, b.headName) || compareVi(a.address ?? "", b.address ?? ""));
  return sorted;
}

/** "bien-ban-hop-ban-lac-2024": accents folded, anything else a hyphen. */
export function slug(...parts: (string | number)[]): string {
  return parts
    .map((p) => foldText(String(p)))
    .join("-")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export type DownloadName = { ascii: string; unicode: string };

/** Content-Disposition for a download: an ASCII fallback and the Vietnamese name (RFC 6266 / RFC 5987). */
export function contentDisposition(name: DownloadName): string {
  const ascii = name.ascii.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(name.unicode.normalize("NFC")).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
