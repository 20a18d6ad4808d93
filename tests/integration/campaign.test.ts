import { beforeEach, describe, expect, it } from "vitest";
import { HOUSEHOLD_CRITERIA } from "@/lib/campaign/defaults";
import { getCriteriaSet, listCriteriaSets, listRuleSets, listSetOptions, listYears } from "@/lib/campaign/queries";
import { CAMPAIGN_MSG, type CampaignYearInput, type CriterionInput, type RuleSetInput } from "@/lib/campaign/schema";
import {
  addCriterion, createCampaignYear, createCriteriaDraft, createRuleSet, publishCriteriaSet, removeCriterion, updateCampaignYear, updateCriteriaSet,
  updateCriterion,
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
    ruleSetId: undefined, criteriaSetId: undefined, honourYears: 3, honourQuotaPct: undefined,
    ...overrides,
  };
}

const RULE: RuleSetInput = {
  name: "Theo Nghị định 122/2018 (cũ)", legalBasis: "Nghị định số 122/2018/NĐ-CP", effectiveFrom: utcDate(2024, 1, 1),
  quorumBase: "INVITED", quorumPct: 60, quorumOp: "GTE", approvalBase: "PRESENT", approvalPct: 60, approvalOp: "GTE",
  ballotMethod: "SECRET_BALLOT", registrationRequired: false, lookbackYears: 1,
};

const ITEM: CriterionInput = {
  code: "C4", groupCode: "C", groupTitle: "Gia đình no ấm, tiến bộ, hạnh phúc", kind: "STANDARD", text: "Giữ gìn vệ sinh môi trường.",
  category: undefined, isVerified: true,
};

async function counts() {
  const [years, planRefs, ruleSets, criteriaSets, criteria, audits] = await Promise.all([
    db.campaignYear.count(), db.planReference.count(), db.ruleSet.count(), db.criteriaSet.count(), db.criterion.count(), db.auditLog.count(),
  ]);
  return { years, planRefs, ruleSets, criteriaSets, criteria, audits };
}

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
    const criteriaSets = await db.criteriaSet.findMany({ include: { items: true } });
    expect(ruleSets).toHaveLength(1);
    expect(ruleSets[0]).toMatchObject({ communeId: w.commune.id, version: 1, quorumPct: 50, quorumOp: "GT" });
    expect(criteriaSets).toHaveLength(1);
    expect(criteriaSets[0]).toMatchObject({ communeId: w.commune.id, version: 1 });
    expect(criteriaSets[0]!.publishedAt).not.toBeNull();
    expect(criteriaSets[0]!.items).toHaveLength(HOUSEHOLD_CRITERIA.length);

    const year = await db.campaignYear.findUniqueOrThrow({ where: { id: created.id }, include: { planRefs: { orderBy: { position: "asc" } } } });
    expect(year).toMatchObject({
      communeId: w.commune.id, year: 2024, targetHouseholdsPct: 90, targetHamletsPct: 90, targetAgenciesPct: 100,
      meetingDeadline: utcDate(2024, 11, 15), reviewDeadline: utcDate(2024, 11, 25), noticeDays: 10, decisionDays: 10,
      ruleSetId: ruleSets[0]!.id, criteriaSetId: criteriaSets[0]!.id, honourYears: 3, honourQuotaPct: null, version: 1,
    });
    expect(year.planRefs.map((r) => [r.position, r.issuer, r.number, r.date, r.title])).toEqual([
      [0, "Ban Chỉ đạo Trung ương", "01/KH-BCĐTW", utcDate(2024, 2, 2), null],
      [1, "UBND tỉnh", "45/KH-UBND", null, "Kế hoạch của tỉnh"],
    ]);

    await createCampaignYear(w.actors.officer, yearInput(2025));
    expect(await db.ruleSet.count()).toBe(1);
    expect(await db.criteriaSet.count()).toBe(1);
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
    const v1 = await db.criteriaSet.findFirstOrThrow({ where: { communeId: w.commune.id } });
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
    const v1 = await db.criteriaSet.findFirstOrThrow({ where: { communeId: w.commune.id } });
    await createCriteriaDraft(w.actors.officer, v1.id);
    const v2 = await createRuleSet(w.actors.officer, RULE);
    const options = await listSetOptions(w.actors.officer);
    expect(options.ruleSets.map((o) => o.value)).toEqual([v2.id, (await db.ruleSet.findFirstOrThrow({ where: { version: 1, communeId: w.commune.id } })).id]);
    expect(options.criteriaSets.map((o) => o.value)).toEqual([v1.id]);
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
    return (await db.criteriaSet.findFirstOrThrow({ where: { communeId: w.commune.id } })).id;
  }

  it("copies a published set into a draft and leaves the old set's items untouched", async () => {
    const v1 = await v1Id();
    const original = await itemsOf(v1);
    const draft = await createCriteriaDraft(w.actors.officer, v1);
    expect(draft.version).toBe(2);
    expect(await db.criteriaSet.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ publishedAt: null, version: 2 });
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
    expect(listed.map((s) => [s.version, s._count.items, s.years.map((y) => y.year)])).toEqual([[2, 5, []], [1, HOUSEHOLD_CRITERIA.length, [2024]]]);
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
    expect(rows[0]!.after).toMatchObject({ version: 2, fromId: v1, fromVersion: 1, itemCount: HOUSEHOLD_CRITERIA.length });
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
