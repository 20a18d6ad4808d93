import { authorityOn } from "@/lib/titles/rules";
import { beforeEach, describe, expect, it } from "vitest";
import { HAMLET_CRITERIA, HOUSEHOLD_CRITERIA } from "@/lib/campaign/defaults";
import { getCriteriaSet, listCriteriaSets, listRuleSets, listSetOptions, listYears, yearsUsing } from "@/lib/campaign/queries";
import { type AuthorityRuleInput, CAMPAIGN_MSG, type CampaignYearInput, type CriterionInput, type RuleSetInput } from "@/lib/campaign/schema";
import {
  addCriterion, createAuthorityRule, createCampaignYear, createCriteriaDraft, createCriteriaDraftFor, createRuleSet, publishCriteriaSet, removeCriterion,
  updateCampaignYear, updateCriteriaSet, updateCriterion,
} from "@/lib/campaign/service";
import { utcDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { MSG } from "@/lib/result";
import { makeWorld, resetDb, type World } from "../factories";

// The officer's campaign setup end to end: services, scoping, the rules on versions, and the audit rows.

let w: World;
beforeEach(async () => {
  await resetDb();
  w = await makeWorld();
});

function yearInput(year: number, overrides: Partial<CampaignYearInput> = {}): CampaignYearInput {
  return {
    year,
    targetHouseholdsPct: 90, targetHamletsPct: 90, targetAgenciesPct: 100,
    planNumber: "25/KH-UBND", planDate: utcDate(year, 3, 21), planIssuer: "UBND xã", planTitle: `Kế hoạch năm ${year}`,
    planRefs: [
      { issuer: "Ban Chỉ đạo Trung ương", number: "01/KH-BCĐTW", date: utcDate(year, 2, 2), title: undefined },
      { issuer: "UBND tỉnh", number: "45/KH-UBND", date: undefined, title: "Kế hoạch của tỉnh" },
    ],
    meetingDeadline: utcDate(year, 11, 15), reviewDeadline: utcDate(year, 11, 25), noticeDays: 10, decisionDays: 10,
    ruleSetId: undefined, criteriaSetId: undefined, hamletCriteriaSetId: undefined, agencyCriteriaSetId: undefined, enterpriseCriteriaSetId: undefined,
    honourYears: 3, honourQuotaPct: undefined,
    ...overrides,
  };
}

const RULE: RuleSetInput = {
  name: "Theo Nghị định 122/2018 (cũ)", legalBasis: "Nghị định số 122/2018/NĐ-CP", effectiveFrom: utcDate(2024, 1, 1),
  quorumBase: "INVITED", quorumPct: 60, quorumOp: "GTE", approvalBase: "PRESENT", approvalPct: 60, approvalOp: "GTE",
  ballotMethod: "SECRET_BALLOT", registrationRequired: false, lookbackYears: 1,
  hamletRegistrationRequired: false, councilApprovalBase: "INVITED", councilApprovalPct: 70, councilApprovalOp: "GTE",
};

const ITEM: CriterionInput = {
  code: "C4", groupCode: "C", groupTitle: "Gia đình no ấm, tiến bộ, hạnh phúc", kind: "STANDARD", text: "Giữ gìn vệ sinh môi trường.",
  category: undefined, isVerified: true, metric: undefined, comparator: undefined, threshold: undefined,
};

async function counts() {
  const [years, planRefs, ruleSets, criteriaSets, criteria, audits] = await Promise.all([
    db.campaignYear.count(), db.planReference.count(), db.ruleSet.count(), db.criteriaSet.count(), db.criterion.count(), db.auditLog.count(),
  ]);
  return { years, planRefs, ruleSets, criteriaSets, criteria, audits };
}

const householdSet = (communeId: string) => db.criteriaSet.findFirstOrThrow({ where: { communeId, subject: "HOUSEHOLD" }, orderBy: { version: "asc" } });

const itemsOf = (criteriaSetId: string) =>
  db.criterion.findMany({ where: { criteriaSetId }, orderBy: { position: "asc" }, omit: { id: true, criteriaSetId: true } });

async function reviewFor(yearId: string) {
  const year = await db.campaignYear.findUniqueOrThrow({ where: { id: yearId } });
  return db.hamletReview.create({
    data: {
      communeId: year.communeId, campaignYearId: year.id, hamletId: w.hamletA.id, meetingDate: utcDate(year.year, 11, 10),
      meetingPlace: "Nhà văn hóa", chairName: "Trưởng xóm", secretaryName: "Thư ký", invitedCount: 20, presentCount: 15, totalHouseholds: 40,
      ballotMethod: "SHOW_OF_HANDS", isQuorate: true, quorumNote: "15/20", ruleSetId: year.ruleSetId, criteriaSetId: year.criteriaSetId,
    },
  });
}

describe("creating a year", () => {
  it("gives a commune without sets version 1 of each, once, and stores the year with its plan rows", async () => {
    const created = await createCampaignYear(w.actors.officer, yearInput(2024));
    const ruleSets = await db.ruleSet.findMany();
    const criteriaSets = await db.criteriaSet.findMany({ include: { items: true }, orderBy: { version: "asc" } });
    expect(ruleSets).toHaveLength(1);
    expect(ruleSets[0]).toMatchObject({
      communeId: w.commune.id, version: 1, quorumPct: 50, quorumOp: "GT",
      hamletRegistrationRequired: true, councilApprovalBase: "PRESENT", councilApprovalPct: 50, councilApprovalOp: "GT",
    });
    // One published set per title, numbered together.
    expect(criteriaSets.map((c) => [c.communeId, c.subject, c.version, c.publishedAt !== null])).toEqual([
      [w.commune.id, "HOUSEHOLD", 1, true], [w.commune.id, "HAMLET", 2, true], [w.commune.id, "AGENCY", 3, true], [w.commune.id, "ENTERPRISE", 4, true],
    ]);
    expect(criteriaSets[0]!.items).toHaveLength(HOUSEHOLD_CRITERIA.length);
    expect(criteriaSets[1]!.items).toHaveLength(HAMLET_CRITERIA.length);

    const year = await db.campaignYear.findUniqueOrThrow({ where: { id: created.id }, include: { planRefs: { orderBy: { position: "asc" } } } });
    expect(year).toMatchObject({
      communeId: w.commune.id, year: 2024, targetHouseholdsPct: 90, targetHamletsPct: 90, targetAgenciesPct: 100,
      meetingDeadline: utcDate(2024, 11, 15), reviewDeadline: utcDate(2024, 11, 25), noticeDays: 10, decisionDays: 10,
      ruleSetId: ruleSets[0]!.id, criteriaSetId: criteriaSets[0]!.id, hamletCriteriaSetId: criteriaSets[1]!.id, agencyCriteriaSetId: criteriaSets[2]!.id,
      enterpriseCriteriaSetId: criteriaSets[3]!.id, honourYears: 3, honourQuotaPct: null, version: 1,
    });
    expect(year.planRefs.map((r) => [r.position, r.issuer, r.number, r.date, r.title])).toEqual([
      [0, "Ban Chỉ đạo Trung ương", "01/KH-BCĐTW", utcDate(2024, 2, 2), null],
      [1, "UBND tỉnh", "45/KH-UBND", null, "Kế hoạch của tỉnh"],
    ]);

    await createCampaignYear(w.actors.officer, yearInput(2025));
    expect(await db.ruleSet.count()).toBe(1);
    expect(await db.criteriaSet.count()).toBe(4);
    expect((await listYears(w.actors.officer)).map((y) => [y.year, y.ruleSet.version, y.criteriaSet.version])).toEqual([[2025, 1, 1], [2024, 1, 1]]);
  });

  it("writes one audit row with what was saved", async () => {
    const created = await createCampaignYear(w.actors.officer, yearInput(2024, { honourQuotaPct: 15 }));
    const audits = await db.auditLog.findMany();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      communeId: w.commune.id, actorId: w.actors.officer.id, action: "campaignYear.create", entityType: "CampaignYear", entityId: created.id, before: null,
      after: {
        year: 2024, honourQuotaPct: 15, meetingDeadline: "2024-11-15T00:00:00.000Z",
        planRefs: [{ issuer: "Ban Chỉ đạo Trung ương", number: "01/KH-BCĐTW", date: "2024-02-02T00:00:00.000Z", title: null }, { issuer: "UBND tỉnh", number: "45/KH-UBND", date: null, title: "Kế hoạch của tỉnh" }],
      },
    });
  });

  it("refuses a year the commune already has, at the year field, and writes nothing", async () => {
    await createCampaignYear(w.actors.officer, yearInput(2024));
    const before = await counts();
    await expect(createCampaignYear(w.actors.officer, yearInput(2024))).rejects.toMatchObject({
      code: "CONFLICT", message: "Năm 2024 đã có trong hệ thống.", fieldErrors: { year: ["Năm 2024 đã có trong hệ thống."] },
    });
    expect(await counts()).toEqual(before);
    // Another commune may have its own 2024.
    await expect(createCampaignYear(w.actors.otherOfficer, yearInput(2024))).resolves.toMatchObject({ year: 2024 });
  });

  it("refuses a draft criteria set and another commune's sets", async () => {
    await createCampaignYear(w.actors.officer, yearInput(2024));
    const v1 = await householdSet(w.commune.id);
    const draft = await createCriteriaDraft(w.actors.officer, v1.id);
    await expect(createCampaignYear(w.actors.officer, yearInput(2025, { criteriaSetId: draft.id }))).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { criteriaSetId: [CAMPAIGN_MSG.criteriaSetDraft] },
    });
    await createCampaignYear(w.actors.otherOfficer, yearInput(2024));
    const foreign = await db.ruleSet.findFirstOrThrow({ where: { communeId: w.otherCommune.id } });
    await expect(createCampaignYear(w.actors.officer, yearInput(2026, { ruleSetId: foreign.id }))).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { ruleSetId: [CAMPAIGN_MSG.ruleSetUnknown] },
    });
    expect(await db.campaignYear.count({ where: { communeId: w.commune.id } })).toBe(1);
  });

  it("offers every rule-set version but only published criteria sets", async () => {
    await createCampaignYear(w.actors.officer, yearInput(2024));
    const v1 = await householdSet(w.commune.id);
    await createCriteriaDraft(w.actors.officer, v1.id);
    const v2 = await createRuleSet(w.actors.officer, RULE);
    const options = await listSetOptions(w.actors.officer);
    expect(options.ruleSets.map((o) => o.value)).toEqual([v2.id, (await db.ruleSet.findFirstOrThrow({ where: { version: 1, communeId: w.commune.id } })).id]);
    expect(options.HOUSEHOLD.map((o) => o.value)).toEqual([v1.id]);
    // Each title's field offers only that title's sets.
    for (const subject of ["HAMLET", "AGENCY", "ENTERPRISE"] as const) {
      expect(options[subject].map((o) => o.value)).toEqual([(await db.criteriaSet.findFirstOrThrow({ where: { communeId: w.commune.id, subject } })).id]);
    }
  });
});

describe("editing a year", () => {
  it("saves with the version read, replaces the plan rows and audits before and after", async () => {
    const { id } = await createCampaignYear(w.actors.officer, yearInput(2024));
    const auditsBefore = await db.auditLog.count();
    const input = yearInput(2024, { targetHouseholdsPct: 85, planRefs: [{ issuer: "UBND huyện", number: "12/KH-UBND", date: undefined, title: undefined }] });
    await updateCampaignYear(w.actors.officer, id, 1, input);
    const year = await db.campaignYear.findUniqueOrThrow({ where: { id }, include: { planRefs: true } });
    expect(year).toMatchObject({ targetHouseholdsPct: 85, version: 2 });
    expect(year.planRefs.map((r) => [r.position, r.issuer])).toEqual([[0, "UBND huyện"]]);
    const audits = await db.auditLog.findMany({ where: { action: "campaignYear.update" } });
    expect(await db.auditLog.count()).toBe(auditsBefore + 1);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      entityId: id,
      before: { targetHouseholdsPct: 90, planRefs: [{ issuer: "Ban Chỉ đạo Trung ương" }, { issuer: "UBND tỉnh" }] },
      after: { targetHouseholdsPct: 85, planRefs: [{ issuer: "UBND huyện", number: "12/KH-UBND", date: null, title: null }] },
    });
  });

  it("refuses a stale version and writes nothing", async () => {
    const { id } = await createCampaignYear(w.actors.officer, yearInput(2024));
    await updateCampaignYear(w.actors.officer, id, 1, yearInput(2024, { noticeDays: 12 }));
    const before = await counts();
    await expect(updateCampaignYear(w.actors.officer, id, 1, yearInput(2024, { noticeDays: 15 }))).rejects.toMatchObject({ code: "CONFLICT", message: MSG.stale });
    expect(await counts()).toEqual(before);
    expect((await db.campaignYear.findUniqueOrThrow({ where: { id } })).noticeDays).toBe(12);
  });

  it("answers a stale form with the stale message, not with the rules of a year the user has not seen", async () => {
    const { id } = await createCampaignYear(w.actors.officer, yearInput(2024));
    await updateCampaignYear(w.actors.officer, id, 1, yearInput(2024, { noticeDays: 12 }));
    await reviewFor(id);
    const v2 = await createRuleSet(w.actors.officer, RULE);
    const before = await counts();
    await expect(updateCampaignYear(w.actors.officer, id, 1, yearInput(2024, { ruleSetId: v2.id }))).rejects.toMatchObject({ code: "CONFLICT", message: MSG.stale });
    await expect(updateCampaignYear(w.actors.officer, id, 1, yearInput(2023))).rejects.toMatchObject({ code: "CONFLICT", message: MSG.stale });
    expect(await counts()).toEqual(before);
  });

  it("refuses moving onto a year that exists", async () => {
    await createCampaignYear(w.actors.officer, yearInput(2024));
    const { id } = await createCampaignYear(w.actors.officer, yearInput(2025));
    await expect(updateCampaignYear(w.actors.officer, id, 1, yearInput(2024))).rejects.toMatchObject({
      code: "CONFLICT", fieldErrors: { year: [CAMPAIGN_MSG.yearTaken(2024)] },
    });
  });

  it("keeps a year on its rule-set version when a new version is made", async () => {
    const y2024 = await createCampaignYear(w.actors.officer, yearInput(2024));
    const v1 = (await db.campaignYear.findUniqueOrThrow({ where: { id: y2024.id } })).ruleSetId;
    const v2 = await createRuleSet(w.actors.officer, RULE);
    const v3 = await createRuleSet(w.actors.officer, { ...RULE, name: "Hội đồng", approvalPct: 70 });
    expect([v2.version, v3.version]).toEqual([2, 3]);
    expect((await db.campaignYear.findUniqueOrThrow({ where: { id: y2024.id } })).ruleSetId).toBe(v1);
    expect(await db.ruleSet.findUniqueOrThrow({ where: { id: v1 } })).toMatchObject({ version: 1, quorumPct: 50, approvalPct: 50 });

    await createCampaignYear(w.actors.officer, yearInput(2025, { ruleSetId: v2.id }));
    const listed = await listRuleSets(w.actors.officer);
    expect(listed.map((r) => [r.version, r.years.map((y) => y.year)])).toEqual([[3, []], [2, [2025]], [1, [2024]]]);
    // Another commune numbers its own versions.
    await expect(createRuleSet(w.actors.otherOfficer, RULE)).resolves.toMatchObject({ version: 1 });

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "ruleSet.create", entityId: v2.id } });
    expect(audit.after).toMatchObject({ version: 2, quorumPct: 60, quorumOp: "GTE", ballotMethod: "SECRET_BALLOT" });
  });

  it("switches sets freely before any hamlet has met", async () => {
    const { id } = await createCampaignYear(w.actors.officer, yearInput(2024));
    const v2 = await createRuleSet(w.actors.officer, RULE);
    await updateCampaignYear(w.actors.officer, id, 1, yearInput(2024, { ruleSetId: v2.id }));
    expect((await db.campaignYear.findUniqueOrThrow({ where: { id } })).ruleSetId).toBe(v2.id);
  });

  it("refuses switching the rule or criteria set once a hamlet review exists, and writes nothing", async () => {
    const { id } = await createCampaignYear(w.actors.officer, yearInput(2024));
    const year = await db.campaignYear.findUniqueOrThrow({ where: { id } });
    await reviewFor(id);
    const v2 = await createRuleSet(w.actors.officer, RULE);
    const draft = await createCriteriaDraft(w.actors.officer, year.criteriaSetId);
    await publishCriteriaSet(w.actors.officer, draft.id);
    const before = await counts();

    await expect(updateCampaignYear(w.actors.officer, id, 1, yearInput(2024, { ruleSetId: v2.id }))).rejects.toMatchObject({
      code: "RULE_VIOLATION", message: CAMPAIGN_MSG.setsInUse, fieldErrors: { ruleSetId: [CAMPAIGN_MSG.setsInUse] },
    });
    await expect(updateCampaignYear(w.actors.officer, id, 1, yearInput(2024, { criteriaSetId: draft.id }))).rejects.toMatchObject({
      code: "RULE_VIOLATION", fieldErrors: { criteriaSetId: [CAMPAIGN_MSG.setsInUse] },
    });
    // Nor can its number change, once anything hangs on it.
    await expect(updateCampaignYear(w.actors.officer, id, 1, yearInput(2023))).rejects.toMatchObject({
      code: "RULE_VIOLATION", fieldErrors: { year: [CAMPAIGN_MSG.yearInUse] },
    });
    expect(await counts()).toEqual(before);
    expect(await db.campaignYear.findUniqueOrThrow({ where: { id } })).toEqual(year);

    // Everything else stays editable; the same sets (or none posted, as a disabled select sends) are kept.
    await updateCampaignYear(w.actors.officer, id, 1, yearInput(2024, { ruleSetId: year.ruleSetId, criteriaSetId: year.criteriaSetId, noticeDays: 12 }));
    await updateCampaignYear(w.actors.officer, id, 2, yearInput(2024, { decisionDays: 7 }));
    expect(await db.campaignYear.findUniqueOrThrow({ where: { id } })).toMatchObject({
      ruleSetId: year.ruleSetId, criteriaSetId: year.criteriaSetId, noticeDays: 10, decisionDays: 7, version: 3,
    });
  });
});

describe("criteria sets", () => {
  async function v1Id() {
    await createCampaignYear(w.actors.officer, yearInput(2024));
    return (await householdSet(w.commune.id)).id;
  }

  it("copies a published set into a draft and leaves the old set's items untouched", async () => {
    const v1 = await v1Id();
    const original = await itemsOf(v1);
    const draft = await createCriteriaDraft(w.actors.officer, v1);
    // Versions count every title's sets: the commune has 1–4, one per title.
    expect(draft.version).toBe(5);
    expect(await db.criteriaSet.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ publishedAt: null, version: 5, subject: "HOUSEHOLD" });
    expect(await itemsOf(draft.id)).toEqual(original);

    const c1 = await db.criterion.findFirstOrThrow({ where: { criteriaSetId: draft.id, code: "C1" } });
    const a1 = await db.criterion.findFirstOrThrow({ where: { criteriaSetId: draft.id, code: "A1" } });
    await updateCriterion(w.actors.officer, draft.id, c1.id, { ...ITEM, code: "C1", text: "Thực hiện tốt Bộ tiêu chí ứng xử (sửa)." });
    await addCriterion(w.actors.officer, draft.id, ITEM);
    await removeCriterion(w.actors.officer, draft.id, a1.id);
    await updateCriteriaSet(w.actors.officer, draft.id, { name: "Bộ tiêu chí của tỉnh", legalBasis: "Quyết định của UBND tỉnh", effectiveFrom: utcDate(2025, 1, 1) });

    expect(await itemsOf(v1)).toEqual(original);
    expect(await db.criteriaSet.findUniqueOrThrow({ where: { id: v1 } })).toMatchObject({ name: expect.stringContaining("Gia đình văn hóa"), version: 1 });
    const changed = await itemsOf(draft.id);
    // New items take their place in their group: C4 after C3, before the exclusions.
    expect(changed.map((i) => i.code)).toEqual(["A2", "A3", "A4", "B1", "B2", "B3", "B4", "B5", "B6", "C1", "C2", "C3", "C4", "E1", "E2", "E3", "E4"]);
    expect(changed.map((i) => i.position)).toEqual(changed.map((_, n) => n));
    expect(changed.find((i) => i.code === "C1")!.text).toBe("Thực hiện tốt Bộ tiêu chí ứng xử (sửa).");
  });

  it("refuses a code the set already has", async () => {
    const draft = await createCriteriaDraft(w.actors.officer, await v1Id());
    await expect(addCriterion(w.actors.officer, draft.id, { ...ITEM, code: "C3" })).rejects.toMatchObject({
      code: "CONFLICT", fieldErrors: { code: [CAMPAIGN_MSG.codeTaken("C3")] },
    });
    const c1 = await db.criterion.findFirstOrThrow({ where: { criteriaSetId: draft.id, code: "C1" } });
    await expect(updateCriterion(w.actors.officer, draft.id, c1.id, { ...ITEM, code: "C2" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses every edit of a published set, and writes nothing", async () => {
    const v1 = await v1Id();
    const item = await db.criterion.findFirstOrThrow({ where: { criteriaSetId: v1, code: "C1" } });
    const before = await counts();
    const original = await itemsOf(v1);
    const frozen = { code: "RULE_VIOLATION", message: CAMPAIGN_MSG.frozen };
    await expect(updateCriteriaSet(w.actors.officer, v1, { name: "Đổi tên", legalBasis: "x", effectiveFrom: utcDate(2024, 1, 1) })).rejects.toMatchObject(frozen);
    await expect(addCriterion(w.actors.officer, v1, ITEM)).rejects.toMatchObject(frozen);
    await expect(updateCriterion(w.actors.officer, v1, item.id, { ...ITEM, code: "C1" })).rejects.toMatchObject(frozen);
    await expect(removeCriterion(w.actors.officer, v1, item.id)).rejects.toMatchObject(frozen);
    await expect(publishCriteriaSet(w.actors.officer, v1)).rejects.toMatchObject({ code: "RULE_VIOLATION" });
    expect(await counts()).toEqual(before);
    expect(await itemsOf(v1)).toEqual(original);
  });

  it("publishes a draft once, only with a standard item, and then freezes it", async () => {
    const draft = await createCriteriaDraft(w.actors.officer, await v1Id());
    await db.criterion.deleteMany({ where: { criteriaSetId: draft.id, kind: "STANDARD" } });
    await expect(publishCriteriaSet(w.actors.officer, draft.id)).rejects.toMatchObject({ code: "RULE_VIOLATION", message: CAMPAIGN_MSG.noStandardItem });
    expect((await db.criteriaSet.findUniqueOrThrow({ where: { id: draft.id } })).publishedAt).toBeNull();

    await addCriterion(w.actors.officer, draft.id, ITEM);
    const now = new Date("2025-01-02T03:04:05Z");
    await publishCriteriaSet(w.actors.officer, draft.id, now);
    expect((await db.criteriaSet.findUniqueOrThrow({ where: { id: draft.id } })).publishedAt).toEqual(now);
    await expect(addCriterion(w.actors.officer, draft.id, { ...ITEM, code: "C5" })).rejects.toMatchObject({ message: CAMPAIGN_MSG.frozen });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "criteriaSet.publish" } });
    expect(audit).toMatchObject({ entityId: draft.id, after: { publishedAt: now.toISOString() } });

    const listed = await listCriteriaSets(w.actors.officer);
    expect(listed.filter((s) => s.subject === "HOUSEHOLD").map((s) => [s.version, s._count.items, yearsUsing(s)]))
      .toEqual([[5, 5, []], [1, HOUSEHOLD_CRITERIA.length, [2024]]]);
  });

  it("does not show or change another commune's sets", async () => {
    const v1 = await v1Id();
    expect(await getCriteriaSet(w.actors.otherOfficer, v1)).toBeNull();
    expect(await getCriteriaSet(w.actors.officer, "not-a-uuid")).toBeNull();
    await expect(createCriteriaDraft(w.actors.otherOfficer, v1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createCriteriaDraft(w.actors.officer, "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const draft = await createCriteriaDraft(w.actors.officer, v1);
    await expect(addCriterion(w.actors.otherOfficer, draft.id, ITEM)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // An item id of another set is unknown here.
    const foreignItem = await db.criterion.findFirstOrThrow({ where: { criteriaSetId: v1 } });
    await expect(removeCriterion(w.actors.officer, draft.id, foreignItem.id)).rejects.toMatchObject({ code: "NOT_FOUND", message: CAMPAIGN_MSG.itemUnknown });
  });

  it("writes an audit row for each change to a draft", async () => {
    const v1 = await v1Id();
    const draft = await createCriteriaDraft(w.actors.officer, v1);
    const added = await addCriterion(w.actors.officer, draft.id, ITEM);
    await updateCriterion(w.actors.officer, draft.id, added.id, { ...ITEM, isVerified: false });
    await removeCriterion(w.actors.officer, draft.id, added.id);
    const rows = await db.auditLog.findMany({ where: { entityType: { in: ["CriteriaSet", "Criterion"] } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["criteriaSet.create", "criterion.create", "criterion.update", "criterion.delete"]);
    expect(rows[0]!.after).toMatchObject({ version: 5, subject: "HOUSEHOLD", fromId: v1, fromVersion: 1, itemCount: HOUSEHOLD_CRITERIA.length });
    expect(rows[2]).toMatchObject({ before: { code: "C4", isVerified: true }, after: { code: "C4", isVerified: false } });
    expect(rows[3]).toMatchObject({ entityId: added.id, before: { criteriaSetId: draft.id, code: "C4" }, after: null });
  });
});

describe("audit rows share the write's transaction", () => {
  // An actor whose username is missing makes the AuditLog insert (actorUsername NOT NULL) fail last in the transaction.
  const broken = () => ({ ...w.actors.officer, username: null as unknown as string });

  it("rolls back a new year and the default sets it created", async () => {
    const before = await counts();
    await expect(createCampaignYear(broken(), yearInput(2024))).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });

  it("rolls back a year's edit, a new rule set, a draft and its item changes", async () => {
    const { id } = await createCampaignYear(w.actors.officer, yearInput(2024));
    const year = await db.campaignYear.findUniqueOrThrow({ where: { id } });
    const draft = await createCriteriaDraft(w.actors.officer, year.criteriaSetId);
    const item = await db.criterion.findFirstOrThrow({ where: { criteriaSetId: draft.id, code: "C1" } });
    const before = await counts();
    const draftItems = await itemsOf(draft.id);
    await expect(updateCampaignYear(broken(), id, 1, yearInput(2024, { noticeDays: 20, planRefs: [] }))).rejects.toThrow();
    await expect(createRuleSet(broken(), RULE)).rejects.toThrow();
    await expect(createCriteriaDraft(broken(), year.criteriaSetId)).rejects.toThrow();
    await expect(addCriterion(broken(), draft.id, ITEM)).rejects.toThrow();
    await expect(removeCriterion(broken(), draft.id, item.id)).rejects.toThrow();
    await expect(publishCriteriaSet(broken(), draft.id)).rejects.toThrow();
    expect(await counts()).toEqual(before);
    expect(await db.campaignYear.findUniqueOrThrow({ where: { id } })).toEqual(year);
    expect(await itemsOf(draft.id)).toEqual(draftItems);
    expect((await db.criteriaSet.findUniqueOrThrow({ where: { id: draft.id } })).publishedAt).toBeNull();
  });
});

describe("roles other than the officer", () => {
  it.each(["headA", "leader", "committee", "admin"] as const)("the %s can change nothing, and nothing is written", async (who) => {
    const { id } = await createCampaignYear(w.actors.officer, yearInput(2024));
    const year = await db.campaignYear.findUniqueOrThrow({ where: { id } });
    const draft = await createCriteriaDraft(w.actors.officer, year.criteriaSetId);
    const item = await db.criterion.findFirstOrThrow({ where: { criteriaSetId: draft.id } });
    const actor = w.actors[who];
    const before = await counts();
    // Readers of the year get FORBIDDEN; the admin, who may not even read it, gets NOT_FOUND.
    const refused = { code: who === "admin" ? "NOT_FOUND" : "FORBIDDEN" };
    await expect(createCampaignYear(actor, yearInput(2025))).rejects.toMatchObject({ code: "FORBIDDEN", message: MSG.forbidden });
    await expect(updateCampaignYear(actor, id, 1, yearInput(2024, { noticeDays: 20 }))).rejects.toMatchObject(refused);
    await expect(createRuleSet(actor, RULE)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createCriteriaDraft(actor, year.criteriaSetId)).rejects.toMatchObject(refused);
    await expect(updateCriteriaSet(actor, draft.id, { name: "x", legalBasis: "y", effectiveFrom: utcDate(2024, 1, 1) })).rejects.toMatchObject(refused);
    await expect(addCriterion(actor, draft.id, ITEM)).rejects.toMatchObject(refused);
    await expect(updateCriterion(actor, draft.id, item.id, ITEM)).rejects.toMatchObject(refused);
    await expect(removeCriterion(actor, draft.id, item.id)).rejects.toMatchObject(refused);
    await expect(publishCriteriaSet(actor, draft.id)).rejects.toMatchObject(refused);
    expect(await counts()).toEqual(before);
    expect(await db.campaignYear.findUniqueOrThrow({ where: { id } })).toEqual(year);
  });

  it("an officer of another commune cannot edit this commune's year", async () => {
    const { id } = await createCampaignYear(w.actors.officer, yearInput(2024));
    await expect(updateCampaignYear(w.actors.otherOfficer, id, 1, yearInput(2024))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateCampaignYear(w.actors.officer, "2024", 1, yearInput(2024))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listYears(w.actors.otherOfficer)).toEqual([]);
  });
});

describe("the other titles' criteria sets", () => {
  const setOf = (communeId: string, subject: "HOUSEHOLD" | "HAMLET" | "AGENCY" | "ENTERPRISE") =>
    db.criteriaSet.findFirstOrThrow({ where: { communeId, subject }, orderBy: { version: "desc" } });

  async function publishedDraft(subject: "HOUSEHOLD" | "HAMLET" | "AGENCY" | "ENTERPRISE") {
    const draft = await createCriteriaDraftFor(w.actors.officer, subject);
    await publishCriteriaSet(w.actors.officer, draft.id);
    return draft.id;
  }

  it("gives a new year the latest published set of each title, or the one chosen", async () => {
    await createCampaignYear(w.actors.officer, yearInput(2024));
    const hamletV2 = await publishedDraft("HAMLET");
    const agencyV2 = await publishedDraft("AGENCY");
    const y2025 = await createCampaignYear(w.actors.officer, yearInput(2025));
    const firstAgency = (await db.criteriaSet.findFirstOrThrow({ where: { communeId: w.commune.id, subject: "AGENCY" }, orderBy: { version: "asc" } })).id;
    const y2026 = await createCampaignYear(w.actors.officer, yearInput(2026, { agencyCriteriaSetId: firstAgency }));
    expect(await db.campaignYear.findUniqueOrThrow({ where: { id: y2025.id } })).toMatchObject({ hamletCriteriaSetId: hamletV2, agencyCriteriaSetId: agencyV2 });
    expect(await db.campaignYear.findUniqueOrThrow({ where: { id: y2026.id } })).toMatchObject({ hamletCriteriaSetId: hamletV2, agencyCriteriaSetId: firstAgency });
  });

  it("refuses a set of another title in each field, at that field, and writes nothing", async () => {
    const { id } = await createCampaignYear(w.actors.officer, yearInput(2024));
    const [household, hamlet, agency, enterprise] = [
      await setOf(w.commune.id, "HOUSEHOLD"), await setOf(w.commune.id, "HAMLET"), await setOf(w.commune.id, "AGENCY"), await setOf(w.commune.id, "ENTERPRISE"),
    ];
    const before = await counts();
    await expect(createCampaignYear(w.actors.officer, yearInput(2025, { criteriaSetId: hamlet.id }))).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { criteriaSetId: [CAMPAIGN_MSG.criteriaSetSubject("HOUSEHOLD", "HAMLET")] },
    });
    expect(CAMPAIGN_MSG.criteriaSetSubject("HOUSEHOLD", "HAMLET")).toBe(
      "Bộ tiêu chí này dành cho \u201cXóm văn hóa\u201d; ở đây cần bộ tiêu chí \u201cGia đình văn hóa\u201d.",
    );
    await expect(updateCampaignYear(w.actors.officer, id, 1, yearInput(2024, { hamletCriteriaSetId: household.id }))).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { hamletCriteriaSetId: [CAMPAIGN_MSG.criteriaSetSubject("HAMLET", "HOUSEHOLD")] },
    });
    await expect(updateCampaignYear(w.actors.officer, id, 1, yearInput(2024, { agencyCriteriaSetId: enterprise.id, enterpriseCriteriaSetId: agency.id })))
      .rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: {
          agencyCriteriaSetId: [CAMPAIGN_MSG.criteriaSetSubject("AGENCY", "ENTERPRISE")],
          enterpriseCriteriaSetId: [CAMPAIGN_MSG.criteriaSetSubject("ENTERPRISE", "AGENCY")],
        },
      });
    // A draft of the right title is refused as a draft.
    const draft = await createCriteriaDraftFor(w.actors.officer, "HAMLET");
    const afterDraft = await counts();
    await expect(updateCampaignYear(w.actors.officer, id, 1, yearInput(2024, { hamletCriteriaSetId: draft.id }))).rejects.toMatchObject({
      fieldErrors: { hamletCriteriaSetId: [CAMPAIGN_MSG.criteriaSetDraft] },
    });
    expect(await counts()).toEqual({ ...before, criteriaSets: afterDraft.criteriaSets, criteria: afterDraft.criteria, audits: afterDraft.audits });
    expect(await db.campaignYear.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 1, criteriaSetId: household.id, hamletCriteriaSetId: hamlet.id });
  });

  it("keeps the hamlet set once a hamlet has sent its report, and the agency and enterprise sets once one has a result", async () => {
    const { id } = await createCampaignYear(w.actors.officer, yearInput(2024));
    const original = await db.campaignYear.findUniqueOrThrow({ where: { id } });
    const [hamletV2, agencyV2, enterpriseV2] = [await publishedDraft("HAMLET"), await publishedDraft("AGENCY"), await publishedDraft("ENTERPRISE")];
    // Registered but not reported: the hamlet set may still change.
    const entry = await db.hamletTitleEntry.create({
      data: { communeId: w.commune.id, campaignYearId: id, hamletId: w.hamletA.id, registeredOn: utcDate(2024, 3, 1) },
    });
    await updateCampaignYear(w.actors.officer, id, 1, yearInput(2024, { hamletCriteriaSetId: hamletV2 }));
    await db.hamletTitleEntry.update({ where: { id: entry.id }, data: { reportedOn: utcDate(2024, 11, 1) } });
    await expect(updateCampaignYear(w.actors.officer, id, 2, yearInput(2024, { hamletCriteriaSetId: original.hamletCriteriaSetId! }))).rejects.toMatchObject({
      code: "RULE_VIOLATION", fieldErrors: { hamletCriteriaSetId: [CAMPAIGN_MSG.hamletSetInUse] },
    });

    const agency = await db.agency.create({ data: { communeId: w.commune.id, name: "Trường Tiểu học", kind: "PUBLIC_UNIT" } });
    await db.agencyYear.create({ data: { communeId: w.commune.id, campaignYearId: id, agencyId: agency.id, registeredOn: utcDate(2024, 2, 1), result: "ACHIEVED" } });
    await expect(updateCampaignYear(w.actors.officer, id, 2, yearInput(2024, { agencyCriteriaSetId: agencyV2 }))).rejects.toMatchObject({
      code: "RULE_VIOLATION", fieldErrors: { agencyCriteriaSetId: [CAMPAIGN_MSG.agencySetInUse] },
    });
    // No business has a result yet: its set may change; the pinned ones, sent unchanged, stay.
    await updateCampaignYear(w.actors.officer, id, 2, yearInput(2024, { enterpriseCriteriaSetId: enterpriseV2, hamletCriteriaSetId: hamletV2 }));
    expect(await db.campaignYear.findUniqueOrThrow({ where: { id } })).toMatchObject({
      version: 3, hamletCriteriaSetId: hamletV2, agencyCriteriaSetId: original.agencyCriteriaSetId, enterpriseCriteriaSetId: enterpriseV2,
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "campaignYear.update", entityId: id }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ before: { enterpriseCriteriaSetId: original.enterpriseCriteriaSetId }, after: { enterpriseCriteriaSetId: enterpriseV2 } });
  });

  it("copies the latest set of a title into a new draft, ratio items included, or the defaults when there is none", async () => {
    await createCampaignYear(w.actors.officer, yearInput(2024));
    const latest = await setOf(w.commune.id, "HAMLET");
    const draft = await createCriteriaDraftFor(w.actors.officer, "HAMLET");
    expect(await db.criteriaSet.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ subject: "HAMLET", version: 5, publishedAt: null, name: latest.name });
    expect(await itemsOf(draft.id)).toEqual(await itemsOf(latest.id));
    expect(await db.criterion.findFirstOrThrow({ where: { criteriaSetId: draft.id, code: "I.2" } }))
      .toMatchObject({ metric: "POOR_NEAR_POOR_PCT", comparator: "LTE", threshold: 15 });
    // The next draft copies the newest set of the title, even an unpublished one.
    await updateCriteriaSet(w.actors.officer, draft.id, { name: "Bộ tiêu chí xóm của tỉnh", legalBasis: "Quyết định của UBND tỉnh", effectiveFrom: utcDate(2025, 1, 1) });
    const next = await createCriteriaDraftFor(w.actors.officer, "HAMLET");
    expect(await db.criteriaSet.findUniqueOrThrow({ where: { id: next.id } })).toMatchObject({ name: "Bộ tiêu chí xóm của tỉnh", version: 6 });

    // A commune without sets starts from the default checklist.
    const fresh = await createCriteriaDraftFor(w.actors.otherOfficer, "ENTERPRISE");
    expect(await db.criteriaSet.findUniqueOrThrow({ where: { id: fresh.id }, include: { _count: { select: { items: true } } } }))
      .toMatchObject({ communeId: w.otherCommune.id, subject: "ENTERPRISE", version: 1, publishedAt: null, _count: { items: 4 } });
    await expect(createCriteriaDraftFor(w.actors.leader, "HAMLET")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("stores ratio items in a hamlet draft and refuses them in a household one", async () => {
    await createCampaignYear(w.actors.officer, yearInput(2024));
    const hamletDraft = await createCriteriaDraftFor(w.actors.officer, "HAMLET");
    const ratio = { ...ITEM, code: "II.7", groupCode: "II", groupTitle: "Đời sống văn hóa", text: "Tỷ lệ hộ dùng nước sạch.", metric: "EMPLOYED_PCT", comparator: "GTE", threshold: 92.5 } as const;
    const added = await addCriterion(w.actors.officer, hamletDraft.id, ratio);
    expect(await db.criterion.findUniqueOrThrow({ where: { id: added.id } })).toMatchObject({ code: "II.7", metric: "EMPLOYED_PCT", comparator: "GTE", threshold: 92.5 });
    // Placed in reading order: after II.6, before III.1.
    const codes = (await itemsOf(hamletDraft.id)).map((i) => i.code);
    expect(codes.slice(codes.indexOf("II.6"), codes.indexOf("II.6") + 3)).toEqual(["II.6", "II.7", "III.1"]);
    expect(codes[0]).toBe("I.1");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "criterion.create", entityId: added.id } });
    expect(audit.after).toMatchObject({ metric: "EMPLOYED_PCT", comparator: "GTE", threshold: 92.5 });

    const householdDraft = await createCriteriaDraft(w.actors.officer, (await householdSet(w.commune.id)).id);
    const before = await counts();
    await expect(addCriterion(w.actors.officer, householdDraft.id, { ...ITEM, metric: "EMPLOYED_PCT", comparator: "GTE", threshold: 80 })).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { metric: [CAMPAIGN_MSG.ratioNotForHousehold] },
    });
    expect(await counts()).toEqual(before);
  });
});

describe("authority rules", () => {
  const RULE_2026: AuthorityRuleInput = {
    subject: "AGENCY", effectiveFrom: utcDate(2026, 1, 1), effectiveTo: null, authority: "Chủ tịch Công đoàn xã",
    issuer: "Công đoàn xã", parentIssuer: "", legalBasis: "Hướng dẫn số 58/HD-TLĐ",
  };

  it("adds a rule, with an audit row", async () => {
    const { id } = await createAuthorityRule(w.actors.officer, RULE_2026);
    expect(await db.authorityRule.findUniqueOrThrow({ where: { id } })).toMatchObject({ communeId: w.commune.id, ...RULE_2026 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "authorityRule.create" } });
    expect(audit).toMatchObject({ entityType: "AuthorityRule", entityId: id, actorId: w.actors.officer.id, after: { subject: "AGENCY", authority: "Chủ tịch Công đoàn xã" } });
  });

  it("refuses a period that overlaps a rule of the same title, naming that rule, and writes nothing", async () => {
    const earlier = { ...RULE_2026, effectiveFrom: utcDate(2024, 1, 1), effectiveTo: utcDate(2026, 1, 1), authority: "Chủ tịch UBND huyện" };
    await createAuthorityRule(w.actors.officer, earlier);
    await createAuthorityRule(w.actors.officer, RULE_2026); // starts the day the earlier one ends: no overlap
    const before = await db.authorityRule.count();
    const audits = await db.auditLog.count();
    const overlap = { ...RULE_2026, effectiveFrom: utcDate(2025, 6, 1), effectiveTo: utcDate(2025, 12, 1) };
    const message = "Trùng thời gian với quy định đang có: Chủ tịch UBND huyện (áp dụng từ ngày 01/01/2024, hết hiệu lực từ ngày 01/01/2026).";
    await expect(createAuthorityRule(w.actors.officer, overlap)).rejects.toMatchObject({ code: "RULE_VIOLATION", message, fieldErrors: { effectiveFrom: [message] } });
    await expect(createAuthorityRule(w.actors.officer, { ...RULE_2026, effectiveFrom: utcDate(2025, 12, 1), effectiveTo: utcDate(2026, 2, 1) })).rejects.toMatchObject({
      message: "Trùng thời gian với quy định đang có: Chủ tịch UBND huyện (áp dụng từ ngày 01/01/2024, hết hiệu lực từ ngày 01/01/2026).",
    });
    expect(await db.authorityRule.count()).toBe(before);
    expect(await db.auditLog.count()).toBe(audits);
    // Another title, or another commune, has its own periods.
    await expect(createAuthorityRule(w.actors.officer, { ...overlap, subject: "ENTERPRISE" })).resolves.toBeDefined();
    await expect(createAuthorityRule(w.actors.otherOfficer, overlap)).resolves.toBeDefined();
  });

  it("a new rule supersedes the one in force until further notice from its first day, with an audit row", async () => {
    const { id: first } = await createAuthorityRule(w.actors.officer, RULE_2026);
    const { id: second } = await createAuthorityRule(w.actors.officer, { ...RULE_2026, effectiveFrom: utcDate(2030, 1, 1), authority: "Chủ tịch Công đoàn phường" });
    expect(await db.authorityRule.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ effectiveTo: utcDate(2030, 1, 1) });
    expect(await db.authorityRule.findUniqueOrThrow({ where: { id: second } })).toMatchObject({ effectiveTo: null });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "authorityRule.close" } })).toMatchObject({ entityId: first, actorId: w.actors.officer.id });
    const rules = await db.authorityRule.findMany({ where: { communeId: w.commune.id } });
    expect(authorityOn(rules, "AGENCY", utcDate(2029, 12, 31))?.id).toBe(first);
    expect(authorityOn(rules, "AGENCY", utcDate(2030, 1, 1))?.id).toBe(second);
  });

  it("audits the closing with the superseded rule's title and authority", async () => {
    const { id: first } = await createAuthorityRule(w.actors.officer, RULE_2026);
    await createAuthorityRule(w.actors.officer, { ...RULE_2026, effectiveFrom: utcDate(2030, 1, 1), authority: "Chủ tịch Công đoàn phường" });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "authorityRule.close" } })).toMatchObject({
      entityId: first,
      before: { subject: "AGENCY", authority: "Chủ tịch Công đoàn xã", effectiveTo: null },
      after: { subject: "AGENCY", authority: "Chủ tịch Công đoàn xã", effectiveTo: "2030-01-01T00:00:00.000Z" },
    });
  });

  it("does not supersede a rule back past a decision already made under it, and writes nothing", async () => {
    const year = await createCampaignYear(w.actors.officer, yearInput(2026));
    const { id: first } = await createAuthorityRule(w.actors.officer, { ...RULE_2026, subject: "ENTERPRISE" });
    await db.decision.create({
      data: {
        communeId: w.commune.id, campaignYearId: year.id, subject: "HAMLET", kind: "AWARD", status: "ISSUED", issuer: "Công đoàn xã",
        authority: "Chủ tịch Công đoàn xã", authorityRuleId: first, number: 7, numberYear: 2026, issuedOn: utcDate(2026, 9, 15),
        signerTitle: "CHỦ TỊCH", signerName: "Nguyễn Văn Ký", legalBasis: "Căn cứ…",
      },
    });
    const rules = await db.authorityRule.count();
    const audits = await db.auditLog.count();
    const message = CAMPAIGN_MSG.authorityDecided(utcDate(2026, 9, 15), "Chủ tịch Công đoàn xã");
    expect(message).toContain("15/09/2026");
    for (const effectiveFrom of [utcDate(2026, 7, 1), utcDate(2026, 9, 15)]) {
      await expect(createAuthorityRule(w.actors.officer, { ...RULE_2026, subject: "ENTERPRISE", effectiveFrom, authority: "Chủ tịch Công đoàn phường" }))
        .rejects.toMatchObject({ code: "RULE_VIOLATION", message, fieldErrors: { effectiveFrom: [message] } });
    }
    expect(await db.authorityRule.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ effectiveTo: null });
    expect(await db.authorityRule.count()).toBe(rules);
    expect(await db.auditLog.count()).toBe(audits);
    // From the day after the decision, the new rule takes over.
    await expect(createAuthorityRule(w.actors.officer, { ...RULE_2026, subject: "ENTERPRISE", effectiveFrom: utcDate(2026, 9, 16), authority: "Chủ tịch Công đoàn phường" }))
      .resolves.toBeDefined();
    expect(await db.authorityRule.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ effectiveTo: utcDate(2026, 9, 16) });
  });

  it("still gives the commune its hamlet rules when the officer added a rule of another title before the first year", async () => {
    await createAuthorityRule(w.actors.officer, RULE_2026);
    await createCampaignYear(w.actors.officer, yearInput(2026));
    const rules = await db.authorityRule.findMany({ where: { communeId: w.commune.id } });
    expect(authorityOn(rules, "HAMLET", utcDate(2026, 3, 1))).toMatchObject({ issuer: "", effectiveTo: null });
    expect(rules.filter((r) => r.subject === "AGENCY")).toHaveLength(1);
  });

  it("checks against the default rules a year creates: a bounded period inside the rule in force is refused", async () => {
    await createCampaignYear(w.actors.officer, yearInput(2024));
    await expect(createAuthorityRule(w.actors.officer, { ...RULE_2026, subject: "HAMLET", effectiveFrom: utcDate(2025, 1, 1), effectiveTo: utcDate(2025, 3, 1) }))
      .rejects.toMatchObject({ code: "RULE_VIOLATION" });
  });

  it.each(["headA", "leader", "committee", "admin"] as const)("the %s cannot add one", async (who) => {
    await expect(createAuthorityRule(w.actors[who], RULE_2026)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.authorityRule.count()).toBe(0);
  });
});
