import { beforeEach, describe, expect, it } from "vitest";
import { HAMLET_CRITERIA } from "@/lib/campaign/defaults";
import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import { createHamletCancellation, createHamletDecision, issueDecision } from "@/lib/decisions/service";
import { HamletCancellationInput, HamletDecisionInput } from "@/lib/decisions/schema";
import { ProposalInput, type ReportInput } from "@/lib/hamlet-title/schema";
import {
  postCouncilNotice, proposeCouncil, registerHamlet, resolveComment, saveCouncil, saveReport, saveVotes,
} from "@/lib/hamlet-title/service";
import { NoticeCommentInput } from "@/lib/public-notice/schema";
import { submitNoticeComment } from "@/lib/public-notice/service";
import { streakAt } from "@/lib/review/rules";
import { makeCampaignYear } from "../factories/cycle";
import { makeHousehold, makeWorld, resetDb, type World } from "../factories";

// Two years of "Xóm văn hóa" through the services alone, as the pages call them: registration, the achievement
// report, the council's vote, the public notice with a resident's comment, the Tờ trình and the decision — made by the
// district chairman in 2024 (recorded by the commune) and by the commune chairman in 2025 (drafted and issued) —
// then the streak and a cancellation that breaks it. Every step leaves its audit row.

let w: World;

const PLAIN = HAMLET_CRITERIA.filter((c) => !c.metric).map((c) => c.code);
const ENTERED = HAMLET_CRITERIA.filter((c) => c.metric === "EMPLOYED_PCT" || c.metric === "CIVILISED_RITES_PCT").map((c) => c.code);

/** A report of ten households; `poor` of them poor (the default set wants at most 15 % poor and near-poor). */
function report(reportedOn: Date, poor = 1): ReportInput {
  const criteria: ReportInput["criteria"] = {};
  for (const code of PLAIN) criteria[code] = { isMet: true };
  for (const code of ENTERED) criteria[code] = { isMet: false, value: 95 };
  return {
    reportedOn, totalHouseholds: 10, recognisedHouseholds: 9, poorHouseholds: poor, nearPoorHouseholds: 0, hasCulturalHouse: true,
    schoolAgeChildren: 6, childrenInSchool: 6, overview: "Xóm có 10 hộ.", commitments: "Giữ vững danh hiệu.", criteria,
  };
}

const header = (number: number, issuedOn: string, signerName: string) => ({
  number: String(number), symbol: "QĐ-UBND", issuedOn, signerAuthority: "", signerTitle: "Chủ tịch", signerName,
  legalBasis: "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\nXét Tờ trình của Ủy ban nhân dân xã.",
});

/** One year from registration to the Tờ trình: A meets every standard, B has too many poor households. */
async function runYear(year: number, comment: boolean) {
  const day = (m: number, d: number) => utcDate(year, m, d);
  await registerHamlet(w.actors.headA, year, w.hamletA.id, { registeredOn: day(2, 1) }, day(11, 10));
  await registerHamlet(w.actors.officer, year, w.hamletB.id, { registeredOn: day(2, 3) }, day(11, 10));
  await saveReport(w.actors.headA, year, w.hamletA.id, 1, report(day(11, 10)), day(11, 10));
  await saveReport(w.actors.officer, year, w.hamletB.id, 1, report(day(11, 10), 4), day(11, 10));
  const { id: councilId } = await saveCouncil(w.actors.officer, year, undefined, {
    meetingDate: day(11, 20), meetingPlace: "Hội trường UBND xã", chairName: "Ma Văn Quyết", secretaryName: "Hoàng Thị Thu Hà", membersTotal: 9, membersPresent: 8,
  });
  const votes = await saveVotes(w.actors.officer, councilId, 1, {
    votes: { [w.hamletA.id]: { votesFor: 8, votesAgainst: 0 }, [w.hamletB.id]: { votesFor: 7, votesAgainst: 1 } },
  });
  expect(votes).toEqual({ voted: 2, achieved: 1 });
  const { noticeEndsOn } = await postCouncilNotice(w.actors.officer, councilId, 2, { postedOn: day(11, 21), channel: "Trang thông tin điện tử của xã" }, day(11, 21));
  expect(noticeEndsOn).toEqual(day(12, 1));
  if (comment) {
    // A resident, not signed in, during the window; the officer answers it.
    const input = NoticeCommentInput.parse({ hamletId: w.hamletA.id, content: "Đề nghị xem lại việc giữ vệ sinh đường làng xóm A.", authorName: "", contact: "" });
    const { id } = await submitNoticeComment(councilId, input, "198.51.100.4", new Date(Date.UTC(year, 10, 25, 3)));
    await resolveComment(w.actors.officer, id, { outcome: "REJECTED", resolution: "Xóm đã tổng vệ sinh; giữ nguyên kết quả." });
  }
  const council = await db.councilReview.findUniqueOrThrow({ where: { id: councilId } });
  await proposeCouncil(w.actors.officer, councilId, council.version, ProposalInput.parse({ proposalNumber: "45", proposalDate: `${year}-12-02` }), day(12, 2));
  return councilId;
}

beforeEach(async () => {
  await resetDb();
  w = await makeWorld();
  // A commune of a district, so the rules in force are the district's until 30/6/2025 and the commune's after.
  await db.commune.update({ where: { id: w.commune.id }, data: { name: "Kim Phượng", district: "Định Hóa", province: "Thái Nguyên" } });
  for (let i = 0; i < 3; i++) await makeHousehold(w.hamletA);
});

describe("the hamlet title, two years end to end", () => {
  it("2024 decided by the district (recorded), 2025 by the commune (drafted, issued); streak 2, then a cancellation breaks it", async () => {
    await makeCampaignYear(w.commune.id, 2024);
    await makeCampaignYear(w.commune.id, 2025);

    // ---- 2024: the district chairman decides; the commune records the decision it received.
    const council2024 = await runYear(2024, true);
    const recorded = await createHamletDecision(w.actors.officer, 2024, "record", HamletDecisionInput.parse(header(3125, "2024-12-20", "Nguyễn Đức Minh")));
    expect(recorded).toMatchObject({ status: "ISSUED", awards: 1 });
    const d2024 = await db.decision.findUniqueOrThrow({ where: { id: recorded.id }, include: { hamletAwards: true } });
    expect(d2024).toMatchObject({
      subject: "HAMLET", kind: "AWARD", status: "ISSUED", issuer: "Ủy ban nhân dân huyện Định Hóa", authority: "Chủ tịch Ủy ban nhân dân huyện Định Hóa",
    });
    expect(d2024.hamletAwards.map((a) => a.hamletId)).toEqual([w.hamletA.id]);
    expect((await db.councilReview.findUniqueOrThrow({ where: { id: council2024 } })).status).toBe("DECIDED");
    // The commune may not draft its own decision for a date when the district decided.
    await expect(createHamletDecision(w.actors.officer, 2024, "draft", HamletDecisionInput.parse(header(7, "2024-12-21", "Ma Văn Quyết"))))
      .rejects.toMatchObject({ fieldErrors: { issuedOn: [expect.stringContaining("huyện")] } });

    // ---- 2025: after 1/7/2025 the commune chairman decides: the officer drafts, the leader issues.
    const council2025 = await runYear(2025, false);
    const draft = await createHamletDecision(w.actors.officer, 2025, "draft", HamletDecisionInput.parse(header(12, "2025-12-10", "Ma Văn Quyết")));
    expect(draft.status).toBe("DRAFT");
    await expect(issueDecision(w.actors.officer, draft.id, 1)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await issueDecision(w.actors.leader, draft.id, 1);
    const d2025 = await db.decision.findUniqueOrThrow({ where: { id: draft.id }, include: { hamletAwards: true } });
    expect(d2025).toMatchObject({ status: "ISSUED", issuer: "", authority: "Chủ tịch Ủy ban nhân dân xã Kim Phượng", approvedById: w.actors.leader.id });
    expect((await db.councilReview.findUniqueOrThrow({ where: { id: council2025 } })).decisionId).toBe(draft.id);

    const awards = await db.hamletAward.findMany({ where: { hamletId: w.hamletA.id } });
    expect(streakAt(awards, 2025)).toBe(2);
    expect(await db.hamletAward.count({ where: { hamletId: w.hamletB.id } })).toBe(0);

    // ---- A violation found later (ground d): the commune, competent on the cancellation's date, cancels 2024.
    const award2024 = awards.find((a) => a.year === 2024)!;
    const cancel = await createHamletCancellation(w.actors.officer, "draft", HamletCancellationInput.parse({
      ...header(40, "2026-03-02", "Ma Văn Quyết"), hamletAwardIds: [award2024.id], cancelGround: "D", cancelReason: "Kết luận thanh tra về số liệu năm 2024.",
    }));
    await issueDecision(w.actors.leader, cancel.id, 1);
    const after = await db.hamletAward.findMany({ where: { hamletId: w.hamletA.id } });
    expect(after.find((a) => a.year === 2024)).toMatchObject({ status: "CANCELLED", cancelDecisionId: cancel.id });
    expect(after).toHaveLength(2); // kept, never deleted
    expect(streakAt(after, 2025)).toBe(1);

    // Every step has its audit row, by the person who took it.
    const actions = (await db.auditLog.findMany({ where: { communeId: w.commune.id }, select: { action: true } })).map((a) => a.action);
    for (const action of [
      "hamletTitle.register", "hamletTitle.report.create", "council.meeting.create", "council.votes.save", "council.notice.post",
      "noticeComment.create", "council.comment.resolve", "council.propose", "decision.record", "decision.draft", "decision.issue",
    ]) expect(actions, action).toContain(action);
    expect(await db.auditLog.count({ where: { action: "noticeComment.create", actorId: null } })).toBe(1);
  });
});
