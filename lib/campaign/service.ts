import "server-only";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import type { TitleSubject } from "@/lib/generated/prisma/enums";
import { authorize, communeScope, type Actor } from "@/lib/policy";
import { DomainError, MSG, type FieldErrors } from "@/lib/result";
import { isUuid } from "@/lib/text";
import { HOUSEHOLD_CRITERIA, HOUSEHOLD_CRITERIA_SET, TITLE_CRITERIA_SETS } from "./defaults";
import {
  authorityOverlap, CAMPAIGN_MSG, compareCriteria, type AuthorityRuleInput, type CampaignYearInput, type CriteriaSetInput, type CriterionInput,
  type RuleSetInput,
} from "./schema";
import { ensureDefaultSets } from "./sets";

// The officer's setup of the yearly campaign: the year (targets, plan, deadlines, which rule and criteria versions
// it applies), new rule-set versions, criteria-set drafts that freeze once published, and who decides each title.

// ---- Campaign years --------------------------------------------------------------------------------------------

/** The versions a year applies: one rule set and a criteria set per title (null: none chosen yet, for older years). */
type YearSets = {
  ruleSetId: string;
  criteriaSetId: string;
  hamletCriteriaSetId: string | null;
  agencyCriteriaSetId: string | null;
  enterpriseCriteriaSetId: string | null;
};

/** Each criteria field of a year and the title its set must be for. */
const CRITERIA_SLOTS = [
  { field: "criteriaSetId", subject: "HOUSEHOLD" },
  { field: "hamletCriteriaSetId", subject: "HAMLET" },
  { field: "agencyCriteriaSetId", subject: "AGENCY" },
  { field: "enterpriseCriteriaSetId", subject: "ENTERPRISE" },
] as const satisfies readonly { field: keyof YearSets; subject: TitleSubject }[];

/** A year's stored fields, from a parsed form or from the row itself (the audit's "before"). */
type YearShape = Omit<CampaignYearInput, "planRefs" | keyof YearSets | "planNumber" | "planDate" | "planIssuer" | "planTitle" | "honourQuotaPct"> & {
  planNumber?: string | null; planDate?: Date | null; planIssuer?: string | null; planTitle?: string | null; honourQuotaPct?: number | null;
};

function yearColumns(input: YearShape, sets: YearSets) {
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
    ruleSetId: sets.ruleSetId,
    criteriaSetId: sets.criteriaSetId,
    hamletCriteriaSetId: sets.hamletCriteriaSetId,
    agencyCriteriaSetId: sets.agencyCriteriaSetId,
    enterpriseCriteriaSetId: sets.enterpriseCriteriaSetId,
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

/**
 * The chosen versions must belong to the commune; a year applies only published criteria, each set for the title of
 * its field (a hamlet set in the household field is refused there). Only the fields given are checked.
 */
async function assertSetsUsable(tx: Tx, communeId: string, sets: Partial<YearSets>) {
  const errors: FieldErrors = {};
  if (sets.ruleSetId !== undefined && !(await tx.ruleSet.findFirst({ where: { id: sets.ruleSetId, communeId }, select: { id: true } }))) {
    errors.ruleSetId = [CAMPAIGN_MSG.ruleSetUnknown];
  }
  for (const { field, subject } of CRITERIA_SLOTS) {
    const id = sets[field];
    if (id === undefined || id === null) continue;
    const set = await tx.criteriaSet.findFirst({ where: { id, communeId }, select: { publishedAt: true, subject: true } });
    if (!set) errors[field] = [CAMPAIGN_MSG.criteriaSetUnknown];
    else if (set.subject !== subject) errors[field] = [CAMPAIGN_MSG.criteriaSetSubject(subject, set.subject)];
    else if (!set.publishedAt) errors[field] = [CAMPAIGN_MSG.criteriaSetDraft];
  }
  if (Object.keys(errors).length > 0) throw fieldError("INVALID_INPUT", errors);
}

export async function createCampaignYear(actor: Actor, input: CampaignYearInput): Promise<{ id: string; year: number }> {
  return db.$transaction(async (tx) => {
    authorize(actor, "campaign.manage", { communeId: actor.communeId });
    const communeId = actor.communeId;
    await assertYearFree(tx, communeId, input.year);
    // A commune's first year gets version 1 of each set; an empty choice means the latest version of its title.
    const defaults = await ensureDefaultSets(tx, communeId);
    const sets: YearSets = {
      ruleSetId: input.ruleSetId ?? defaults.ruleSetId,
      criteriaSetId: input.criteriaSetId ?? defaults.criteriaSetId,
      hamletCriteriaSetId: input.hamletCriteriaSetId ?? defaults.hamletCriteriaSetId,
      agencyCriteriaSetId: input.agencyCriteriaSetId ?? defaults.agencyCriteriaSetId,
      enterpriseCriteriaSetId: input.enterpriseCriteriaSetId ?? defaults.enterpriseCriteriaSetId,
    };
    await assertSetsUsable(tx, communeId, sets);
    const columns = yearColumns(input, sets);
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
 * What already pins each version of a year: hamlet meetings pin the rule and household sets, a hamlet's achievement
 * report the hamlet set, an agency's or a business's result its set. Field errors for the changed ones that are pinned.
 */
async function pinnedSetErrors(tx: Tx, campaignYearId: string, changed: Set<keyof YearSets>): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (changed.has("ruleSetId") || changed.has("criteriaSetId")) {
    if ((await tx.hamletReview.count({ where: { campaignYearId } })) > 0) {
      if (changed.has("ruleSetId")) errors.ruleSetId = [CAMPAIGN_MSG.setsInUse];
      if (changed.has("criteriaSetId")) errors.criteriaSetId = [CAMPAIGN_MSG.setsInUse];
    }
  }
  if (changed.has("hamletCriteriaSetId") && (await tx.hamletTitleEntry.count({ where: { campaignYearId, reportedOn: { not: null } } })) > 0) {
    errors.hamletCriteriaSetId = [CAMPAIGN_MSG.hamletSetInUse];
  }
  const assessed = (enterprise: boolean) => tx.agencyYear.count({
    where: { campaignYearId, result: { not: null }, agency: enterprise ? { kind: "ENTERPRISE" } : { kind: { not: "ENTERPRISE" } } },
  });
  if (changed.has("agencyCriteriaSetId") && (await assessed(false)) > 0) errors.agencyCriteriaSetId = [CAMPAIGN_MSG.agencySetInUse];
  if (changed.has("enterpriseCriteriaSetId") && (await assessed(true)) > 0) errors.enterpriseCriteriaSetId = [CAMPAIGN_MSG.enterpriseSetInUse];
  return errors;
}

/**
 * Saves a year if nobody changed it since `version` was read. Each version stays once something was assessed with
 * it (pinnedSetErrors), and the year number stays once anything hangs on it; a field left out keeps its current set.
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
    const before: YearSets = {
      ruleSetId: current.ruleSetId,
      criteriaSetId: current.criteriaSetId,
      hamletCriteriaSetId: current.hamletCriteriaSetId,
      agencyCriteriaSetId: current.agencyCriteriaSetId,
      enterpriseCriteriaSetId: current.enterpriseCriteriaSetId,
    };
    const sets: YearSets = {
      ruleSetId: input.ruleSetId ?? before.ruleSetId,
      criteriaSetId: input.criteriaSetId ?? before.criteriaSetId,
      hamletCriteriaSetId: input.hamletCriteriaSetId ?? before.hamletCriteriaSetId,
      agencyCriteriaSetId: input.agencyCriteriaSetId ?? before.agencyCriteriaSetId,
      enterpriseCriteriaSetId: input.enterpriseCriteriaSetId ?? before.enterpriseCriteriaSetId,
    };
    const changed = new Set((Object.keys(sets) as (keyof YearSets)[]).filter((k) => sets[k] !== before[k]));
    const yearChanged = input.year !== current.year;
    if (changed.size > 0 || yearChanged) {
      // FOR UPDATE conflicts with the key-share lock a new review, registration, report or decision takes on this
      // row, so none can slip in between the checks below and the commit.
      await tx.$queryRaw`SELECT 1 FROM "CampaignYear" WHERE "id" = ${id}::uuid FOR UPDATE`;
    }
    if (changed.size > 0) {
      const pinned = await pinnedSetErrors(tx, id, changed);
      if (Object.keys(pinned).length > 0) throw fieldError("RULE_VIOLATION", pinned);
      await assertSetsUsable(tx, current.communeId, Object.fromEntries([...changed].map((k) => [k, sets[k]])));
    }
    if (yearChanged) {
      const used = await tx.campaignYear.findUniqueOrThrow({
        where: { id },
        select: { _count: { select: { registrations: true, reviews: true, decisions: true, awards: true } } },
      });
      if (Object.values(used._count).some((n) => n > 0)) throw fieldError("RULE_VIOLATION", { year: [CAMPAIGN_MSG.yearInUse] });
      await assertYearFree(tx, current.communeId, input.year, id);
    }
    const columns = yearColumns(input, sets);
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
      before: { ...yearColumns(current, before), planRefs: current.planRefs.map((r) => ({ issuer: r.issuer, number: r.number, date: r.date, title: r.title })) },
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
      select: { id: true, communeId: true, subject: true, name: true, version: true, legalBasis: true, effectiveFrom: true, publishedAt: true },
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

/** Items in reading order (compareCriteria): by group, then by the number in the code (C2 before C10, II.2 before II.10). */
async function renumber(tx: Tx, criteriaSetId: string): Promise<void> {
  const items = await tx.criterion.findMany({ where: { criteriaSetId }, select: { id: true, code: true, groupCode: true, position: true } });
  items.sort(compareCriteria);
  for (const [position, item] of items.entries()) {
    if (item.position !== position) await tx.criterion.update({ where: { id: item.id }, data: { position } });
  }
}

async function assertCodeFree(tx: Tx, criteriaSetId: string, code: string, exceptId?: string) {
  const taken = await tx.criterion.findFirst({ where: { criteriaSetId, code, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (taken) throw fieldError("CONFLICT", { code: [CAMPAIGN_MSG.codeTaken(code)] });
}

type Nullable<T, K extends keyof T> = Omit<T, K> & { [P in K]?: T[P] | null };

/** An item's stored fields, from a parsed form or from the row itself (the audit's "before"). */
const itemColumns = (input: Nullable<CriterionInput, "category" | "metric" | "comparator" | "threshold">) => ({
  code: input.code,
  groupCode: input.groupCode,
  groupTitle: input.groupTitle,
  kind: input.kind,
  text: input.text,
  category: input.category ?? null,
  isVerified: input.isVerified,
  metric: input.metric ?? null,
  comparator: input.comparator ?? null,
  threshold: input.threshold ?? null,
});

/** Ratio items ("tỷ lệ …") belong to the hamlet, agency and enterprise titles; the household checklist has none. */
function assertItemFits(set: { subject: TitleSubject }, input: CriterionInput) {
  if (set.subject === "HOUSEHOLD" && input.metric !== undefined) {
    throw fieldError("INVALID_INPUT", { metric: [CAMPAIGN_MSG.ratioNotForHousehold] });
  }
}

type DraftSource = { id: string | null; communeId: string; subject: TitleSubject; name: string; version: number | null; legalBasis: string; effectiveFrom: Date };
type DraftItem = Omit<Parameters<typeof itemColumns>[0], "isVerified"> & { isVerified?: boolean; position: number };

/** A new draft (version max + 1 in the commune, all titles together) holding a copy of `items`. */
async function copyToDraft(tx: Tx, actor: Actor, source: DraftSource, items: DraftItem[]): Promise<{ id: string; version: number }> {
  const version = await nextVersion(tx, "criteriaSet", source.communeId);
  const draft = await tx.criteriaSet.create({
    data: {
      communeId: source.communeId,
      subject: source.subject,
      version,
      name: source.name,
      legalBasis: source.legalBasis,
      effectiveFrom: source.effectiveFrom,
      publishedAt: null,
      items: { create: items.map((c) => ({ ...itemColumns({ ...c, isVerified: c.isVerified ?? true }), position: c.position })) },
    },
    select: { id: true, version: true },
  });
  await recordAudit(tx, actor, {
    action: "criteriaSet.create",
    entityType: "CriteriaSet",
    entityId: draft.id,
    after: { version, subject: source.subject, fromId: source.id, fromVersion: source.version, name: source.name, itemCount: items.length },
  });
  return draft;
}

/** A new draft (version max + 1) with a copy of `fromId`'s items, for the same title; the source set is left as it was. */
export async function createCriteriaDraft(actor: Actor, fromId: string): Promise<{ id: string; version: number }> {
  return db.$transaction(async (tx) => {
    const source = await loadCriteriaSet(tx, actor, fromId);
    const items = await tx.criterion.findMany({ where: { criteriaSetId: source.id }, orderBy: { position: "asc" } });
    return copyToDraft(tx, actor, source, items);
  });
}

/** The checklist a commune starts from for a title (Nghị định 86/2023, Thông tư 08/2014). */
function defaultCriteria(subject: TitleSubject) {
  if (subject === "HOUSEHOLD") return { set: HOUSEHOLD_CRITERIA_SET, items: HOUSEHOLD_CRITERIA };
  const found = TITLE_CRITERIA_SETS.find((t) => t.set.subject === subject)!;
  return { set: found.set, items: found.items.map((c) => ({ ...c, kind: "STANDARD" as const })) };
}

/**
 * A new draft for `subject`: a copy of the commune's latest set of that title (published or not), or of the default
 * checklist when it has none yet.
 */
export async function createCriteriaDraftFor(actor: Actor, subject: TitleSubject): Promise<{ id: string; version: number }> {
  return db.$transaction(async (tx) => {
    authorize(actor, "campaign.manage", { communeId: actor.communeId });
    const communeId = actor.communeId;
    const latest = await tx.criteriaSet.findFirst({ where: { communeId, subject }, orderBy: { version: "desc" }, select: { id: true } });
    if (latest) {
      const source = await loadCriteriaSet(tx, actor, latest.id);
      const items = await tx.criterion.findMany({ where: { criteriaSetId: source.id }, orderBy: { position: "asc" } });
      return copyToDraft(tx, actor, source, items);
    }
    const { set, items } = defaultCriteria(subject);
    return copyToDraft(
      tx, actor,
      { id: null, communeId, subject, name: set.name, legalBasis: set.legalBasis, effectiveFrom: set.effectiveFrom, version: null },
      items.map((c, position) => ({ ...c, position })),
    );
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
    assertItemFits(set, input);
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
    assertItemFits(set, input);
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

// ---- Who decides a title, by date ------------------------------------------------------------------------------------

/**
 * Adds an authority rule. Periods of one title must not overlap (the decision of a date names exactly one
 * competent body): a lock per commune and title makes two concurrent additions check one after the other.
 */
export async function createAuthorityRule(actor: Actor, input: AuthorityRuleInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    authorize(actor, "campaign.manage", { communeId: actor.communeId });
    const communeId = actor.communeId;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`authority-rule:${communeId}:${input.subject}`}))`;
    const existing = await tx.authorityRule.findMany({
      where: { communeId, subject: input.subject },
      orderBy: { effectiveFrom: "asc" },
      select: { id: true, subject: true, effectiveFrom: true, effectiveTo: true, authority: true },
    });
    // A new rule "until further notice" supersedes the one in force until further notice: that one ends where it begins.
    const open = input.effectiveTo === null ? existing.find((r) => r.effectiveTo === null && r.effectiveFrom < input.effectiveFrom) : undefined;
    if (open) {
      // Not behind decisions already made under it: they would be left dated in a period the old rule no longer covers.
      const decided = await tx.decision.findFirst({
        where: { communeId, authorityRuleId: open.id, issuedOn: { gte: input.effectiveFrom } },
        orderBy: { issuedOn: "desc" },
        select: { issuedOn: true },
      });
      if (decided) throw fieldError("RULE_VIOLATION", { effectiveFrom: [CAMPAIGN_MSG.authorityDecided(decided.issuedOn, open.authority)] });
      await tx.authorityRule.update({ where: { id: open.id }, data: { effectiveTo: input.effectiveFrom } });
      await recordAudit(tx, actor, {
        action: "authorityRule.close", entityType: "AuthorityRule", entityId: open.id,
        before: { subject: open.subject, authority: open.authority, effectiveTo: null },
        after: { subject: open.subject, authority: open.authority, effectiveTo: input.effectiveFrom },
      });
      open.effectiveTo = input.effectiveFrom;
    }
    const overlap = authorityOverlap(existing, input);
    if (overlap) throw fieldError("RULE_VIOLATION", { effectiveFrom: [CAMPAIGN_MSG.authorityOverlap(overlap)] });
    const created = await tx.authorityRule.create({ data: { communeId, ...input }, select: { id: true } });
    await recordAudit(tx, actor, { action: "authorityRule.create", entityType: "AuthorityRule", entityId: created.id, after: input });
    return created;
  });
}
