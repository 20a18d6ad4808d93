import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import { DECISION_MSG, DEFAULT_AWARD_LEGAL_BASIS, decisionReference } from "@/lib/decisions/labels";
import type { AwardDecisionInput } from "@/lib/decisions/schema";
import { createAwardDecision, issueDecision } from "@/lib/decisions/service";
import { buildDecision } from "@/lib/documents/decision";
import { renderDocx } from "@/lib/documents/decree30";
import { loadDecision, loadMinutes } from "@/lib/documents/loaders";
import type { Actor } from "@/lib/policy";
import { registerAll } from "@/lib/registration/service";
import { run } from "@/lib/result";
import { getAssessmentPage, getReviewHub } from "@/lib/review/queries";
import { CATEGORY_REASON, noticeOpenMessage } from "@/lib/review/rules";
import { REVIEW_MSG, type AssessmentInput, type MeetingInput } from "@/lib/review/schema";
import {
  acceptReview, assessRemaining, postNotice, recordObjection, resolveObjection, returnReview, saveAssessment, saveMeeting, submitReview,
} from "@/lib/review/service";
import { makeCampaignYear, type YearRow } from "../factories/cycle";
import { makeActor, makeCommune, makeHamlet, makeHousehold, resetDb, type HamletRow } from "../factories";

// One hamlet's whole 2024 "Gia đình văn hóa" cycle through the services, step by step on one database state:
// registration → meeting → assessments → notice → objection → submission → return → correction → acceptance →
// decision (drafted by two officers at once) → issue → awards, history, audit trail and the decision's Word file.
// Only the setup (commune, hamlets, households, a violation, users, the year) is written straight through Prisma.
// The steps share state and run in order.

const MEETING_DAY = utcDate(2024, 11, 10);
const POSTED = utcDate(2024, 11, 12);
const NOTICE_ENDS = utcDate(2024, 11, 22);
const RETURN_REASON = "Số phiếu tán thành của hộ Hoàng Văn An ghi chưa khớp biên bản, đề nghị xóm kiểm tra lại.";

const meeting: MeetingInput = {
  meetingDate: MEETING_DAY, meetingPlace: "Nhà văn hóa xóm Nà Làng", chairName: "Hoàng Văn Thắng", secretaryName: "Lò Thị Hoa",
  invitedCount: 20, presentCount: 15, ballotMethod: "SHOW_OF_HANDS",
};
const allMet = (votesFor: number, votesAgainst: number): AssessmentInput => ({ unmetCodes: [], exclusions: [], votesFor, votesAgainst });

function decisionInput(reviewId: string, number: number): AwardDecisionInput {
  return {
    number, symbol: "QĐ-UBND", issuedOn: utcDate(2024, 12, 5), signerAuthority: "", signerTitle: "CHỦ TỊCH", signerName: "Ma Văn Quyết",
    legalBasis: DEFAULT_AWARD_LEGAL_BASIS, reviewIds: [reviewId],
  };
}

type Household = Awaited<ReturnType<typeof makeHousehold>>;

let hamlet: HamletRow;
let year: YearRow;
let officer: Actor, officer2: Actor, leader: Actor, head: Actor, otherHead: Actor;
/** an: assessed alone, achieved (corrected after the return); binh: a standard unmet; cuong: objection upheld;
 *  dung, em: achieved in the bulk step; giang: a member's 2024 violation (E4). */
let hh: Record<"an" | "binh" | "cuong" | "dung" | "em" | "giang", Household>;
const ACHIEVED = () => [hh.an, hh.dung, hh.em];
const NOT_AWARDED = () => [hh.binh, hh.cuong, hh.giang];

let reviewId: string;
let anAssessmentId: string;
let objectionId: string;
let decisionId: string;

const review = () => db.hamletReview.findUniqueOrThrow({ where: { id: reviewId } });
const assessmentOf = (h: Household) => db.assessment.findFirstOrThrow({ where: { hamletReviewId: reviewId, householdId: h.id } });

/** Every table a refused write must leave alone. */
async function counts() {
  const [reviews, assessments, objections, events, registrations, decisions, awards, audits] = await Promise.all([
    db.hamletReview.count(), db.assessment.count(), db.objection.count(), db.reviewEvent.count(), db.registration.count(),
    db.decision.count(), db.titleAward.count(), db.auditLog.count(),
  ]);
  return { reviews, assessments, objections, events, registrations, decisions, awards, audits };
}

/** The text of each paragraph of word/document.xml. */
async function docxText(data: Parameters<typeof buildDecision>[0]): Promise<string> {
  const xml = strFromU8(unzipSync(new Uint8Array(await renderDocx(buildDecision(data))))["word/document.xml"]!);
  return xml
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .filter((p) => p !== "")
    .join("\n");
}

beforeAll(async () => {
  await resetDb();
  const commune = await makeCommune({ name: "Kim Phượng" });
  hamlet = await makeHamlet(commune.id, { name: "Nà Làng" });
  const otherHamlet = await makeHamlet(commune.id, { name: "Khuổi Pài" });
  hh = {
    an: await makeHousehold(hamlet, { headName: "Hoàng Văn An" }),
    binh: await makeHousehold(hamlet, { headName: "Lương Thị Bích" }),
    cuong: await makeHousehold(hamlet, { headName: "Nông Văn Cường" }),
    dung: await makeHousehold(hamlet, { headName: "Triệu Thị Dung" }),
    em: await makeHousehold(hamlet, { headName: "Ma Văn Em" }),
    giang: await makeHousehold(hamlet, { headName: "Đinh Văn Giang", members: [{ fullName: "Đinh Văn Hải", birthYear: 1999, relationship: "CHILD" }] }),
  };
  await makeHousehold(otherHamlet, { headName: "Lộc Thị Khánh" });
  const member = await db.householdMember.findFirstOrThrow({ where: { householdId: hh.giang.id, relationship: "CHILD" } });
  await db.violation.create({
    data: {
      communeId: commune.id, householdId: hh.giang.id, memberId: member.id, memberName: member.fullName, category: "E4",
      occurredOn: utcDate(2024, 5, 20), documentRef: "QĐ số 15/QĐ-XPHC ngày 20/5/2024",
    },
  });
  officer = await makeActor("OFFICER", { communeId: commune.id, fullName: "Vũ Thị Thanh" });
  officer2 = await makeActor("OFFICER", { communeId: commune.id, fullName: "Đặng Văn Hòa" });
  leader = await makeActor("LEADER", { communeId: commune.id, fullName: "Ma Văn Quyết" });
  head = await makeActor("HAMLET_HEAD", { communeId: commune.id, hamletId: hamlet.id, fullName: "Hoàng Văn Thắng" });
  otherHead = await makeActor("HAMLET_HEAD", { communeId: commune.id, hamletId: otherHamlet.id, fullName: "Lộc Văn Tài" });
  year = await makeCampaignYear(commune.id, 2024);
});

describe.sequential("one hamlet's 2024 cycle, through the services", () => {
  it("1. the hamlet head registers every household", async () => {
    expect(await registerAll(head, year.id, hamlet.id, { registeredOn: utcDate(2024, 3, 1) }, utcDate(2024, 3, 1))).toEqual({ count: 6 });
    expect(await db.registration.count({ where: { campaignYearId: year.id, hamletId: hamlet.id } })).toBe(6);
  });

  it("2. saves a quorate meeting", async () => {
    const saved = await saveMeeting(head, 2024, hamlet.id, undefined, meeting);
    expect(saved.isQuorate).toBe(true);
    reviewId = saved.id;
    expect(await review()).toMatchObject({
      status: "MEETING", isQuorate: true, totalHouseholds: 6, invitedCount: 20, presentCount: 15, ruleSetId: year.ruleSetId, criteriaSetId: year.criteriaSetId,
      quorumNote: expect.stringContaining("15/20"),
    });
  });

  it("3. assesses two households one by one, one with an unmet standard", async () => {
    const an = await saveAssessment(head, reviewId, hh.an.id, undefined, allMet(13, 1));
    anAssessmentId = an.id;
    await saveAssessment(head, reviewId, hh.binh.id, undefined, { unmetCodes: ["B3"], exclusions: [], votesFor: undefined, votesAgainst: undefined });
    expect(await assessmentOf(hh.an)).toMatchObject({ result: "ACHIEVED", meetingResult: "ACHIEVED", votesFor: 13, reason: null, version: 1 });
    expect(await assessmentOf(hh.binh)).toMatchObject({ result: "NOT_ACHIEVED", unmetCodes: ["B3"], reason: "Chưa đạt tiêu chí B3." });
  });

  it("4. another hamlet's head can neither read nor write this hamlet's meeting, and nothing is written", async () => {
    expect(await getReviewHub(otherHead, 2024, hamlet.id)).toBeNull();
    expect(await getAssessmentPage(otherHead, 2024, hamlet.id, hh.an.id)).toBeNull();
    expect(await loadMinutes(otherHead, reviewId)).toBeNull();
    const before = await counts();
    // Outside the actor's scope the hamlet and its review do not exist for them.
    const hidden = { code: "NOT_FOUND" };
    await expect(saveMeeting(otherHead, 2024, hamlet.id, 1, { ...meeting, presentCount: 16 })).rejects.toMatchObject(hidden);
    await expect(saveAssessment(otherHead, reviewId, hh.cuong.id, undefined, allMet(12, 0))).rejects.toMatchObject(hidden);
    await expect(saveAssessment(otherHead, reviewId, hh.an.id, 1, allMet(2, 0))).rejects.toMatchObject(hidden);
    await expect(assessRemaining(otherHead, reviewId, { votesFor: 12, votesAgainst: 0 })).rejects.toMatchObject(hidden);
    await expect(submitReview(otherHead, reviewId, utcDate(2024, 12, 1))).rejects.toMatchObject(hidden);
    expect(await counts()).toEqual(before);
    expect(await review()).toMatchObject({ status: "MEETING", presentCount: 15, version: 1 });
    expect(await assessmentOf(hh.an)).toMatchObject({ votesFor: 13, version: 1 });
  });

  it("5. records the remaining households at once; the household with a violation on record is EXCLUDED", async () => {
    expect(await assessRemaining(head, reviewId, { votesFor: 12, votesAgainst: 2 })).toEqual({ count: 4 });
    for (const h of [hh.cuong, hh.dung, hh.em]) expect(await assessmentOf(h)).toMatchObject({ result: "ACHIEVED", votesFor: 12, votesAgainst: 2 });
    expect(await assessmentOf(hh.giang)).toMatchObject({ result: "EXCLUDED", exclusions: ["E4"], reason: `Không xét: ${CATEGORY_REASON.E4}.` });
  });

  it("6. posts the notice on 12/11 for 10 days", async () => {
    expect(await postNotice(head, reviewId, { postedOn: POSTED, channel: "Bảng tin nhà văn hóa xóm" }, POSTED)).toEqual({ noticeEndsOn: NOTICE_ENDS });
    expect(await review()).toMatchObject({ status: "NOTICE", noticePostedOn: POSTED, noticeEndsOn: NOTICE_ENDS });
  });

  it("7. an objection upheld during the notice turns the household to NOT_ACHIEVED", async () => {
    ({ id: objectionId } = await recordObjection(head, reviewId, {
      householdId: hh.cuong.id, raisedBy: "Bà Triệu Thị Nga", content: "Hộ đổ rác thải ra suối đầu xóm.", receivedOn: utcDate(2024, 11, 15),
    }));
    await resolveObjection(head, objectionId, { outcome: "UPHELD", resolution: "Tổ hòa giải xác minh đúng.", resolvedOn: utcDate(2024, 11, 18) }, utcDate(2024, 11, 18));
    expect(await assessmentOf(hh.cuong)).toMatchObject({
      result: "NOT_ACHIEVED", meetingResult: "ACHIEVED", reason: REVIEW_MSG.upheld("Tổ hòa giải xác minh đúng."),
    });
    expect(await db.objection.findUniqueOrThrow({ where: { id: objectionId } })).toMatchObject({ outcome: "UPHELD", resolvedOn: utcDate(2024, 11, 18) });
  });

  it("8. submitting on the notice's last day is refused with the closing date; the next day it goes through", async () => {
    const before = await counts();
    await expect(submitReview(head, reviewId, NOTICE_ENDS)).rejects.toMatchObject({ code: "RULE_VIOLATION", message: noticeOpenMessage(NOTICE_ENDS) });
    expect(noticeOpenMessage(NOTICE_ENDS)).toContain("22/11/2024");
    expect(await counts()).toEqual(before);
    expect((await review()).status).toBe("NOTICE");

    await submitReview(head, reviewId, utcDate(2024, 11, 23));
    expect(await review()).toMatchObject({ status: "SUBMITTED", submittedAt: expect.any(Date) });
  });

  it("9. the officer returns it with a reason; the hamlet head corrects one assessment and resubmits", async () => {
    await returnReview(officer, reviewId, { reason: RETURN_REASON, householdId: hh.an.id });
    expect((await review()).status).toBe("RETURNED");
    const hub = await getReviewHub(head, 2024, hamlet.id);
    expect(hub!.lastReturn).toMatchObject({ reason: RETURN_REASON, householdId: hh.an.id, actorName: officer.fullName });

    const fixed = await saveAssessment(head, reviewId, hh.an.id, 1, allMet(14, 0));
    expect(fixed).toMatchObject({ id: anAssessmentId, version: 2 });
    expect(await assessmentOf(hh.an)).toMatchObject({ result: "ACHIEVED", votesFor: 14, votesAgainst: 0, version: 2 });
    expect((await review()).status).toBe("RETURNED");
    await submitReview(head, reviewId, utcDate(2024, 11, 25));
    expect((await review()).status).toBe("SUBMITTED");
  });

  it("10. the officer accepts", async () => {
    await acceptReview(officer, reviewId);
    expect(await review()).toMatchObject({ status: "ACCEPTED", acceptedAt: expect.any(Date), decisionId: null });
  });

  it("11. two officers drafting a decision for the dossier at the same time: exactly one decision holds it", async () => {
    const results = await Promise.all([
      run(() => createAwardDecision(officer, 2024, decisionInput(reviewId, 5))),
      run(() => createAwardDecision(officer2, 2024, decisionInput(reviewId, 6))),
    ]);
    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toEqual([expect.objectContaining({ ok: false, code: "CONFLICT", message: DECISION_MSG.reviewTaken([hamlet.name]) })]);
    const decisions = await db.decision.findMany();
    expect(decisions).toHaveLength(1);
    decisionId = decisions[0]!.id;
    expect(won[0]).toMatchObject({ ok: true, data: { id: decisionId } });
    expect(decisions[0]).toMatchObject({ status: "DRAFT", kind: "AWARD", campaignYearId: year.id });
    expect(await review()).toMatchObject({ status: "ACCEPTED", decisionId });
    expect(await db.auditLog.count({ where: { action: "decision.draft" } })).toBe(1);
  });

  it("12. the leader issues: awards exist for exactly the ACHIEVED households and the dossier is DECIDED", async () => {
    expect(await issueDecision(leader, decisionId, 1)).toMatchObject({ id: decisionId, awards: 3, cancelled: 0 });
    expect(await db.decision.findUniqueOrThrow({ where: { id: decisionId } })).toMatchObject({ status: "ISSUED", approvedById: leader.id });
    expect(await review()).toMatchObject({ status: "DECIDED", decisionId });

    const awards = await db.titleAward.findMany({ include: { household: { select: { headName: true } } } });
    expect(awards.map((a) => a.household.headName).sort()).toEqual(ACHIEVED().map((h) => h.headName).sort());
    const achieved = await db.assessment.findMany({ where: { hamletReviewId: reviewId, result: "ACHIEVED" } });
    expect(achieved.map((a) => a.householdId).sort()).toEqual(ACHIEVED().map((h) => h.id).sort());
    for (const a of awards) {
      const assessment = achieved.find((x) => x.householdId === a.householdId)!;
      expect(a).toMatchObject({
        year: 2024, status: "ACTIVE", decisionId, campaignYearId: year.id, hamletId: hamlet.id, assessmentId: assessment.id, votesFor: assessment.votesFor,
      });
    }
    expect(awards.find((a) => a.householdId === hh.an.id)!.votesFor).toBe(14);
  });

  it("13. every later write on the decided dossier is refused and writes nothing", async () => {
    const before = await counts();
    const locked = { code: "RULE_VIOLATION", message: expect.stringContaining("đã khóa") };
    await expect(saveAssessment(head, reviewId, hh.an.id, 2, allMet(15, 0))).rejects.toMatchObject(locked);
    await expect(saveAssessment(head, reviewId, hh.binh.id, 1, allMet(12, 0))).rejects.toMatchObject(locked);
    await expect(submitReview(head, reviewId, utcDate(2024, 12, 10))).rejects.toMatchObject(locked);
    await expect(returnReview(officer, reviewId, { reason: "Trả lại sau khi đã có quyết định." })).rejects.toMatchObject(locked);
    expect(await counts()).toEqual(before);
    expect(await review()).toMatchObject({ status: "DECIDED" });
    expect(await assessmentOf(hh.an)).toMatchObject({ votesFor: 14, version: 2 });
  });

  it("14. the dossier's history lists every step in order, with who did it and the return reason", async () => {
    const decision = await db.decision.findUniqueOrThrow({ where: { id: decisionId } });
    const events = await db.reviewEvent.findMany({ where: { hamletReviewId: reviewId }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.kind, e.actorName, e.reason])).toEqual([
      ["MEETING_OPENED", head.fullName, null],
      ["NOTICE_POSTED", head.fullName, null],
      ["SUBMITTED", head.fullName, null],
      ["RETURNED", officer.fullName, RETURN_REASON],
      ["SUBMITTED", head.fullName, null],
      ["ACCEPTED", officer.fullName, null],
      ["DECIDED", leader.fullName, `Quyết định ${decisionReference(decision)}`],
    ]);
    expect(events[3]).toMatchObject({ actorId: officer.id, householdId: hh.an.id });
  });

  it("15. there is one audit row for every write, by its actor, and none for the refused ones", async () => {
    // Reads leave audit rows too when they show a violation record or an exclusion reason ("violation.view"): the
    // hamlet head opened the hub with an excluded household on it (step 9). They are not writes.
    const all = await db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(all.filter((r) => r.action === "violation.view").map((r) => [r.actorId, r.entityType, r.after])).toEqual([[head.id, "Household", { viewedOn: "reviewHub" }]]);
    const rows = all.filter((r) => r.action !== "violation.view");
    // Whichever officer won the race drafted the decision.
    const { draftedById } = await db.decision.findUniqueOrThrow({ where: { id: decisionId } });
    expect([officer.id, officer2.id]).toContain(draftedById);
    expect(rows.map((r) => [r.action, r.actorId, r.entityId])).toEqual([
      ["registration.registerAll", head.id, hamlet.id],
      ["review.meeting.create", head.id, reviewId],
      ["review.assessment.create", head.id, anAssessmentId],
      ["review.assessment.create", head.id, (await assessmentOf(hh.binh)).id],
      ["review.assessment.bulk", head.id, reviewId],
      ["review.notice.post", head.id, reviewId],
      ["review.objection.create", head.id, objectionId],
      ["review.objection.resolve", head.id, objectionId],
      ["review.submit", head.id, reviewId],
      ["review.return", officer.id, reviewId],
      ["review.assessment.update", head.id, anAssessmentId],
      ["review.submit", head.id, reviewId],
      ["review.accept", officer.id, reviewId],
      ["decision.draft", draftedById, decisionId],
      ["decision.issue", leader.id, decisionId],
    ]);
    expect(rows.find((r) => r.action === "review.return")!.after).toMatchObject({ reason: RETURN_REASON, householdId: hh.an.id });
    expect(rows.find((r) => r.action === "review.assessment.update")!.before).toMatchObject({ votesFor: 13 });
    expect(rows.find((r) => r.action === "review.assessment.update")!.after).toMatchObject({ votesFor: 14, result: "ACHIEVED" });
  });

  it("16. the decision's Word file lists the ACHIEVED households and none of the others", async () => {
    const data = await loadDecision(officer, decisionId);
    expect(data).toMatchObject({ kind: "AWARD", status: "ISSUED", year: 2024 });
    expect(data!.households.map((h) => h.headName).sort()).toEqual(ACHIEVED().map((h) => h.headName).sort());
    const text = await docxText(data!);
    for (const h of ACHIEVED()) expect(text).toContain(h.headName);
    for (const h of NOT_AWARDED()) expect(text).not.toContain(h.headName);
    expect(text).toContain("cho 3 hộ gia đình");
  });
});
