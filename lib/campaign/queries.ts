import "server-only";
import { db } from "@/lib/db";
import type { Option } from "@/lib/options";
import { communeScope, type Actor } from "@/lib/policy";
import { isUuid } from "@/lib/text";
import { versionText } from "./schema";

/** A campaign year of the actor's commune with the rule set and criteria (in order) it applies, or null. */
export async function getYearForActor(actor: Actor, year: number) {
  if (!Number.isInteger(year)) return null;
  return db.campaignYear.findFirst({
    where: { AND: [{ year }, communeScope(actor, "campaign.read")] },
    include: {
      ruleSet: true,
      criteriaSet: { include: { items: { orderBy: { position: "asc" } } } },
      planRefs: { orderBy: { position: "asc" } },
    },
  });
}

export type YearWithSets = NonNullable<Awaited<ReturnType<typeof getYearForActor>>>;

/** The years on record in the actor's commune, newest first. */
export async function listYearNumbers(actor: Actor): Promise<number[]> {
  const rows = await db.campaignYear.findMany({
    where: communeScope(actor, "campaign.read"),
    select: { year: true },
    orderBy: { year: "desc" },
  });
  return rows.map((r) => r.year);
}

// ---- The officer's setup pages ----------------------------------------------------------------------------------

const SET_REF = { select: { id: true, name: true, version: true } } as const;

/** Every year of the commune, newest first, with the versions it applies. */
export async function listYears(actor: Actor) {
  return db.campaignYear.findMany({
    where: communeScope(actor, "campaign.read"),
    orderBy: { year: "desc" },
    select: {
      id: true, year: true, targetHouseholdsPct: true, targetHamletsPct: true, targetAgenciesPct: true,
      meetingDeadline: true, reviewDeadline: true, ruleSet: SET_REF, criteriaSet: SET_REF,
    },
  });
}
export type YearListRow = Awaited<ReturnType<typeof listYears>>[number];

/** What already hangs on a year: hamlet reviews pin its rule and criteria versions; anything pins its number. */
export async function getYearUsage(actor: Actor, campaignYearId: string) {
  if (!isUuid(campaignYearId)) return null;
  const row = await db.campaignYear.findFirst({
    where: { AND: [{ id: campaignYearId }, communeScope(actor, "campaign.read")] },
    select: { _count: { select: { reviews: true, registrations: true, decisions: true, awards: true } } },
  });
  if (!row) return null;
  const c = row._count;
  return { reviews: c.reviews, isYearPinned: c.reviews + c.registrations + c.decisions + c.awards > 0 };
}

/** Choices for a year's form: every rule-set version, and published criteria sets only; newest first. */
export async function listSetOptions(actor: Actor): Promise<{ ruleSets: Option[]; criteriaSets: Option[] }> {
  const scope = communeScope(actor, "campaign.read");
  const [ruleSets, criteriaSets] = await Promise.all([
    db.ruleSet.findMany({ where: scope, orderBy: { version: "desc" }, select: { id: true, name: true, version: true } }),
    db.criteriaSet.findMany({ where: { AND: [scope, { publishedAt: { not: null } }] }, orderBy: { version: "desc" }, select: { id: true, name: true, version: true } }),
  ]);
  const option = (s: { id: string; name: string; version: number }) => ({ value: s.id, label: versionText(s) });
  return { ruleSets: ruleSets.map(option), criteriaSets: criteriaSets.map(option) };
}

const YEARS_USING = { select: { year: true }, orderBy: { year: "asc" } } as const;

/** Every rule-set version, newest first, with the years that apply it. */
export async function listRuleSets(actor: Actor) {
  return db.ruleSet.findMany({
    where: communeScope(actor, "campaign.read"),
    orderBy: { version: "desc" },
    include: { years: YEARS_USING },
  });
}
export type RuleSetRow = Awaited<ReturnType<typeof listRuleSets>>[number];

export async function getRuleSet(actor: Actor, id: string) {
  if (!isUuid(id)) return null;
  return db.ruleSet.findFirst({ where: { AND: [{ id }, communeScope(actor, "campaign.read")] } });
}

/** Every criteria-set version, newest first, with its item count and the years that apply it. */
export async function listCriteriaSets(actor: Actor) {
  return db.criteriaSet.findMany({
    where: communeScope(actor, "campaign.read"),
    orderBy: { version: "desc" },
    select: {
      id: true, name: true, version: true, legalBasis: true, effectiveFrom: true, publishedAt: true,
      years: YEARS_USING, _count: { select: { items: true } },
    },
  });
}
export type CriteriaSetRow = Awaited<ReturnType<typeof listCriteriaSets>>[number];

/** One criteria set with its items in order and the years that apply it, or null. */
export async function getCriteriaSet(actor: Actor, id: string) {
  if (!isUuid(id)) return null;
  return db.criteriaSet.findFirst({
    where: { AND: [{ id }, communeScope(actor, "campaign.read")] },
    include: { items: { orderBy: { position: "asc" } }, years: YEARS_USING },
  });
}
export type CriteriaSetDetail = NonNullable<Awaited<ReturnType<typeof getCriteriaSet>>>;

