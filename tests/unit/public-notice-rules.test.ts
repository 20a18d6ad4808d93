import { describe, expect, it } from "vitest";
import { clientIp, windowRetryAt } from "@/lib/auth/throttle";
import { utcDate } from "@/lib/dates";
import { commentLimitHit, commentRefusal, COMMENT_LIMITS, NOTICE_MSG, noticeState, noticeStateWords } from "@/lib/public-notice/rules";

// When the public notice takes comments, and how many one sender and one notice may receive.

const POSTED = utcDate(2026, 11, 15);
const ENDS = utcDate(2026, 11, 25);
const notice = (status: "MEETING" | "NOTICE" | "PROPOSED" | "DECIDED" = "NOTICE") => ({ status, noticePostedOn: POSTED, noticeEndsOn: ENDS });

describe("noticeState", () => {
  it.each([
    ["the day before posting", utcDate(2026, 11, 14), { kind: "NOT_YET", startsOn: POSTED }],
    ["the posting day", POSTED, { kind: "OPEN", endsOn: ENDS, daysLeft: 11 }],
    ["the day before the last", utcDate(2026, 11, 24), { kind: "OPEN", endsOn: ENDS, daysLeft: 2 }],
    ["the last day", ENDS, { kind: "OPEN", endsOn: ENDS, daysLeft: 1 }],
    ["the day after", utcDate(2026, 11, 26), { kind: "ENDED", endedOn: ENDS }],
  ])("%s", (_case, today, expected) => {
    expect(noticeState(notice(), today)).toEqual(expected);
  });

  it("is over once the dossier moved on, and not posted while the council meets", () => {
    expect(noticeState(notice("PROPOSED"), utcDate(2026, 11, 20))).toEqual({ kind: "ENDED", endedOn: utcDate(2026, 11, 20) });
    expect(noticeState(notice("DECIDED"), utcDate(2026, 12, 20))).toEqual({ kind: "ENDED", endedOn: ENDS });
    expect(noticeState(notice("MEETING"), utcDate(2026, 11, 20))).toEqual({ kind: "NOT_POSTED" });
    expect(noticeState({ status: "NOTICE", noticePostedOn: null, noticeEndsOn: null }, utcDate(2026, 11, 20))).toEqual({ kind: "NOT_POSTED" });
  });

  it("words the state as the page shows it", () => {
    expect(noticeStateWords({ kind: "OPEN", endsOn: ENDS, daysLeft: 3 })).toBe("còn 3 ngày (đến hết ngày 25/11/2026)");
    expect(noticeStateWords({ kind: "OPEN", endsOn: ENDS, daysLeft: 1 })).toBe("hôm nay là ngày cuối (đến hết ngày 25/11/2026)");
    expect(noticeStateWords({ kind: "ENDED", endedOn: ENDS })).toBe("đã hết hạn (kết thúc ngày 25/11/2026)");
  });

  it("refuses comments outside the window with the date", () => {
    expect(commentRefusal({ kind: "OPEN", endsOn: ENDS, daysLeft: 1 })).toBeNull();
    expect(commentRefusal({ kind: "ENDED", endedOn: ENDS })).toBe("Thời gian lấy ý kiến đã kết thúc ngày 25/11/2026. Ý kiến không được ghi nhận.");
    expect(commentRefusal({ kind: "NOT_YET", startsOn: POSTED })).toBe(NOTICE_MSG.notYet(POSTED));
    expect(commentRefusal({ kind: "NOT_POSTED" })).not.toBeNull();
  });
});

const NOW = new Date("2026-11-20T03:00:00Z");
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

describe("windowRetryAt", () => {
  const limit = { max: 3, windowMinutes: 10 };
  it.each([
    ["no events", [], null],
    ["under the limit", [ago(1), ago(2)], null],
    ["at the limit", [ago(1), ago(2), ago(4)], ago(4 - 10)],
    ["over it, the max-th newest decides", [ago(1), ago(2), ago(3), ago(9)], ago(3 - 10)],
    ["events out of order", [ago(4), ago(1), ago(2)], ago(4 - 10)],
    ["older events left the window", [ago(1), ago(2), ago(10), ago(11)], null],
  ])("%s", (_case, recent, expected) => {
    expect(windowRetryAt(limit, recent, NOW)).toEqual(expected);
  });
});

describe("commentLimitHit", () => {
  const burst = Array.from({ length: COMMENT_LIMITS.perIpBurst.max }, (_, i) => ago(i));
  const day = Array.from({ length: COMMENT_LIMITS.perIpDay.max }, (_, i) => ago(30 * (i + 1)));
  const notice = Array.from({ length: COMMENT_LIMITS.perNoticeDay.max }, () => ago(60));

  it("allows a sender under both limits on a notice under its cap", () => {
    expect(commentLimitHit({ bySender: burst.slice(1), onNotice: notice.slice(1) }, NOW)).toBeNull();
  });

  it("holds the sender back until the burst's oldest comment leaves the 10 minutes", () => {
    expect(commentLimitHit({ bySender: burst, onNotice: [] }, NOW)).toEqual({ scope: "SENDER", retryAt: ago(COMMENT_LIMITS.perIpBurst.max - 1 - 10) });
  });

  it("holds the sender back for the day after 20 comments", () => {
    expect(commentLimitHit({ bySender: day, onNotice: [] }, NOW)).toEqual({ scope: "SENDER", retryAt: ago(600 - 24 * 60) });
  });

  it("caps the notice whoever sends", () => {
    expect(commentLimitHit({ bySender: [], onNotice: notice }, NOW)).toEqual({ scope: "NOTICE", retryAt: ago(60 - 24 * 60) });
  });
});

describe("clientIp", () => {
  const from = (h: Record<string, string>) => clientIp((name) => h[name]);
  it("takes the first forwarded address, then the real IP, else nothing", () => {
    expect(from({ "x-forwarded-for": " 203.0.113.7 , 10.0.0.1", "x-real-ip": "10.0.0.2" })).toBe("203.0.113.7");
    expect(from({ "x-real-ip": "10.0.0.2" })).toBe("10.0.0.2");
    expect(from({ "x-forwarded-for": "" })).toBeUndefined();
    expect(from({})).toBeUndefined();
    expect(from({ "x-forwarded-for": "x".repeat(500) })).toHaveLength(64);
  });
});
