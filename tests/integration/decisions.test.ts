import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import { DECISION_MSG, DEFAULT_AWARD_LEGAL_BASIS, uniqueNumberMessages } from "@/lib/decisions/labels";
import {
  ALL_HAMLETS, ALL_HOUSEHOLDS_LIMIT, getDecision, listDecisionHouseholds, listDecisions, listReviewsForDecision, shownHamlet,
} from "@/lib/decisions/queries";
import type { AwardDecisionInput } from "@/lib/decisions/schema";
import {
  createAwardDecision, discardDecision, issueDecision, updateAwardDecision,
} from "@/lib/decisions/service";
import { MSG, run } from "@/lib/result";
import { makeCampaignYear, makeReview, type YearRow } from "../factories/cycle";
import { makeActor, makeHousehold, makeWorld, resetDb, type World } from "../factories";

// Award decisions end to end: drafting from accepted dossiers, the number register, concurrent drafts and
// approvals, who may issue, and what issuing writes.

const ISSUED_MESSAGE = "Quyết định đã được ban hành (đã được xử lý), không thể thay đổi.";

function input(reviewIds: string[], overrides: Partial<AwardDecisionInput> = {}): AwardDecisionInput {
  return {
    number: 5, symbol: "QĐ-UBND", issuedOn: utcDate(2024, 12, 5), signerAuthority: "", signerTitle: "CHỦ TỊCH", signerName: "Ma Văn Quyết",
    legalBasis: DEFAULT_AWARD_LEGAL_BASIS, reviewIds, ...overrides,
  };
}

let w: World;
let y2024: YearRow;
let reviewA: { id: string };
let reviewB: { id: string };
let hA1: { id: string }, hA2: { id: string }, hA3: { id: string }, hB1: { id: string };

beforeEach(async () => {
  await resetDb();
  w = await makeWorld();
  y2024 = await makeCampaignYear(w.commune.id, 2024);
  hA1 = await makeHousehold(w.hamletA, { headName: "Hoàng Văn Một" });
  hA2 = await makeHousehold(w.hamletA, { headName: "Hoàng Văn Hai" });
  hA3 = await makeHousehold(w.hamletA, { headName: "Hoàng Văn Ba" });
  hB1 = await makeHousehold(w.hamletB, { headName: "Lò Thị Bốn" });
  reviewA = await makeReview(y2024, w.hamletA, {
    assessments: [
      { householdId: hA1.id, result: "ACHIEVED", votesFor: 14 },
      { householdId: hA2.id, result: "ACHIEVED", votesFor: 11 },
      { householdId: hA3.id, result: "NOT_ACHIEVED" },
    ],
  });
  reviewB = await makeReview(y2024, w.hamletB, { assessments: [{ householdId: hB1.id, result: "ACHIEVED", votesFor: 13 }] });
});

const counts = async () => ({
  decisions: await db.decision.count(),
  awards: await db.titleAward.count(),
  events: await db.reviewEvent.count(),
  audits: await db.auditLog.count(),
});

describe("drafting an award decision", () => {
  it("includes the chosen ACCEPTED dossiers, with an audit row", async () => {
    const { id } = await createAwardDecision(w.actors.officer, 2024, input([reviewA.id, reviewB.id]));
    const decision = await db.decision.findUniqueOrThrow({ where: { id } });
    expect(decision).toMatchObject({
      communeId: w.commune.id, campaignYearId: y2024.id, kind: "AWARD", status: "DRAFT", number: 5, numberYear: 2024, symbol: "QĐ-UBND",
      draftedById: w.actors.officer.id, approvedById: null, version: 1,
    });
    const reviews = await db.hamletReview.findMany({ where: { id: { in: [reviewA.id, reviewB.id] } } });
    expect(reviews.map((r) => [r.decisionId, r.status])).toEqual([[id, "ACCEPTED"], [id, "ACCEPTED"]]);
    const audits = await db.auditLog.findMany();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "decision.draft", entityType: "Decision", entityId: id, actorId: w.actors.officer.id });
    expect(audits[0]!.after).toMatchObject({ kind: "AWARD", year: 2024, number: 5, issuedOn: "2024-12-05", hamlets: [w.hamletA.name, w.hamletB.name].sort() });

    const detail = await getDecision(w.actors.leader, id);
    expect(detail!.households.map((h) => h.householdId).sort()).toEqual([hA1.id, hA2.id, hB1.id].sort());
    expect(detail!.hamlets.find((h) => h.hamletName === w.hamletA.name)).toMatchObject({ achieved: 2, assessed: 3 });
    const page = await listDecisions(w.actors.committee, { page: 1, year: 2024 });
    expect(page.items).toEqual([expect.objectContaining({ id, hamlets: 2, households: 3, status: "DRAFT" })]);
  });

  it("refuses a dossier that is not ACCEPTED yet, and writes nothing", async () => {
    const hB2 = await makeHousehold(w.hamletB);
    const other = await makeReview(await makeCampaignYear(w.commune.id, 2023), w.hamletB, { status: "SUBMITTED", assessments: [{ householdId: hB2.id, result: "ACHIEVED" }] });
    await db.hamletReview.update({ where: { id: reviewB.id }, data: { status: "SUBMITTED" } });
    const before = await counts();
    await expect(createAwardDecision(w.actors.officer, 2024, input([reviewA.id, reviewB.id]))).rejects.toMatchObject({
      code: "RULE_VIOLATION",
      message: expect.stringContaining("Hồ sơ đã được nộp lên xã và đang chờ kiểm tra."),
    });
    // A dossier of another year is not part of this year's decision.
    await expect(createAwardDecision(w.actors.officer, 2024, input([other.id]))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
    expect((await db.hamletReview.findUniqueOrThrow({ where: { id: reviewA.id } })).decisionId).toBeNull();
    const listed = await listReviewsForDecision(w.actors.officer, 2024);
    expect(listed!.available.map((r) => r.id)).toEqual([reviewA.id]);
    expect(listed!.others.map((r) => [r.id, r.status])).toEqual([[reviewB.id, "SUBMITTED"]]);
  });

  it("is for the officer only; the leader, committee, hamlet head and another commune are refused", async () => {
    const before = await counts();
    for (const who of ["leader", "committee", "headA", "admin"] as const) {
      await expect(createAwardDecision(w.actors[who], 2024, input([reviewA.id]))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    // Another commune's officer cannot name this commune's dossiers (its own year 2024 does not exist either).
    await expect(createAwardDecision(w.actors.otherOfficer, 2024, input([reviewA.id]))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await makeCampaignYear(w.otherCommune.id, 2024);
    await expect(createAwardDecision(w.actors.otherOfficer, 2024, input([reviewA.id]))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
  });

  it("refuses a number already used in the commune that calendar year, at the field; another year or commune may use it", async () => {
    await createAwardDecision(w.actors.officer, 2024, input([reviewA.id]));
    const message = "Số 05 đã được dùng cho một quyết định khác năm 2024.";
    await expect(createAwardDecision(w.actors.officer, 2024, input([reviewB.id], { issuedOn: utcDate(2024, 12, 20) }))).rejects.toMatchObject({
      code: "CONFLICT", message, fieldErrors: { number: [message] },
    });
    expect((await db.hamletReview.findUniqueOrThrow({ where: { id: reviewB.id } })).decisionId).toBeNull();
    // Numbering restarts on 1 January: the same number dated in 2025 is fine.
    const next = await createAwardDecision(w.actors.officer, 2024, input([reviewB.id], { issuedOn: utcDate(2025, 1, 6) }));
    expect(await db.decision.findUniqueOrThrow({ where: { id: next.id } })).toMatchObject({ number: 5, numberYear: 2025 });
    // Another commune keeps its own register.
    const y = await makeCampaignYear(w.otherCommune.id, 2024);
    const hZ = await makeHousehold(w.hamletZ);
    const reviewZ = await makeReview(y, w.hamletZ, { assessments: [{ householdId: hZ.id, result: "ACHIEVED" }] });
    await expect(createAwardDecision(w.actors.otherOfficer, 2024, input([reviewZ.id]))).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("refuses an issue date before the year being awarded", async () => {
    const message = DECISION_MSG.issuedBeforeYear(2024);
    await expect(createAwardDecision(w.actors.officer, 2024, input([reviewA.id], { issuedOn: utcDate(2023, 12, 30) }))).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { issuedOn: [message] },
    });
  });

  it("maps a number taken by a concurrent save to the field through the unique constraint", async () => {
    // Both saves pass the service's check before either commits; the loser hits the unique index.
    const a = input([reviewA.id], { number: 9 });
    const b = input([reviewB.id], { number: 9 });
    const results = await Promise.all([
      run(() => createAwardDecision(w.actors.officer, 2024, a), undefined, uniqueNumberMessages(a)),
      run(() => createAwardDecision(w.actors.officer, 2024, b), undefined, uniqueNumberMessages(b)),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const failed = results.find((r) => !r.ok);
    expect(failed).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { number: ["Số 09 đã được dùng cho một quyết định khác năm 2024."] } });
    expect(await db.decision.count()).toBe(1);
  });

  it("20 simultaneous drafts of the same dossier: exactly one holds it, the others are told it was handled", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => createAwardDecision(w.actors.officer, 2024, input(i % 2 ? [reviewA.id, reviewB.id] : [reviewA.id], { number: i + 1 }))),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(19);
    // Odd attempts draft both dossiers: when one of them wins, the other odd attempts lost both hamlets.
    const winnerHasB = results.findIndex((r) => r.status === "fulfilled") % 2 === 1;
    results.forEach((r, i) => {
      if (r.status === "fulfilled") return;
      const lost = i % 2 && winnerHasB ? [w.hamletA.name, w.hamletB.name] : [w.hamletA.name];
      expect(r.reason).toMatchObject({ code: "CONFLICT", message: DECISION_MSG.reviewTaken(lost) });
    });
    expect(DECISION_MSG.reviewTaken([w.hamletA.name])).toContain("đã được xử lý");
    const decisions = await db.decision.findMany({ select: { id: true } });
    expect(decisions).toHaveLength(1);
    expect((await db.hamletReview.findUniqueOrThrow({ where: { id: reviewA.id } })).decisionId).toBe(decisions[0]!.id);
    expect(await db.auditLog.count()).toBe(1);
  });

  it("refuses a dossier already in another draft", async () => {
    await createAwardDecision(w.actors.officer, 2024, input([reviewA.id], { number: 1 }));
    await expect(createAwardDecision(w.actors.officer, 2024, input([reviewA.id, reviewB.id], { number: 2 }))).rejects.toMatchObject({
      code: "CONFLICT", message: `Hồ sơ của xóm ${w.hamletA.name} đã được đưa vào quyết định khác (đã được xử lý).`,
    });
  });
});

describe("editing and discarding a draft", () => {
  it("edits the header and the dossiers with the version; a stale version is refused", async () => {
    const { id } = await createAwardDecision(w.actors.officer, 2024, input([reviewA.id]));
    await updateAwardDecision(w.actors.officer, id, 1, input([reviewB.id], { number: 7, signerAuthority: "KT. CHỦ TỊCH", signerTitle: "PHÓ CHỦ TỊCH" }));
    expect(await db.decision.findUniqueOrThrow({ where: { id } })).toMatchObject({ number: 7, signerAuthority: "KT. CHỦ TỊCH", version: 2 });
    expect((await db.hamletReview.findUniqueOrThrow({ where: { id: reviewA.id } })).decisionId).toBeNull();
    expect((await db.hamletReview.findUniqueOrThrow({ where: { id: reviewB.id } })).decisionId).toBe(id);
    await expect(updateAwardDecision(w.actors.officer, id, 1, input([reviewA.id]))).rejects.toMatchObject({ code: "CONFLICT", message: MSG.stale });
    expect((await db.hamletReview.findUniqueOrThrow({ where: { id: reviewA.id } })).decisionId).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "decision.update" } });
    expect(audit.before).toMatchObject({ number: 5, hamlets: [w.hamletA.name] });
    expect(audit.after).toMatchObject({ number: 7, hamlets: [w.hamletB.name] });
  });

  it("discarding releases the dossiers and frees the number", async () => {
    const { id } = await createAwardDecision(w.actors.officer, 2024, input([reviewA.id, reviewB.id]));
    await expect(discardDecision(w.actors.leader, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await discardDecision(w.actors.officer, id);
    expect(await db.decision.count()).toBe(0);
    expect((await db.hamletReview.findMany()).map((r) => r.decisionId)).toEqual([null, null]);
    expect(await db.auditLog.findFirst({ where: { action: "decision.discard", entityId: id } })).not.toBeNull();
    await expect(createAwardDecision(w.actors.officer, 2024, input([reviewA.id]))).resolves.toBeDefined();
  });

  it("refuses to discard a draft edited since the page showed it", async () => {
    const { id } = await createAwardDecision(w.actors.officer, 2024, input([reviewA.id]));
    await updateAwardDecision(w.actors.officer, id, 1, input([reviewA.id, reviewB.id]));
    const before = await counts();
    await expect(discardDecision(w.actors.officer, id, 1)).rejects.toMatchObject({ code: "CONFLICT", message: MSG.stale });
    expect(await counts()).toEqual(before);
    expect((await db.hamletReview.findMany()).map((r) => r.decisionId)).toEqual([id, id]);
    await discardDecision(w.actors.officer, id, 2);
    expect(await db.decision.count()).toBe(0);
    await expect(discardDecision(w.actors.officer, id, 3)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("issuing an award decision", () => {
  it("only the leader issues; the officer and the committee are refused and nothing is written", async () => {
    const { id } = await createAwardDecision(w.actors.officer, 2024, input([reviewA.id, reviewB.id]));
    const otherLeader = await makeActor("LEADER", { communeId: w.otherCommune.id });
    const before = await counts();
    for (const who of ["officer", "committee"] as const) {
      await expect(issueDecision(w.actors[who], id, 1)).rejects.toMatchObject({ code: "FORBIDDEN", message: MSG.forbidden });
    }
    // Roles that may not even read decisions do not learn that it exists.
    for (const who of ["headA", "admin"] as const) await expect(issueDecision(w.actors[who], id, 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(issueDecision(otherLeader, id, 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
    expect(await db.decision.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DRAFT", approvedById: null });
    expect((await db.hamletReview.findMany()).map((r) => r.status)).toEqual(["ACCEPTED", "ACCEPTED"]);
  });

  it("moves the dossiers to DECIDED with an event, creates one award per ACHIEVED household, and audits", async () => {
    const { id } = await createAwardDecision(w.actors.officer, 2024, input([reviewA.id, reviewB.id]));
    const result = await issueDecision(w.actors.leader, id, 1);
    expect(result).toMatchObject({ id, awards: 3, cancelled: 0 });
    const decision = await db.decision.findUniqueOrThrow({ where: { id } });
    expect(decision).toMatchObject({ status: "ISSUED", approvedById: w.actors.leader.id, version: 2 });
    expect(decision.approvedAt).toBeInstanceOf(Date);
    const reviews = await db.hamletReview.findMany({ include: { events: true } });
    for (const r of reviews) {
      expect(r.status).toBe("DECIDED");
      expect(r.events).toEqual([expect.objectContaining({ kind: "DECIDED", actorId: w.actors.leader.id, actorName: w.actors.leader.fullName, reason: "Quyết định Số 05/QĐ-UBND ngày 05/12/2024" })]);
    }
    const awards = await db.titleAward.findMany({ orderBy: { votesFor: "desc" } });
    const assessmentOf = async (householdId: string) => (await db.assessment.findFirstOrThrow({ where: { householdId } })).id;
    expect(awards.map((a) => ({ householdId: a.householdId, hamletId: a.hamletId, votesFor: a.votesFor, year: a.year, status: a.status, assessmentId: a.assessmentId }))).toEqual([
      { householdId: hA1.id, hamletId: w.hamletA.id, votesFor: 14, year: 2024, status: "ACTIVE", assessmentId: await assessmentOf(hA1.id) },
      { householdId: hB1.id, hamletId: w.hamletB.id, votesFor: 13, year: 2024, status: "ACTIVE", assessmentId: await assessmentOf(hB1.id) },
      { householdId: hA2.id, hamletId: w.hamletA.id, votesFor: 11, year: 2024, status: "ACTIVE", assessmentId: await assessmentOf(hA2.id) },
    ]);
    expect(awards.every((a) => a.decisionId === id && a.campaignYearId === y2024.id && a.communeId === w.commune.id)).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "decision.issue" } });
    expect(audit).toMatchObject({ entityType: "Decision", entityId: id, actorId: w.actors.leader.id, before: { status: "DRAFT" } });
    expect(audit.after).toMatchObject({ status: "ISSUED", kind: "AWARD", awards: 3 });
    // Issued: no more edits or discards, and the dossiers are locked.
    await expect(updateAwardDecision(w.actors.officer, id, 2, input([reviewA.id]))).rejects.toMatchObject({ code: "RULE_VIOLATION", message: ISSUED_MESSAGE });
    await expect(discardDecision(w.actors.officer, id)).rejects.toMatchObject({ code: "RULE_VIOLATION", message: ISSUED_MESSAGE });
    const detail = await getDecision(w.actors.officer, id);
    expect(detail!.households.map((h) => h.award?.status)).toEqual(["ACTIVE", "ACTIVE", "ACTIVE"]);
  });

  it("20 simultaneous approvals: exactly one issues, awards are created once", async () => {
    const { id } = await createAwardDecision(w.actors.officer, 2024, input([reviewA.id, reviewB.id]));
    const attempts = await Promise.allSettled(Array.from({ length: 20 }, () => issueDecision(w.actors.leader, id, 1)));
    const ok = attempts.filter((a) => a.status === "fulfilled");
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.reason).toMatchObject({ code: "RULE_VIOLATION", message: ISSUED_MESSAGE });
    // What a user sees through the action: the state machine's "đã được xử lý", never the generic stale message.
    expect(await run(() => issueDecision(w.actors.leader, id, 1))).toMatchObject({ ok: false, message: ISSUED_MESSAGE });
    expect(ISSUED_MESSAGE).toContain("đã được xử lý");
    expect(await db.titleAward.count()).toBe(3);
    expect(await db.hamletReview.count({ where: { id: { in: [reviewA.id, reviewB.id] }, status: "DECIDED" } })).toBe(2);
    expect(await db.reviewEvent.count()).toBe(2);
    expect(await db.auditLog.count({ where: { action: "decision.issue" } })).toBe(1);
    expect(await db.decision.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "ISSUED", version: 2 });
  });

  it("refuses to issue a draft that changed since the leader opened it", async () => {
    const { id } = await createAwardDecision(w.actors.officer, 2024, input([reviewA.id]));
    await updateAwardDecision(w.actors.officer, id, 1, input([reviewA.id, reviewB.id]));
    await expect(issueDecision(w.actors.leader, id, 1)).rejects.toMatchObject({ code: "CONFLICT", message: MSG.stale });
    expect(await db.titleAward.count()).toBe(0);
    await expect(issueDecision(w.actors.leader, id, 2)).resolves.toMatchObject({ awards: 3 });
  });
});

describe("who reads decisions", () => {
  it("the commune's officer, leader and committee; not a hamlet head or another commune", async () => {
    const { id } = await createAwardDecision(w.actors.officer, 2024, input([reviewA.id]));
    for (const who of ["officer", "leader", "committee"] as const) expect(await getDecision(w.actors[who], id)).not.toBeNull();
    expect(await getDecision(w.actors.headA, id)).toBeNull();
    expect(await getDecision(w.actors.otherOfficer, id)).toBeNull();
    expect((await listDecisions(w.actors.headA, { page: 1 })).total).toBe(0);
    expect((await listDecisions(w.actors.otherOfficer, { page: 1 })).total).toBe(0);
    expect(await getDecision(w.actors.officer, "not-a-uuid")).toBeNull();
  });
});

describe("the decision page's household list", () => {
  it("shows every household of a small decision, or one xóm when asked, counting them all in the database", async () => {
    const { id } = await createAwardDecision(w.actors.officer, 2024, input([reviewA.id, reviewB.id]));
    const all = await getDecision(w.actors.leader, id);
    expect(all).toMatchObject({ householdCount: 3, shownHamletId: null });
    expect(all!.households.map((h) => h.headName).sort()).toEqual(["Hoàng Văn Hai", "Hoàng Văn Một", "Lò Thị Bốn"]);
    expect(Object.fromEntries(all!.hamlets.map((h) => [h.hamletId, [h.reviewId, h.achieved, h.assessed]]))).toEqual({
      [w.hamletA.id]: [reviewA.id, 2, 3], [w.hamletB.id]: [reviewB.id, 1, 1],
    });

    const oneHamlet = await getDecision(w.actors.leader, id, { hamlet: w.hamletA.id });
    expect(oneHamlet).toMatchObject({ householdCount: 3, shownHamletId: w.hamletA.id });
    expect(oneHamlet!.households.map((h) => [h.headName, h.hamletId, h.hamletName])).toEqual([
      ["Hoàng Văn Hai", w.hamletA.id, w.hamletA.name], ["Hoàng Văn Một", w.hamletA.id, w.hamletA.name],
    ]);
    // A xóm the decision does not cover (here another commune's) gives the default view, never its rows.
    expect(await getDecision(w.actors.leader, id, { hamlet: w.hamletZ.id })).toMatchObject({ shownHamletId: null, householdCount: 3 });
    expect((await getDecision(w.actors.leader, id, { households: false }))!.households).toEqual([]);

    await issueDecision(w.actors.leader, id, 1);
    const issued = await getDecision(w.actors.officer, id, { hamlet: w.hamletB.id });
    expect(issued!.households).toEqual([
      expect.objectContaining({ householdId: hB1.id, hamletId: w.hamletB.id, votesFor: 13, award: expect.objectContaining({ status: "ACTIVE", year: 2024 }) }),
    ]);
    expect(await listDecisionHouseholds(issued!, null)).toHaveLength(3);
  });

  it("opens a large decision on its first xóm; ?hamlet=all lists them all", () => {
    const hamlets = [
      { hamletId: "a", reviewId: null, hamletName: "Bản Lác", status: null, achieved: 200, assessed: 200 },
      { hamletId: "b", reviewId: null, hamletName: "Kim Tân", status: null, achieved: ALL_HOUSEHOLDS_LIMIT - 199, assessed: 200 },
    ];
    expect(shownHamlet(hamlets, ALL_HOUSEHOLDS_LIMIT + 1, undefined)).toBe("a");
    expect(shownHamlet(hamlets, ALL_HOUSEHOLDS_LIMIT + 1, "b")).toBe("b");
    expect(shownHamlet(hamlets, ALL_HOUSEHOLDS_LIMIT + 1, "zzz")).toBe("a");
    expect(shownHamlet(hamlets, ALL_HOUSEHOLDS_LIMIT + 1, ALL_HAMLETS)).toBeNull();
    expect(shownHamlet(hamlets, ALL_HOUSEHOLDS_LIMIT, undefined)).toBeNull();
  });
});

describe("a household found ACHIEVED by two xóm in one year", () => {
  it("is refused at issue with its name, and nothing is written", async () => {
    // hA1 moved to xóm B during the year and was assessed there too.
    const copy = await db.assessment.findFirstOrThrow({ where: { householdId: hA1.id }, omit: { id: true, createdAt: true, updatedAt: true } });
    await db.assessment.create({ data: { ...copy, hamletReviewId: reviewB.id } });
    const { id } = await createAwardDecision(w.actors.officer, 2024, input([reviewA.id, reviewB.id]));
    const before = await counts();
    await expect(issueDecision(w.actors.leader, id, 1)).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: DECISION_MSG.achievedTwice(["Hoàng Văn Một"]),
    });
    expect(await counts()).toEqual(before);
    expect(await db.decision.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DRAFT", version: 1 });
    expect((await db.hamletReview.findMany()).map((r) => r.status)).toEqual(["ACCEPTED", "ACCEPTED"]);
  });
});
