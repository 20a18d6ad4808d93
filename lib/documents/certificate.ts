// Giấy chứng nhận "Gia đình văn hóa": one A4 landscape page per household of an issued award decision. Decree 86
// prescribes no certificate form (FORMS.md §1.6), so this is a local award artefact, never a numbered form.

import {
  AlignmentType, BorderStyle, PageBorderDisplay, PageBorderOffsetFrom, PageOrientation, type Document,
  type ISectionOptions,
} from "docx";
import { formatDay } from "@/lib/dates";
import {
  A4, MOTTO, NATIONAL_NAME, decree30Document, line, mm, rule, run, signatureTable, textWidth,
} from "./decree30";
import {
  communeName, documentRef, placeDateLine, placeName, slug, type DecisionHeader, type DownloadName,
} from "./format";
import { WORDING } from "./wording";

export type CertificateData = DecisionHeader & {
  /** Households in print order; hamletLabel is "Xóm Bản Lác". */
  households: { headName: string; hamletLabel: string }[];
};

const MARGIN = mm(20);
/** Landscape: the page is A4 turned, so the printable width is the A4 height less the margins. */
export const LANDSCAPE_TEXT_WIDTH = A4.height - 2 * MARGIN;
const FRAME = { style: BorderStyle.DOUBLE, size: 12, color: "000000", space: 24 };

function page(data: CertificateData, household: CertificateData["households"][number], first: boolean) {
  const w = WORDING.certificate;
  const commune = communeName(data.commune);
  const ref = documentRef(data.number, data.symbol);
  return [
    line(NATIONAL_NAME, { size: 13, bold: true, pageBreakBefore: !first }),
    line(MOTTO, { size: 14, bold: true }),
    rule(textWidth(MOTTO, 14, true), LANDSCAPE_TEXT_WIDTH),
    line(w.title, { size: 30, bold: true, before: 480 }),
    line([run(`${w.family} `, { size: 18 }), run(household.headName, { size: 22, bold: true })], { before: 360 }),
    line(`${household.hamletLabel}, ${commune}`, { size: 16, before: 120 }),
    line(w.achieved(data.year), { size: 20, bold: true, before: 240 }),
    line(w.basedOn(ref, formatDay(data.issuedOn)), { size: 14, italics: true, before: 120, after: 240 }),
    signatureTable(
      { authority: data.signerAuthority, title: data.signerTitle, name: data.signerName },
      null,
      { split: "even", width: LANDSCAPE_TEXT_WIDTH, placeDate: placeDateLine(placeName(data.commune), data.issuedOn) },
    ),
  ];
}

export function buildCertificates(data: CertificateData): Document {
  const children = data.households.flatMap((h, i) => page(data, h, i === 0));
  const sectionOptions: ISectionOptions = {
    properties: {
      page: {
        size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 0, footer: 0 },
        borders: {
          pageBorders: { display: PageBorderDisplay.ALL_PAGES, offsetFrom: PageBorderOffsetFrom.PAGE },
          pageBorderTop: FRAME, pageBorderBottom: FRAME, pageBorderLeft: FRAME, pageBorderRight: FRAME,
        },
      },
    },
    children: children.length > 0 ? children : [line("", { align: AlignmentType.CENTER })],
  };
  return decree30Document(`${WORDING.certificate.title} ${data.year}`, [sectionOptions]);
}

export function certificatesFilename(data: Pick<CertificateData, "number" | "symbol" | "year">): DownloadName {
  const ref = documentRef(data.number, data.symbol);
  return {
    ascii: `${slug("giay-chung-nhan", ref, data.year)}.docx`,
    unicode: `Giấy chứng nhận ${ref.replace(/\//g, "-")} ${data.year}.docx`,
  };
}
