import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PUBLIC_ACTOR_USERNAME } from "@/lib/audit";
import { addDays, utcDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { getPublicNotice, listPublicNotices } from "@/lib/public-notice/queries";
import { COMMENT_LIMITS, NOTICE_MSG } from "@/lib/public-notice/rules";
import type { NoticeCommentInput } from "@/lib/public-notice/schema";
import { ipHashOf, submitNoticeComment } from "@/lib/public-notice/service";
import { MSG } from "@/lib/result";
import { makeCouncil } from "../factories/council";
import { makeCampaignYear } from "../factories/cycle";
import { makeHamlet, makeHousehold, makeWorld, resetDb, type World } from "../factories";

// The public "Xóm văn hóa" notice: residents comment without signing in while the notice is open, within the
// rate limits kept in Postgres; the page's query returns hamlet-level facts only.

// 20/11/2026 10:00 in Vietnam: the notice posted 15/11 for 10 days runs until the end of 25/11.
const NOW = new Date("2026-11-20T03:00:00Z");
const TODAY = utcDate(2026, 11, 20);
const POSTED = utcDate(2026, 11, 15);
const ENDS = utcDate(2026, 11, 25);
const IP = "203.0.113.7";
const OTHER_IP = "198.51.100.23";
const minutesLater = (m: number) => new Date(NOW.getTime() + m * 60_000);

const comment = (overrides: Partial<NoticeCommentInput> = {}): NoticeCommentInput => ({
  hamletId: undefined, authorName: "Nguyễn Thị Góp Ý", contact: "0912345678", content: "Xóm đã làm tốt công tác vệ sinh môi trường.", ...overrides,
});

async function counts() {
  const [comments, audits] = await Promise.all([db.noticeComment.count(), db.auditLog.count()]);
  return { comments, audits };
}

let w: World;
let noticeId: string;

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "bi-mat-thu-nghiem";
});

beforeEach(async () => {
  await resetDb();
  w = await makeWorld();
  const year = await makeCampaignYear(w.commune.id, 2026);
  noticeId = (await makeCouncil(year, {
    noticePostedOn: POSTED, noticeEndsOn: ENDS,
    entries: [
      { hamlet: w.hamletA, councilResult: "ACHIEVED", votesFor: 6 },
      { hamlet: w.hamletB, councilResult: "NOT_ACHIEVED", reason: "Hộ ông Nguyễn Văn Bí Mật bị xử phạt hành chính về đánh bạc." },
    ],
  })).id;
});

describe("sending a comment", () => {
  it("saves it while the notice is open, with a hash of the address only, and writes an anonymous audit row", async () => {
    const { id } = await submitNoticeComment(noticeId, comment({ hamletId: w.hamletA.id }), IP, NOW);
    const saved = await db.noticeComment.findUniqueOrThrow({ where: { id } });
    expect(saved).toMatchObject({
      communeId: w.commune.id, councilReviewId: noticeId, hamletId: w.hamletA.id, authorName: "Nguyễn Thị Góp Ý", contact: "0912345678",
      content: "Xóm đã làm tốt công tác vệ sinh môi trường.", outcome: "PENDING", ipHash: ipHashOf(IP), createdAt: NOW,
    });
    expect(saved.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(saved)).not.toContain(IP);

    const audits = await db.auditLog.findMany();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      communeId: w.commune.id, actorId: null, actorUsername: PUBLIC_ACTOR_USERNAME, action: "noticeComment.create",
      entityType: "NoticeComment", entityId: id, before: null,
      after: { hamletId: w.hamletA.id, authorName: "Nguyễn Thị Góp Ý", contact: "0912345678", content: "Xóm đã làm tốt công tác vệ sinh môi trường." },
    });
    expect(JSON.stringify(audits[0]!.after)).not.toContain(saved.ipHash);
  });

  it("takes a general comment (no hamlet) on the first and the last day", async () => {
    await submitNoticeComment(noticeId, comment(), IP, new Date("2026-11-14T17:00:00Z")); // 00:00 on 15/11 in Vietnam
    await submitNoticeComment(noticeId, comment(), OTHER_IP, new Date("2026-11-25T16:59:00Z")); // 23:59 on 25/11
    expect(await db.noticeComment.count({ where: { councilReviewId: noticeId, hamletId: null } })).toBe(2);
  });

  it.each([
    ["before the posting day", new Date("2026-11-14T16:59:00Z"), NOTICE_MSG.notYet(POSTED)],
    ["after the last day", new Date("2026-11-25T17:00:00Z"), NOTICE_MSG.ended(ENDS)],
    ["weeks later", new Date("2026-12-20T03:00:00Z"), NOTICE_MSG.ended(ENDS)],
  ])("refuses a comment %s and writes nothing", async (_case, at, message) => {
    const before = await counts();
    await expect(submitNoticeComment(noticeId, comment(), IP, at)).rejects.toMatchObject({ code: "RULE_VIOLATION", message });
    expect(await counts()).toEqual(before);
  });

  it("says when commenting ended", () => {
    expect(NOTICE_MSG.ended(ENDS)).toContain("Thời gian lấy ý kiến đã kết thúc ngày 25/11/2026");
  });

  it("refuses comments once the officer has moved on to the proposal, even inside the dates", async () => {
    await db.councilReview.update({ where: { id: noticeId }, data: { status: "PROPOSED" } });
    await expect(submitNoticeComment(noticeId, comment(), IP, NOW)).rejects.toMatchObject({ code: "RULE_VIOLATION", message: NOTICE_MSG.ended(TODAY) });
    expect(await db.noticeComment.count()).toBe(0);
  });

  it("answers NOT_FOUND for a notice not yet posted, an unknown id or a malformed one", async () => {
    await db.councilReview.update({ where: { id: noticeId }, data: { status: "MEETING", noticePostedOn: null, noticeEndsOn: null } });
    for (const id of [noticeId, "6f1c1f9e-8a4b-4c1d-9f3e-2b7a5d9c0e11", "not-a-uuid"]) {
      await expect(submitNoticeComment(id, comment(), IP, NOW)).rejects.toMatchObject({ code: "NOT_FOUND", message: MSG.notFound });
    }
    expect(await counts()).toEqual({ comments: 0, audits: 0 });
  });

  it("refuses a hamlet the council did not put on the list, or of another commune, at the hamlet field", async () => {
    const stranger = await makeHamlet(w.commune.id);
    for (const hamletId of [w.hamletB.id, stranger.id, w.hamletZ.id]) {
      await expect(submitNoticeComment(noticeId, comment({ hamletId }), IP, NOW)).rejects.toMatchObject({
        code: "INVALID_INPUT", fieldErrors: { hamletId: [NOTICE_MSG.hamletNotListed] },
      });
    }
    expect(await counts()).toEqual({ comments: 0, audits: 0 });
  });
});

describe("rate limits", () => {
  it(`allows ${COMMENT_LIMITS.perIpBurst.max} comments per address in ${COMMENT_LIMITS.perIpBurst.windowMinutes} minutes, then refuses with a retry time and writes nothing`, async () => {
    for (let i = 0; i < COMMENT_LIMITS.perIpBurst.max; i++) await submitNoticeComment(noticeId, comment(), IP, minutesLater(i));
    const before = await counts();
    // The first comment (at NOW) leaves the 10-minute window at 10:10 Vietnam time.
    await expect(submitNoticeComment(noticeId, comment(), IP, minutesLater(6))).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: NOTICE_MSG.tooManyFromSender(minutesLater(10)),
    });
    expect(NOTICE_MSG.tooManyFromSender(minutesLater(10))).toContain("20/11/2026 10:10");
    expect(await counts()).toEqual(before);

    // The limit is per address: another one still gets through, and the first may post again once the window moved.
    await expect(submitNoticeComment(noticeId, comment(), OTHER_IP, minutesLater(6))).resolves.toMatchObject({ id: expect.any(String) });
    await expect(submitNoticeComment(noticeId, comment(), IP, minutesLater(11))).resolves.toMatchObject({ id: expect.any(String) });
  });

  it(`allows ${COMMENT_LIMITS.perIpDay.max} comments per address a day`, async () => {
    const ipHash = ipHashOf(IP);
    // Spread over the last day so the burst limit never bites: one every 30 minutes.
    await db.noticeComment.createMany({
      data: Array.from({ length: COMMENT_LIMITS.perIpDay.max }, (_, i) => ({
        communeId: w.commune.id, councilReviewId: noticeId, content: `Ý kiến ${i}`, ipHash, createdAt: minutesLater(-30 * (i + 1)),
      })),
    });
    const before = await counts();
    // The oldest of the 20 was sent 600 minutes ago; it leaves the day window 24 hours after.
    await expect(submitNoticeComment(noticeId, comment(), IP, NOW)).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: NOTICE_MSG.tooManyFromSender(minutesLater(-600 + 24 * 60)),
    });
    expect(await counts()).toEqual(before);
    await expect(submitNoticeComment(noticeId, comment(), OTHER_IP, NOW)).resolves.toBeDefined();
  });

  it("holds under parallel posts from one address: exactly the limit gets through", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: COMMENT_LIMITS.perIpBurst.max + 3 }, () => submitNoticeComment(noticeId, comment(), IP, NOW)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(COMMENT_LIMITS.perIpBurst.max);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.map((r) => r.reason)).toEqual(Array(3).fill(expect.objectContaining({ code: "RULE_VIOLATION" })));
    expect(await counts()).toEqual({ comments: COMMENT_LIMITS.perIpBurst.max, audits: COMMENT_LIMITS.perIpBurst.max });
  });

  it(`caps a notice at ${COMMENT_LIMITS.perNoticeDay.max} comments a day, whoever sends them`, async () => {
    await db.noticeComment.createMany({
      data: Array.from({ length: COMMENT_LIMITS.perNoticeDay.max }, (_, i) => ({
        communeId: w.commune.id, councilReviewId: noticeId, content: `Ý kiến ${i}`, ipHash: ipHashOf(`10.0.${Math.floor(i / 250)}.${i % 250}`),
        createdAt: minutesLater(-60),
      })),
    });
    const before = await counts();
    await expect(submitNoticeComment(noticeId, comment(), IP, NOW)).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: NOTICE_MSG.tooManyOnNotice(minutesLater(-60 + 24 * 60)),
    });
    expect(await counts()).toEqual(before);

    // Another commune's notice is not affected.
    const otherYear = await makeCampaignYear(w.otherCommune.id, 2026);
    const other = await makeCouncil(otherYear, { noticePostedOn: POSTED, noticeEndsOn: ENDS, entries: [{ hamlet: w.hamletZ, councilResult: "ACHIEVED" }] });
    await expect(submitNoticeComment(other.id, comment({ hamletId: w.hamletZ.id }), IP, NOW)).resolves.toBeDefined();
  });
});

describe("the page's query", () => {
  it("lists the hamlets the council found qualifying with the vote, and no personal data", async () => {
    await db.hamlet.update({ where: { id: w.hamletA.id }, data: { headName: "Trưởng Xóm Riêng Tư", frontTeamHeadName: "Trưởng Ban Riêng Tư" } });
    const household = await makeHousehold(w.hamletA, {
      headName: "Hoàng Văn Chủ Hộ", address: "Số 9 ngõ Bí Mật", phone: "0987654321", members: [{ fullName: "Hoàng Thị Thành Viên", relationship: "CHILD" }],
    });
    await submitNoticeComment(noticeId, comment({ authorName: "Người Gửi Ẩn Danh", contact: "an.danh@example.com" }), IP, NOW);

    const notice = await getPublicNotice(noticeId, TODAY);
    expect(notice).not.toBeNull();
    expect(notice).toEqual({
      id: noticeId, year: 2026, commune: expect.stringMatching(/^Xã /), committee: expect.stringMatching(/^Ủy ban nhân dân xã /),
      postedOn: POSTED, endsOn: ENDS, state: { kind: "OPEN", endsOn: ENDS, daysLeft: 6 },
      hamlets: [{ id: w.hamletA.id, name: w.hamletA.name, kind: "Xóm", votesFor: 6, membersPresent: 7, approval: "85,7 %" }],
    });
    const text = JSON.stringify(notice);
    for (const secret of [
      "Trưởng Xóm Riêng Tư", "Trưởng Ban Riêng Tư", household.headName, household.address, "0987654321", "Hoàng Thị Thành Viên",
      "Bí Mật", w.hamletB.id, "Người Gửi Ẩn Danh", "an.danh@example.com", "Chủ Tịch Hội Đồng",
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("shows an ended notice as ended, and nothing for an unposted, future or unknown one", async () => {
    expect((await getPublicNotice(noticeId, addDays(ENDS, 1)))?.state).toEqual({ kind: "ENDED", endedOn: ENDS });
    expect(await getPublicNotice(noticeId, addDays(POSTED, -1))).toBeNull();
    expect(await getPublicNotice("6f1c1f9e-8a4b-4c1d-9f3e-2b7a5d9c0e11", TODAY)).toBeNull();
    expect(await getPublicNotice("'; drop table", TODAY)).toBeNull();
    await db.councilReview.update({ where: { id: noticeId }, data: { status: "MEETING" } });
    expect(await getPublicNotice(noticeId, TODAY)).toBeNull();
  });

  it("lists open notices first, then those ended in the last 30 days, and leaves out older and unposted ones", async () => {
    const older = await makeCampaignYear(w.commune.id, 2025);
    const ended = await makeCouncil(older, { noticePostedOn: utcDate(2026, 10, 20), noticeEndsOn: utcDate(2026, 10, 30), status: "PROPOSED" });
    const otherYear = await makeCampaignYear(w.otherCommune.id, 2026);
    await makeCouncil(otherYear, { status: "MEETING" });
    const oldYear = await makeCampaignYear(w.commune.id, 2024);
    await makeCouncil(oldYear, { status: "DECIDED", noticePostedOn: utcDate(2024, 11, 15), noticeEndsOn: utcDate(2024, 11, 25) });

    const listed = await listPublicNotices(TODAY);
    expect(listed.map((n) => [n.id, n.year, n.state.kind])).toEqual([[noticeId, 2026, "OPEN"], [ended.id, 2025, "ENDED"]]);
    expect(Object.keys(listed[0]!).sort()).toEqual(["committee", "commune", "endsOn", "id", "postedOn", "state", "year"]);
    // 31 days after it ended, the older notice drops off the list.
    expect((await listPublicNotices(utcDate(2026, 11, 30))).map((n) => n.id)).toEqual([noticeId]);
    expect((await listPublicNotices(utcDate(2026, 12, 1))).map((n) => n.id)).toEqual([noticeId]);
  });
});
