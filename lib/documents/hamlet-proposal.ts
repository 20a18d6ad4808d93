// Tờ trình đề nghị công nhận danh hiệu "Xóm văn hóa" (Nghị định 86/2023, Phụ lục IV, Mẫu số 04), from the commune's
// People's Committee to whoever decides on the Tờ trình's date: the district chairman until 30/6/2025, the commune's
// own chairman from 1/7/2025 (AuthorityRule rows). Decree 30 Mẫu 1.4 layout with "Kính gửi" (FORMS.md §1.6).
// It is signed for the People's Committee by its chairman, who chairs the commune's emulation council.

import type { Document } from "docx";
import { formatDay } from "@/lib/dates";
import { authorityOn, type AuthorityRuleRow } from "@/lib/titles/rules";
import { body, dataTable, decree30Document, headerTable, line, section, signatureTable, titleBlock, type DataRow } from "./decree30";
import {
  communeName, count, dayMonthYear, documentRef, hamletName, numberLine, placeDateLine, placeName,
  type CommuneInfo, type DownloadName, type HamletInfo,
} from "./format";
import { channelText, councilName, pascalAscii, percentText } from "./hamlet-format";
import { WORDING } from "./wording";

export type ProposalHamlet = HamletInfo & {
  totalHouseholds: number | null;
  recognisedHouseholds: number | null;
  votesFor: number | null;
};

export type HamletProposalData = {
  commune: CommuneInfo;
  year: number;
  titleName: string;
  hamletWord: string;
  number: number;
  /** Ký hiệu, "TTr-UBND". */
  symbol: string;
  date: Date;
  /** The commune's authority rules; the one in force on `date` is addressed. */
  authorityRules: AuthorityRuleRow[];
  meetingDate: Date;
  /** The chairman of the People's Committee (who chairs the council) signs. */
  chairName: string;
  /** What the council's votes are counted against (members present or all members). */
  voteBase: number;
  notice: { postedOn: Date; endsOn: Date; channel: string | null; days: number; comments: number } | null;
  /** The hamlets proposed: ACHIEVED after the public notice. */
  hamlets: ProposalHamlet[];
};

/** Who the Tờ trình goes to on its date: the authority of the rule in force, else the commune's chairman. */
export function proposalAddressee(data: Pick<HamletProposalData, "authorityRules" | "date" | "commune">): string {
  return authorityOn(data.authorityRules, "HAMLET", data.date)?.authority ?? `Chủ tịch Ủy ban nhân dân ${communeName(data.commune)}`;
}

export function buildHamletProposal(data: HamletProposalData): Document {
  const w = WORDING.hamletProposal;
  const commune = communeName(data.commune);
  const council = councilName(data.commune);
  const authority = proposalAddressee(data);
  const columns = w.columns(data.hamletWord);
  const notice = data.notice;
  const n = count(data.hamlets.length);

  const rows: DataRow[] = data.hamlets.map((h, i) => ({
    cells: [
      String(i + 1),
      hamletName(h),
      percentText(h.recognisedHouseholds, h.totalHouseholds) ?? "",
      h.votesFor === null ? "" : `${count(h.votesFor)}/${count(data.voteBase)} (${percentText(h.votesFor, data.voteBase) ?? ""})`,
      "",
    ],
  }));

  const children = [
    headerTable({
      parent: ["Ủy ban nhân dân"],
      issuer: commune,
      number: numberLine(data.number, data.symbol),
      placeDate: placeDateLine(placeName(data.commune), data.date),
    }),
    ...titleBlock(w.type, [w.summary(data.titleName, data.year)]),
    line(w.to(authority), { size: 14, after: 240 }),
    body(w.basisLaw),
    body(w.basisDecree),
    body(w.basisMinutes(council, dayMonthYear(data.meetingDate), data.titleName, data.year)),
    body(
      notice
        ? w.basisNotice(
            notice.channel?.trim() ? channelText(notice.channel) : WORDING.councilMinutes.defaultChannel(commune),
            formatDay(notice.postedOn),
            formatDay(notice.endsOn),
            notice.days,
            notice.comments === 0 ? w.noComments : w.comments(count(notice.comments)),
          )
        : w.basisNoNotice,
    ),
    body(w.request(commune, authority, data.titleName, data.year, n, data.hamletWord), { keepNext: true }),
    dataTable(
      [
        { title: WORDING.table.no, width: 8 },
        { title: columns.name, width: 32, align: "left" },
        { title: columns.recognised, width: 20 },
        { title: columns.votes, width: 24 },
        { title: columns.note, width: 16 },
      ],
      rows,
    ),
    line("", { after: 120 }),
    body(w.total(n, data.hamletWord)),
    body(w.dossier(data.hamletWord, council)),
    body(w.closing(commune, authority)),
    signatureTable(
      { authority: w.signerAuthority, title: w.signerTitle, name: data.chairName },
      { to: [...w.recipients], storage: w.storage },
    ),
  ];
  return decree30Document(`${w.type} ${documentRef(data.number, data.symbol)}`, [section(children)]);
}

export function hamletProposalFilename(data: Pick<HamletProposalData, "commune" | "year">): DownloadName {
  const commune = communeName(data.commune);
  return {
    ascii: `Mau04_ToTrinh_${pascalAscii(commune)}_${data.year}.docx`,
    unicode: `Mẫu 04 - Tờ trình ${commune} ${data.year}.docx`,
  };
}
