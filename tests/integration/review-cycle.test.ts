import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import { MSG } from "@/lib/result";
import { getAssessmentPage, getReviewHub, listHamletReviews } from "@/lib/review/queries";
import { CATEGORY_REASON, PUBLIC_NOT_ELIGIBLE, noticeOpenMessage, reviewRefusal } from "@/lib/review/rules";
import { REVIEW_MSG, type AssessmentInput, type MeetingInput } from "@/lib/review/schema";
import {
  acceptReview, assessRemaining, postNotice, recordObjection, reopenMeeting, resolveObjection, returnReview, saveAssessment, saveMeeting,
  submitReview,
} from "@/lib/review/service";
import { makeCampaignYear } from "../factories/cycle";
import { makeActor, makeHousehold, makeWorld, resetDb, type World } from "../factories";

// The hamlet review end to end through the services: meeting, assessments, notice, objections, submission and the
// officer's verification, against the real database.

let w: World;
type HouseholdRow = Awaited<ReturnType<typeof makeHousehold>>;
let households: HouseholdRow[];

const MEETING_DAY = utcDate(2024, 11, 10);
const POSTED = utcDate(2024, 11, 12);
const ENDS = utcDate(2024, 11, 22);

function meeting(over: Partial<MeetingInput> = {}): MeetingInput {
  return {
    meetingDate: MEETING_DAY, meetingPlace: "Nhà văn hóa xóm", chairName: "Nguyễn Văn Chủ", secretaryName: "Lê Thị Thư",
    invitedCount: 20, presentCount: 15, ballotMethod: "SHOW_OF_HANDS", ...over,
  };
}

const allMet = (votesFor = 12, votesAgainst = 1): AssessmentInput => ({ unmetCodes: [], exclusions: [], votesFor, votesAgainst });

async function reviewRow(id: string) {
  return db.hamletReview.findUniqueOrThrow({ where: { id } });
}

/** Counts of every table a refused review write must leave alone. */
async function reviewCounts() {
  const [reviews, assessments, objections, events, audits] = await Promise.all([
    db.hamletReview.count(), db.assessment.count(), db.objection.count(), db.reviewEvent.count(), db.auditLog.count(),
  ]);
  return { reviews, assessments, objections, events, audits };
}

/** A review whose every household is assessed ACHIEVED, optionally posted. */
async function assessedReview(options: { post?: boolean } = {}) {
  const { id } = await saveMeeting(w.actors.headA, 2024, w.hamletA.id, undefined, meeting());
  for (const h of households) await saveAssessment(w.actors.headA, id, h.id, undefined, allMet());
  if (options.post) await postNotice(w.actors.headA, id, { postedOn: POSTED, channel: "Bảng tin nhà văn hóa xóm" }, POSTED);
  return id;
}

async function submitted() {
  const id = await assessedReview({ post: true });
  await submitReview(w.actors.headA, id, utcDate(2024, 11, 23));
  return id;
}

beforeEach(async () => {
  await resetDb();
  w = await makeWorld();
  await makeCampaignYear(w.commune.id, 2024);
  households = [
    await makeHousehold(w.hamletA, { headName: "Đỗ Văn Bình" }),
    await makeHousehold(w.hamletA, { headName: "Nguyễn Văn An" }),
    await makeHousehold(w.hamletA, { headName: "Ân Thị Cúc" }),
  ];
  await makeHousehold(w.hamletA, { headName: "Hộ Đã Chuyển", status: "MOVED_OUT" });
});

describe("the meeting", () => {
  it("creates the review with the year's sets, the roll's size and a quorum note; an event and an audit row", async () => {
    const { id, isQuorate } = await saveMeeting(w.actors.headA, 2024, w.hamletA.id, undefined, meeting());
    expect(isQuorate).toBe(true);
    const year = await db.campaignYear.findFirstOrThrow({ where: { communeId: w.commune.id, year: 2024 } });
    expect(await reviewRow(id)).toMatchObject({
      status: "MEETING", totalHouseholds: 3, isQuorate: true, ruleSetId: year.ruleSetId, criteriaSetId: year.criteriaSetId, version: 1,
      quorumNote: expect.stringContaining("15/20"),
    });
    expect(await db.reviewEvent.findMany({ where: { hamletReviewId: id } })).toEqual([
      expect.objectContaining({ kind: "MEETING_OPENED", actorId: w.actors.headA.id, actorName: w.actors.headA.fullName }),
    ]);
    expect(await db.auditLog.count({ where: { action: "review.meeting.create", entityId: id } })).toBe(1);
  });

  it("10 of 20 present is inquorate under > 50 %: saved, noted, and assessments are refused", async () => {
    const { id, isQuorate } = await saveMeeting(w.actors.headA, 2024, w.hamletA.id, undefined, meeting({ presentCount: 10 }));
    expect(isQuorate).toBe(false);
    expect((await reviewRow(id)).quorumNote).toContain("không đủ điều kiện");
    const before = await reviewCounts();
    await expect(saveAssessment(w.actors.headA, id, households[0]!.id, undefined, allMet(8))).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: REVIEW_MSG.inquorate,
    });
    await expect(assessRemaining(w.actors.headA, id, { votesFor: 8 })).rejects.toMatchObject({ message: REVIEW_MSG.inquorate });
    expect(await reviewCounts()).toEqual(before);
  });

  it("10 of 20 present is quorate when the year's rule says ≥ 50 %", async () => {
    await makeCampaignYear(w.commune.id, 2025, { quorumOp: "GTE" });
    const { isQuorate } = await saveMeeting(w.actors.headA, 2025, w.hamletA.id, undefined, meeting({ meetingDate: utcDate(2025, 11, 10), presentCount: 10 }));
    expect(isQuorate).toBe(true);
  });

  it("refuses a meeting date outside the campaign year at the field", async () => {
    await expect(saveMeeting(w.actors.headA, 2024, w.hamletA.id, undefined, meeting({ meetingDate: utcDate(2025, 1, 2) }))).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { meetingDate: [expect.stringContaining("năm thi đua 2024")] },
    });
    expect(await db.hamletReview.count()).toBe(0);
  });

  it("re-saving the header recomputes every result with the new counts, checks the version, and refuses what no longer fits", async () => {
    const { id } = await saveMeeting(w.actors.headA, 2024, w.hamletA.id, undefined, meeting());
    await saveAssessment(w.actors.headA, id, households[0]!.id, undefined, allMet(8, 2));
    expect((await db.assessment.findFirstOrThrow({ where: { householdId: households[0]!.id } })).result).toBe("ACHIEVED"); // 8/15
    // 8 of 17 present is not more than half.
    await saveMeeting(w.actors.headA, 2024, w.hamletA.id, 1, meeting({ presentCount: 17 }));
    expect(await db.assessment.findFirstOrThrow({ where: { householdId: households[0]!.id } })).toMatchObject({
      result: "NOT_ACHIEVED", meetingResult: "NOT_ACHIEVED", reason: expect.stringContaining("8/17"), version: 2,
    });
    expect((await reviewRow(id)).version).toBe(2);
    // A stale version is refused.
    await expect(saveMeeting(w.actors.headA, 2024, w.hamletA.id, 1, meeting())).rejects.toMatchObject({ code: "CONFLICT", message: MSG.stale });
    // A vote above the new present count, or an inquorate meeting while results exist, is refused at presentCount.
    await expect(saveMeeting(w.actors.headA, 2024, w.hamletA.id, 2, meeting({ presentCount: 11 }))).resolves.toBeTruthy();
    await expect(saveMeeting(w.actors.headA, 2024, w.hamletA.id, 3, meeting({ invitedCount: 9, presentCount: 7 }))).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { presentCount: [expect.stringContaining(households[0]!.headName)] },
    });
    await expect(saveMeeting(w.actors.headA, 2024, w.hamletA.id, 3, meeting({ presentCount: 10 }))).rejects.toMatchObject({
      fieldErrors: { presentCount: [REVIEW_MSG.inquorateWithResults(1)] },
    });
    expect((await reviewRow(id)).presentCount).toBe(11);
  });
});

describe("the meeting: recomputing and refusals", () => {
  it("re-saving the header writes only the results that change, and audits how many changed", async () => {
    const { id } = await saveMeeting(w.actors.headA, 2024, w.hamletA.id, undefined, meeting());
    const [low, high, unmet] = households as [HouseholdRow, HouseholdRow, HouseholdRow];
    await saveAssessment(w.actors.headA, id, low.id, undefined, allMet(8, 0)); // 8/15 passes
    await saveAssessment(w.actors.headA, id, high.id, undefined, allMet(12, 0));
    await saveAssessment(w.actors.headA, id, unmet.id, undefined, { unmetCodes: ["B3"], exclusions: [], votesFor: undefined, votesAgainst: undefined });
    const stateOf = async () => Object.fromEntries((await db.assessment.findMany({ where: { hamletReviewId: id } })).map((a) => [a.householdId, [a.result, a.version]]));
    const lastUpdate = async () => (await db.auditLog.findFirstOrThrow({ where: { action: "review.meeting.update", entityId: id }, orderBy: { id: "desc" } })).after;

    // Only the place changes: no result moves, so no assessment is rewritten (an open household form stays valid).
    await saveMeeting(w.actors.headA, 2024, w.hamletA.id, 1, meeting({ meetingPlace: "Nhà ông Chủ" }));
    expect(await stateOf()).toEqual({ [low.id]: ["ACHIEVED", 1], [high.id]: ["ACHIEVED", 1], [unmet.id]: ["NOT_ACHIEVED", 1] });
    expect(await lastUpdate()).toMatchObject({ meetingPlace: "Nhà ông Chủ", resultsChanged: 0 });

    // 17 present: 8/17 no longer passes; 12/17 and the household with an unmet item keep their result.
    await saveMeeting(w.actors.headA, 2024, w.hamletA.id, 2, meeting({ presentCount: 17 }));
    expect(await stateOf()).toEqual({ [low.id]: ["NOT_ACHIEVED", 2], [high.id]: ["ACHIEVED", 1], [unmet.id]: ["NOT_ACHIEVED", 1] });
    expect(await lastUpdate()).toMatchObject({ presentCount: 17, resultsChanged: 1 });
  });

  it("a year that is not a whole number is not found, and nothing is written", async () => {
    const before = await reviewCounts();
    for (const year of [Number.NaN, 2024.5, "2024" as unknown as number]) {
      await expect(saveMeeting(w.actors.headA, year, w.hamletA.id, undefined, meeting())).rejects.toMatchObject({ code: "NOT_FOUND", message: REVIEW_MSG.noYear });
    }
    expect(await reviewCounts()).toEqual(before);
  });

  it("a header saved between reading the review and locking it makes the assessment stale instead of counting it with the old attendance", async () => {
    const { id } = await saveMeeting(w.actors.headA, 2024, w.hamletA.id, undefined, meeting());
    let lockTaken!: () => void;
    let release!: () => void;
    const taken = new Promise<void>((resolve) => { lockTaken = resolve; });
    const gate = new Promise<void>((resolve) => { release = resolve; });
    // Another request holds the review's row and turns the meeting inquorate (as saveMeeting does).
    const header = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "HamletReview" WHERE id = ${id}::uuid FOR UPDATE`;
      lockTaken();
      await gate;
      await tx.hamletReview.update({ where: { id }, data: { presentCount: 10, isQuorate: false, version: { increment: 1 } } });
    }, { timeout: 20_000 });
    await taken;
    const saving = saveAssessment(w.actors.headA, id, households[0]!.id, undefined, allMet(8)).then(() => "saved", (error: unknown) => error);
    // saveAssessment has read the review (quorate, 15 present) once it waits for the row lock.
    const waiting = async () => (await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)[0]!.n;
    for (let i = 0; i < 200 && (await waiting()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    release();
    await header;
    expect(await saving).toMatchObject({ code: "CONFLICT", message: MSG.stale });
    expect(await db.assessment.count({ where: { hamletReviewId: id } })).toBe(0);
  });
});

describe("assessments", () => {
  it("stores what the server computes, with the versions used, and points at the next household without a result", async () => {
    const { id } = await saveMeeting(w.actors.headA, 2024, w.hamletA.id, undefined, meeting());
    // Roll order by Vietnamese collation: Ân Thị Cúc, Đỗ Văn Bình, Nguyễn Văn An.
    const saved = await saveAssessment(w.actors.headA, id, households[2]!.id, undefined, { unmetCodes: ["B3"], exclusions: [], votesFor: undefined, votesAgainst: undefined });
    expect(saved.nextHouseholdId).toBe(households[0]!.id);
    const row = await db.assessment.findUniqueOrThrow({ where: { id: saved.id } });
    const review = await reviewRow(id);
    expect(row).toMatchObject({
      result: "NOT_ACHIEVED", meetingResult: "NOT_ACHIEVED", unmetCodes: ["B3"], reason: "Chưa đạt tiêu chí B3.",
      ruleSetId: review.ruleSetId, criteriaSetId: review.criteriaSetId, updatedById: w.actors.headA.id, version: 1,
    });
    await expect(saveAssessment(w.actors.headA, id, households[2]!.id, undefined, allMet())).rejects.toMatchObject({ code: "CONFLICT" });
    await saveAssessment(w.actors.headA, id, households[2]!.id, 1, allMet());
    expect(await db.assessment.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({ result: "ACHIEVED", reason: null, version: 2 });
    expect(await db.auditLog.count({ where: { entityId: saved.id, action: { in: ["review.assessment.create", "review.assessment.update"] } } })).toBe(2);
  });

  it("refuses votes above those present at the field and writes nothing", async () => {
    const { id } = await saveMeeting(w.actors.headA, 2024, w.hamletA.id, undefined, meeting());
    const before = await reviewCounts();
    await expect(saveAssessment(w.actors.headA, id, households[0]!.id, undefined, allMet(16, 0))).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { votesFor: [expect.stringContaining("(15)")] },
    });
    await expect(saveAssessment(w.actors.headA, id, households[0]!.id, undefined, allMet(10, 6))).rejects.toMatchObject({
      fieldErrors: { votesAgainst: [expect.stringContaining("vượt số người có mặt")] },
    });
    await expect(saveAssessment(w.actors.headA, id, households[0]!.id, undefined, { ...allMet(), votesFor: undefined })).rejects.toMatchObject({
      fieldErrors: { votesFor: [expect.any(String)] },
    });
    expect(await reviewCounts()).toEqual(before);
  });

  it("a violation inside the look-back window excludes the household; one before it does not", async () => {
    const [inside, outside] = [households[0]!, households[1]!];
    await db.violation.create({ data: { communeId: w.commune.id, householdId: inside.id, memberName: inside.headName, category: "E4", occurredOn: utcDate(2024, 3, 5), documentRef: "QĐ 12/QĐ-XPHC" } });
    await db.violation.create({ data: { communeId: w.commune.id, householdId: outside.id, memberName: outside.headName, category: "E1", occurredOn: utcDate(2023, 12, 31), documentRef: "QĐ 3/2023" } });
    const { id } = await saveMeeting(w.actors.headA, 2024, w.hamletA.id, undefined, meeting());
    // The browser did not tick E4: the record on file still counts.
    await saveAssessment(w.actors.headA, id, inside.id, undefined, allMet());
    await saveAssessment(w.actors.headA, id, outside.id, undefined, allMet());
    expect(await db.assessment.findFirstOrThrow({ where: { householdId: inside.id } })).toMatchObject({
      result: "EXCLUDED", exclusions: ["E4"], reason: `Không xét: ${CATEGORY_REASON.E4}.`,
    });
    expect(await db.assessment.findFirstOrThrow({ where: { householdId: outside.id } })).toMatchObject({ result: "ACHIEVED", exclusions: [] });

    // The reason is for violation.read roles; the committee reads "Không đủ điều kiện".
    const forCommittee = await getReviewHub(w.actors.committee, 2024, w.hamletA.id);
    expect(forCommittee!.households.find((h) => h.id === inside.id)!.reason).toBe(PUBLIC_NOT_ELIGIBLE);
    const forLeader = await getReviewHub(w.actors.leader, 2024, w.hamletA.id);
    expect(forLeader!.households.find((h) => h.id === inside.id)!.reason).toContain("E4");
    const page = await getAssessmentPage(w.actors.committee, 2024, w.hamletA.id, inside.id);
    expect(page && "violations" in page ? page.violations : null).toEqual([]);
  });

  it("with a two-year look-back, last year's violation counts", async () => {
    const year = await makeCampaignYear(w.commune.id, 2025, { lookbackYears: 2 });
    expect(year.year).toBe(2025);
    await db.violation.create({ data: { communeId: w.commune.id, householdId: households[1]!.id, memberName: "X", category: "E2", occurredOn: utcDate(2024, 6, 1), documentRef: "QĐ" } });
    const { id } = await saveMeeting(w.actors.headA, 2025, w.hamletA.id, undefined, meeting({ meetingDate: utcDate(2025, 11, 1) }));
    await saveAssessment(w.actors.headA, id, households[1]!.id, undefined, allMet());
    expect((await db.assessment.findFirstOrThrow({ where: { hamletReviewId: id } })).result).toBe("EXCLUDED");
  });

  it("a year that requires registration excludes a household that did not register", async () => {
    const year = await makeCampaignYear(w.commune.id, 2025, { registrationRequired: true });
    await db.registration.create({ data: { communeId: w.commune.id, campaignYearId: year.id, householdId: households[0]!.id, hamletId: w.hamletA.id, registeredOn: utcDate(2025, 2, 1) } });
    const { id } = await saveMeeting(w.actors.headA, 2025, w.hamletA.id, undefined, meeting({ meetingDate: utcDate(2025, 11, 10) }));
    await saveAssessment(w.actors.headA, id, households[0]!.id, undefined, allMet());
    // No vote needed for a household that cannot be proposed.
    await saveAssessment(w.actors.headA, id, households[1]!.id, undefined, { ...allMet(), votesFor: undefined });
    expect((await db.assessment.findFirstOrThrow({ where: { householdId: households[0]!.id } })).result).toBe("ACHIEVED");
    expect(await db.assessment.findFirstOrThrow({ where: { householdId: households[1]!.id } })).toMatchObject({
      result: "EXCLUDED", reason: REVIEW_MSG.notRegistered,
    });
  });

  it("records the remaining households in one go: votes checked once, exclusions on record applied, one audit row", async () => {
    await db.violation.create({ data: { communeId: w.commune.id, householdId: households[2]!.id, memberName: "Y", category: "E3", occurredOn: utcDate(2024, 8, 8), documentRef: "QĐ" } });
    const { id } = await saveMeeting(w.actors.headA, 2024, w.hamletA.id, undefined, meeting());
    await saveAssessment(w.actors.headA, id, households[0]!.id, undefined, { unmetCodes: ["A1"], exclusions: [], votesFor: undefined, votesAgainst: undefined });
    await expect(assessRemaining(w.actors.headA, id, { votesFor: 16 })).rejects.toMatchObject({ fieldErrors: { votesFor: [expect.any(String)] } });
    expect(await assessRemaining(w.actors.headA, id, { votesFor: 14, votesAgainst: 1 })).toEqual({ count: 2 });
    const rows = await db.assessment.findMany({ where: { hamletReviewId: id }, include: { household: { select: { headName: true } } } });
    expect(Object.fromEntries(rows.map((r) => [r.household.headName, r.result]))).toEqual({
      "Đỗ Văn Bình": "NOT_ACHIEVED", "Nguyễn Văn An": "ACHIEVED", "Ân Thị Cúc": "EXCLUDED",
    });
    expect(rows.find((r) => r.householdId === households[1]!.id)).toMatchObject({ votesFor: 14, votesAgainst: 1, unmetCodes: [] });
    expect(await db.auditLog.findMany({ where: { action: "review.assessment.bulk" } })).toEqual([
      expect.objectContaining({ entityId: id, after: expect.objectContaining({ count: 2, achieved: 1, excluded: 1 }) }),
    ]);
    await expect(assessRemaining(w.actors.headA, id, { votesFor: 14 })).rejects.toMatchObject({ message: REVIEW_MSG.nothingRemaining });
    const hub = await getReviewHub(w.actors.headA, 2024, w.hamletA.id);
    expect(hub!.counts).toMatchObject({ active: 3, assessedActive: 3, achieved: 1, notAchieved: 1, excluded: 1 });
    expect(hub!.firstUnassessedId).toBeNull();
  });
});

describe("the household page and the ballot method", () => {
  it("gives the checklist, the recorded exclusions and the neighbours in roll order", async () => {
    await db.violation.create({ data: { communeId: w.commune.id, householdId: households[0]!.id, memberName: "Z", category: "E1", occurredOn: utcDate(2024, 4, 4), documentRef: "QĐ 7" } });
    const { id } = await saveMeeting(w.actors.headA, 2024, w.hamletA.id, undefined, meeting());
    const page = await getAssessmentPage(w.actors.headA, 2024, w.hamletA.id, households[0]!.id);
    if (!page || !page.review || !("criteria" in page)) throw new Error("no page");
    expect(page.review.id).toBe(id);
    expect(page.recordedExclusions).toEqual(["E1"]);
    expect(page.violations).toEqual([expect.objectContaining({ category: "E1", documentRef: "QĐ 7" })]);
    expect(page.criteria.filter((c) => c.kind === "STANDARD").length).toBeGreaterThan(10);
    // Ân Thị Cúc, Đỗ Văn Bình, Nguyễn Văn An
    expect([page.prevId, page.nextId, page.position, page.rollSize]).toEqual([households[2]!.id, households[1]!.id, 2, 3]);
    expect(page.nextUnassessedId).toBe(households[1]!.id);
  });

  it("switching to consensus drops the votes; switching back while results lack votes is refused at the method", async () => {
    const { id } = await saveMeeting(w.actors.headA, 2024, w.hamletA.id, undefined, meeting());
    await saveAssessment(w.actors.headA, id, households[0]!.id, undefined, allMet(12, 1));
    await saveMeeting(w.actors.headA, 2024, w.hamletA.id, 1, meeting({ ballotMethod: "CONSENSUS" }));
    expect(await db.assessment.findFirstOrThrow({ where: { hamletReviewId: id } })).toMatchObject({ votesFor: null, votesAgainst: null, result: "ACHIEVED" });
    await expect(saveMeeting(w.actors.headA, 2024, w.hamletA.id, 2, meeting())).rejects.toMatchObject({
      fieldErrors: { ballotMethod: [expect.stringContaining(households[0]!.headName)] },
    });
  });
});

describe("notice and objections", () => {
  it("refuses the notice while households are missing, saying how many", async () => {
    const { id } = await saveMeeting(w.actors.headA, 2024, w.hamletA.id, undefined, meeting());
    await saveAssessment(w.actors.headA, id, households[0]!.id, undefined, allMet());
    await expect(postNotice(w.actors.headA, id, { postedOn: POSTED, channel: "Bảng tin" }, POSTED)).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: REVIEW_MSG.missing(2),
    });
    expect((await reviewRow(id)).status).toBe("MEETING");
  });

  it("posts the notice with the window, refuses dates in the future or before the meeting, and reopens", async () => {
    const id = await assessedReview();
    await expect(postNotice(w.actors.headA, id, { postedOn: utcDate(2024, 11, 13), channel: "Bảng tin" }, POSTED)).rejects.toMatchObject({
      fieldErrors: { postedOn: [expect.stringContaining("sau ngày hôm nay")] },
    });
    await expect(postNotice(w.actors.headA, id, { postedOn: utcDate(2024, 11, 9), channel: "Bảng tin" }, POSTED)).rejects.toMatchObject({
      fieldErrors: { postedOn: [expect.stringContaining("trước ngày họp")] },
    });
    expect(await postNotice(w.actors.headA, id, { postedOn: POSTED, channel: "Bảng tin" }, POSTED)).toEqual({ noticeEndsOn: ENDS });
    expect(await reviewRow(id)).toMatchObject({ status: "NOTICE", noticePostedOn: POSTED, noticeEndsOn: ENDS, noticeChannel: "Bảng tin" });
    // Editing is closed while posted.
    await expect(saveAssessment(w.actors.headA, id, households[0]!.id, 1, allMet(3))).rejects.toMatchObject({ code: "RULE_VIOLATION" });
    await reopenMeeting(w.actors.headA, id, { reason: "Sửa số phiếu" });
    expect(await reviewRow(id)).toMatchObject({ status: "MEETING", noticePostedOn: null, noticeEndsOn: null, noticeChannel: null });
    expect((await db.reviewEvent.findMany({ where: { hamletReviewId: id }, orderBy: { createdAt: "asc" } })).map((e) => e.kind)).toEqual([
      "MEETING_OPENED", "NOTICE_POSTED", "MEETING_REOPENED",
    ]);
  });

  it("refuses an objection received after today at the field, even inside the notice window", async () => {
    const id = await assessedReview({ post: true });
    const before = await reviewCounts();
    await expect(recordObjection(w.actors.headA, id, { householdId: households[0]!.id, raisedBy: "Bà Hoa", content: "Ý kiến", receivedOn: utcDate(2024, 11, 20) }, utcDate(2024, 11, 14)))
      .rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { receivedOn: [REVIEW_MSG.receivedInFuture(utcDate(2024, 11, 14))] } });
    expect(REVIEW_MSG.receivedInFuture(utcDate(2024, 11, 14))).toBe("Ngày nhận ý kiến không được sau ngày hôm nay (14/11/2024).");
    expect(await reviewCounts()).toEqual(before);
    await expect(recordObjection(w.actors.headA, id, { householdId: households[0]!.id, raisedBy: "Bà Hoa", content: "Ý kiến", receivedOn: utcDate(2024, 11, 14) }, utcDate(2024, 11, 14)))
      .resolves.toMatchObject({ id: expect.any(String) });
  });

  it("an upheld objection turns the household to NOT_ACHIEVED and keeps the meeting's result", async () => {
    const id = await assessedReview({ post: true });
    const target = households[1]!;
    await expect(recordObjection(w.actors.headA, id, { householdId: target.id, raisedBy: "Bà Hoa", content: "Hộ vi phạm vệ sinh", receivedOn: utcDate(2024, 11, 23) }))
      .rejects.toMatchObject({ fieldErrors: { receivedOn: [expect.stringContaining("22/11/2024")] } });
    const { id: objectionId } = await recordObjection(w.actors.headA, id, { householdId: target.id, raisedBy: "Bà Hoa", content: "Hộ vi phạm vệ sinh", receivedOn: utcDate(2024, 11, 14) });
    await resolveObjection(w.actors.headA, objectionId, { outcome: "UPHELD", resolution: "Xác minh đúng", resolvedOn: utcDate(2024, 11, 16) }, utcDate(2024, 11, 16));
    expect(await db.assessment.findFirstOrThrow({ where: { householdId: target.id } })).toMatchObject({
      result: "NOT_ACHIEVED", meetingResult: "ACHIEVED", reason: "Ý kiến phản ánh được chấp nhận: Xác minh đúng",
    });
    await expect(resolveObjection(w.actors.headA, objectionId, { outcome: "REJECTED", resolution: "x", resolvedOn: utcDate(2024, 11, 16) }, utcDate(2024, 11, 16)))
      .rejects.toMatchObject({ message: REVIEW_MSG.objectionResolved });
    expect(await db.auditLog.count({ where: { entityId: objectionId } })).toBe(2);
  });
});

describe("submission and verification", () => {
  it("refuses to submit while the notice is open, naming the date", async () => {
    const id = await assessedReview({ post: true });
    await expect(submitReview(w.actors.headA, id, ENDS)).rejects.toMatchObject({ code: "RULE_VIOLATION", message: noticeOpenMessage(ENDS) });
    expect(noticeOpenMessage(ENDS)).toContain("22/11/2024");
    expect((await reviewRow(id)).status).toBe("NOTICE");
  });

  it("refuses to submit while an objection is pending", async () => {
    const id = await assessedReview({ post: true });
    await recordObjection(w.actors.headA, id, { householdId: households[0]!.id, raisedBy: "Ông Tư", content: "Ý kiến", receivedOn: utcDate(2024, 11, 20) });
    await expect(submitReview(w.actors.headA, id, utcDate(2024, 11, 23))).rejects.toMatchObject({ message: REVIEW_MSG.pendingObjections(1) });
    expect((await reviewRow(id)).status).toBe("NOTICE");
  });

  it("submits, is returned with a reason about one household, is corrected and resubmitted, then accepted", async () => {
    const id = await submitted();
    expect(await reviewRow(id)).toMatchObject({ status: "SUBMITTED", submittedAt: expect.any(Date) });
    // The hamlet head cannot verify; the reason needs a household of this review.
    await expect(acceptReview(w.actors.headA, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await makeHousehold(w.hamletB);
    await expect(returnReview(w.actors.officer, id, { reason: "Thiếu chữ ký", householdId: stranger.id })).rejects.toMatchObject({
      fieldErrors: { householdId: [REVIEW_MSG.householdNotInReview] },
    });
    await returnReview(w.actors.officer, id, { reason: "Sai số phiếu của hộ", householdId: households[0]!.id });
    expect((await reviewRow(id)).status).toBe("RETURNED");
    const hub = await getReviewHub(w.actors.headA, 2024, w.hamletA.id);
    expect(hub!.lastReturn).toMatchObject({ reason: "Sai số phiếu của hộ", householdId: households[0]!.id, householdName: households[0]!.headName, actorName: w.actors.officer.fullName });
    // Corrections in RETURNED keep the status.
    await saveAssessment(w.actors.headA, id, households[0]!.id, 1, allMet(13, 0));
    await saveMeeting(w.actors.headA, 2024, w.hamletA.id, 1, meeting({ presentCount: 16 }));
    expect((await reviewRow(id)).status).toBe("RETURNED");
    await submitReview(w.actors.headA, id, utcDate(2024, 11, 24));
    await acceptReview(w.actors.officer, id);
    expect(await reviewRow(id)).toMatchObject({ status: "ACCEPTED", acceptedAt: expect.any(Date) });
    const events = await db.reviewEvent.findMany({ where: { hamletReviewId: id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["MEETING_OPENED", "NOTICE_POSTED", "SUBMITTED", "RETURNED", "SUBMITTED", "ACCEPTED"]);
    expect(events[3]).toMatchObject({ actorId: w.actors.officer.id, reason: "Sai số phiếu của hộ", householdId: households[0]!.id });
    for (const action of ["review.submit", "review.return", "review.accept"]) {
      expect(await db.auditLog.count({ where: { action, entityId: id } })).toBeGreaterThan(0);
    }
    // Accepted: the hamlet may no longer edit.
    await expect(saveAssessment(w.actors.headA, id, households[0]!.id, 2, allMet())).rejects.toMatchObject({ code: "RULE_VIOLATION" });
  });

  it("20 parallel submits: exactly one succeeds, the others are told the dossier was already handled", async () => {
    const id = await assessedReview({ post: true });
    const before = await reviewCounts();
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => submitReview(w.actors.headA, id, utcDate(2024, 11, 23))));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refusals = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(refusals).toHaveLength(19);
    for (const r of refusals) expect(r.reason).toMatchObject({ code: "RULE_VIOLATION", message: reviewRefusal("SUBMITTED", "submit") });
    expect(reviewRefusal("SUBMITTED", "submit")).toMatch(/^Thao tác này đã được xử lý/);
    expect(await reviewRow(id)).toMatchObject({ status: "SUBMITTED", submittedAt: expect.any(Date) });
    // One event and one audit row: the losers wrote nothing.
    expect(await reviewCounts()).toEqual({ ...before, events: before.events + 1, audits: before.audits + 1 });
    expect(await db.auditLog.count({ where: { action: "review.submit", entityId: id } })).toBe(1);
  });

  it("20 parallel accepts: exactly one succeeds, the others are told the dossier was already handled", async () => {
    const id = await submitted();
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => acceptReview(w.actors.officer, id)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refusals = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(refusals).toHaveLength(19);
    for (const r of refusals) expect(r.reason).toMatchObject({ code: "RULE_VIOLATION", message: reviewRefusal("ACCEPTED", "accept") });
    expect(reviewRefusal("ACCEPTED", "accept")).not.toBe(MSG.stale);
    expect(await db.reviewEvent.count({ where: { hamletReviewId: id, kind: "ACCEPTED" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "review.accept", entityId: id } })).toBe(1);
  });

  it("a DECIDED review refuses every write", async () => {
    const id = await submitted();
    await acceptReview(w.actors.officer, id);
    await db.hamletReview.update({ where: { id }, data: { status: "DECIDED" } });
    const before = await reviewCounts();
    const refused = { code: "RULE_VIOLATION", message: expect.stringContaining("đã khóa") };
    await expect(saveMeeting(w.actors.headA, 2024, w.hamletA.id, 2, meeting())).rejects.toMatchObject(refused);
    await expect(saveAssessment(w.actors.headA, id, households[0]!.id, 1, allMet())).rejects.toMatchObject(refused);
    await expect(postNotice(w.actors.headA, id, { postedOn: POSTED, channel: "x" }, POSTED)).rejects.toMatchObject(refused);
    await expect(recordObjection(w.actors.headA, id, { householdId: households[0]!.id, raisedBy: "A", content: "B", receivedOn: POSTED })).rejects.toMatchObject(refused);
    await expect(submitReview(w.actors.headA, id, utcDate(2024, 12, 1))).rejects.toMatchObject(refused);
    await expect(acceptReview(w.actors.officer, id)).rejects.toMatchObject(refused);
    await expect(returnReview(w.actors.officer, id, { reason: "Trả lại thử" })).rejects.toMatchObject(refused);
    await expect(reopenMeeting(w.actors.headA, id)).rejects.toMatchObject(refused);
    expect(await reviewCounts()).toEqual(before);
  });
});

describe("scope", () => {
  it("a hamlet head of another hamlet can neither read nor write this review, and nothing is written", async () => {
    const id = await assessedReview({ post: true });
    const headB = await makeActor("HAMLET_HEAD", { communeId: w.commune.id, hamletId: w.hamletB.id });
    expect(await getReviewHub(headB, 2024, w.hamletA.id)).toBeNull();
    expect(await getAssessmentPage(headB, 2024, w.hamletA.id, households[0]!.id)).toBeNull();
    expect((await listHamletReviews(headB, (await reviewRow(id)).campaignYearId)).map((r) => r.hamletId)).toEqual([w.hamletB.id]);
    const before = await reviewCounts();
    const notFound = { code: "NOT_FOUND" };
    await expect(saveMeeting(headB, 2024, w.hamletA.id, 1, meeting())).rejects.toMatchObject(notFound);
    await expect(saveAssessment(headB, id, households[0]!.id, 1, allMet())).rejects.toMatchObject(notFound);
    await expect(assessRemaining(headB, id, { votesFor: 10 })).rejects.toMatchObject(notFound);
    await expect(recordObjection(headB, id, { householdId: households[0]!.id, raisedBy: "A", content: "B", receivedOn: POSTED })).rejects.toMatchObject(notFound);
    await expect(submitReview(headB, id, utcDate(2024, 12, 1))).rejects.toMatchObject(notFound);
    await expect(reopenMeeting(headB, id)).rejects.toMatchObject(notFound);
    await expect(saveMeeting(w.actors.otherOfficer, 2024, w.hamletA.id, 1, meeting())).rejects.toMatchObject(notFound);
    await expect(acceptReview(w.actors.otherOfficer, id)).rejects.toMatchObject(notFound);
    expect(await reviewCounts()).toEqual(before);
  });

  it("the leader and the committee read but cannot write", async () => {
    const id = await assessedReview();
    expect(await getReviewHub(w.actors.leader, 2024, w.hamletA.id)).not.toBeNull();
    const before = await reviewCounts();
    await expect(saveAssessment(w.actors.leader, id, households[0]!.id, 1, allMet())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveMeeting(w.actors.committee, 2024, w.hamletA.id, 1, meeting())).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await reviewCounts()).toEqual(before);
  });

  it("the commune table counts as registered only the active households, as the registration board does", async () => {
    const id = await assessedReview();
    const year = (await reviewRow(id)).campaignYearId;
    const movedOut = await db.household.findFirstOrThrow({ where: { hamletId: w.hamletA.id, status: "MOVED_OUT" } });
    for (const householdId of [households[0]!.id, movedOut.id]) {
      await db.registration.create({ data: { communeId: w.commune.id, campaignYearId: year, householdId, hamletId: w.hamletA.id, registeredOn: utcDate(2024, 2, 1) } });
    }
    expect((await listHamletReviews(w.actors.officer, year)).find((r) => r.hamletId === w.hamletA.id)).toMatchObject({ activeHouseholds: 3, registered: 1 });
  });

  it("the household page hides the recorded exclusions from roles without violation.read, and has no page for a household off the roll", async () => {
    await db.violation.create({ data: { communeId: w.commune.id, householdId: households[0]!.id, memberName: "Z", category: "E1", occurredOn: utcDate(2024, 4, 4), documentRef: "QĐ 7" } });
    await saveMeeting(w.actors.headA, 2024, w.hamletA.id, undefined, meeting());
    const forHead = await getAssessmentPage(w.actors.headA, 2024, w.hamletA.id, households[0]!.id);
    const forCommittee = await getAssessmentPage(w.actors.committee, 2024, w.hamletA.id, households[0]!.id);
    expect(forHead && "recordedExclusions" in forHead ? forHead.recordedExclusions : null).toEqual(["E1"]);
    expect(forCommittee && "recordedExclusions" in forCommittee ? forCommittee.recordedExclusions : null).toEqual([]);
    const movedOut = await db.household.findFirstOrThrow({ where: { hamletId: w.hamletA.id, status: "MOVED_OUT" } });
    expect(await getAssessmentPage(w.actors.headA, 2024, w.hamletA.id, movedOut.id)).toBeNull();
  });

  it("the commune table counts per hamlet and filters by status", async () => {
    const id = await assessedReview();
    const year = (await reviewRow(id)).campaignYearId;
    await db.registration.create({ data: { communeId: w.commune.id, campaignYearId: year, householdId: households[0]!.id, hamletId: w.hamletA.id, registeredOn: utcDate(2024, 2, 1) } });
    const rows = await listHamletReviews(w.actors.officer, year);
    expect(rows.find((r) => r.hamletId === w.hamletA.id)).toMatchObject({ activeHouseholds: 3, registered: 1, status: "MEETING", achieved: 3, notAchieved: 0 });
    expect(rows.find((r) => r.hamletId === w.hamletB.id)).toMatchObject({ status: null, reviewId: null });
    expect((await listHamletReviews(w.actors.officer, year, "NONE")).map((r) => r.hamletId)).toEqual([w.hamletB.id]);
    expect((await listHamletReviews(w.actors.officer, year, "MEETING")).map((r) => r.hamletId)).toEqual([w.hamletA.id]);
  });
});
