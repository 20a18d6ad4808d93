import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import { registerHousehold } from "@/lib/registration/service";
import { recordViolation } from "@/lib/violations/service";
import { makeHousehold, makeWorld, resetDb, type World } from "../factories";
import { makeCampaignYear, makeReview } from "../factories/cycle";

// A violation or a registration recorded after a household was assessed: its saved result follows what is on
// record, in any review not yet decided; a decided year stays as the decision made it.

const TODAY = utcDate(2024, 12, 20);
let w: World;

beforeEach(async () => {
  await resetDb();
  w = await makeWorld();
});

async function memberOf(householdId: string) {
  return db.householdMember.findFirstOrThrow({ where: { householdId }, select: { id: true } });
}

const fine = (memberId: string) => ({
  memberId, category: "E4" as const, occurredOn: utcDate(2024, 10, 2), documentRef: "QĐ xử phạt số 31/QĐ-XPHC ngày 02/10/2024", note: undefined,
});

describe("results follow what is on record", () => {
  it.each(["MEETING", "NOTICE", "ACCEPTED"] as const)("a violation recorded later makes an ACHIEVED household không xét (review %s)", async (status) => {
    const year = await makeCampaignYear(w.commune.id, 2024);
    const household = await makeHousehold(w.hamletA, { headName: "Đinh Văn Muộn" });
    const review = await makeReview(year, w.hamletA, { status, assessments: [{ householdId: household.id, result: "ACHIEVED", votesFor: 12, votesAgainst: 1 }] });

    await recordViolation(w.actors.officer, household.id, fine((await memberOf(household.id)).id), TODAY);

    const after = await db.assessment.findFirstOrThrow({ where: { hamletReviewId: review.id, householdId: household.id } });
    expect(after).toMatchObject({ result: "EXCLUDED", exclusions: ["E4"], meetingResult: "EXCLUDED", version: 2 });
    expect(after.reason).toContain("(E4)");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "review.assessment.refresh" } });
    expect(audit).toMatchObject({ entityType: "HamletReview", entityId: review.id, after: { resultsChanged: 1 } });
  });

  it("a decided year is final: the award's assessment does not change", async () => {
    const year = await makeCampaignYear(w.commune.id, 2024);
    const household = await makeHousehold(w.hamletA, { headName: "Đinh Văn Đã" });
    const decision = await db.decision.create({
      data: {
        communeId: w.commune.id, campaignYearId: year.id, kind: "AWARD", status: "ISSUED", number: 9, numberYear: 2024, issuedOn: utcDate(2024, 12, 5),
        signerTitle: "CHỦ TỊCH", signerName: "Ma Văn Quyết", legalBasis: "Căn cứ …",
      },
    });
    const review = await makeReview(year, w.hamletA, { status: "DECIDED", decisionId: decision.id, assessments: [{ householdId: household.id, result: "ACHIEVED", votesFor: 12 }] });

    await recordViolation(w.actors.officer, household.id, fine((await memberOf(household.id)).id), TODAY);

    expect(await db.assessment.findFirstOrThrow({ where: { hamletReviewId: review.id } })).toMatchObject({ result: "ACHIEVED", version: 1 });
    expect(await db.auditLog.count({ where: { action: "review.assessment.refresh" } })).toBe(0);
  });

  it("registering late lifts a 'not registered' exclusion when the year requires registration", async () => {
    const year = await makeCampaignYear(w.commune.id, 2024, { registrationRequired: true });
    const household = await makeHousehold(w.hamletA, { headName: "Đinh Văn Chậm" });
    const review = await makeReview(year, w.hamletA, { status: "MEETING", assessments: [{ householdId: household.id, result: "EXCLUDED", exclusions: [], votesFor: 12 }] });
    expect((await db.assessment.findFirstOrThrow({ where: { hamletReviewId: review.id } })).reason).toContain("không đăng ký");

    await registerHousehold(w.actors.headA, year.id, household.id, { registeredOn: utcDate(2024, 11, 20) }, TODAY);

    expect(await db.assessment.findFirstOrThrow({ where: { hamletReviewId: review.id } })).toMatchObject({ result: "ACHIEVED", reason: null });
  });
});
