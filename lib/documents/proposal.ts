// The hamlet's dossier to the commune (Nghị định 86/2023, khoản 1 Điều 7): the Văn bản đề nghị and the Bảng tổng hợp
// danh sách hộ gia đình đạt tiêu chuẩn và kết quả lấy ý kiến người dân, two documents in one file. Objections are
// listed by the household's name, date and outcome only: who raised them and what they said stay in the app.

import type { Document } from "docx";
import { formatDay } from "@/lib/dates";
import type { ObjectionOutcome } from "@/lib/generated/prisma/enums";
import { OBJECTION_OUTCOME_LABEL } from "@/lib/review/labels";
import {
  body, dataTable, decree30Document, headerTable, line, section, signatureTable, titleBlock, type DataRow,
} from "./decree30";
import {
  communeName, count, dayMonthYear, hamletName, hamletWord, placeDateLine, placeName, slug,
  type CommuneInfo, type DownloadName, type HamletInfo,
} from "./format";
import { WORDING } from "./wording";

export type ProposalData = {
  commune: CommuneInfo;
  hamlet: HamletInfo & { headName: string | null };
  year: number;
  /** The date the dossier is signed: when it was submitted, else today. */
  documentDate: Date;
  meetingDate: Date;
  chairName: string;
  notice: { postedOn: Date; endsOn: Date; channel: string | null; days: number } | null;
  /** ACHIEVED households as the result stands now (after objections). */
  achieved: { headName: string; address: string }[];
  objections: { householdName: string; receivedOn: Date; outcome: ObjectionOutcome; resolvedOn: Date | null }[];
};

export function buildProposal(data: ProposalData): Document {
  const w = WORDING.proposal;
  const t = WORDING.table;
  const hamlet = hamletName(data.hamlet);
  const commune = communeName(data.commune);
  const header = () =>
    headerTable({
      parent: ["Ủy ban nhân dân", commune],
      issuer: hamlet,
      placeDate: placeDateLine(placeName(data.commune), data.documentDate),
    });
  const signer = { title: WORDING.hamletHeadTitle[data.hamlet.kind], name: data.hamlet.headName ?? data.chairName };
  const n = count(data.achieved.length);
  const notice = data.notice;

  const letter = section([
    header(),
    ...titleBlock(w.type, [w.summary(data.year)]),
    line(w.to(commune), { size: 14, after: 240 }),
    body(`Căn cứ ${WORDING.decree86};`),
    body(w.basisMeeting(dayMonthYear(data.meetingDate), notice ? w.noticeDone(formatDay(notice.postedOn), formatDay(notice.endsOn)) : w.noticeNone)),
    body(w.request(hamlet, commune, data.year, n)),
    body(w.dossier),
    body(w.closing),
    signatureTable(signer, { to: [...w.recipients], storage: w.storage(hamletWord(data.hamlet.kind)) }),
  ]);

  const listRows: DataRow[] = data.achieved.map((h, i) => ({ cells: [String(i + 1), h.headName, h.address, ""] }));
  const objectionRows: DataRow[] = data.objections.map((o, i) => ({
    cells: [String(i + 1), o.householdName, formatDay(o.receivedOn), OBJECTION_OUTCOME_LABEL[o.outcome], o.resolvedOn ? formatDay(o.resolvedOn) : ""],
  }));
  const noticeLines = notice
    ? [
        body(w.channel(notice.channel ?? WORDING.minutes.defaultChannel(hamletWord(data.hamlet.kind)))),
        body(w.period(formatDay(notice.postedOn), formatDay(notice.endsOn), notice.days)),
        body(w.objections(count(data.objections.length))),
        ...(data.objections.length > 0
          ? [
              body(w.objectionsResolved, { keepNext: true }),
              dataTable(
                [
                  { title: t.no, width: 7 }, { title: t.household, width: 33, align: "left" }, { title: t.received, width: 16 },
                  { title: t.outcome, width: 28 }, { title: t.resolved, width: 16 },
                ],
                objectionRows,
              ),
            ]
          : [body(w.noObjections)]),
      ]
    : [body(w.notPosted)];

  const summary = section(
    [
      header(),
      ...titleBlock(w.summaryType, w.summaryTitle(data.year)),
      body(w.listHeading, { bold: true, keepNext: true }),
      dataTable(
        [{ title: t.no, width: 8 }, { title: t.head, width: 37, align: "left" }, { title: t.address, width: 35, align: "left" }, { title: t.note, width: 20 }],
        listRows,
      ),
      line("", { after: 120 }),
      body(w.total(n)),
      body(w.noticeHeading, { bold: true, keepNext: true }),
      ...noticeLines,
      line("", { after: 120 }),
      signatureTable(signer, null),
    ],
    { restartNumbering: true },
  );

  return decree30Document(`${w.type} ${hamlet} ${data.year}`, [letter, summary]);
}

export function proposalFilename(data: Pick<ProposalData, "hamlet" | "year">): DownloadName {
  return {
    ascii: `${slug("de-nghi", data.hamlet.name, data.year)}.docx`,
    unicode: `Văn bản đề nghị ${hamletName(data.hamlet)} ${data.year}.docx`,
  };
}
