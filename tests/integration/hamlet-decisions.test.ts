import { beforeEach, describe, expect, it } from "vitest";
import { currentStreak, hamletAwardHistory, hamletStreaksFor } from "@/lib/awards/queries";
import { DISTRICT_RULE_FROM, TWO_LEVEL_GOVERNMENT_FROM } from "@/lib/campaign/defaults";
import { db } from "@/lib/db";
import { addDays, utcDate } from "@/lib/dates";
import { DECISION_MSG, DEFAULT_AWARD_LEGAL_BASIS } from "@/lib/decisions/labels";
import { getDecision, getHamletDecisionContext, hamletAuthorityOn, listDecisions, listHamletAwardsForCancellation } from "@/lib/decisions/queries";
import type { HamletCancellationInput, HamletDecisionInput } from "@/lib/decisions/schema";
import {
  createAwardDecision, createHamletCancellation, createHamletDecision, discardDecision, issueDecision, updateAwardDecision, updateHamletDecision,
} from "@/lib/decisions/service";
import { MSG } from "@/lib/result";
import { makeCampaignYear, makeReview, type YearRow } from "../factories/cycle";
import { makeCouncilReview, useDistrictRules } from "../factories/hamlet-decision";
import { makeHamlet, makeHousehold, makeWorld, resetDb, type HamletRow, type World } from "../factories";

// "Xóm văn hóa" decisions end to end: who decides by the decision's date (the district until 30/6/2025, the commune
// from 1/7/2025), a recorded district decision issued at once, a commune draft issued by the leader, numbers per
// issuer, the council review claimed once, cancellation breaking the streak, and household decisions untouched.

const DISTRICT = "Ủy ban nhân dân huyện Định Hóa";
const DISTRICT_CHAIR = "Chủ tịch Ủy ban nhân dân huyện Định Hóa";

function header(issuedOn: Date, number: number, overrides: Partial<HamletDecisionInput> = {}): HamletDecisionInput {
  return {
    number, symbol: "QĐ-UBND", issuedOn, signerAuthority: "", signerTitle: "CHỦ TỊCH", signerName: "Ma Văn Quyết",
    legalBasis: DEFAULT_AWARD_LEGAL_BASIS, ...overrides,
  };
}

function cancellation(hamletAwardIds: string[], issuedOn: Date, number: number): HamletCancellationInput {
  return {
    ...header(issuedOn, number), hamletAwardIds, cancelGround: "C",
    cancelReason: "Hồ sơ bình xét của xóm vi phạm quy định về trình tự lấy ý kiến.",
  };
}

let w: World;
let hamletC: HamletRow;
let y2024: YearRow;
let y2025: YearRow;

beforeEach(async () => {
  await resetDb();
  w = await makeWorld();
  await useDistrictRules(w.commune.id);
  hamletC = await makeHamlet(w.commune.id);
  y2024 = await makeCampaignYear(w.commune.id, 2024);
  y2025 = await makeCampaignYear(w.commune.id, 2025);
});

const counts = async () => ({
  decisions: await db.decision.count(),
  hamletAwards: await db.hamletAward.count(),
  audits: await db.auditLog.count(),
  items: await db.cancellationItem.count(),
});

const council = (year: YearRow) => db.councilReview.findUniqueOrThrow({ where: { campaignYearId: year.id } });
const hamletAwardOf = (hamletId: string, year: number) => db.hamletAward.findUniqueOrThrow({ where: { hamletId_year: { hamletId, year } } });

/** 2024 by the district (recorded), 2025 by the commune (drafted and issued): xóm A and B each year. */
async function decideBothYears() {
  await makeCouncilReview(y2024, [{ hamlet: w.hamletA }, { hamlet: w.hamletB }]);
  await makeCouncilReview(y2025, [{ hamlet: w.hamletA }, { hamlet: w.hamletB }]);
  const district = await createHamletDecision(w.actors.officer, 2024, "record", header(utcDate(2024, 12, 12), 45));
  const commune = await createHamletDecision(w.actors.officer, 2025, "draft", header(utcDate(2025, 12, 10), 12));
  await issueDecision(w.actors.leader, commune.id, 1);
  return { district, commune };
}

describe("the authority in force on the decision's date", () => {
  it("reads the commune's rules: the district until 30/6/2025, the commune from 1/7/2025, none before the first rule", async () => {
    expect(await hamletAuthorityOn(w.actors.officer, utcDate(2025, 6, 30))).toMatchObject({ issuer: DISTRICT, authority: DISTRICT_CHAIR, isExternal: true });
    expect(await hamletAuthorityOn(w.actors.officer, TWO_LEVEL_GOVERNMENT_FROM)).toMatchObject({ issuer: "", isExternal: false });
    expect(await hamletAuthorityOn(w.actors.officer, addDays(DISTRICT_RULE_FROM, -1))).toBeNull();
    // Another commune's rules are not this officer's (that commune has none yet).
    expect(await hamletAuthorityOn(w.actors.otherOfficer, utcDate(2025, 6, 30))).toBeNull();
    expect(await hamletAuthorityOn(w.actors.headA, utcDate(2025, 6, 30))).toBeNull();
  });
});

describe("a year decided by the district (recorded by the officer)", () => {
  beforeEach(async () => {
    await makeCouncilReview(y2024, [
      { hamlet: w.hamletA, votesFor: 9 }, { hamlet: w.hamletB, votesFor: 7, votesAgainst: 2 }, { hamlet: hamletC, result: "NOT_ACHIEVED", votesFor: 3 },
    ]);
  });

  it("records the decision as ISSUED with issuer and authority, creates the HamletAwards, closes the council, and audits", async () => {
    const rule = await db.authorityRule.findFirstOrThrow({ where: { communeId: w.commune.id, issuer: DISTRICT } });
    const result = await createHamletDecision(w.actors.officer, 2024, "record", header(utcDate(2024, 12, 12), 45, { signerName: "Nguyễn Văn Huyện" }));
    expect(result).toMatchObject({ status: "ISSUED", awards: 2 });

    const decision = await db.decision.findUniqueOrThrow({ where: { id: result.id } });
    expect(decision).toMatchObject({
      subject: "HAMLET", kind: "AWARD", status: "ISSUED", issuer: DISTRICT, authority: DISTRICT_CHAIR, authorityRuleId: rule.id,
      number: 45, numberYear: 2024, signerName: "Nguyễn Văn Huyện", draftedById: w.actors.officer.id, approvedById: w.actors.officer.id,
    });
    const awards = await db.hamletAward.findMany({ orderBy: { votesFor: "desc" } });
    expect(awards.map((a) => [a.hamletId, a.year, a.votesFor, a.status, a.decisionId, a.campaignYearId])).toEqual([
      [w.hamletA.id, 2024, 9, "ACTIVE", result.id, y2024.id],
      [w.hamletB.id, 2024, 7, "ACTIVE", result.id, y2024.id],
    ]);
    expect(awards.every((a) => a.entryId !== null)).toBe(true);
    expect(await council(y2024)).toMatchObject({ status: "DECIDED", decisionId: result.id, version: 2 });

    const audits = await db.auditLog.findMany();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "decision.record", entityType: "Decision", entityId: result.id, actorId: w.actors.officer.id });
    expect(audits[0]!.after).toMatchObject({
      subject: "HAMLET", kind: "AWARD", status: "ISSUED", year: 2024, issuer: DISTRICT, authority: DISTRICT_CHAIR, number: 45,
      issuedOn: "2024-12-12", hamlets: [w.hamletA.name, w.hamletB.name].sort(), hamletAwards: 2,
    });

    const detail = await getDecision(w.actors.leader, result.id);
    expect(detail).toMatchObject({ subject: "HAMLET", issuer: DISTRICT, authority: DISTRICT_CHAIR, households: [], council: { status: "DECIDED", proposalNumber: 12 } });
    expect(Object.fromEntries(detail!.hamletRows.map((h) => [h.hamletName, [h.votesFor, h.votesAgainst, h.streak, h.award?.status]]))).toEqual({
      [w.hamletA.name]: [9, 0, 1, "ACTIVE"], [w.hamletB.name]: [7, 2, 1, "ACTIVE"],
    });
    const page = await listDecisions(w.actors.committee, { page: 1, subject: "HAMLET" });
    expect(page.items).toEqual([expect.objectContaining({ id: result.id, subject: "HAMLET", issuer: DISTRICT, hamlets: 2, households: null, status: "ISSUED" })]);
    expect((await listDecisions(w.actors.committee, { page: 1, subject: "HOUSEHOLD" })).total).toBe(0);
    // Once decided, the year cannot be decided again.
    await expect(createHamletDecision(w.actors.officer, 2024, "record", header(utcDate(2024, 12, 20), 46))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("is for the officer only; the leader, committee, hamlet head and another commune are refused and nothing is written", async () => {
    const before = await counts();
    for (const who of ["leader", "committee", "headA", "admin"] as const) {
      await expect(createHamletDecision(w.actors[who], 2024, "record", header(utcDate(2024, 12, 12), 45))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(createHamletDecision(w.actors.otherOfficer, 2024, "record", header(utcDate(2024, 12, 12), 45))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
    expect(await council(y2024)).toMatchObject({ status: "PROPOSED", decisionId: null });
  });

  it("refuses a decision while the council review is not PROPOSED yet", async () => {
    await db.councilReview.update({ where: { campaignYearId: y2024.id }, data: { status: "NOTICE" } });
    const before = await counts();
    await expect(createHamletDecision(w.actors.officer, 2024, "record", header(utcDate(2024, 12, 12), 45))).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: expect.stringContaining("Danh sách đang được công khai"),
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses to record a district decision dated before the commune's Tờ trình, and nothing is written", async () => {
    const before = await counts();
    const message = DECISION_MSG.beforeProposal({ number: 12, symbol: "TTr-UBND", date: utcDate(2024, 11, 20) });
    await expect(createHamletDecision(w.actors.officer, 2024, "record", header(utcDate(2024, 11, 19), 45))).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { issuedOn: [message] },
    });
    expect(await counts()).toEqual(before);
    expect(await council(y2024)).toMatchObject({ status: "PROPOSED", decisionId: null });
  });

  it("refuses, in one transaction, a hamlet that already has the title that year", async () => {
    // Another decision (entered earlier) already gave xóm B the 2024 title.
    const other = await db.decision.create({
      data: {
        communeId: w.commune.id, campaignYearId: y2024.id, subject: "HAMLET", kind: "AWARD", status: "ISSUED", issuer: DISTRICT, number: 30, numberYear: 2024,
        issuedOn: utcDate(2024, 12, 1), signerTitle: "CHỦ TỊCH", signerName: "Nguyễn Văn Huyện", legalBasis: "Căn cứ …",
      },
    });
    await db.hamletAward.create({ data: { communeId: w.commune.id, hamletId: w.hamletB.id, campaignYearId: y2024.id, year: 2024, decisionId: other.id } });
    const before = await counts();
    await expect(createHamletDecision(w.actors.officer, 2024, "record", header(utcDate(2024, 12, 12), 45))).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: DECISION_MSG.hamletAwardExists([w.hamletB.name], 2024),
    });
    expect(await counts()).toEqual(before);
    expect(await council(y2024)).toMatchObject({ status: "PROPOSED", decisionId: null });
  });
});

describe("a year decided by the commune (drafted by the officer, issued by the leader)", () => {
  beforeEach(async () => {
    await makeCouncilReview(y2024, [{ hamlet: w.hamletA }]);
    await createHamletDecision(w.actors.officer, 2024, "record", header(utcDate(2024, 12, 12), 45));
    await makeCouncilReview(y2025, [{ hamlet: w.hamletA, votesFor: 8 }, { hamlet: w.hamletB, votesFor: 6 }, { hamlet: hamletC, result: "NOT_ACHIEVED" }]);
  });

  it("drafts with the commune's authority and claims the council; only the leader issues; awards, DECIDED and audits follow", async () => {
    const draft = await createHamletDecision(w.actors.officer, 2025, "draft", header(utcDate(2025, 12, 10), 12));
    expect(draft).toMatchObject({ status: "DRAFT", awards: 0 });
    const decision = await db.decision.findUniqueOrThrow({ where: { id: draft.id } });
    expect(decision).toMatchObject({
      subject: "HAMLET", kind: "AWARD", status: "DRAFT", issuer: "", authority: `Chủ tịch Ủy ban nhân dân xã ${w.commune.name}`, approvedById: null,
    });
    expect(await council(y2025)).toMatchObject({ status: "PROPOSED", decisionId: draft.id });
    expect(await db.hamletAward.count({ where: { year: 2025 } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: draft.id } });
    expect(audit).toMatchObject({ action: "decision.draft" });
    expect(audit.after).toMatchObject({ subject: "HAMLET", issuer: "", hamlets: [w.hamletA.name, w.hamletB.name].sort() });

    // The draft shows the streak each hamlet will have: A was awarded in 2024 too.
    const shown = await getDecision(w.actors.leader, draft.id);
    expect(Object.fromEntries(shown!.hamletRows.map((h) => [h.hamletId, [h.votesFor, h.streak, h.award]]))).toEqual({
      [w.hamletA.id]: [8, 2, null], [w.hamletB.id]: [6, 1, null],
    });

    expect((await listDecisions(w.actors.leader, { page: 1, year: 2025 })).items).toEqual([
      expect.objectContaining({ id: draft.id, subject: "HAMLET", issuer: "", status: "DRAFT", hamlets: 2, households: null }),
    ]);

    for (const who of ["officer", "committee"] as const) await expect(issueDecision(w.actors[who], draft.id, 1)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await issueDecision(w.actors.leader, draft.id, 1)).toMatchObject({ awards: 2, cancelled: 0 });
    expect(await db.decision.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "ISSUED", approvedById: w.actors.leader.id, version: 2 });
    expect(await council(y2025)).toMatchObject({ status: "DECIDED", decisionId: draft.id });
    expect((await db.hamletAward.findMany({ where: { year: 2025 } })).map((a) => a.hamletId).sort()).toEqual([w.hamletA.id, w.hamletB.id].sort());
    const issued = await db.auditLog.findFirstOrThrow({ where: { entityId: draft.id, action: "decision.issue" } });
    expect(issued.after).toMatchObject({ subject: "HAMLET", status: "ISSUED", hamletAwards: 2, hamlets: [w.hamletA.name, w.hamletB.name].sort() });
    expect((await hamletStreaksFor([w.hamletA.id, w.hamletB.id, hamletC.id], 2025))).toEqual(new Map([[w.hamletA.id, 2], [w.hamletB.id, 1], [hamletC.id, 0]]));
    // Issued: the draft edit and discard are refused by the one state machine.
    await expect(updateHamletDecision(w.actors.officer, draft.id, 2, header(utcDate(2025, 12, 11), 12))).rejects.toMatchObject({ code: "RULE_VIOLATION" });
    await expect(discardDecision(w.actors.officer, draft.id)).rejects.toMatchObject({ code: "RULE_VIOLATION" });
  });

  it("edits the draft's header; discarding it releases the council review for another draft", async () => {
    const draft = await createHamletDecision(w.actors.officer, 2025, "draft", header(utcDate(2025, 12, 10), 12));
    await updateHamletDecision(w.actors.officer, draft.id, 1, header(utcDate(2025, 12, 12), 14, { signerAuthority: "KT. CHỦ TỊCH", signerTitle: "PHÓ CHỦ TỊCH" }));
    expect(await db.decision.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ number: 14, signerAuthority: "KT. CHỦ TỊCH", version: 2 });
    await expect(updateHamletDecision(w.actors.officer, draft.id, 1, header(utcDate(2025, 12, 12), 15))).rejects.toMatchObject({ code: "CONFLICT", message: MSG.stale });
    // Moving the draft's date back under the district's competence is refused at the date.
    await expect(updateHamletDecision(w.actors.officer, draft.id, 2, header(utcDate(2025, 6, 20), 14))).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { issuedOn: [DECISION_MSG.notCommuneAuthority(utcDate(2025, 6, 20), DISTRICT_CHAIR, DISTRICT)] },
    });
    // The household edit does not apply to a hamlet draft.
    await expect(updateAwardDecision(w.actors.officer, draft.id, 2, { ...header(utcDate(2025, 12, 12), 14), reviewIds: [] })).rejects.toMatchObject({
      code: "NOT_FOUND", message: DECISION_MSG.kindMismatch,
    });

    await discardDecision(w.actors.officer, draft.id, 2);
    expect(await db.decision.findUnique({ where: { id: draft.id } })).toBeNull();
    expect(await council(y2025)).toMatchObject({ status: "PROPOSED", decisionId: null });
    const discarded = await db.auditLog.findFirstOrThrow({ where: { entityId: draft.id, action: "decision.discard" } });
    expect(discarded.before).toMatchObject({ subject: "HAMLET", issuer: "", hamlets: [w.hamletA.name, w.hamletB.name].sort(), number: 14 });
    await expect(createHamletDecision(w.actors.officer, 2025, "draft", header(utcDate(2025, 12, 15), 14))).resolves.toMatchObject({ status: "DRAFT" });
  });

  it("refuses a commune draft dated before 1/7/2025 (the district decided then), and a record dated after; nothing is written", async () => {
    const before = await counts();
    const on = utcDate(2025, 6, 30);
    await expect(createHamletDecision(w.actors.officer, 2025, "draft", header(on, 12))).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { issuedOn: [DECISION_MSG.notCommuneAuthority(on, DISTRICT_CHAIR, DISTRICT)] },
    });
    await expect(createHamletDecision(w.actors.officer, 2025, "record", header(TWO_LEVEL_GOVERNMENT_FROM, 12))).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { issuedOn: [DECISION_MSG.notExternalAuthority(TWO_LEVEL_GOVERNMENT_FROM, `Chủ tịch Ủy ban nhân dân xã ${w.commune.name}`)] },
    });
    expect(await counts()).toEqual(before);
    expect(await council(y2025)).toMatchObject({ status: "PROPOSED", decisionId: null });
  });

  it("refuses a decision dated before the council's Tờ trình (20/11), at the date; the same day is accepted", async () => {
    const before = await counts();
    const tooEarly = utcDate(2025, 11, 19);
    const message = DECISION_MSG.beforeProposal({ number: 12, symbol: "TTr-UBND", date: utcDate(2025, 11, 20) });
    expect(message).toBe("Ngày ban hành không được trước ngày Tờ trình đề nghị công nhận số 12/TTr-UBND (20/11/2025).");
    await expect(createHamletDecision(w.actors.officer, 2025, "draft", header(tooEarly, 12))).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { issuedOn: [message] },
    });
    expect(await counts()).toEqual(before);
    expect(await council(y2025)).toMatchObject({ status: "PROPOSED", decisionId: null });

    const draft = await createHamletDecision(w.actors.officer, 2025, "draft", header(utcDate(2025, 11, 20), 12));
    await expect(updateHamletDecision(w.actors.officer, draft.id, 1, header(tooEarly, 12))).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { issuedOn: [message] },
    });
    expect(await db.decision.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ issuedOn: utcDate(2025, 11, 20), version: 1 });
  });

  it("refuses a date no rule covers, at the date", async () => {
    await db.authorityRule.deleteMany({ where: { communeId: w.commune.id, issuer: "" } });
    const on = utcDate(2025, 12, 10);
    await expect(createHamletDecision(w.actors.officer, 2025, "draft", header(on, 12))).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { issuedOn: [DECISION_MSG.noAuthority(on)] },
    });
  });

  it("5 concurrent drafts: exactly one claims the council review, the others are told it is taken", async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => createHamletDecision(w.actors.officer, 2025, "draft", header(utcDate(2025, 12, 10), 20 + i))),
    );
    const ok = attempts.filter((a): a is PromiseFulfilledResult<{ id: string; status: "DRAFT" | "ISSUED"; awards: number }> => a.status === "fulfilled");
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(4);
    for (const r of refused) expect(r.reason).toMatchObject({ code: "CONFLICT", message: DECISION_MSG.councilTaken(2025) });
    expect(await db.decision.count({ where: { campaignYearId: y2025.id } })).toBe(1);
    expect(await council(y2025)).toMatchObject({ decisionId: ok[0]!.value.id, status: "PROPOSED" });
    expect(await db.auditLog.count({ where: { action: "decision.draft" } })).toBe(1);
  });
});

describe("decision numbers, one register per issuer", () => {
  it("lets the district and the commune use the same number in a year; the same number twice in one register is refused", async () => {
    await makeCouncilReview(y2024, [{ hamlet: w.hamletA }]);
    await makeCouncilReview(y2025, [{ hamlet: w.hamletA }]);
    // The district decided 2024 in March 2025 (its number 3 of 2025); the commune decides 2025 in December (its own 3).
    const district = await createHamletDecision(w.actors.officer, 2024, "record", header(utcDate(2025, 3, 10), 3));
    const commune = await createHamletDecision(w.actors.officer, 2025, "draft", header(utcDate(2025, 12, 10), 3));
    expect(await db.decision.findMany({ where: { number: 3, numberYear: 2025 }, select: { id: true, issuer: true }, orderBy: { issuer: "asc" } })).toEqual([
      { id: commune.id, issuer: "" }, { id: district.id, issuer: DISTRICT },
    ]);

    // A household decision is in the commune's register too: 3 is taken there, 4 is free.
    const hA = await makeHousehold(w.hamletA);
    const review = await makeReview(y2025, w.hamletA, { assessments: [{ householdId: hA.id, result: "ACHIEVED" }] });
    const household = { ...header(utcDate(2025, 12, 11), 3), reviewIds: [review.id] };
    const taken = DECISION_MSG.numberTaken(3, 2025);
    await expect(createAwardDecision(w.actors.officer, 2025, household)).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { number: [taken] } });
    await expect(createAwardDecision(w.actors.officer, 2025, { ...household, number: 4 })).resolves.toMatchObject({ id: expect.any(String) });

    // The district's register refuses its own 3 again (here a cancellation recorded from it).
    const award = await hamletAwardOf(w.hamletA.id, 2024);
    const message = DECISION_MSG.numberTakenBy(DISTRICT, 3, 2025);
    await expect(createHamletCancellation(w.actors.officer, "record", cancellation([award.id], utcDate(2025, 4, 2), 3))).rejects.toMatchObject({
      code: "CONFLICT", fieldErrors: { number: [message] },
    });
    // The commune's register refuses the household decision's 4 for a hamlet decision too.
    await discardDecision(w.actors.officer, commune.id);
    await expect(createHamletDecision(w.actors.officer, 2025, "draft", header(utcDate(2025, 12, 20), 4))).rejects.toMatchObject({
      code: "CONFLICT", fieldErrors: { number: [DECISION_MSG.numberTaken(4, 2025)] },
    });
  });
});

describe("cancelling \u201cXóm văn hóa\u201d titles", () => {
  it("by the district on a date before 1/7/2025 (recorded, issued at once) and by the commune after (draft, leader); the streak breaks", async () => {
    await decideBothYears();
    expect(await hamletStreaksFor([w.hamletA.id, w.hamletB.id], 2025)).toEqual(new Map([[w.hamletA.id, 2], [w.hamletB.id, 2]]));
    const b2024 = await hamletAwardOf(w.hamletB.id, 2024);
    const a2024 = await hamletAwardOf(w.hamletA.id, 2024);

    // The district cancels B's 2024 title in April 2025: recorded, CANCELLED at once, never deleted.
    const recorded = await createHamletCancellation(w.actors.officer, "record", cancellation([b2024.id], utcDate(2025, 4, 2), 8));
    expect(recorded).toMatchObject({ status: "ISSUED", cancelled: 1 });
    expect(await db.decision.findUniqueOrThrow({ where: { id: recorded.id } })).toMatchObject({
      subject: "HAMLET", kind: "CANCELLATION", status: "ISSUED", issuer: DISTRICT, authority: DISTRICT_CHAIR, cancelGround: "C", approvedById: w.actors.officer.id,
    });
    expect(await hamletAwardOf(w.hamletB.id, 2024)).toMatchObject({ status: "CANCELLED", cancelDecisionId: recorded.id, decisionId: b2024.decisionId });
    const item = await db.cancellationItem.findFirstOrThrow({ where: { decisionId: recorded.id } });
    expect(item).toMatchObject({ hamletAwardId: b2024.id, awardId: null });
    const recordAudit = await db.auditLog.findFirstOrThrow({ where: { entityId: recorded.id } });
    expect(recordAudit).toMatchObject({ action: "decision.record" });
    expect(recordAudit.after).toMatchObject({ kind: "CANCELLATION", subject: "HAMLET", issuer: DISTRICT, hamlets: [w.hamletB.name], cancelledHamletAwardIds: [b2024.id] });

    // The commune cancels A's 2024 title in December 2025: a draft; the award stays active until the leader issues.
    const draft = await createHamletCancellation(w.actors.officer, "draft", cancellation([a2024.id], utcDate(2025, 12, 15), 30));
    expect(draft).toMatchObject({ status: "DRAFT" });
    expect((await hamletAwardOf(w.hamletA.id, 2024)).status).toBe("ACTIVE");
    expect((await listHamletAwardsForCancellation(w.actors.officer, [a2024.id]))[0]!.award).toMatchObject({ pendingCancelId: draft.id });
    await expect(createHamletCancellation(w.actors.officer, "draft", cancellation([a2024.id], utcDate(2025, 12, 16), 31))).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: DECISION_MSG.hamletAwardInOtherDraft([w.hamletA.name]),
    });
    await expect(createHamletCancellation(w.actors.officer, "draft", cancellation([b2024.id], utcDate(2025, 12, 16), 31))).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: DECISION_MSG.hamletAwardCancelled([w.hamletB.name]),
    });
    // After 1/7/2025 the commune cancels itself: there is no upper body's decision to record.
    const a2025 = await hamletAwardOf(w.hamletA.id, 2025);
    await expect(createHamletCancellation(w.actors.officer, "record", cancellation([a2025.id], utcDate(2025, 12, 16), 31))).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { issuedOn: [expect.stringContaining("hãy lập dự thảo")] },
    });
    expect(await issueDecision(w.actors.leader, draft.id, 1)).toMatchObject({ cancelled: 1 });
    expect(await hamletAwardOf(w.hamletA.id, 2024)).toMatchObject({ status: "CANCELLED", cancelDecisionId: draft.id });

    expect(await db.hamletAward.count()).toBe(4);
    expect(await hamletStreaksFor([w.hamletA.id, w.hamletB.id], 2025)).toEqual(new Map([[w.hamletA.id, 1], [w.hamletB.id, 1]]));
    const history = await hamletAwardHistory(w.actors.officer, w.hamletA.id);
    expect(history.map((h) => [h.year, h.status, h.streak, h.decision.issuer])).toEqual([[2025, "ACTIVE", 1, ""], [2024, "CANCELLED", 0, DISTRICT]]);
    expect(history[1]!.cancelDecision).toMatchObject({ id: draft.id, number: 30, issuer: "" });
    expect(currentStreak(history)).toEqual({ streak: 1, from: 2025, to: 2025 });
    const shown = await getDecision(w.actors.committee, draft.id);
    expect(shown!.hamletRows).toEqual([expect.objectContaining({ hamletId: w.hamletA.id, streak: 0, award: expect.objectContaining({ status: "CANCELLED", year: 2024 }) })]);
    // The hamlet head sees their own hamlet's history only.
    expect(await hamletAwardHistory(w.actors.headA, w.hamletB.id)).toEqual([]);
    expect(await hamletAwardHistory(w.actors.headA, w.hamletA.id)).toHaveLength(2);
  });

  it("discarding a commune cancellation draft leaves the award active; only the officer drafts", async () => {
    await decideBothYears();
    const a2025 = await hamletAwardOf(w.hamletA.id, 2025);
    for (const who of ["leader", "committee"] as const) {
      await expect(createHamletCancellation(w.actors[who], "draft", cancellation([a2025.id], utcDate(2026, 1, 10), 1))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(createHamletCancellation(w.actors.otherOfficer, "draft", cancellation([a2025.id], utcDate(2026, 1, 10), 1))).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { id } = await createHamletCancellation(w.actors.officer, "draft", cancellation([a2025.id], utcDate(2026, 1, 10), 1));
    await discardDecision(w.actors.officer, id);
    expect(await db.cancellationItem.count()).toBe(0);
    expect(await hamletAwardOf(w.hamletA.id, 2025)).toMatchObject({ status: "ACTIVE", cancelDecisionId: null });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: id, action: "decision.discard" } });
    expect(audit.before).toMatchObject({ kind: "CANCELLATION", subject: "HAMLET", hamletAwardIds: [a2025.id] });
  });
});

describe("household decisions alongside", () => {
  it("draft, issue and list as before, in the commune's register, with no issuer or authority", async () => {
    await decideBothYears();
    const hA = await makeHousehold(w.hamletA, { headName: "Hoàng Văn Một" });
    const review = await makeReview(y2025, w.hamletA, { assessments: [{ householdId: hA.id, result: "ACHIEVED", votesFor: 14 }] });
    const { id } = await createAwardDecision(w.actors.officer, 2025, { ...header(utcDate(2025, 12, 5), 7), reviewIds: [review.id] });
    expect(await issueDecision(w.actors.leader, id, 1)).toMatchObject({ awards: 1, cancelled: 0 });
    expect(await db.decision.findUniqueOrThrow({ where: { id } })).toMatchObject({ subject: "HOUSEHOLD", issuer: "", authority: "", authorityRuleId: null });
    expect(await db.titleAward.count()).toBe(1);
    expect((await db.hamletReview.findUniqueOrThrow({ where: { id: review.id } })).status).toBe("DECIDED");
    const page = await listDecisions(w.actors.officer, { page: 1, year: 2025 });
    expect(page.items.map((d) => [d.subject, d.households])).toEqual(expect.arrayContaining([["HOUSEHOLD", 1], ["HAMLET", null]]));
    // The hamlet edit does not apply to a household decision.
    await expect(updateHamletDecision(w.actors.officer, id, 2, header(utcDate(2025, 12, 5), 7))).rejects.toMatchObject({ code: "NOT_FOUND", message: DECISION_MSG.kindMismatch });
    const context = await getHamletDecisionContext(w.actors.officer, 2025);
    expect(context!.council).toMatchObject({ status: "DECIDED" });
  });
});
