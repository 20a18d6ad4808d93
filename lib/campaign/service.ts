import "server-only";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { authorize, communeScope, type Actor } from "@/lib/policy";
import { DomainError, MSG, type FieldErrors } from "@/lib/result";
import { isUuid } from "@/lib/text";
import { CAMPAIGN_MSG, type CampaignYearInput, type CriteriaSetInput, type CriterionInput, type RuleSetInput } from "./schema";
import { ensureDefaultSets } from "./sets";

// The officer's setup of the yearly campaign: the year (targets, plan, deadlines, which rule and criteria versions
// it applies), new rule-set versions, and criteria-set drafts that freeze once published.

// ---- Campaign years --------------------------------------------------------------------------------------------

/** A year's stored fields, from a parsed form or from the row itself (the audit's "before"). */
type YearShape = Omit<CampaignYearInput, "planRefs" | "ruleSetId" | "criteriaSetId" | "planNumber" | "planDate" | "planIssuer" | "planTitle" | "honourQuotaPct"> & {
  planNumber?: string | null; planDate?: Date | null; planIssuer?: string | null; planTitle?: string | null; honourQuotaPct?: number | null;
};

function yearColumns(input: YearShape, ruleSetId: string, criteriaSetId: string) {
  return {
    year: input.year,
    targetHouseholdsPct: input.targetHouseholdsPct,
    targetHamletsPct: input.targetHamletsPct,
    targetAgenciesPct: input.targetAgenciesPct,
    planNumber: input.planNumber ?? null,
    planDate: input.planDate ?? null,
    planIssuer: input.planIssuer ?? null,
    planTitle: input.planTitle ?? null,
    meetingDeadline: input.meetingDeadline,
    reviewDeadline: input.reviewDeadline,
    noticeDays: input.noticeDays,
    decisionDays: input.decisionDays,
    ruleSetId,
    criteriaSetId,
    honourYears: input.honourYears,
    honourQuotaPct: input.honourQuotaPct ?? null,
  };
}

type PlanRefRow = { issuer: string; number: string; date: Date | null; title: string | null };

const planRefsOf = (input: CampaignYearInput): PlanRefRow[] =>
  input.planRefs.map((r) => ({ issuer: r.issuer, number: r.number, date: r.date ?? null, title: r.title ?? null }));

function fieldError(code: "INVALID_INPUT" | "CONFLICT" | "RULE_VIOLATION", errors: FieldErrors): DomainError {
  const message = Object.values(errors)[0]?.[0] ?? MSG.invalid;
  return new DomainError(code, message, errors);
}

async function assertYearFree(tx: Tx, communeId: string, year: number, exceptId?: string) {
  const taken = await tx.campaignYear.findFirst({ where: { communeId, year, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (taken) throw fieldError("CONFLICT", { year: [CAMPAIGN_MSG.yearTaken(year)] });
}

/** The chosen versions must belong to the commune; a year applies only published criteria. */
async function assertSetsUsable(tx: Tx, communeId: string, ruleSetId: string, criteriaSetId: string) {
  const ruleSet = await tx.ruleSet.findFirst({ where: { id: ruleSetId, communeId }, select: { id: true } });
  const criteriaSet = await tx.criteriaSet.findFirst({ where: { id: criteriaSetId, communeId }, select: { publishedAt: true } });
  const errors: FieldErrors = {};
  if (!ruleSet) errors.ruleSetId = [CAMPAIGN_MSG.ruleSetUnknown];
  if (!criteriaSet) errors.criteriaSetId = [CAMPAIGN_MSG.criteriaSetUnknown];
  else if (!criteriaSet.publishedAt) errors.criteriaSetId = [CAMPAIGN_MSG.criteriaSetDraft];
  if (Object.keys(errors).length > 0) throw fieldError("INVALID_INPUT", errors);
}

export async function createCampaignYear(actor: Actor, input: CampaignYearInput): Promise<{ id: string; year: number }> {
  return db.$transaction(async (tx) => {
    authorize(actor, "campaign.manage", { communeId: actor.communeId });
    const communeId = actor.communeId;
    await assertYearFree(tx, communeId, input.year);
    // A commune's first year gets version 1 of each set; an empty choice means the latest version.
    const defaults = await ensureDefaultSets(tx, communeId);
    const ruleSetId = input.ruleSetId ?? defaults.ruleSetId;
    const criteriaSetId = input.criteriaSetId ?? defaults.criteriaSetId;
    await assertSetsUsable(tx, communeId, ruleSetId, criteriaSetId);
    const columns = yearColumns(input, ruleSetId, criteriaSetId);
    const planRefs = planRefsOf(input);
    const created = await tx.campaignYear.create({
      data: { communeId, ...columns, planRefs: { create: planRefs.map((r, position) => ({ ...r, position })) } },
      select: { id: true, year: true },
    });
    await recordAudit(tx, actor, { action: "campaignYear.create", entityType: "CampaignYear", entityId: created.id, after: { ...columns, planRefs } });
    return created;
  });
}

/**
 * Saves a year if nobody changed it since `version` was read. The rule and criteria versions stay once a hamlet has
 * met for the year, and the year number stays once anything hangs on it; a field left out keeps its current set.
 */
export async function updateCampaignYear(actor: Actor, id: string, version: number, input: CampaignYearInput): Promise<{ id: string; year: number }> {
  return db.$transaction(async (tx) => {
    const current = isUuid(id)
      ? await tx.campaignYear.findFirst({
        where: { AND: [{ id }, communeScope(actor, "campaign.read")] },
        include: { planRefs: { orderBy: { position: "asc" } } },
      })
      : null;
    if (!current) throw new DomainError("NOT_FOUND", MSG.notFound);
    authorize(actor, "campaign.manage", { communeId: current.communeId });
    // A stale form is refused first: its other refusals would be about a year the user has not seen.
    if (current.version !== version) throw new DomainError("CONFLICT", MSG.stale);
    const ruleSetId = input.ruleSetId ?? current.ruleSetId;
    const criteriaSetId = input.criteriaSetId ?? current.criteriaSetId;
    const setsChanged = ruleSetId !== current.ruleSetId || criteriaSetId !== current.criteriaSetId;
    const yearChanged = input.year !== current.year;
    if (setsChanged || yearChanged) {
      // FOR UPDATE conflicts with the key-share lock a new review, registration or decision takes on this row,
      // so none can slip in between the check below and the commit.
      await tx.$queryRaw`SELECT 1 FROM "CampaignYear" WHERE "id" = ${id}::uuid FOR UPDATE`;
    }
    if (setsChanged) {
      const reviews = await tx.hamletReview.count({ where: { campaignYearId: id } });
      if (reviews > 0) {
        const errors: FieldErrors = {};
        if (ruleSetId !== current.ruleSetId) errors.ruleSetId = [CAMPAIGN_MSG.setsInUse];
        if (criteriaSetId !== current.criteriaSetId) errors.criteriaSetId = [CAMPAIGN_MSG.setsInUse];
        throw fieldError("RULE_VIOLATION", errors);
      }
      await assertSetsUsable(tx, current.communeId, ruleSetId, criteriaSetId);
    }
    if (yearChanged) {
      const used = await tx.campaignYear.findUniqueOrThrow({
        where: { id },
        select: { _count: { select: { registrations: true, reviews: true, decisions: true, awards: true } } },
      });
      if (Object.values(used._count).some((n) => n > 0)) throw fieldError("RULE_VIOLATION", { year: [CAMPAIGN_MSG.yearInUse] });
      await assertYearFree(tx, current.communeId, input.year, id);
    }
    const columns = yearColumns(input, ruleSetId, criteriaSetId);
    // Optimistic lock: the row must still be the version the user edited (another save may have committed since).
    const updated = await tx.campaignYear.updateMany({ where: { id, version }, data: { ...columns, version: { increment: 1 } } });
    if (updated.count !== 1) throw new DomainError("CONFLICT", MSG.stale);
    const planRefs = planRefsOf(input);
    await tx.planReference.deleteMany({ where: { campaignYearId: id } });
    await tx.planReference.createMany({ data: planRefs.map((r, position) => ({ ...r, position, campaignYearId: id })) });
    await recordAudit(tx, actor, {
      action: "campaignYear.update",
      entityType: "CampaignYear",
      entityId: id,
      before: { ...yearColumns(current, current.ruleSetId, current.criteriaSetId), planRefs: current.planRefs.map((r) => ({ issuer: r.issuer, number: r.number, date: r.date, title: r.title })) },
      after: { ...columns, planRefs },
    });
    return { id, year: input.year };
  });
}

// ---- Rule sets (immutable: a change is a new version) ---------------------------------------------------------------

async function nextVersion(tx: Tx, model: "ruleSet" | "criteriaSet", communeId: string): Promise<number> {
  const max = model === "ruleSet"
    ? (await tx.ruleSet.aggregate({ where: { communeId }, _max: { version: true } }))._max.version
    : (await tx.criteriaSet.aggregate({ where: { communeId }, _max: { version: true } }))._max.version;
  return (max ?? 0) + 1;
}

/** Adds a rule-set version (max + 1 in the commune); a race on the number ends in CONFLICT through the unique index. */
export async function createRuleSet(actor: Actor, input: RuleSetInput): Promise<{ id: string; version: number }> {
  return db.$transaction(async (tx) => {
    authorize(actor, "campaign.manage", { communeId: actor.communeId });
    const communeId = actor.communeId;
    const version = await nextVersion(tx, "ruleSet", communeId);
    const created = await tx.ruleSet.create({ data: { communeId, version, ...input }, select: { id: true, version: true } });
    await recordAudit(tx, actor, { action: "ruleSet.create", entityType: "RuleSet", entityId: created.id, after: { version, ...input } });
    return created;
  });
}

// ---- Criteria sets (drafts change; published sets are frozen) --------------------------------------------------------

async function loadCriteriaSet(tx: Tx, actor: Actor, id: string) {
  const set = isUuid(id)
    ? await tx.criteriaSet.findFirst({
      where: { AND: [{ id }, communeScope(actor, "campaign.read")] },
      select: { id: true, communeId: true, name: true, version: true, legalBasis: true, effectiveFrom: true, publishedAt: true },
    })
    : null;
  if (!set) throw new DomainError("NOT_FOUND", MSG.notFound);
  authorize(actor, "campaign.manage", { communeId: set.communeId });
  return set;
}

/**
 * Locks a draft for this transaction: the conditional update matches only while the set is unpublished, and holds
 * the row until commit, so a concurrent "Công bố" either waits for this edit or wins and refuses it.
 */
async function lockDraft(tx: Tx, set: { id: string; publishedAt: Date | null }): Promise<void> {
  if (set.publishedAt) throw new DomainError("RULE_VIOLATION", CAMPAIGN_MSG.frozen);
  const locked = await tx.criteriaSet.updateMany({ where: { id: set.id, publishedAt: null }, data: { publishedAt: null } });
  if (locked.count !== 1) throw new DomainError("RULE_VIOLATION", CAMPAIGN_MSG.frozen);
}

/** Items in reading order: by group (A, B, C, E), then by the number in the code (C2 before C10). */
async function renumber(tx: Tx, criteriaSetId: string): Promise<void> {
  const items = await tx.criterion.findMany({ where: { criteriaSetId }, select: { id: true, code: true, groupCode: true, position: true } });
  items.sort((a, b) => a.groupCode.localeCompare(b.groupCode) || Number(a.code.slice(1)) - Number(b.code.slice(1)) || a.code.localeCompare(b.code));
  for (const [position, item] of items.entries()) {
    if (item.position !== position) await tx.criterion.update({ where: { id: item.id }, data: { position } });
  }
}

async function assertCodeFree(tx: Tx, criteriaSetId: string, code: string, exceptId?: string) {
  const taken = await tx.criterion.findFirst({ where: { criteriaSetId, code, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (taken) throw fieldError("CONFLICT", { code: [CAMPAIGN_MSG.codeTaken(code)] });
}

/** An item's stored fields, from a parsed form or from the row itself (the audit's "before"). */
const itemColumns = (input: Omit<CriterionInput, "category"> & { category?: CriterionInput["category"] | null }) => ({
  code: input.code,
  groupCode: input.groupCode,
  groupTitle: input.groupTitle,
  kind: input.kind,
  text: input.text,
  category: input.category ?? null,
  isVerified: input.isVerified,
});

/** A new draft (version max + 1) with a copy of `fromId`'s items; the source set is left as it was. */
export async function createCriteriaDraft(actor: Actor, fromId: string): Promise<{ id: string; version: number }> {
  return db.$transaction(async (tx) => {
    const source = await loadCriteriaSet(tx, actor, fromId);
    const items = await tx.criterion.findMany({ where: { criteriaSetId: source.id }, orderBy: { position: "asc" } });
    const version = await nextVersion(tx, "criteriaSet", source.communeId);
    const draft = await tx.criteriaSet.create({
      data: {
        communeId: source.communeId,
        version,
        name: source.name,
        legalBasis: source.legalBasis,
        effectiveFrom: source.effectiveFrom,
        publishedAt: null,
        items: {
          create: items.map((c) => ({
            code: c.code, groupCode: c.groupCode, groupTitle: c.groupTitle, kind: c.kind, text: c.text, category: c.category,
            position: c.position, isVerified: c.isVerified,
          })),
        },
      },
      select: { id: true, version: true },
    });
    await recordAudit(tx, actor, {
      action: "criteriaSet.create",
      entityType: "CriteriaSet",
      entityId: draft.id,
      after: { version, fromId: source.id, fromVersion: source.version, name: source.name, itemCount: items.length },
    });
    return draft;
  });
}

export async function updateCriteriaSet(actor: Actor, id: string, input: CriteriaSetInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const set = await loadCriteriaSet(tx, actor, id);
    await lockDraft(tx, set);
    await tx.criteriaSet.update({ where: { id: set.id }, data: input });
    await recordAudit(tx, actor, {
      action: "criteriaSet.update",
      entityType: "CriteriaSet",
      entityId: set.id,
      before: { name: set.name, legalBasis: set.legalBasis, effectiveFrom: set.effectiveFrom },
      after: input,
    });
    return { id: set.id };
  });
}

export async function addCriterion(actor: Actor, criteriaSetId: string, input: CriterionInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const set = await loadCriteriaSet(tx, actor, criteriaSetId);
    await lockDraft(tx, set);
    await assertCodeFree(tx, set.id, input.code);
    const data = itemColumns(input);
    const item = await tx.criterion.create({ data: { criteriaSetId: set.id, ...data, position: 0 }, select: { id: true } });
    await renumber(tx, set.id);
    await recordAudit(tx, actor, { action: "criterion.create", entityType: "Criterion", entityId: item.id, after: { criteriaSetId: set.id, ...data } });
    return item;
  });
}

async function loadItem(tx: Tx, criteriaSetId: string, itemId: string) {
  const item = isUuid(itemId) ? await tx.criterion.findFirst({ where: { id: itemId, criteriaSetId } }) : null;
  if (!item) throw new DomainError("NOT_FOUND", CAMPAIGN_MSG.itemUnknown);
  return item;
}

export async function updateCriterion(actor: Actor, criteriaSetId: string, itemId: string, input: CriterionInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const set = await loadCriteriaSet(tx, actor, criteriaSetId);
    await lockDraft(tx, set);
    const item = await loadItem(tx, set.id, itemId);
    await assertCodeFree(tx, set.id, input.code, item.id);
    const data = itemColumns(input);
    await tx.criterion.update({ where: { id: item.id }, data });
    await renumber(tx, set.id);
    await recordAudit(tx, actor, {
      action: "criterion.update", entityType: "Criterion", entityId: item.id,
      before: { criteriaSetId: set.id, ...itemColumns(item) }, after: { criteriaSetId: set.id, ...data },
    });
    return { id: item.id };
  });
}

export async function removeCriterion(actor: Actor, criteriaSetId: string, itemId: string): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const set = await loadCriteriaSet(tx, actor, criteriaSetId);
    await lockDraft(tx, set);
    const item = await loadItem(tx, set.id, itemId);
    await tx.criterion.delete({ where: { id: item.id } });
    await renumber(tx, set.id);
    await recordAudit(tx, actor, { action: "criterion.delete", entityType: "Criterion", entityId: item.id, before: { criteriaSetId: set.id, ...itemColumns(item) } });
    return { id: item.id };
  });
}

/** Freezes a draft; from then on years may apply it and nothing in it changes. */
export async function publishCriteriaSet(actor: Actor, id: string, now: Date = new Date()): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const set = await loadCriteriaSet(tx, actor, id);
    if (set.publishedAt) throw new DomainError("RULE_VIOLATION", "Bộ tiêu chí này đã được công bố (đã được xử lý).");
    await lockDraft(tx, set);
    const standard = await tx.criterion.count({ where: { criteriaSetId: set.id, kind: "STANDARD" } });
    if (standard === 0) throw new DomainError("RULE_VIOLATION", CAMPAIGN_MSG.noStandardItem);
    await tx.criteriaSet.update({ where: { id: set.id }, data: { publishedAt: now } });
    await recordAudit(tx, actor, { action: "criteriaSet.publish", entityType: "CriteriaSet", entityId: set.id, before: { publishedAt: null }, after: { publishedAt: now } });
    return { id: set.id };
  });
}
