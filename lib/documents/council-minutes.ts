// Biên bản họp Hội đồng Thi đua - Khen thưởng xã bình xét danh hiệu "Xóm văn hóa" (Nghị định 86/2023, Phụ lục IV,
// Mẫu số 06). The council is the commune's, so the People's Committee heads it. Fields follow real 2024 minutes
// (FORMS.md §1.6): meeting, members present, each hamlet's vote, the public notice and the proposal.

import type { Document } from "docx";
import type { ApprovalBase, AssessmentResult, Comparator } from "@/lib/generated/prisma/enums";
import { formatDay } from "@/lib/dates";
import { RESULT_LABEL } from "@/lib/review/labels";
import { OP_SIGN } from "@/lib/review/rules";
import { body, dataTable, decree30Document, headerTable, section, signatureTable, titleBlock, type DataRow } from "./decree30";
import {
  communeName, count, dayMonthYear, hamletName, placeDateLine, placeName,
  type CommuneInfo, type DownloadName, type HamletInfo,
} from "./format";
import { channelText, councilName, pascalAscii, percentText } from "./hamlet-format";
import { WORDING } from "./wording";

export type CouncilHamlet = HamletInfo & {
  totalHouseholds: number | null;
  recognisedHouseholds: number | null;
  votesFor: number | null;
  /** What the council voted (null before the vote). */
  councilResult: AssessmentResult | null;
  reason: string | null;
};

export type CouncilMinutesData = {
  commune: CommuneInfo;
  year: number;
  /** "Xóm văn hóa" and "xóm" as the commune's hamlets are called. */
  titleName: string;
  hamletWord: string;
  meetingDate: Date;
  meetingPlace: string;
  chairName: string;
  secretaryName: string;
  membersTotal: number;
  membersPresent: number;
  rule: { councilApprovalBase: ApprovalBase; councilApprovalPct: number; councilApprovalOp: Comparator };
  noticeDays: number;
  /** Null until the list is posted. */
  notice: { postedOn: Date; endsOn: Date; channel: string | null; comments: number } | null;
  /** Who decides on the meeting day ("Chủ tịch Ủy ban nhân dân huyện Định Hóa"); null falls back to the commune's chairman. */
  authority: string | null;
  hamlets: CouncilHamlet[];
};

/** The base the votes are counted against: those present, or every member. */
export const voteBase = (data: Pick<CouncilMinutesData, "rule" | "membersPresent" | "membersTotal">) =>
  data.rule.councilApprovalBase === "PRESENT" ? data.membersPresent : data.membersTotal;

export function councilRows(data: CouncilMinutesData): DataRow[] {
  const base = voteBase(data);
  return data.hamlets.map((h, i) => ({
    cells: [
      String(i + 1),
      hamletName(h),
      percentText(h.recognisedHouseholds, h.totalHouseholds) ?? "",
      h.votesFor === null ? "" : `${count(h.votesFor)}/${count(base)}`,
      h.votesFor === null ? "" : (percentText(h.votesFor, base) ?? ""),
      h.councilResult ? RESULT_LABEL[h.councilResult] : "",
    ],
  }));
}

export function buildCouncilMinutes(data: CouncilMinutesData): Document {
  const w = WORDING.councilMinutes;
  const commune = communeName(data.commune);
  const council = councilName(data.commune);
  const columns = w.columns(data.hamletWord, data.rule.councilApprovalBase);
  const achieved = data.hamlets.filter((h) => h.councilResult === "ACHIEVED");
  const reasons = data.hamlets.filter((h) => h.councilResult && h.councilResult !== "ACHIEVED" && h.reason?.trim());
  const authority = data.authority ?? `Chủ tịch Ủy ban nhân dân ${commune}`;
  const notice = data.notice;
  const channel = notice?.channel?.trim() ? channelText(notice.channel) : w.defaultChannel(commune);

  const children = [
    headerTable({ parent: ["Ủy ban nhân dân"], issuer: commune, placeDate: placeDateLine(placeName(data.commune), data.meetingDate) }),
    ...titleBlock(w.type, w.summary(council, data.titleName, data.year)),
    body(w.opening(dayMonthYear(data.meetingDate), data.meetingPlace, commune, council, data.titleName, data.year)),
    body(w.partI, { bold: true, keepNext: true }),
    body(w.chair(data.chairName)),
    body(w.secretary(data.secretaryName)),
    body(w.members(count(data.membersPresent), count(data.membersTotal))),
    body(w.partII, { bold: true, keepNext: true }),
    body(w.criteria(data.titleName, data.hamletWord)),
    body(
      w.vote(
        count(data.hamlets.length),
        data.hamletWord,
        w.threshold(OP_SIGN[data.rule.councilApprovalOp], data.rule.councilApprovalPct, data.rule.councilApprovalBase),
      ),
      { keepNext: true },
    ),
    dataTable(
      [
        { title: WORDING.table.no, width: 7 },
        { title: columns.name, width: 25, align: "left" },
        { title: columns.recognised, width: 17 },
        { title: columns.votes, width: 19 },
        { title: columns.pct, width: 15 },
        { title: columns.result, width: 17 },
      ],
      councilRows(data),
    ),
    ...(reasons.length > 0
      ? [body(w.reasons, { keepNext: true }), ...reasons.map((h) => body(w.reason(hamletName(h), h.reason!.trim())))]
      : []),
    body(
      notice
        ? w.noticePosted(channel, formatDay(notice.postedOn), formatDay(notice.endsOn), count(notice.comments))
        : w.noticePlanned(channel, data.noticeDays),
    ),
    body(w.partIII, { bold: true, keepNext: true }),
    body(
      achieved.length > 0
        ? w.conclusion(authority, data.titleName, data.year, count(achieved.length), data.hamletWord, achieved.map((h) => hamletName(h)).join(", "))
        : w.none(data.hamletWord),
    ),
    body(w.closing),
    signatureTable(
      { title: w.chairSign, name: data.chairName, hint: w.signHint },
      { title: w.secretarySign, name: data.secretaryName, hint: w.signHint },
      { split: "even" },
    ),
  ];
  return decree30Document(`${w.type} ${council} ${data.year}`, [section(children)]);
}

export function councilMinutesFilename(data: Pick<CouncilMinutesData, "commune" | "year">): DownloadName {
  const commune = communeName(data.commune);
  return {
    ascii: `Mau06_BienBanHopHoiDong_${pascalAscii(commune)}_${data.year}.docx`,
    unicode: `Mẫu 06 - Biên bản họp Hội đồng Thi đua - Khen thưởng ${commune} ${data.year}.docx`,
  };
}

