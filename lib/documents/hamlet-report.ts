// Báo cáo thành tích đề nghị xét tặng danh hiệu "Thôn, tổ dân phố văn hóa" (Nghị định 86/2023, Phụ lục IV, Mẫu số
// 05), written by the head of the hamlet. The three parts follow the older template (FORMS.md §1.6): Phần I the
// hamlet and its figures, Phần II one sub-heading per standard with each criterion met or not, Phần III the
// commitments; signed by the head, with the commune's confirmation beside it.

import type { Document } from "docx";
import type { Comparator, HamletMetric } from "@/lib/generated/prisma/enums";
import { thresholdWords, type ReportFigures } from "@/lib/titles/rules";
import { body, decree30Document, headerTable, section, signatureTable, titleBlock } from "./decree30";
import {
  communeName, count, hamletName, placeDateLine, placeName, type CommuneInfo, type DownloadName, type HamletInfo,
} from "./format";
import { DECREE_HAMLET_TITLE, pascalAscii, percentText, percentValue, trimEnd } from "./hamlet-format";
import { WORDING } from "./wording";

export type ReportCriterion = {
  code: string;
  groupCode: string;
  groupTitle: string;
  text: string;
  metric: HamletMetric | null;
  comparator: Comparator | null;
  threshold: number | null;
  /** The hamlet's result for the item; null when the report has none for it. */
  result: { value: number | null; isMet: boolean; note: string | null } | null;
};

export type HamletReportData = ReportFigures & {
  commune: CommuneInfo;
  hamlet: HamletInfo & { headName: string | null };
  year: number;
  /** The day the report was saved; the date line is left blank without it. */
  reportedOn: Date | null;
  /** The year's criteria in their order, each with the hamlet's result. */
  criteria: ReportCriterion[];
};

/** Free text typed in a textarea: one body paragraph per non-empty line. */
export function paragraphsOf(text: string | null): string[] {
  return (text ?? "").split(/\r?\n/).map((l) => l.replace(/\s+/g, " ").trim()).filter((l) => l !== "");
}

const figure = (n: number | null) => (n === null ? WORDING.hamletReport.unknownFigure : count(n));

/** Phần I's figures, one line each; an unknown figure prints "…" to be filled in by hand. */
export function reportFigures(data: HamletReportData): string[] {
  const w = WORDING.hamletReport;
  const unknown = w.unknownFigure;
  const poorTotal = data.poorHouseholds === null || data.nearPoorHouseholds === null ? null : data.poorHouseholds + data.nearPoorHouseholds;
  return [
    w.total(figure(data.totalHouseholds)),
    w.recognised(data.year, figure(data.recognisedHouseholds), percentText(data.recognisedHouseholds, data.totalHouseholds) ?? unknown),
    w.poor(figure(data.poorHouseholds), figure(data.nearPoorHouseholds), percentText(poorTotal, data.totalHouseholds) ?? unknown),
    data.hasCulturalHouse === null ? w.culturalHouse.unknown : data.hasCulturalHouse ? w.culturalHouse.yes : w.culturalHouse.no,
    w.school(figure(data.childrenInSchool), figure(data.schoolAgeChildren), percentText(data.childrenInSchool, data.schoolAgeChildren) ?? unknown),
  ];
}

/** "I.2. Tỷ lệ hộ nghèo, hộ cận nghèo thấp: 6,67 % (yêu cầu ≤ 15 %) - Đạt." with the note after it. */
export function criterionLine(c: ReportCriterion): string {
  const w = WORDING.hamletReport;
  const isRatio = c.metric !== null && c.comparator !== null && c.threshold !== null;
  const measured = isRatio
    ? w.measured(percentValue(c.result?.value), thresholdWords({ comparator: c.comparator!, threshold: c.threshold! }))
    : null;
  const result = c.result === null ? w.unassessed : c.result.isMet ? w.met : w.unmet;
  const note = c.result?.note?.trim() ? ` ${w.note(trimEnd(c.result.note))}` : "";
  return `${w.item(c.code, trimEnd(c.text), measured, result)}${note}`;
}

/** The criteria by standard, in the order they come. */
export function criteriaGroups(criteria: ReportCriterion[]): { code: string; title: string; items: ReportCriterion[] }[] {
  const groups: { code: string; title: string; items: ReportCriterion[] }[] = [];
  for (const c of criteria) {
    const last = groups[groups.length - 1];
    if (last && last.code === c.groupCode) last.items.push(c);
    else groups.push({ code: c.groupCode, title: c.groupTitle, items: [c] });
  }
  return groups;
}

export function buildHamletReport(data: HamletReportData): Document {
  const w = WORDING.hamletReport;
  const hamlet = hamletName(data.hamlet);
  const commune = communeName(data.commune);
  const groups = criteriaGroups(data.criteria);
  const met = data.criteria.filter((c) => c.result?.isMet).length;
  const commitments = paragraphsOf(data.commitments);

  const children = [
    headerTable({
      parent: ["Ủy ban nhân dân", commune],
      issuer: hamlet,
      placeDate: placeDateLine(placeName(data.commune), data.reportedOn, data.year),
    }),
    ...titleBlock(w.type, w.summary(DECREE_HAMLET_TITLE, data.year)),
    body(w.partI, { bold: true, keepNext: true, indent: false }),
    ...paragraphsOf(data.overview).map((p) => body(p)),
    body(w.figures(data.year), { keepNext: true }),
    ...reportFigures(data).map((l) => body(l)),
    body(w.partII(groups.length), { bold: true, keepNext: true, indent: false }),
    ...groups.flatMap((g) => [body(w.group(g.code, g.title), { bold: true, keepNext: true }), ...g.items.map((c) => body(criterionLine(c)))]),
    body(w.tally(met, data.criteria.length), { italics: true }),
    body(w.partIII, { bold: true, keepNext: true, indent: false }),
    ...(commitments.length > 0 ? commitments : [w.defaultCommitments(hamlet)]).map((p) => body(p)),
    signatureTable(
      { title: WORDING.hamletHeadTitle[data.hamlet.kind], name: data.hamlet.headName ?? "", hint: w.signHint },
      { title: w.confirm(commune), name: "", hint: w.confirmHint },
      { split: "even" },
    ),
  ];
  return decree30Document(`${w.type} ${hamlet} ${data.year}`, [section(children)]);
}

export function hamletReportFilename(data: Pick<HamletReportData, "hamlet" | "year">): DownloadName {
  const hamlet = hamletName(data.hamlet);
  return {
    ascii: `Mau05_BaoCaoThanhTich_${pascalAscii(hamlet)}_${data.year}.docx`,
    unicode: `Mẫu 05 - Báo cáo thành tích ${hamlet} ${data.year}.docx`,
  };
}
