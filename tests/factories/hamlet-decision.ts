import { defaultAuthorityRules } from "@/lib/campaign/defaults";
import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import type { AssessmentResult, CouncilStatus } from "@/lib/generated/prisma/enums";
import type { YearRow } from "./cycle";

// Builders for "Xóm văn hóa" decisions, written straight through Prisma: the year's council review in the state
// the council's work leaves it (PROPOSED after the vote, the 10-day notice and the Tờ trình), and the commune's
// authority rules as a commune of a district has them.

/**
 * Gives the commune a district and replaces its authority rules with the defaults for it: the district chairman
 * until 30/6/2025, the commune chairman from 1/7/2025.
 */
export async function useDistrictRules(communeId: string, district = "Định Hóa"): Promise<void> {
  const commune = await db.commune.update({ where: { id: communeId }, data: { district }, select: { name: true, district: true, province: true } });
  await db.authorityRule.deleteMany({ where: { communeId } });
  await db.authorityRule.createMany({ data: defaultAuthorityRules(commune).map((r) => ({ communeId, ...r })) });
}

export type CouncilEntry = { hamlet: { id: string }; result?: AssessmentResult; votesFor?: number; votesAgainst?: number };

export type CouncilOptions = {
  status?: CouncilStatus;
  membersTotal?: number;
  membersPresent?: number;
  meetingDate?: Date;
  proposalNumber?: number | null;
};

/**
 * The year's council review in `status` (default PROPOSED) with one HamletTitleEntry per entry (result ACHIEVED
 * unless told otherwise, `councilResult` the same), as the council's work leaves them. No audit rows.
 */
export async function makeCouncilReview(year: YearRow, entries: CouncilEntry[], options: CouncilOptions = {}): Promise<{ id: string; entryIds: string[] }> {
  const status = options.status ?? "PROPOSED";
  const meetingDate = options.meetingDate ?? utcDate(year.year, 11, 5);
  const membersPresent = options.membersPresent ?? 9;
  const isPosted = status !== "MEETING";
  const council = await db.councilReview.create({
    data: {
      communeId: year.communeId, campaignYearId: year.id, status, meetingDate, meetingPlace: "Hội trường Ủy ban nhân dân xã",
      chairName: "Ma Văn Quyết", secretaryName: "Hoàng Thị Thư", membersTotal: options.membersTotal ?? 11, membersPresent, ruleSetId: year.ruleSetId,
      noticePostedOn: isPosted ? utcDate(year.year, 11, 6) : null,
      noticeEndsOn: isPosted ? utcDate(year.year, 11, 16) : null,
      noticeChannel: isPosted ? "Trang thông tin điện tử xã" : null,
      proposalNumber: status === "PROPOSED" || status === "DECIDED" ? (options.proposalNumber === undefined ? 12 : options.proposalNumber) : null,
      proposalSymbol: status === "PROPOSED" || status === "DECIDED" ? "TTr-UBND" : null,
      proposalDate: status === "PROPOSED" || status === "DECIDED" ? utcDate(year.year, 11, 20) : null,
    },
    select: { id: true },
  });
  const entryIds: string[] = [];
  for (const e of entries) {
    const votesFor = e.votesFor ?? membersPresent;
    if (votesFor + (e.votesAgainst ?? 0) > membersPresent) throw new Error("makeCouncilReview: more votes than members present");
    const result = e.result ?? "ACHIEVED";
    const entry = await db.hamletTitleEntry.create({
      data: {
        communeId: year.communeId, campaignYearId: year.id, hamletId: e.hamlet.id, registeredOn: utcDate(year.year, 1, 15), reportedOn: utcDate(year.year, 10, 20),
        councilId: council.id, votesFor, votesAgainst: e.votesAgainst ?? 0, result, councilResult: result,
        reason: result === "ACHIEVED" ? null : "Không đủ tỷ lệ tán thành của Hội đồng.",
      },
      select: { id: true },
    });
    entryIds.push(entry.id);
  }
  return { id: council.id, entryIds };
}
