// Biên bản họp bình xét danh hiệu "Gia đình văn hóa" (Nghị định 86/2023, Phụ lục IV, Mẫu số 03), for one hamlet
// review. Header and title follow the form as read; the body is the reconstruction of FORMS.md §1.4.

import type { Document } from "docx";
import type { ApprovalBase, AssessmentResult, BallotMethod, Comparator } from "@/lib/generated/prisma/enums";
import { BALLOT_METHOD_LABEL, RESULT_LABEL } from "@/lib/review/labels";
import { PUBLIC_NOT_ELIGIBLE } from "@/lib/review/rules";
import {
  annexSection, body, dataTable, decree30Document, headerTable, section, signatureTable, titleBlock, type DataRow,
} from "./decree30";
import {
  communeName, count, dayMonthYear, hamletName, hamletWord, placeDateLine, placeName, slug, upper,
  type CommuneInfo, type DownloadName, type HamletInfo,
} from "./format";
import { WORDING } from "./wording";

export type MinutesHousehold = {
  headName: string;
  /** The result the meeting gave (an objection upheld later does not rewrite the minutes). */
  result: AssessmentResult;
  votesFor: number | null;
  votesAgainst: number | null;
};

export type MinutesData = {
  commune: CommuneInfo;
  hamlet: HamletInfo & { headName: string | null; frontTeamHeadName: string | null };
  year: number;
  noticeDays: number;
  meetingDate: Date;
  meetingPlace: string;
  chairName: string;
  secretaryName: string;
  invitedCount: number;
  presentCount: number;
  totalHouseholds: number;
  ballotMethod: BallotMethod;
  isQuorate: boolean;
  quorumNote: string;
  noticeChannel: string | null;
  ruleSet: { name: string; legalBasis: string; approvalPct: number; approvalOp: Comparator; approvalBase: ApprovalBase };
  criteriaSet: { name: string; legalBasis: string };
  households: MinutesHousehold[];
};

export type ResultCounts = { total: number; achieved: number; notAchieved: number; excluded: number };

export function countResults(rows: { result: AssessmentResult }[]): ResultCounts {
  const by = (r: AssessmentResult) => rows.filter((h) => h.result === r).length;
  return { total: rows.length, achieved: by("ACHIEVED"), notAchieved: by("NOT_ACHIEVED"), excluded: by("EXCLUDED") };
}

/** "trên 50 % số người có mặt", "từ 60 % trở lên số người được mời". */
export function approvalThreshold(rule: MinutesData["ruleSet"]): string {
  const base = rule.approvalBase === "PRESENT" ? "số người có mặt" : "số người được mời";
  return rule.approvalOp === "GT" ? `trên ${rule.approvalPct} % ${base}` : `từ ${rule.approvalPct} % trở lên ${base}`;
}

/** The annex note: never the reason of an exclusion, which is sensitive personal data. */
export function minutesNote(result: AssessmentResult): string {
  return result === "EXCLUDED" ? PUBLIC_NOT_ELIGIBLE : "";
}

const person = (name: string, title?: string | null) => `${WORDING.honorific} ${name}${title ? `, ${title}` : ""}`;

export function buildMinutes(data: MinutesData): Document {
  const w = WORDING.minutes;
  const hamlet = hamletName(data.hamlet);
  const commune = communeName(data.commune);
  const counts = countResults(data.households);
  const voted = data.ballotMethod !== "CONSENSUS";
  const sameName = (a: string | null, b: string) => !!a && a.trim().toLocaleLowerCase("vi") === b.trim().toLocaleLowerCase("vi");
  const headTitle = WORDING.hamletHeadTitle[data.hamlet.kind];
  const word = hamletWord(data.hamlet.kind);

  const attendance = [
    body(`- Chủ trì: ${person(data.chairName, sameName(data.hamlet.headName, data.chairName) ? headTitle : null)};`),
    ...(data.hamlet.frontTeamHeadName && !sameName(data.hamlet.frontTeamHeadName, data.chairName)
      ? [body(`- ${person(data.hamlet.frontTeamHeadName, WORDING.frontTeamHeadTitle(word))};`)]
      : []),
    body(`- Thư ký: ${person(data.secretaryName)}.`),
    body(w.attendance(count(data.invitedCount), count(data.presentCount), count(data.totalHouseholds), word)),
    body(data.quorumNote),
  ];

  const content = data.isQuorate
    ? [
        body(w.criteria(data.criteriaSet.name, data.criteriaSet.legalBasis, data.ruleSet.name, data.ruleSet.legalBasis)),
        body(w.counts(count(counts.total), count(counts.achieved), count(counts.notAchieved), count(counts.excluded))),
        ...(voted
          ? [body(w.vote(BALLOT_METHOD_LABEL[data.ballotMethod], approvalThreshold(data.ruleSet))), body(w.voteResult(count(counts.achieved)))]
          : []),
      ]
    : [];

  const conclusion = data.isQuorate
    ? w.conclusion(commune, data.year, count(counts.achieved), data.noticeChannel ? `tại ${data.noticeChannel}` : w.defaultChannel(word), data.noticeDays)
    : w.notQuorate(word);

  const main = section([
    headerTable({
      parent: ["Ủy ban nhân dân", commune],
      issuer: hamlet,
      placeDate: placeDateLine(placeName(data.commune), data.meetingDate),
    }),
    ...titleBlock(w.type, [w.summary(data.year)]),
    body(w.opening(dayMonthYear(data.meetingDate), data.meetingPlace, hamlet, data.year)),
    body(w.partI, { bold: true, keepNext: true }),
    ...attendance,
    body(w.partII, { bold: true, keepNext: true }),
    ...content,
    body(w.partIII, { bold: true, keepNext: true }),
    body(conclusion),
    body(w.closing),
    signatureTable(
      { title: w.chair, name: data.chairName, hint: w.signHint },
      { title: w.secretary, name: data.secretaryName, hint: w.signHint },
      { split: "even" },
    ),
  ]);

  const t = WORDING.table;
  const columns = voted
    ? [
        { title: t.no, width: 7 }, { title: t.head, width: 33, align: "left" as const }, { title: t.result, width: 14 },
        { title: t.votesFor, width: 13 }, { title: t.votesAgainst, width: 13 }, { title: t.note, width: 20 },
      ]
    : [{ title: t.no, width: 8 }, { title: t.head, width: 44, align: "left" as const }, { title: t.result, width: 20 }, { title: t.note, width: 28 }];
  const rows: DataRow[] = data.households.map((h, i) => {
    const votes = voted ? [h.votesFor === null ? "" : count(h.votesFor), h.votesAgainst === null ? "" : count(h.votesAgainst)] : [];
    return { cells: [String(i + 1), h.headName, RESULT_LABEL[h.result], ...votes, minutesNote(h.result)] };
  });

  const annex = annexSection({
    title: [...w.annexTitle],
    attachedTo: w.annexAttached(data.year, hamlet, dayMonthYear(data.meetingDate)),
    children: [dataTable(columns, rows)],
  });

  return decree30Document(`${w.type} ${upper(hamlet)} ${data.year}`, [main, annex]);
}

export function minutesFilename(data: Pick<MinutesData, "hamlet" | "year">): DownloadName {
  return {
    ascii: `${slug("bien-ban-hop", data.hamlet.name, data.year)}.docx`,
    unicode: `Biên bản họp bình xét ${hamletName(data.hamlet)} ${data.year}.docx`,
  };
}
