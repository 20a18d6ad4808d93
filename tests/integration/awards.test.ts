import { beforeEach, describe, expect, it } from "vitest";
import { awardHistory, currentStreak, listHonourCandidates, streaksFor } from "@/lib/awards/queries";
import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import { DECISION_MSG, DEFAULT_AWARD_LEGAL_BASIS } from "@/lib/decisions/labels";
import { getDecision, listAwardsForCancellation } from "@/lib/decisions/queries";
import type { CancellationDecisionInput } from "@/lib/decisions/schema";
import { createAwardDecision, createCancellationDecision, discardDecision, issueDecision, updateCancellationDecision } from "@/lib/decisions/service";
import { makeCampaignYear, makeReview } from "../factories/cycle";
import { makeActor, makeHousehold, makeWorld, resetDb, type World } from "../factories";

// Awards over the years: cancellation keeps the row, streaks skip cancelled years, "tiêu biểu" ranks by votes.

type Household = { id: string; headName: string };

const header = (year: number, number: number) => ({
  number, symbol: "QĐ-UBND", issuedOn: utcDate(year, 12, 5), signerAuthority: "" as const, signerTitle: "CHỦ TỊCH", signerName: "Ma Văn Quyết",
  legalBasis: DEFAULT_AWARD_LEGAL_BASIS,
});

let w: World;

/** Runs a whole year through the services: dossier of xóm A accepted, decision drafted and issued. */
async function awardYear(year: number, entries: { household: Household; votesFor?: number }[]) {
  // Votes run from 9 to 20 of the 25 present: a 30 % approval threshold lets every one of them carry.
  const campaignYear = await makeCampaignYear(w.commune.id, year, { approvalPct: 30 });
  const review = await makeReview(campaignYear, w.hamletA, {
    invitedCount: 30, presentCount: 25,
    assessments: entries.map((e) => ({ householdId: e.household.id, result: "ACHIEVED", votesFor: e.votesFor ?? 12, votesAgainst: 0 })),
  });
  const { id } = await createAwardDecision(w.actors.officer, year, { ...header(year, 1), reviewIds: [review.id] });
  await issueDecision(w.actors.leader, id, 1);
  return { campaignYear, decisionId: id };
}

const awardOf = (householdId: string, year: number) => db.titleAward.findUniqueOrThrow({ where: { householdId_year: { householdId, year } } });

function cancellation(awardIds: string[], overrides: Partial<CancellationDecisionInput> = {}): CancellationDecisionInput {
  return {
    ...header(2025, 3), issuedOn: utcDate(2025, 3, 10), awardIds, cancelGround: "D",
    cancelReason: "Thành viên hộ bị xử phạt vi phạm hành chính về đánh bạc trong thời gian tính thành tích.", ...overrides,
  };
}

/** Cancels awards through a drafted and issued cancellation decision. */
async function cancel(awardIds: string[], number: number) {
  const { id } = await createCancellationDecision(w.actors.officer, cancellation(awardIds, { number }));
  await issueDecision(w.actors.leader, id, 1);
  return id;
}

beforeEach(async () => {
  await resetDb();
  w = await makeWorld();
});

describe("cancellation and streaks", () => {
  let x: Household;
  beforeEach(async () => {
    x = await makeHousehold(w.hamletA, { headName: "Nông Văn Xuân" });
    for (const year of [2021, 2022, 2023, 2024]) await awardYear(year, [{ household: x }]);
  });

  it("keeps the cancelled award as CANCELLED, and the streak skips it (2021 ✓, 2022 ✕, 2023 ✓, 2024 ✓ → 2)", async () => {
    expect((await streaksFor([x.id], 2024)).get(x.id)).toBe(4);
    const award2022 = await awardOf(x.id, 2022);
    const cancelId = await cancel([award2022.id], 3);

    expect(await db.titleAward.count({ where: { householdId: x.id } })).toBe(4);
    const after = await awardOf(x.id, 2022);
    expect(after).toMatchObject({ status: "CANCELLED", cancelDecisionId: cancelId, decisionId: award2022.decisionId });
    expect(after.cancelledAt).toBeInstanceOf(Date);
    expect(await db.decision.findUniqueOrThrow({ where: { id: cancelId } })).toMatchObject({ kind: "CANCELLATION", status: "ISSUED", cancelGround: "D" });

    const streaks = await streaksFor([x.id], 2024);
    expect(streaks.get(x.id)).toBe(2);
    expect((await streaksFor([x.id], 2022)).get(x.id)).toBe(0);
    expect((await streaksFor([x.id], 2021)).get(x.id)).toBe(1);

    const history = await awardHistory(w.actors.officer, x.id);
    expect(history.map((h) => [h.year, h.status])).toEqual([[2024, "ACTIVE"], [2023, "ACTIVE"], [2022, "CANCELLED"], [2021, "ACTIVE"]]);
    expect(history[2]!.cancelDecision).toMatchObject({ id: cancelId, number: 3 });
    expect(currentStreak(history)).toEqual({ streak: 2, from: 2023, to: 2024 });

    const audits = await db.auditLog.findMany({ where: { entityId: cancelId }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["decision.draft", "decision.issue"]);
    expect(audits[1]!.after).toMatchObject({ kind: "CANCELLATION", cancelledAwardIds: [award2022.id] });
  });

  it("refuses an award already cancelled, or named by another draft cancellation", async () => {
    const a2022 = await awardOf(x.id, 2022);
    const a2023 = await awardOf(x.id, 2023);
    const draft = await createCancellationDecision(w.actors.officer, cancellation([a2023.id], { number: 1 }));
    await expect(createCancellationDecision(w.actors.officer, cancellation([a2023.id], { number: 2 }))).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: DECISION_MSG.awardInOtherDraft([x.headName]),
    });
    await cancel([a2022.id], 4);
    await expect(createCancellationDecision(w.actors.officer, cancellation([a2022.id], { number: 5 }))).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: DECISION_MSG.awardCancelled([x.headName]),
    });
    // Awards of different years do not go into one cancellation.
    const a2024 = await awardOf(x.id, 2024);
    const a2021 = await awardOf(x.id, 2021);
    await expect(createCancellationDecision(w.actors.officer, cancellation([a2021.id, a2024.id], { number: 6 }))).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { awardIds: [DECISION_MSG.awardsMixedYears] },
    });
    // The open draft still issues; discarding another draft would have left its award alone.
    await issueDecision(w.actors.leader, draft.id, 1);
    expect((await awardOf(x.id, 2023)).status).toBe("CANCELLED");
    expect(await db.decision.count({ where: { kind: "CANCELLATION" } })).toBe(2);
  });

  it("lets exactly one of two concurrent drafts name the same award", async () => {
    const a2024 = await awardOf(x.id, 2024);
    const results = await Promise.allSettled([
      createCancellationDecision(w.actors.officer, cancellation([a2024.id], { number: 7 })),
      createCancellationDecision(w.actors.officer, cancellation([a2024.id], { number: 8 })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused!.reason).toMatchObject({ code: "RULE_VIOLATION", message: DECISION_MSG.awardInOtherDraft([x.headName]) });
    expect(await db.cancellationItem.count()).toBe(1);
  });

  it("only the officer drafts and only the leader issues; a discarded draft leaves the award active", async () => {
    const a2024 = await awardOf(x.id, 2024);
    for (const who of ["leader", "committee"] as const) {
      await expect(createCancellationDecision(w.actors[who], cancellation([a2024.id]))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(createCancellationDecision(w.actors.otherOfficer, cancellation([a2024.id]))).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { id } = await createCancellationDecision(w.actors.officer, cancellation([a2024.id]));
    await expect(issueDecision(w.actors.officer, id, 1)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await awardOf(x.id, 2024)).status).toBe("ACTIVE");
    expect((await listAwardsForCancellation(w.actors.officer, [a2024.id]))[0]!.award!.pendingCancelId).toBe(id);

    await updateCancellationDecision(w.actors.officer, id, 1, cancellation([a2024.id], { cancelGround: "B", cancelReason: "Giả mạo hồ sơ." }));
    expect(await db.decision.findUniqueOrThrow({ where: { id } })).toMatchObject({ cancelGround: "B", cancelReason: "Giả mạo hồ sơ.", version: 2 });

    await discardDecision(w.actors.officer, id);
    expect(await db.cancellationItem.count()).toBe(0);
    expect(await awardOf(x.id, 2024)).toMatchObject({ status: "ACTIVE", cancelDecisionId: null });
    await expect(createCancellationDecision(w.actors.officer, cancellation([a2024.id]))).resolves.toBeDefined();
  });

  it("lists a cancellation's awards by xóm on the decision page", async () => {
    const a2023 = await awardOf(x.id, 2023);
    const { id } = await createCancellationDecision(w.actors.officer, cancellation([a2023.id]));
    const draft = await getDecision(w.actors.committee, id);
    expect(draft).toMatchObject({ kind: "CANCELLATION", householdCount: 1, shownHamletId: null });
    expect(draft!.hamlets).toEqual([{ hamletId: w.hamletA.id, reviewId: null, hamletName: w.hamletA.name, status: null, achieved: 1, assessed: 1 }]);
    expect(draft!.households).toEqual([
      expect.objectContaining({ householdId: x.id, hamletId: w.hamletA.id, award: expect.objectContaining({ id: a2023.id, year: 2023, pendingCancelId: id }) }),
    ]);
    expect((await getDecision(w.actors.committee, id, { hamlet: w.hamletA.id }))!.households).toHaveLength(1);
    await issueDecision(w.actors.leader, id, 1);
    const issued = await getDecision(w.actors.officer, id);
    expect(issued!.households[0]!.award).toMatchObject({ status: "CANCELLED", cancelDecision: expect.objectContaining({ id }) });
  });

  it("shows a household's history only within the actor's scope", async () => {
    expect(await awardHistory(w.actors.headA, x.id)).toHaveLength(4);
    expect(await awardHistory(w.actors.committee, x.id)).toHaveLength(4);
    const headB = await makeActor("HAMLET_HEAD", { communeId: w.commune.id, hamletId: w.hamletB.id });
    expect(await awardHistory(headB, x.id)).toEqual([]);
    expect(await awardHistory(w.actors.otherOfficer, x.id)).toEqual([]);
    expect(await awardHistory(w.actors.admin, x.id)).toEqual([]);
    expect(await awardHistory(w.actors.officer, "không-phải-uuid")).toEqual([]);
  });
});

describe("\u201ctiêu biểu\u201d candidates", () => {
  it("takes households with N consecutive active years, ranked by votes, cut at the quota", async () => {
    const h: Record<string, Household> = {};
    for (const name of ["H1", "H2", "H3", "H4", "H5", "H6", "H7"]) h[name] = await makeHousehold(w.hamletA, { headName: `Hộ ${name}` });
    await awardYear(2021, [{ household: h.H3! }]);
    await awardYear(2022, ["H1", "H2", "H3", "H6", "H7"].map((n) => ({ household: h[n]! })));
    await awardYear(2023, ["H1", "H2", "H3", "H4", "H6", "H7"].map((n) => ({ household: h[n]! })));
    const { campaignYear } = await awardYear(2024, [
      { household: h.H1!, votesFor: 10 }, { household: h.H2!, votesFor: 14 }, { household: h.H3!, votesFor: 12 }, { household: h.H4!, votesFor: 20 },
      { household: h.H5!, votesFor: 15 }, { household: h.H6!, votesFor: 16 }, { household: h.H7!, votesFor: 9 },
    ]);
    // H6's 2023 title is cancelled: its run restarts in 2024.
    await cancel([(await awardOf(h.H6!.id, 2023)).id], 2);

    const open = await listHonourCandidates(w.actors.committee, 2024);
    expect(open).toMatchObject({ honourYears: 3, honourQuotaPct: null, awardsThisYear: 7, eligibleCount: 4 });
    expect(open!.candidates.map((c) => [c.headName, c.streak, c.votesFor])).toEqual([["Hộ H2", 3, 14], ["Hộ H3", 4, 12], ["Hộ H1", 3, 10], ["Hộ H7", 3, 9]]);
    expect(open!.candidates[0]!.hamletName).toBe(w.hamletA.name);

    // 50 % of the year's 7 awards → 3 households.
    await db.campaignYear.update({ where: { id: campaignYear.id }, data: { honourQuotaPct: 50 } });
    const capped = await listHonourCandidates(w.actors.leader, 2024);
    expect(capped!.candidates.map((c) => c.headName)).toEqual(["Hộ H2", "Hộ H3", "Hộ H1"]);
    expect(capped!.eligibleCount).toBe(4);

    // A cancelled 2024 title drops out of the list and out of the year's count.
    await cancel([(await awardOf(h.H2!.id, 2024)).id], 4);
    const after = await listHonourCandidates(w.actors.officer, 2024);
    expect(after).toMatchObject({ awardsThisYear: 6, eligibleCount: 3 });
    expect(after!.candidates.map((c) => c.headName)).toEqual(["Hộ H3", "Hộ H1", "Hộ H7"]);

    expect(await listHonourCandidates(w.actors.headA, 2024)).toBeNull();
    expect(await listHonourCandidates(w.actors.otherOfficer, 2024)).toBeNull();
  });
});
