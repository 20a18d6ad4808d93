import "server-only";
import { addDays, todayInVietnam } from "@/lib/dates";
import { db } from "@/lib/db";
import { communeName, hamletName, type CommuneInfo } from "@/lib/documents/format";
import { formatPercent } from "@/lib/format";
import { HAMLET_KIND_LABEL } from "@/lib/hamlets/labels";
import { compareVi, isUuid } from "@/lib/text";
import { noticeState, RECENTLY_ENDED_DAYS, type NoticeState } from "./rules";

// Reads for the public notice pages: no sign-in, so no actor and no scope. They select hamlet-level facts only (the
// hamlet's name and kind, the council's vote): never a household, a person's name or an exclusion reason.

const POSTED = ["NOTICE", "PROPOSED", "DECIDED"] as const;

function communeNames(commune: CommuneInfo): { commune: string; committee: string } {
  const name = communeName(commune);
  return { commune: name.charAt(0).toLocaleUpperCase("vi") + name.slice(1), committee: `Ủy ban nhân dân ${name}` };
}

export type PublicNoticeSummary = {
  id: string;
  year: number;
  /** "Xã Kim Phượng". */
  commune: string;
  /** "Ủy ban nhân dân xã Kim Phượng", who posts the notice. */
  committee: string;
  postedOn: Date;
  endsOn: Date;
  state: NoticeState;
};

/**
 * Notices on the public list on `today`: those whose window includes today, and those ended within the last
 * RECENTLY_ENDED_DAYS; open ones first, then by end date, newest first.
 */
export async function listPublicNotices(today: Date = todayInVietnam()): Promise<PublicNoticeSummary[]> {
  const rows = await db.councilReview.findMany({
    where: {
      status: { in: [...POSTED] },
      noticePostedOn: { not: null, lte: today },
      noticeEndsOn: { not: null, gte: addDays(today, -RECENTLY_ENDED_DAYS) },
    },
    select: {
      id: true, status: true, noticePostedOn: true, noticeEndsOn: true,
      campaignYear: { select: { year: true, commune: { select: { name: true, kind: true } } } },
    },
    orderBy: [{ noticeEndsOn: "desc" }, { id: "asc" }],
    take: 200,
  });
  const notices = rows.map((r) => ({
    id: r.id,
    year: r.campaignYear.year,
    ...communeNames(r.campaignYear.commune),
    postedOn: r.noticePostedOn!,
    endsOn: r.noticeEndsOn!,
    state: noticeState(r, today),
  }));
  const isOpen = (n: PublicNoticeSummary) => (n.state.kind === "OPEN" ? 0 : 1);
  return notices.sort((a, b) => isOpen(a) - isOpen(b));
}

export type PublicHamlet = {
  id: string;
  /** "Xóm Bản Lác". */
  name: string;
  /** "Xóm", "Thôn"… */
  kind: string;
  votesFor: number | null;
  membersPresent: number;
  /** "85,7 %" of the members present, "—" when no vote is recorded. */
  approval: string;
};

export type PublicNotice = PublicNoticeSummary & { hamlets: PublicHamlet[] };

/**
 * One posted notice with the hamlets the council found qualifying, or null for an unknown id or a notice not yet
 * posted (still at the council meeting, or dated after `today`).
 */
export async function getPublicNotice(id: string, today: Date = todayInVietnam()): Promise<PublicNotice | null> {
  if (!isUuid(id)) return null;
  const row = await db.councilReview.findFirst({
    where: { id, status: { in: [...POSTED] }, noticePostedOn: { not: null, lte: today }, noticeEndsOn: { not: null } },
    select: {
      id: true, status: true, noticePostedOn: true, noticeEndsOn: true, membersPresent: true,
      campaignYear: { select: { year: true, commune: { select: { name: true, kind: true } } } },
      entries: {
        where: { councilResult: "ACHIEVED" },
        select: { votesFor: true, hamlet: { select: { id: true, name: true, kind: true } } },
      },
    },
  });
  if (!row) return null;
  const hamlets = row.entries
    .map((e) => ({
      id: e.hamlet.id,
      name: hamletName(e.hamlet),
      kind: HAMLET_KIND_LABEL[e.hamlet.kind],
      votesFor: e.votesFor,
      membersPresent: row.membersPresent,
      approval: e.votesFor === null ? "—" : formatPercent(e.votesFor, row.membersPresent),
    }))
    .sort((a, b) => compareVi(a.name, b.name));
  return {
    id: row.id,
    year: row.campaignYear.year,
    ...communeNames(row.campaignYear.commune),
    postedOn: row.noticePostedOn!,
    endsOn: row.noticeEndsOn!,
    state: noticeState(row, today),
    hamlets,
  };
}
