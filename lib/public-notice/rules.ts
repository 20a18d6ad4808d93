// The public "Xóm văn hóa" notice in pure code: when residents may comment, how long is left, and how many comments
// one address (and the whole page) may send. The service applies these inside its transaction.

import { type WindowLimit, windowRetryAt } from "@/lib/auth/throttle";
import { daysBetween, formatDay } from "@/lib/dates";
import { formatDateTime } from "@/lib/format";

/** Nghị định 86/2023: the list stays on the commune's website 10 days; ended notices stay listed this long after. */
export const RECENTLY_ENDED_DAYS = 30;

/** Field limits of the comment form (the form's maxLength and the schema share them). */
export const COMMENT_MAX = 2000;
export const AUTHOR_MAX = 100;
export const CONTACT_MAX = 100;

/** Per sender (hashed IP): a burst limit and a daily one. Per notice: a daily cap so the page cannot flood the database. */
export const COMMENT_LIMITS = {
  perIpBurst: { max: 5, windowMinutes: 10 },
  perIpDay: { max: 20, windowMinutes: 24 * 60 },
  perNoticeDay: { max: 500, windowMinutes: 24 * 60 },
} as const satisfies Record<string, WindowLimit>;

export type NoticeDates = { status: "MEETING" | "NOTICE" | "PROPOSED" | "DECIDED"; noticePostedOn: Date | null; noticeEndsOn: Date | null };

export type NoticeState =
  | { kind: "NOT_POSTED" }
  | { kind: "NOT_YET"; startsOn: Date }
  | { kind: "OPEN"; endsOn: Date; daysLeft: number }
  | { kind: "ENDED"; endedOn: Date };

/**
 * Where a notice stands on `today` (Vietnam's date). Comments are taken while the council's dossier is at NOTICE
 * and noticePostedOn ≤ today ≤ noticeEndsOn; `daysLeft` counts today (1 on the last day). Once the officer has moved
 * on to the Tờ trình (PROPOSED or later) the notice is over even if its last day has not passed.
 */
export function noticeState(notice: NoticeDates, today: Date): NoticeState {
  const { noticePostedOn: postedOn, noticeEndsOn: endsOn } = notice;
  if (notice.status === "MEETING" || !postedOn || !endsOn) return { kind: "NOT_POSTED" };
  if (today < postedOn) return { kind: "NOT_YET", startsOn: postedOn };
  if (notice.status === "NOTICE" && today <= endsOn) return { kind: "OPEN", endsOn, daysLeft: daysBetween(today, endsOn) + 1 };
  return { kind: "ENDED", endedOn: endsOn < today ? endsOn : today };
}

/** "còn 3 ngày (đến hết ngày 25/11/2026)", "hôm nay là ngày cuối (…)", "đã hết hạn (kết thúc ngày 25/11/2026)". */
export function noticeStateWords(state: NoticeState): string {
  switch (state.kind) {
    case "OPEN":
      return `${state.daysLeft === 1 ? "hôm nay là ngày cuối" : `còn ${state.daysLeft} ngày`} (đến hết ngày ${formatDay(state.endsOn)})`;
    case "ENDED":
      return `đã hết hạn (kết thúc ngày ${formatDay(state.endedOn)})`;
    case "NOT_YET":
      return `bắt đầu từ ngày ${formatDay(state.startsOn)}`;
    default:
      return "chưa công khai";
  }
}

export const NOTICE_MSG = {
  ended: (endedOn: Date) => `Thời gian lấy ý kiến đã kết thúc ngày ${formatDay(endedOn)}. Ý kiến không được ghi nhận.`,
  notYet: (startsOn: Date) => `Chưa đến thời gian lấy ý kiến: bắt đầu từ ngày ${formatDay(startsOn)}.`,
  hamletNotListed: "Xóm này không có trong danh sách đang công khai; vui lòng chọn lại.",
  tooManyFromSender: (retryAt: Date) =>
    `Bạn đã gửi nhiều ý kiến trong thời gian ngắn. Vui lòng gửi lại sau ${formatDateTime(retryAt)}.`,
  tooManyOnNotice: (retryAt: Date) =>
    `Hôm nay trang này đã nhận quá nhiều ý kiến. Vui lòng gửi lại sau ${formatDateTime(retryAt)}, hoặc góp ý trực tiếp tại Ủy ban nhân dân xã.`,
  received: "Cảm ơn, ý kiến của bạn đã được ghi nhận. Ủy ban nhân dân xã sẽ xem xét và giải quyết theo quy định.",
} as const;

/** Why a comment sent now would be refused: a message for the sender, or null when it may be saved. */
export function commentRefusal(state: NoticeState): string | null {
  switch (state.kind) {
    case "OPEN":
      return null;
    case "NOT_YET":
      return NOTICE_MSG.notYet(state.startsOn);
    case "ENDED":
      return NOTICE_MSG.ended(state.endedOn);
    default:
      return "Danh sách này chưa được công khai.";
  }
}

export type RecentComments = {
  /** The sender's latest comments (any notice), newest first: at least perIpDay.max of them when there are. */
  bySender: readonly Date[];
  /** The notice's latest comments, newest first: at least perNoticeDay.max of them when there are. */
  onNotice: readonly Date[];
};

/** When a comment would break a limit: which one, and when the sender may try again. Null when within every limit. */
export function commentLimitHit(recent: RecentComments, now: Date): { scope: "SENDER" | "NOTICE"; retryAt: Date } | null {
  const sender = [
    windowRetryAt(COMMENT_LIMITS.perIpBurst, recent.bySender, now),
    windowRetryAt(COMMENT_LIMITS.perIpDay, recent.bySender, now),
  ].filter((d): d is Date => d !== null);
  if (sender.length > 0) return { scope: "SENDER", retryAt: new Date(Math.max(...sender.map((d) => d.getTime()))) };
  const notice = windowRetryAt(COMMENT_LIMITS.perNoticeDay, recent.onNotice, now);
  return notice ? { scope: "NOTICE", retryAt: notice } : null;
}
