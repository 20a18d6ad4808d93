// Quyết định tặng danh hiệu "Gia đình văn hóa" (Nghị định 86/2023, Phụ lục IV, Mẫu số 10, reconstructed per
// FORMS.md §1.5 on the Decree 30 Mẫu 1.2 skeleton) and the decision cancelling awards, each with its Phụ lục.

import type { Document } from "docx";
import { decisionReference } from "@/lib/decisions/labels";
import type { CancellationGround, DecisionKind, DecisionStatus } from "@/lib/generated/prisma/enums";
import { CANCEL_GROUND_LABEL } from "@/lib/review/labels";
import {
  annexSection, article, basis, centredBold, dataTable, decree30Document, headerTable, section, signatureTable, titleBlock,
  type DataRow,
} from "./decree30";
import {
  basisLines, communeName, count, dayMonthYearOrBlank, documentRef, groupByHamlet, numberLine, placeDateLine, placeName, slug,
  type DecisionHeader, type DownloadName,
} from "./format";
import { WORDING } from "./wording";

/** One household of the annex; hamletKey/hamletLabel group the rows by xóm. */
export type DecisionHousehold = { hamletKey: string; hamletLabel: string; headName: string; address: string; note?: string };

export type DecisionData = DecisionHeader & {
  kind: DecisionKind;
  status: DecisionStatus;
  legalBasis: string;
  /** Plural word for Điều 3 ("xóm"). */
  hamletWord: string;
  /** AWARD: the households awarded (ISSUED) or proposed (DRAFT). CANCELLATION: the awards cancelled, `note` naming the award decision. */
  households: DecisionHousehold[];
  cancelGround: CancellationGround | null;
};

/** A draft has no number and no day yet: they are given at signing (Decree 30, Điều 15). */
function numbering(data: Pick<DecisionData, "status" | "number" | "issuedOn">) {
  const issued = data.status === "ISSUED";
  return { number: issued ? data.number : null, date: issued ? data.issuedOn : null };
}

/** "05/QĐ-UBND ngày 05/12/2024 (năm 2024)": how the cancellation annex names the award decision. */
export function awardReference(award: { number: number; symbol: string; issuedOn: Date; year: number }): string {
  return `${decisionReference(award)} (năm ${award.year})`;
}

/** The annex rows: a bold row per xóm, then the households numbered on across groups. */
export function annexRows(households: DecisionHousehold[], withNote: (h: DecisionHousehold) => string = (h) => h.note ?? ""): DataRow[] {
  const rows: DataRow[] = [];
  let n = 0;
  for (const group of groupByHamlet(households)) {
    rows.push({ group: `${group.label} (${count(group.rows.length)} hộ)` });
    for (const h of group.rows) rows.push({ cells: [String(++n), h.headName, h.address, withNote(h)] });
  }
  return rows;
}

export function buildDecision(data: DecisionData): Document {
  const w = WORDING.decision;
  const t = WORDING.table;
  const commune = communeName(data.commune);
  const { number, date } = numbering(data);
  const place = placeName(data.commune);
  const award = data.kind === "AWARD";
  const n = count(data.households.length);

  const articles = award
    ? [article(1, w.award1(data.year, n)), article(2, w.award2)]
    : [
        article(1, `${w.cancel1(n)}${data.cancelGround ? ` ${w.cancelGround(CANCEL_GROUND_LABEL[data.cancelGround])}` : ""}`),
        article(2, w.cancel2),
      ];

  const main = section([
    headerTable({
      parent: ["Ủy ban nhân dân"],
      issuer: commune,
      number: numberLine(number, data.symbol),
      placeDate: placeDateLine(place, date, data.issuedOn.getUTCFullYear()),
    }),
    ...titleBlock(w.type, [award ? w.awardSummary(data.year) : w.cancelSummary], { draft: data.status === "DRAFT" ? w.draftMark : undefined }),
    centredBold(w.authority(commune), 0, 240),
    ...basis(basisLines(data.legalBasis)),
    centredBold(w.decides, 120, 240),
    ...articles,
    article(3, w.article3(data.hamletWord)),
    signatureTable(
      { authority: data.signerAuthority, title: data.signerTitle, name: data.signerName },
      { to: [...w.recipients], storage: w.storage },
    ),
  ]);

  const annex = annexSection({
    title: award ? w.annexAward(data.year) : [...w.annexCancel],
    attachedTo: w.annexAttached(documentRef(number, data.symbol), dayMonthYearOrBlank(date, data.issuedOn.getUTCFullYear()), commune),
    children: [
      dataTable(
        [
          { title: t.no, width: 8 },
          { title: t.head, width: 34, align: "left" },
          { title: t.address, width: 30, align: "left" },
          { title: award ? t.note : t.awardedBy, width: 28 },
        ],
        annexRows(data.households),
      ),
    ],
  });

  return decree30Document(`${w.type} ${documentRef(number, data.symbol)}`, [main, annex]);
}

export function decisionFilename(data: Pick<DecisionData, "status" | "number" | "symbol" | "year" | "kind">): DownloadName {
  const what = data.kind === "AWARD" ? "quyet-dinh" : "quyet-dinh-huy-bo";
  const label = data.kind === "AWARD" ? "Quyết định tặng danh hiệu" : "Quyết định hủy bỏ";
  if (data.status === "DRAFT") {
    return { ascii: `${slug("du-thao", what, data.year)}.docx`, unicode: `Dự thảo ${label} ${data.year}.docx` };
  }
  const ref = documentRef(data.number, data.symbol);
  return { ascii: `${slug(what, ref, data.year)}.docx`, unicode: `${label} ${ref.replace(/\//g, "-")} ${data.year}.docx` };
}
