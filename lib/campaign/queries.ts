import "server-only";
import { db } from "@/lib/db";
import type { TitleSubject } from "@/lib/generated/prisma/enums";
import type { Option } from "@/lib/options";
import { communeScope, type Actor } from "@/lib/policy";
import { isUuid } from "@/lib/text";
import { versionText } from "./schema";
import { isYear } from "@/lib/validation";

const SET_REF = { select: { id: true, name: true, version: true } } as const;

/** A campaign year of the actor's commune with the rule set and criteria (in order) it applies, or null. */
export async function getYearForActor(actor: Actor, year: number) {
  if (!isYear(year)) return null;
  return db.campaignYear.findFirst({
    where: { AND: [{ year }, communeScope(actor, "campaign.read")] },
    include: {
      ruleSet: true,
      criteriaSet: { include: { items: { orderBy: { position: "asc" } } } },
      hamletCriteriaSet: SET_REF,
      agencyCriteriaSet: SET_REF,
      enterpriseCriteriaSet: SET_REF,
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

/**
 * What already hangs on a year: hamlet reviews pin its rule and household criteria versions, hamlet reports the hamlet
 * set, agency and business results theirs; anything of the household cycle pins its number.
 */
export async function getYearUsage(actor: Actor, campaignYearId: string) {
  if (!isUuid(campaignYearId)) return null;
  const row = await db.campaignYear.findFirst({
    where: { AND: [{ id: campaignYearId }, communeScope(actor, "campaign.read")] },
    select: {
      _count: {
        select: {
          reviews: true, registrations: true, decisions: true, awards: true,
          hamletEntries: { where: { reportedOn: { not: null } } },
        },
      },
    },
  });
  if (!row) return null;
  const assessed = (enterprise: boolean) => db.agencyYear.count({
    where: { campaignYearId, result: { not: null }, agency: enterprise ? { kind: "ENTERPRISE" } : { kind: { not: "ENTERPRISE" } } },
  });
  const [agencyResults, enterpriseResults] = await Promise.all([assessed(false), assessed(true)]);
  const c = row._count;
  return {
    reviews: c.reviews, hamletReports: c.hamletEntries, agencyResults, enterpriseResults,
    isYearPinned: c.reviews + c.registrations + c.decisions + c.awards > 0,
  };
}

export type SetOptions = { ruleSets: Option[] } & Record<TitleSubject, Option[]>;

/** Choices for a year's form: every rule-set version, and the published criteria sets of each title; newest first. */
export async function listSetOptions(actor: Actor): Promise<SetOptions> {
  const scope = communeScope(actor, "campaign.read");
  const [ruleSets, criteriaSets] = await Promise.all([
    db.ruleSet.findMany({ where: scope, orderBy: { version: "desc" }, select: { id: true, name: true, version: true } }),
    db.criteriaSet.findMany({
      where: { AND: [scope, { publishedAt: { not: null } }] },
      orderBy: { version: "desc" },
      select: { id: true, name: true, version: true, subject: true },
    }),
  ]);
  const option = (s: { id: string; name: string; version: number }) => ({ value: s.id, label: versionText(s) });
  const of = (subject: TitleSubject) => criteriaSets.filter((s) => s.subject === subject).map(option);
  return { ruleSets: ruleSets.map(option), HOUSEHOLD: of("HOUSEHOLD"), HAMLET: of("HAMLET"), AGENCY: of("AGENCY"), ENTERPRISE: of("ENTERPRISE") };
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
      id: true, subject: true, name: true, version: true, legalBasis: true, effectiveFrom: true, publishedAt: true,
      years: YEARS_USING, hamletYears: YEARS_USING, agencyYears: YEARS_USING, enterpriseYears: YEARS_USING, _count: { select: { items: true } },
    },
  });
}
export type CriteriaSetRow = Awaited<ReturnType<typeof listCriteriaSets>>[number];

/** One criteria set with its items in order and the years that apply it, or null. */
export async function getCriteriaSet(actor: Actor, id: string) {
  if (!isUuid(id)) return null;
  return db.criteriaSet.findFirst({
    where: { AND: [{ id }, communeScope(actor, "campaign.read")] },
    include: {
      items: { orderBy: { position: "asc" } },
      years: YEARS_USING, hamletYears: YEARS_USING, agencyYears: YEARS_USING, enterpriseYears: YEARS_USING,
    },
  });
}
export type CriteriaSetDetail = NonNullable<Awaited<ReturnType<typeof getCriteriaSet>>>;


/** The years applying a criteria set, whichever title's field names it. */
export function yearsUsing(set: { years: { year: number }[]; hamletYears: { year: number }[]; agencyYears: { year: number }[]; enterpriseYears: { year: number }[] }): number[] {
  return [...new Set([...set.years, ...set.hamletYears, ...set.agencyYears, ...set.enterpriseYears].map((y) => y.year))].sort((a, b) => a - b);
}

/** Who decides each title by date in the actor's commune: by title, then by start date. */
export async function listAuthorityRules(actor: Actor) {
  return db.authorityRule.findMany({
    where: communeScope(actor, "campaign.read"),
    orderBy: [{ subject: "asc" }, { effectiveFrom: "asc" }],
    select: { id: true, subject: true, effectiveFrom: true, effectiveTo: true, authority: true, issuer: true, parentIssuer: true, legalBasis: true },
  });
}
export type AuthorityRuleRow = Awaited<ReturnType<typeof listAuthorityRules>>[number];
