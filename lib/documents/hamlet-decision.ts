// Quyết định công nhận danh hiệu "Xóm văn hóa". Decree 86's Phụ lục IV form for it is not in hand: Mẫu 11 is
// inferred from the form list (FORMS.md §1.3), and the text follows the Mẫu 10 reconstruction on the Decree 30
// Mẫu 1.2 skeleton. The header is the issuer's: the commune's own People's Committee, or the upper body whose
// decision the commune records (before 1/7/2025 "Ủy ban nhân dân huyện Định Hóa", under the province's line).

import type { Document } from "docx";
import type { DecisionStatus } from "@/lib/generated/prisma/enums";
import { article, basis, centredBold, dataTable, decree30Document, headerTable, section, signatureTable, titleBlock, type DataRow } from "./decree30";
import {
  basisLines, communeName, count, documentRef, numberLine, placeDateLine, type DecisionHeader, type DownloadName,
} from "./format";
import { issuerPlace, pascalAscii } from "./hamlet-format";
import { WORDING } from "./wording";

export type DecisionHamlet = { label: string; note: string };

export type HamletDecisionData = DecisionHeader & {
  status: DecisionStatus;
  /** "" for the commune's own People's Committee; else the upper body ("Ủy ban nhân dân huyện Định Hóa"). */
  issuer: string;
  /** The line above an upper body's name, from the decision's AuthorityRule ("Ủy ban nhân dân tỉnh Thái Nguyên"). */
  parentIssuer: string;
  /** "Chủ tịch Ủy ban nhân dân huyện Định Hóa"; "" falls back to the commune's chairman. */
  authority: string;
  legalBasis: string;
  titleName: string;
  hamletWord: string;
  /** ISSUED: the decision's HamletAward rows; DRAFT: the council's ACHIEVED hamlets. In print order. */
  hamlets: DecisionHamlet[];
};

/** A draft has no number and no day yet: they are given at signing (Decree 30, Điều 15). */
function numbering(data: Pick<HamletDecisionData, "status" | "number" | "issuedOn">) {
  const issued = data.status === "ISSUED";
  return { number: issued ? data.number : null, date: issued ? data.issuedOn : null };
}

/** Ô 2 of the header: the commune's People's Committee, or the recorded issuer under its parent body. */
export function decisionIssuerLines(data: Pick<HamletDecisionData, "issuer" | "parentIssuer" | "commune">): { parent: string[]; issuer: string } {
  if (data.issuer.trim() === "") return { parent: ["Ủy ban nhân dân"], issuer: communeName(data.commune) };
  return { parent: data.parentIssuer.trim() ? [data.parentIssuer.trim()] : [], issuer: data.issuer.trim() };
}

export function hamletDecisionRows(hamlets: DecisionHamlet[]): DataRow[] {
  return hamlets.map((h, i) => ({ cells: [String(i + 1), h.label, h.note] }));
}

export function buildHamletDecision(data: HamletDecisionData): Document {
  const w = WORDING.hamletDecision;
  const commune = communeName(data.commune);
  const external = data.issuer.trim() !== "";
  const { number, date } = numbering(data);
  const authority = data.authority.trim() || `Chủ tịch Ủy ban nhân dân ${commune}`;
  const columns = w.columns(data.hamletWord);

  const children = [
    headerTable({
      ...decisionIssuerLines(data),
      number: numberLine(number, data.symbol),
      placeDate: placeDateLine(issuerPlace(data.issuer, data.commune), date, data.issuedOn.getUTCFullYear()),
    }),
    ...titleBlock(w.type, [w.summary(data.titleName, data.year)], { draft: data.status === "DRAFT" ? w.draftMark : undefined }),
    centredBold(authority, 0, 240),
    ...basis(basisLines(data.legalBasis)),
    centredBold(w.decides, 120, 240),
    article(1, w.article1(data.titleName, data.year, count(data.hamlets.length), data.hamletWord, commune)),
    dataTable(
      [{ title: WORDING.table.no, width: 10 }, { title: columns.name, width: 55, align: "left" }, { title: columns.note, width: 35 }],
      hamletDecisionRows(data.hamlets),
    ),
    article(2, w.article2(data.hamletWord)),
    article(3, external ? w.article3External(data.issuer.trim(), commune, data.hamletWord) : w.article3Own(data.hamletWord)),
    signatureTable(
      { authority: data.signerAuthority, title: data.signerTitle, name: data.signerName },
      external ? { to: [...w.recipientsExternal], storage: w.storageExternal } : { to: [...w.recipientsOwn], storage: w.storageOwn },
    ),
  ];
  return decree30Document(`${w.type} ${documentRef(number, data.symbol)}`, [section(children)]);
}

export function hamletDecisionFilename(data: Pick<HamletDecisionData, "status" | "number" | "symbol" | "year" | "titleName">): DownloadName {
  const title = pascalAscii(data.titleName);
  if (data.status === "DRAFT") {
    return { ascii: `DuThao_QuyetDinh_${title}_${data.year}.docx`, unicode: `Dự thảo Quyết định công nhận ${data.titleName} ${data.year}.docx` };
  }
  const ref = documentRef(data.number, data.symbol);
  return {
    ascii: `QuyetDinh_${title}_${pascalAscii(ref.replace(/\//g, " "))}_${data.year}.docx`,
    unicode: `Quyết định công nhận ${data.titleName} ${ref.replace(/\//g, "-")} ${data.year}.docx`,
  };
}
