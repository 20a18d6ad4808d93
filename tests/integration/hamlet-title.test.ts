import { beforeEach, describe, expect, it } from "vitest";
import { HAMLET_CRITERIA } from "@/lib/campaign/defaults";
import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import { HAMLET_TITLE_MSG } from "@/lib/hamlet-title/labels";
import { getEntryPage, getProposalPage, getTitleYear, listHamletEntries, type TitleYear } from "@/lib/hamlet-title/queries";
import type { CouncilInput, ReportInput } from "@/lib/hamlet-title/schema";
import {
  postCouncilNotice, proposeCouncil, registerHamlet, reopenCouncil, resolveComment, saveCouncil, saveReport, saveVotes, unregisterHamlet,
} from "@/lib/hamlet-title/service";
import { MSG } from "@/lib/result";
import { noticeOpenMessage } from "@/lib/review/rules";
import { makeCampaignYear, makeReview, type YearRow } from "../factories/cycle";
import { makeHouseholdAwards, makeNoticeComment, setHamletRules } from "../factories/hamlet-title";
import { makeHamlet, makeHousehold, makeWorld, resetDb, type World } from "../factories";

// The "Xóm văn hóa" cycle end to end through the services against the real database: registration, the achievement
// report (prefilled from the registers, ratio items computed), the council's votes, the public notice, residents'
// comments and the Tờ trình.

let w: World;
let year: YearRow;

const TODAY = utcDate(2024, 11, 10);
const MEETING = utcDate(2024, 12, 10);
const POSTED = utcDate(2024, 12, 12);
const ENDS = utcDate(2024, 12, 22);

const STANDARD_CODES = HAMLET_CRITERIA.map((c) => c.code);
const ENTERED = HAMLET_CRITERIA.filter((c) => c.metric === "EMPLOYED_PCT" || c.metric === "CIVILISED_RITES_PCT").map((c) => c.code);
const PLAIN = HAMLET_CRITERIA.filter((c) => !c.metric).map((c) => c.code);

/** A report meeting every criterion of the default hamlet set: 8 of 10 households GĐVH, 1 poor, every child at school. */
function report(over: Partial<ReportInput> = {}, answers: ReportInput["criteria"] = {}): ReportInput {
  const criteria: ReportInput["criteria"] = {};
  for (const code of PLAIN) criteria[code] = { isMet: true };
  for (const code of ENTERED) criteria[code] = { isMet: false, value: 95 };
  return {
    reportedOn: TODAY, totalHouseholds: 10, recognisedHouseholds: 8, poorHouseholds: 1, nearPoorHouseholds: 0, hasCulturalHouse: true,
    schoolAgeChildren: 5, childrenInSchool: 5, overview: "Xóm có 10 hộ.", commitments: "Giữ vững danh hiệu.", ...over,
    criteria: { ...criteria, ...answers },
  };
}

const council = (over: Partial<CouncilInput> = {}): CouncilInput => ({
  meetingDate: MEETING, meetingPlace: "Hội trường UBND xã", chairName: "Hoàng Văn Chủ", secretaryName: "Lê Thị Thư", membersTotal: 15, membersPresent: 12,
  ...over,
});

async function counts() {
  const [entries, results, councils, comments, audits] = await Promise.all([
    db.hamletTitleEntry.count(), db.hamletCriterionResult.count(), db.councilReview.count(), db.noticeComment.count(), db.auditLog.count(),
  ]);
  return { entries, results, councils, comments, audits };
}

const entryOf = (hamletId: string) => db.hamletTitleEntry.findFirstOrThrow({ where: { campaignYearId: year.id, hamletId }, include: { results: true } });
const councilRow = () => db.councilReview.findFirstOrThrow({ where: { campaignYearId: year.id } });
const audits = (action: string) => db.auditLog.count({ where: { action } });

async function titleYear(): Promise<TitleYear> {
  return (await getTitleYear(w.actors.officer, 2024))!;
}

/** Both hamlets registered and reported (A meets everything; B as given), the council met. */
async function reportedAndMet(bAnswers: ReportInput["criteria"] = {}) {
  await registerHamlet(w.actors.headA, 2024, w.hamletA.id, { registeredOn: utcDate(2024, 2, 1) }, TODAY);
  await registerHamlet(w.actors.officer, 2024, w.hamletB.id, { registeredOn: utcDate(2024, 2, 3) }, TODAY);
  await saveReport(w.actors.headA, 2024, w.hamletA.id, 1, report(), TODAY);
  await saveReport(w.actors.officer, 2024, w.hamletB.id, 1, report({}, bAnswers), TODAY);
  const { id } = await saveCouncil(w.actors.officer, 2024, undefined, council());
  return id;
}

/** Reported, voted (A 10/12, B 9/12) and posted on POSTED. */
async function posted() {
  const id = await reportedAndMet();
  await saveVotes(w.actors.officer, id, 1, { votes: { [w.hamletA.id]: { votesFor: 10, votesAgainst: 2 }, [w.hamletB.id]: { votesFor: 9, votesAgainst: 1 } } });
  await postCouncilNotice(w.actors.officer, id, 2, { postedOn: POSTED, channel: "Trang thông tin điện tử của xã" }, POSTED);
  return id;
}

beforeEach(async () => {
  await resetDb();
  w = await makeWorld();
  year = await makeCampaignYear(w.commune.id, 2024);
});

describe("registration", () => {
  it("a hamlet head registers their own hamlet: the entry is dated and audited", async () => {
    const { id } = await registerHamlet(w.actors.headA, 2024, w.hamletA.id, { registeredOn: utcDate(2024, 2, 1) }, TODAY);
    expect(await db.hamletTitleEntry.findUniqueOrThrow({ where: { id } })).toMatchObject({
      hamletId: w.hamletA.id, campaignYearId: year.id, communeId: w.commune.id, registeredOn: utcDate(2024, 2, 1), reportedOn: null,
    });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "hamletTitle.register", entityId: id } })).toMatchObject({
      actorId: w.actors.headA.id, entityType: "HamletTitleEntry", after: { year: 2024, hamletId: w.hamletA.id, registeredOn: "2024-02-01" },
    });
  });

  it("a hamlet head cannot register another hamlet, and nothing is written", async () => {
    const before = await counts();
    await expect(registerHamlet(w.actors.headA, 2024, w.hamletB.id, { registeredOn: utcDate(2024, 2, 1) }, TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(registerHamlet(w.actors.headA, 2024, w.hamletZ.id, { registeredOn: utcDate(2024, 2, 1) }, TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
  });

  it("the officer registers any hamlet of the commune; the leader and another commune's officer may not", async () => {
    await registerHamlet(w.actors.officer, 2024, w.hamletB.id, { registeredOn: utcDate(2024, 3, 1) }, TODAY);
    await expect(registerHamlet(w.actors.leader, 2024, w.hamletA.id, { registeredOn: utcDate(2024, 3, 1) }, TODAY)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(registerHamlet(w.actors.otherOfficer, 2024, w.hamletA.id, { registeredOn: utcDate(2024, 3, 1) }, TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.hamletTitleEntry.count()).toBe(1);
  });

  it("refuses a second registration and a date outside the year or after today", async () => {
    await registerHamlet(w.actors.headA, 2024, w.hamletA.id, { registeredOn: utcDate(2024, 2, 1) }, TODAY);
    await expect(registerHamlet(w.actors.headA, 2024, w.hamletA.id, { registeredOn: utcDate(2024, 2, 2) }, TODAY)).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: expect.stringContaining("đã được xử lý"),
    });
    await expect(registerHamlet(w.actors.officer, 2024, w.hamletB.id, { registeredOn: utcDate(2024, 11, 11) }, TODAY)).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { registeredOn: [expect.stringContaining("10/11/2024")] },
    });
    await expect(registerHamlet(w.actors.officer, 2024, w.hamletB.id, { registeredOn: utcDate(2023, 12, 31) }, TODAY)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await audits("hamletTitle.register")).toBe(1);
  });

  it("unregisters until the report is saved, then refuses", async () => {
    await registerHamlet(w.actors.headA, 2024, w.hamletA.id, { registeredOn: utcDate(2024, 2, 1) }, TODAY);
    await unregisterHamlet(w.actors.headA, 2024, w.hamletA.id);
    expect((await entryOf(w.hamletA.id)).registeredOn).toBeNull();
    expect(await audits("hamletTitle.unregister")).toBe(1);

    await registerHamlet(w.actors.headA, 2024, w.hamletA.id, { registeredOn: utcDate(2024, 2, 5) }, TODAY);
    await saveReport(w.actors.headA, 2024, w.hamletA.id, 3, report(), TODAY);
    await expect(unregisterHamlet(w.actors.headA, 2024, w.hamletA.id)).rejects.toMatchObject({ code: "RULE_VIOLATION", message: expect.stringContaining("báo cáo thành tích") });
    expect((await entryOf(w.hamletA.id)).registeredOn).toEqual(utcDate(2024, 2, 5));
  });
});

describe("the achievement report", () => {
  it("prefills the figures the database counts: active households, poverty, this year's active GĐVH awards", async () => {
    const [poor1, poor2, near, , awarded1, awarded2, movedOut, cancelledAward] = [
      await makeHousehold(w.hamletA, { povertyStatus: "POOR" }),
      await makeHousehold(w.hamletA, { povertyStatus: "POOR" }),
      await makeHousehold(w.hamletA, { povertyStatus: "NEAR_POOR" }),
      await makeHousehold(w.hamletA),
      await makeHousehold(w.hamletA),
      await makeHousehold(w.hamletA),
      await makeHousehold(w.hamletA, { status: "MOVED_OUT", povertyStatus: "POOR" }),
      await makeHousehold(w.hamletA),
    ];
    const inB = await makeHousehold(w.hamletB, { povertyStatus: "POOR" });
    await makeHouseholdAwards(year, [poor1, awarded1, awarded2, movedOut, cancelledAward, inB], { cancelled: [cancelledAward.id] });
    const lastYear = await makeCampaignYear(w.commune.id, 2023);
    await makeHouseholdAwards(lastYear, [poor2, near]);
    await db.hamlet.update({ where: { id: w.hamletA.id }, data: { hasCulturalHouse: true } });

    const page = (await getEntryPage(w.actors.headA, await titleYear(), w.hamletA.id))!;

    const [sql] = await db.$queryRaw<{ total: bigint; poor: bigint; nearPoor: bigint; recognised: bigint }[]>`
      SELECT
        (SELECT count(*) FROM "Household" WHERE "hamletId" = ${w.hamletA.id}::uuid AND "status" = 'ACTIVE') AS "total",
        (SELECT count(*) FROM "Household" WHERE "hamletId" = ${w.hamletA.id}::uuid AND "status" = 'ACTIVE' AND "povertyStatus" = 'POOR') AS "poor",
        (SELECT count(*) FROM "Household" WHERE "hamletId" = ${w.hamletA.id}::uuid AND "status" = 'ACTIVE' AND "povertyStatus" = 'NEAR_POOR') AS "nearPoor",
        (SELECT count(*) FROM "TitleAward" a JOIN "Household" h ON h."id" = a."householdId"
          WHERE h."hamletId" = ${w.hamletA.id}::uuid AND h."status" = 'ACTIVE' AND a."year" = 2024 AND a."status" = 'ACTIVE') AS "recognised"`;
    expect(page.prefill).toEqual({
      totalHouseholds: Number(sql!.total), poorHouseholds: Number(sql!.poor), nearPoorHouseholds: Number(sql!.nearPoor),
      recognisedHouseholds: Number(sql!.recognised), hasCulturalHouse: true, recognisedProvisional: false,
    });
    // And those are: 7 active, 2 poor, 1 near-poor, 3 awards (poor1, awarded1, awarded2).
    expect(page.prefill).toMatchObject({ totalHouseholds: 7, poorHouseholds: 2, nearPoorHouseholds: 1, recognisedHouseholds: 3 });
    expect(page.criteriaSet?.items.map((c) => c.code)).toEqual(STANDARD_CODES);
  });

  it("before the household decision, prefills the households the hamlet's own meeting found đạt, flagged provisional", async () => {
    const [achieved1, achieved2, notAchieved, movedOut] = [
      await makeHousehold(w.hamletA), await makeHousehold(w.hamletA), await makeHousehold(w.hamletA),
      await makeHousehold(w.hamletA),
    ];
    await makeReview(year, w.hamletA, {
      status: "ACCEPTED",
      assessments: [
        { householdId: achieved1.id, result: "ACHIEVED" }, { householdId: achieved2.id, result: "ACHIEVED" },
        { householdId: notAchieved.id, result: "NOT_ACHIEVED" }, { householdId: movedOut.id, result: "ACHIEVED" },
      ],
    });
    await db.household.update({ where: { id: movedOut.id }, data: { status: "MOVED_OUT" } });
    const page = (await getEntryPage(w.actors.headA, await titleYear(), w.hamletA.id))!;
    expect(page.prefill).toMatchObject({ totalHouseholds: 3, recognisedHouseholds: 2, recognisedProvisional: true });
  });

  it("without a household review this year, cites only the year's active awards: none gives 0, not provisional", async () => {
    await makeHousehold(w.hamletA);
    await makeHousehold(w.hamletA);
    // Another hamlet's open review says nothing about this one.
    await makeReview(year, w.hamletB, { status: "MEETING" });
    const page = (await getEntryPage(w.actors.headA, await titleYear(), w.hamletA.id))!;
    expect(page.prefill).toMatchObject({ totalHouseholds: 2, recognisedHouseholds: 0, recognisedProvisional: false });
  });

  it("is refused for an unregistered hamlet when the year requires registration, and nothing is written", async () => {
    const before = await counts();
    await expect(saveReport(w.actors.headA, 2024, w.hamletA.id, undefined, report(), TODAY)).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: HAMLET_TITLE_MSG.notRegistered(2024),
    });
    expect(HAMLET_TITLE_MSG.notRegistered(2024)).toBe("Xóm chưa đăng ký xây dựng danh hiệu \u201cXóm văn hóa\u201d năm 2024 nên chưa thể gửi báo cáo thành tích.");
    expect(await counts()).toEqual(before);
  });

  it("is accepted without registration when the year does not require it", async () => {
    await setHamletRules(year.id, { hamletRegistrationRequired: false });
    const { id, version } = await saveReport(w.actors.headA, 2024, w.hamletA.id, undefined, report(), TODAY);
    expect(version).toBe(1);
    expect(await db.hamletTitleEntry.findUniqueOrThrow({ where: { id } })).toMatchObject({ registeredOn: null, reportedOn: TODAY, reportedById: w.actors.headA.id });
  });

  it("computes each ratio item from its threshold; a tick sent for one is ignored", async () => {
    await registerHamlet(w.actors.headA, 2024, w.hamletA.id, { registeredOn: utcDate(2024, 2, 1) }, TODAY);
    // 7 of 10 households GĐVH (≥ 70 % met), 2 poor (20 %, above ≤ 15 %), employment typed 79,5 % (below ≥ 80 %).
    const { unmetCodes } = await saveReport(w.actors.headA, 2024, w.hamletA.id, 1,
      report({ recognisedHouseholds: 7, poorHouseholds: 2 }, { "I.1": { isMet: true, value: 79.5 }, "I.2": { isMet: true } }), TODAY);
    expect(unmetCodes).toEqual(["I.1", "I.2"]);
    const entry = await entryOf(w.hamletA.id);
    expect(entry.results).toHaveLength(STANDARD_CODES.length);
    const byCode = new Map(entry.results.map((r) => [r.code, r]));
    expect(byCode.get("V.2")).toMatchObject({ value: 70, isMet: true });
    expect(byCode.get("I.2")).toMatchObject({ value: 20, isMet: false });
    expect(byCode.get("I.1")).toMatchObject({ value: 79.5, isMet: false });
    expect(byCode.get("II.2")).toMatchObject({ value: 100, isMet: true });
    expect(byCode.get("I.3")).toMatchObject({ value: null, isMet: true });
    expect(entry).toMatchObject({ totalHouseholds: 10, recognisedHouseholds: 7, poorHouseholds: 2, version: 2 });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "hamletTitle.report.create" } })).toMatchObject({
      entityId: entry.id, after: { unmetCodes: ["I.1", "I.2"], recognisedHouseholds: 7 },
    });
  });

  it("a re-save replaces every criterion row, checks the version, and is audited as an update", async () => {
    await registerHamlet(w.actors.headA, 2024, w.hamletA.id, { registeredOn: utcDate(2024, 2, 1) }, TODAY);
    await saveReport(w.actors.headA, 2024, w.hamletA.id, 1, report({}, { "I.3": { isMet: false } }), TODAY);
    await expect(saveReport(w.actors.headA, 2024, w.hamletA.id, 1, report(), TODAY)).rejects.toMatchObject({ code: "CONFLICT", message: MSG.stale });
    await saveReport(w.actors.headA, 2024, w.hamletA.id, 2, report(), TODAY);
    const entry = await entryOf(w.hamletA.id);
    expect(entry.results).toHaveLength(STANDARD_CODES.length);
    expect(entry.results.every((r) => r.isMet)).toBe(true);
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "hamletTitle.report.update" } })).toMatchObject({
      before: { unmetCodes: ["I.3"] }, after: { unmetCodes: [] },
    });
  });

  it("refuses impossible figures and a missing entered percentage at their fields, writing nothing", async () => {
    await registerHamlet(w.actors.headA, 2024, w.hamletA.id, { registeredOn: utcDate(2024, 2, 1) }, TODAY);
    const before = await counts();
    await expect(saveReport(w.actors.headA, 2024, w.hamletA.id, 1, report({ recognisedHouseholds: 11 }, { "I.1": { isMet: false } }), TODAY)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { recognisedHouseholds: [expect.stringContaining("(11)")], "criteria.I.1.value": [expect.stringContaining("tiêu chí I.1")] },
    });
    expect(await counts()).toEqual(before);
  });

  it("a hamlet head cannot report for another hamlet", async () => {
    await registerHamlet(w.actors.officer, 2024, w.hamletB.id, { registeredOn: utcDate(2024, 2, 1) }, TODAY);
    const before = await counts();
    await expect(saveReport(w.actors.headA, 2024, w.hamletB.id, 2, report(), TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
  });
});

describe("the council", () => {
  it("creates the meeting with the year's rule set, audited; only the officer may", async () => {
    await expect(saveCouncil(w.actors.headA, 2024, undefined, council())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveCouncil(w.actors.leader, 2024, undefined, council())).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { id } = await saveCouncil(w.actors.officer, 2024, undefined, council());
    expect(await councilRow()).toMatchObject({ id, status: "MEETING", ruleSetId: year.ruleSetId, membersTotal: 15, membersPresent: 12, version: 1 });
    expect(await audits("council.meeting.create")).toBe(1);
    await expect(saveCouncil(w.actors.officer, 2024, undefined, council())).rejects.toMatchObject({ code: "CONFLICT", message: HAMLET_TITLE_MSG.councilExists });
  });

  it("refuses a vote with more votes than members present, with a field message, and saves nothing", async () => {
    const id = await reportedAndMet();
    const before = { ...(await counts()), council: await councilRow(), a: await entryOf(w.hamletA.id), b: await entryOf(w.hamletB.id) };
    const error = await saveVotes(w.actors.officer, id, 1, {
      votes: { [w.hamletA.id]: { votesFor: 10, votesAgainst: 2 }, [w.hamletB.id]: { votesFor: 15, votesAgainst: 0 } },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining(w.hamletB.name),
      fieldErrors: { [`votes.${w.hamletB.id}.votesFor`]: ["Số phiếu tán thành (15) không được lớn hơn số thành viên dự họp (12)."] },
    });
    expect((error as { fieldErrors: Record<string, string[]> }).fieldErrors).not.toHaveProperty(`votes.${w.hamletA.id}.votesFor`);
    expect({ ...(await counts()), council: await councilRow(), a: await entryOf(w.hamletA.id), b: await entryOf(w.hamletB.id) }).toEqual(before);
  });

  it("applies councilResult: all criteria met and > 50 % of those present → đạt; an unmet criterion or too few votes → không đạt", async () => {
    const hamletC = await makeHamlet(w.commune.id);
    const id = await reportedAndMet({ "III.1": { isMet: false } });
    await registerHamlet(w.actors.officer, 2024, hamletC.id, { registeredOn: utcDate(2024, 2, 1) }, TODAY);
    await saveReport(w.actors.officer, 2024, hamletC.id, 1, report(), TODAY);

    const result = await saveVotes(w.actors.officer, id, 1, {
      votes: {
        [w.hamletA.id]: { votesFor: 7, votesAgainst: 5 },
        [w.hamletB.id]: { votesFor: 12, votesAgainst: 0 },
        [hamletC.id]: { votesFor: 6, votesAgainst: 6 },
      },
    });
    expect(result).toEqual({ voted: 3, achieved: 1 });
    expect(await entryOf(w.hamletA.id)).toMatchObject({ councilId: id, votesFor: 7, votesAgainst: 5, result: "ACHIEVED", councilResult: "ACHIEVED", reason: null });
    expect(await entryOf(w.hamletB.id)).toMatchObject({ result: "NOT_ACHIEVED", councilResult: "NOT_ACHIEVED", reason: "Chưa đạt tiêu chí III.1." });
    expect(await entryOf(hamletC.id)).toMatchObject({ result: "NOT_ACHIEVED", reason: expect.stringContaining("6/12") });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "council.votes.save" } })).toMatchObject({
      entityId: id, after: { voted: 3, achieved: 1 },
    });
    expect((await councilRow()).version).toBe(2);
    await expect(saveVotes(w.actors.officer, id, 1, { votes: {} })).rejects.toMatchObject({ code: "CONFLICT", message: MSG.stale });
  });

  it("the year's rule decides: ≥ 50 % lets 6 of 12 pass", async () => {
    await setHamletRules(year.id, { councilApprovalOp: "GTE" });
    const id = await reportedAndMet();
    await saveVotes(w.actors.officer, id, 1, { votes: { [w.hamletA.id]: { votesFor: 6, votesAgainst: 6 } } });
    expect((await entryOf(w.hamletA.id)).result).toBe("ACHIEVED");
  });

  it("refuses a vote on a hamlet without a report; an empty line clears a vote", async () => {
    const id = await reportedAndMet();
    const hamletC = await makeHamlet(w.commune.id);
    await registerHamlet(w.actors.officer, 2024, hamletC.id, { registeredOn: utcDate(2024, 2, 1) }, TODAY);
    await expect(saveVotes(w.actors.officer, id, 1, { votes: { [hamletC.id]: { votesFor: 10 } } })).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { [`votes.${hamletC.id}.votesFor`]: [HAMLET_TITLE_MSG.noReport] },
    });
    await saveVotes(w.actors.officer, id, 1, { votes: { [w.hamletA.id]: { votesFor: 10 } } });
    await saveVotes(w.actors.officer, id, 2, { votes: { [w.hamletA.id]: {} } });
    expect(await entryOf(w.hamletA.id)).toMatchObject({ councilId: null, votesFor: null, result: null });
  });

  it("a smaller attendance that no longer fits a vote is refused; one that fits recomputes the results", async () => {
    const id = await reportedAndMet();
    await saveVotes(w.actors.officer, id, 1, { votes: { [w.hamletA.id]: { votesFor: 7, votesAgainst: 0 } } });
    await expect(saveCouncil(w.actors.officer, 2024, 2, council({ membersPresent: 6 }))).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { membersPresent: [expect.stringContaining(w.hamletA.name)] },
    });
    await saveCouncil(w.actors.officer, 2024, 2, council({ membersPresent: 14 }));
    expect(await entryOf(w.hamletA.id)).toMatchObject({ result: "NOT_ACHIEVED", reason: expect.stringContaining("7/14") });
    expect(await audits("council.meeting.update")).toBe(1);
  });
});

describe("the notice", () => {
  it("posts the results: dates from the year's notice days, status NOTICE, audited", async () => {
    const id = await reportedAndMet();
    await expect(postCouncilNotice(w.actors.officer, id, 1, { postedOn: POSTED, channel: "Bảng tin" }, POSTED)).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: HAMLET_TITLE_MSG.noVotes,
    });
    await saveVotes(w.actors.officer, id, 1, { votes: { [w.hamletA.id]: { votesFor: 10, votesAgainst: 2 } } });
    const { noticeEndsOn } = await postCouncilNotice(w.actors.officer, id, 2, { postedOn: POSTED, channel: "Trang thông tin điện tử của xã" }, POSTED);
    expect(noticeEndsOn).toEqual(ENDS);
    expect(await councilRow()).toMatchObject({ status: "NOTICE", noticePostedOn: POSTED, noticeEndsOn: ENDS, noticeChannel: "Trang thông tin điện tử của xã" });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "council.notice.post" } })).toMatchObject({
      after: { noticePostedOn: "2024-12-12", noticeEndsOn: "2024-12-22" },
    });
  });

  it("refuses a notice dated before the meeting or after today", async () => {
    const id = await reportedAndMet();
    await saveVotes(w.actors.officer, id, 1, { votes: { [w.hamletA.id]: { votesFor: 10 } } });
    await expect(postCouncilNotice(w.actors.officer, id, 2, { postedOn: utcDate(2024, 12, 9), channel: "Bảng tin" }, POSTED)).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { postedOn: [expect.stringContaining("10/12/2024")] },
    });
    await expect(postCouncilNotice(w.actors.officer, id, 2, { postedOn: utcDate(2024, 12, 13), channel: "Bảng tin" }, POSTED)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect((await councilRow()).status).toBe("MEETING");
  });

  it("locks the votes and the voted report; reopening clears the dates and lets the report change again", async () => {
    const id = await posted();
    await expect(saveVotes(w.actors.officer, id, 3, { votes: { [w.hamletA.id]: { votesFor: 11 } } })).rejects.toMatchObject({ code: "RULE_VIOLATION" });
    await expect(saveReport(w.actors.headA, 2024, w.hamletA.id, 3, report(), POSTED)).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: expect.stringContaining("mở lại cuộc họp Hội đồng"),
    });
    await reopenCouncil(w.actors.officer, id, 3);
    expect(await councilRow()).toMatchObject({ status: "MEETING", noticePostedOn: null, noticeEndsOn: null, noticeChannel: null });
    expect(await audits("council.reopen")).toBe(1);

    // The reopened meeting: a corrected report recomputes the vote already cast.
    await saveReport(w.actors.headA, 2024, w.hamletA.id, 3, report({}, { "II.3": { isMet: false } }), POSTED);
    expect(await entryOf(w.hamletA.id)).toMatchObject({ votesFor: 10, result: "NOT_ACHIEVED", reason: "Chưa đạt tiêu chí II.3." });
  });
});

describe("comments and the Tờ trình", () => {
  const proposal = { proposalNumber: 45, proposalSymbol: "TTr-UBND", proposalDate: utcDate(2024, 12, 23) };

  it("is refused before the notice has ended, and with a date inside the notice", async () => {
    const id = await posted();
    await expect(proposeCouncil(w.actors.officer, id, 3, { ...proposal, proposalDate: ENDS }, ENDS)).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: noticeOpenMessage(ENDS),
    });
    await expect(proposeCouncil(w.actors.officer, id, 3, { ...proposal, proposalDate: ENDS }, utcDate(2024, 12, 23))).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { proposalDate: [noticeOpenMessage(ENDS)] },
    });
    expect(await councilRow()).toMatchObject({ status: "NOTICE", proposalNumber: null, version: 3 });
  });

  it("is refused while a comment is pending", async () => {
    const id = await posted();
    const row = await councilRow();
    await makeNoticeComment(row, { hamletId: w.hamletB.id });
    await expect(proposeCouncil(w.actors.officer, id, 3, proposal, utcDate(2024, 12, 23))).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: expect.stringContaining("Còn 1 ý kiến"),
    });
    expect((await councilRow()).status).toBe("NOTICE");
  });

  it("an upheld comment flips the hamlet's result (the council's vote is kept); a second resolution is refused", async () => {
    const id = await posted();
    const comment = await makeNoticeComment(await councilRow(), { hamletId: w.hamletB.id, content: "Xóm còn tụ điểm cờ bạc." });
    expect((await entryOf(w.hamletB.id)).result).toBe("ACHIEVED");

    await expect(resolveComment(w.actors.headA, comment.id, { outcome: "UPHELD", resolution: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { hamletResultChanged } = await resolveComment(w.actors.officer, comment.id, { outcome: "UPHELD", resolution: "Đã xác minh đúng phản ánh" });
    expect(hamletResultChanged).toBe(true);
    expect(await entryOf(w.hamletB.id)).toMatchObject({
      result: "NOT_ACHIEVED", councilResult: "ACHIEVED", votesFor: 9, reason: "Ý kiến của người dân được chấp nhận: Đã xác minh đúng phản ánh",
    });
    expect(await db.noticeComment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({
      outcome: "UPHELD", resolution: "Đã xác minh đúng phản ánh", resolvedById: w.actors.officer.id, resolvedAt: expect.any(Date),
    });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "council.comment.resolve" } })).toMatchObject({
      entityType: "NoticeComment", entityId: comment.id, after: { outcome: "UPHELD", hamletResult: "NOT_ACHIEVED" },
    });

    await expect(resolveComment(w.actors.officer, comment.id, { outcome: "REJECTED", resolution: "Không đúng" })).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: expect.stringContaining("đã được xử lý"),
    });
    expect(await audits("council.comment.resolve")).toBe(1);

    // Re-voting after a reopen keeps the upheld comment's effect.
    await reopenCouncil(w.actors.officer, id, 3);
    await saveVotes(w.actors.officer, id, 4, { votes: { [w.hamletB.id]: { votesFor: 12, votesAgainst: 0 } } });
    expect(await entryOf(w.hamletB.id)).toMatchObject({ votesFor: 12, result: "NOT_ACHIEVED", councilResult: "ACHIEVED" });
  });

  it("an upheld comment takes the hamlet off the Tờ trình's list of hamlets proposed", async () => {
    const id = await posted();
    expect((await getProposalPage(w.actors.officer, await titleYear()))!.achieved.map((e) => e.hamletId).sort()).toEqual([w.hamletA.id, w.hamletB.id].sort());
    const comment = await makeNoticeComment(await councilRow(), { hamletId: w.hamletB.id });
    await resolveComment(w.actors.officer, comment.id, { outcome: "UPHELD", resolution: "Đúng phản ánh" });
    const page = (await getProposalPage(w.actors.officer, await titleYear()))!;
    expect(page.achieved.map((e) => e.hamletId)).toEqual([w.hamletA.id]);
    expect(page.notAchieved.map((e) => e.hamletId)).toEqual([w.hamletB.id]);
    await proposeCouncil(w.actors.officer, id, 3, proposal, utcDate(2024, 12, 23));
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "council.propose" } })).toMatchObject({ after: { achieved: 1 } });
  });

  it("an upheld comment on a hamlet the council found không đạt keeps it so, with the council's reason, and is not reported as a change", async () => {
    const id = await reportedAndMet({ "III.1": { isMet: false } });
    await saveVotes(w.actors.officer, id, 1, { votes: { [w.hamletA.id]: { votesFor: 10 }, [w.hamletB.id]: { votesFor: 12 } } });
    await postCouncilNotice(w.actors.officer, id, 2, { postedOn: POSTED, channel: "Trang thông tin điện tử của xã" }, POSTED);
    const comment = await makeNoticeComment(await councilRow(), { hamletId: w.hamletB.id });

    const { hamletResultChanged } = await resolveComment(w.actors.officer, comment.id, { outcome: "UPHELD", resolution: "Xóm còn tụ điểm cờ bạc" });
    expect(hamletResultChanged).toBe(false);
    const reason = "Chưa đạt tiêu chí III.1. Ý kiến của người dân được chấp nhận: Xóm còn tụ điểm cờ bạc";
    expect(await entryOf(w.hamletB.id)).toMatchObject({ result: "NOT_ACHIEVED", councilResult: "NOT_ACHIEVED", votesFor: 12, reason });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "council.comment.resolve" } })).toMatchObject({
      before: { outcome: "PENDING", hamletResult: "NOT_ACHIEVED" }, after: { outcome: "UPHELD", hamletResult: "NOT_ACHIEVED", hamletReason: reason },
    });
    // A re-vote after a reopen gives the same reason.
    await reopenCouncil(w.actors.officer, id, 3);
    await saveVotes(w.actors.officer, id, 4, { votes: { [w.hamletB.id]: { votesFor: 11 } } });
    expect(await entryOf(w.hamletB.id)).toMatchObject({ votesFor: 11, result: "NOT_ACHIEVED", councilResult: "NOT_ACHIEVED", reason });
  });

  it("once the notice has ended and every comment is resolved, the Tờ trình moves the dossier to PROPOSED", async () => {
    const id = await posted();
    const comment = await makeNoticeComment(await councilRow(), { hamletId: null, content: "Đề nghị công khai rõ tiêu chí." });
    await resolveComment(w.actors.officer, comment.id, { outcome: "REJECTED", resolution: "Tiêu chí đã công khai tại nhà văn hóa." });
    expect((await entryOf(w.hamletA.id)).result).toBe("ACHIEVED");

    await proposeCouncil(w.actors.officer, id, 3, proposal, utcDate(2024, 12, 23));
    expect(await councilRow()).toMatchObject({
      status: "PROPOSED", proposalNumber: 45, proposalSymbol: "TTr-UBND", proposalDate: utcDate(2024, 12, 23), version: 4,
    });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "council.propose" } })).toMatchObject({
      entityId: id, after: { status: "PROPOSED", proposalNumber: 45, achieved: 2 },
    });
    await expect(proposeCouncil(w.actors.officer, id, 4, proposal, utcDate(2024, 12, 23))).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: expect.stringContaining("đã được xử lý"),
    });
    // After PROPOSED, comments are no longer resolved here and the report is locked.
    const late = await makeNoticeComment(await councilRow(), { hamletId: w.hamletA.id });
    await expect(resolveComment(w.actors.officer, late.id, { outcome: "UPHELD", resolution: "x" })).rejects.toMatchObject({ message: HAMLET_TITLE_MSG.resolveOnlyInNotice });
    await expect(saveReport(w.actors.headA, 2024, w.hamletA.id, 3, report(), utcDate(2024, 12, 23))).rejects.toMatchObject({ code: "RULE_VIOLATION" });
  });
});

describe("the year page", () => {
  it("lists every hamlet for the officer and only their own for a hamlet head", async () => {
    await posted();
    const officer = await listHamletEntries(w.actors.officer, await titleYear());
    expect(officer.rows.map((r) => r.hamletId).sort()).toEqual([w.hamletA.id, w.hamletB.id].sort());
    expect(officer.rows.find((r) => r.hamletId === w.hamletA.id)).toMatchObject({ votesFor: 10, result: "ACHIEVED", unmetCount: 0, totalHouseholds: 10 });
    expect(officer.council).toMatchObject({ status: "NOTICE" });

    const head = await listHamletEntries(w.actors.headA, (await getTitleYear(w.actors.headA, 2024))!);
    expect(head.rows.map((r) => r.hamletId)).toEqual([w.hamletA.id]);
    expect(head.pendingComments).toBe(0);
    expect(await getEntryPage(w.actors.headA, (await getTitleYear(w.actors.headA, 2024))!, w.hamletB.id)).toBeNull();
  });
});
