import { addDays, utcDate } from "@/lib/dates";
import { db } from "@/lib/db";
import type { AssessmentResult, CouncilStatus } from "@/lib/generated/prisma/enums";
import { noticeEndsOn } from "@/lib/review/rules";

// Builders for the "Xóm văn hóa" council review, written straight through Prisma like the other factories: no
// services, no audit rows. They store what the services would have left, without re-deriving the vote.

export type CouncilEntry = {
  hamlet: { id: string };
  /** What the council voted; `result` follows it unless given. */
  councilResult: AssessmentResult;
  result?: AssessmentResult;
  votesFor?: number | null;
  votesAgainst?: number | null;
  reason?: string | null;
};

export type CouncilOptions = {
  status?: CouncilStatus;
  meetingDate?: Date;
  membersTotal?: number;
  membersPresent?: number;
  /** Defaults to the day after the meeting for every status past MEETING; null leaves the notice unposted. */
  noticePostedOn?: Date | null;
  /** Defaults to noticePostedOn + the year's noticeDays. */
  noticeEndsOn?: Date | null;
  entries?: CouncilEntry[];
};

/** The council review of `year` with one HamletTitleEntry (reported, voted) per entry. */
export async function makeCouncil(year: { id: string }, options: CouncilOptions = {}): Promise<{ id: string }> {
  const campaignYear = await db.campaignYear.findUniqueOrThrow({ where: { id: year.id } });
  const status = options.status ?? "NOTICE";
  const meetingDate = options.meetingDate ?? utcDate(campaignYear.year, 11, 14);
  const posted = options.noticePostedOn !== undefined ? options.noticePostedOn : status === "MEETING" ? null : addDays(meetingDate, 1);
  const endsOn = options.noticeEndsOn !== undefined ? options.noticeEndsOn : posted ? noticeEndsOn(posted, campaignYear.noticeDays) : null;
  const present = options.membersPresent ?? 7;
  return db.$transaction(async (tx) => {
    const council = await tx.councilReview.create({
      data: {
        communeId: campaignYear.communeId, campaignYearId: campaignYear.id, status, meetingDate,
        meetingPlace: "Hội trường Ủy ban nhân dân xã", chairName: "Chủ Tịch Hội Đồng", secretaryName: "Thư Ký Hội Đồng",
        membersTotal: options.membersTotal ?? 9, membersPresent: present, ruleSetId: campaignYear.ruleSetId,
        noticePostedOn: posted, noticeEndsOn: endsOn, noticeChannel: posted ? "Trang thông tin điện tử của xã" : null,
      },
      select: { id: true },
    });
    for (const e of options.entries ?? []) {
      const votesFor = e.votesFor !== undefined ? e.votesFor : e.councilResult === "ACHIEVED" ? present : 1;
      await tx.hamletTitleEntry.create({
        data: {
          communeId: campaignYear.communeId, campaignYearId: campaignYear.id, hamletId: e.hamlet.id,
          registeredOn: utcDate(campaignYear.year, 3, 1), reportedOn: utcDate(campaignYear.year, 11, 1),
          totalHouseholds: 100, recognisedHouseholds: 90, poorHouseholds: 3, nearPoorHouseholds: 2, hasCulturalHouse: true,
          councilId: council.id, votesFor, votesAgainst: e.votesAgainst !== undefined ? e.votesAgainst : present - (votesFor ?? 0),
          councilResult: e.councilResult, result: e.result ?? e.councilResult, reason: e.reason ?? null,
        },
      });
    }
    return council;
  });
}
