// Pure helpers shared by the "Xóm văn hóa" documents (Mẫu 04, 05, 06 and the decision): what the title is called
// where all hamlets are xóm, percentages as the documents print them, streaks of consecutive years, the place of an
// upper body's decision, and the ASCII download names. No docx, no database.

import type { HamletKind } from "@/lib/generated/prisma/enums";
import { HAMLET_KIND_LABEL } from "@/lib/hamlets/labels";
import { foldText } from "@/lib/text";
import { formatNumber, percentOf } from "@/lib/titles/rules";
import { communeName, placeName, type CommuneInfo } from "./format";

/** The Decree's name of the title, used where the form itself names it (Mẫu 05). */
export const DECREE_HAMLET_TITLE = "Thôn, tổ dân phố văn hóa";

/** The title as the commune calls it: "Xóm văn hóa" where every hamlet is a xóm, else the Decree's name. */
export function hamletTitleName(kinds: readonly HamletKind[]): string {
  const distinct = [...new Set(kinds)];
  return distinct.length === 1 ? `${HAMLET_KIND_LABEL[distinct[0]!]} văn hóa` : DECREE_HAMLET_TITLE;
}

/** "xóm" where every hamlet is a xóm, else "thôn, xóm" (as the household decision says it). */
export function hamletPlural(kinds: readonly HamletKind[]): string {
  const distinct = [...new Set(kinds)];
  return distinct.length === 1 ? HAMLET_KIND_LABEL[distinct[0]!].toLocaleLowerCase("vi") : "thôn, xóm";
}

/** "87,5 %" (two decimals at most), or null when the base is zero or unknown. */
export function percentText(part: number | null | undefined, whole: number | null | undefined): string | null {
  const value = percentOf(part, whole);
  return value === null ? null : `${formatNumber(value)} %`;
}

/** A stored percentage ("85 %"), or null. */
export function percentValue(value: number | null | undefined): string | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : `${formatNumber(value)} %`;
}

/**
 * How many consecutive years a hamlet holds the title up to `year`: 1 for this year plus each earlier year without
 * a gap that has an active award (2024 with 2023 and 2022 → 3; a gap in 2022 → 2).
 */
export function consecutiveYears(year: number, earlierYears: readonly number[]): number {
  const held = new Set(earlierYears);
  let n = 1;
  while (held.has(year - n)) n++;
  return n;
}

/** "Hội đồng Thi đua - Khen thưởng xã" (the commune's own council; "phường" for a ward). */
export function councilName(commune: CommuneInfo): string {
  const kindWord = communeName(commune).slice(0, -placeName(commune).length).trim();
  return `Hội đồng Thi đua - Khen thưởng ${kindWord}`;
}

const BODY_PREFIX = /^ủy ban nhân dân\s+(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+/i;

/** The địa danh of a decision's date line: "Định Hóa" for "Ủy ban nhân dân huyện Định Hóa"; the commune's own otherwise. */
export function issuerPlace(issuer: string, commune: CommuneInfo): string {
  const name = issuer.trim();
  if (name === "") return placeName(commune);
  const stripped = name.replace(BODY_PREFIX, "");
  return stripped !== name && stripped !== "" ? stripped : placeName(commune);
}

/** "Xóm Nà Mòn" → "XomNaMon": accents folded, each word capitalised ("Mau05_BaoCaoThanhTich_XomNaMon_2024.docx"). */
export function pascalAscii(text: string): string {
  return foldText(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "")
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}

/** A sentence without its closing punctuation, so that another clause can follow it. */
export function trimEnd(text: string): string {
  return text.trim().replace(/[\s;.,:]+$/, "");
}

/** A stored notice channel without a leading "trên" (the sentences add it). */
export function channelText(channel: string): string {
  return channel.trim().replace(/^trên\s+/i, "");
}
