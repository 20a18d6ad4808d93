import type { Tx } from "@/lib/db";
import {
  DEFAULT_RULE_SET, DEFAULT_TARGETS, HOUSEHOLD_CRITERIA, HOUSEHOLD_CRITERIA_SET, TITLE_CRITERIA_SETS, defaultAuthorityRules, defaultDeadlines,
  type TitleCriterionSeed,
} from "./defaults";

export type DefaultSets = {
  ruleSetId: string;
  criteriaSetId: string;
  hamletCriteriaSetId: string;
  agencyCriteriaSetId: string;
  enterpriseCriteriaSetId: string;
};

type Subject = "HOUSEHOLD" | "HAMLET" | "AGENCY" | "ENTERPRISE";

/** The commune's latest published criteria set for a title, created from the defaults (published) when it has none. */
async function ensureCriteriaSet(
  tx: Tx,
  communeId: string,
  subject: Subject,
  set: { name: string; legalBasis: string; effectiveFrom: Date },
  items: readonly (TitleCriterionSeed & { kind?: "STANDARD" | "EXCLUSION"; category?: "E1" | "E2" | "E3" | "E4" })[],
): Promise<string> {
  const found = await tx.criteriaSet.findFirst({
    where: { communeId, subject, publishedAt: { not: null } },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  if (found) return found.id;
  // Versions number the commune's sets of every title together, so "phiên bản 3" names one set.
  const version = 1 + ((await tx.criteriaSet.aggregate({ where: { communeId }, _max: { version: true } }))._max.version ?? 0);
  const created = await tx.criteriaSet.create({
    data: {
      communeId,
      subject,
      version,
      name: set.name,
      legalBasis: set.legalBasis,
      effectiveFrom: set.effectiveFrom,
      publishedAt: new Date(),
      items: {
        create: items.map((c, position) => ({
          code: c.code, groupCode: c.groupCode, groupTitle: c.groupTitle, text: c.text, position,
          kind: c.kind ?? "STANDARD", category: c.category ?? null, isVerified: c.isVerified ?? true,
          metric: c.metric ?? null, comparator: c.comparator ?? null, threshold: c.threshold ?? null,
        })),
      },
    },
    select: { id: true },
  });
  return created.id;
}

/**
 * The commune's first rule set, criteria sets of every title (version 1, published) and authority rules, created
 * when it has none. Returns the latest published version of each set.
 */
export async function ensureDefaultSets(tx: Tx, communeId: string): Promise<DefaultSets> {
  let ruleSet = await tx.ruleSet.findFirst({ where: { communeId }, orderBy: { version: "desc" }, select: { id: true } });
  if (!ruleSet) {
    ruleSet = await tx.ruleSet.create({ data: { communeId, version: 1, ...DEFAULT_RULE_SET }, select: { id: true } });
  }
  const criteriaSetId = await ensureCriteriaSet(tx, communeId, "HOUSEHOLD", HOUSEHOLD_CRITERIA_SET, HOUSEHOLD_CRITERIA);
  const [hamlet, agency, enterprise] = TITLE_CRITERIA_SETS;
  const hamletCriteriaSetId = await ensureCriteriaSet(tx, communeId, hamlet.set.subject, hamlet.set, hamlet.items);
  const agencyCriteriaSetId = await ensureCriteriaSet(tx, communeId, agency.set.subject, agency.set, agency.items);
  const enterpriseCriteriaSetId = await ensureCriteriaSet(tx, communeId, enterprise.set.subject, enterprise.set, enterprise.items);
  await ensureAuthorityRules(tx, communeId);
  return { ruleSetId: ruleSet.id, criteriaSetId, hamletCriteriaSetId, agencyCriteriaSetId, enterpriseCriteriaSetId };
}

/**
 * Who decides "Xóm văn hóa", by date, when the commune has no rule for it yet. Rules of other titles (an agency rule
 * the officer added before the first year) do not count: without these the hamlet decisions would have no authority.
 */
export async function ensureAuthorityRules(tx: Tx, communeId: string): Promise<void> {
  if (await tx.authorityRule.findFirst({ where: { communeId, subject: "HAMLET" }, select: { id: true } })) return;
  const commune = await tx.commune.findUniqueOrThrow({ where: { id: communeId }, select: { name: true, district: true, province: true } });
  await tx.authorityRule.createMany({ data: defaultAuthorityRules(commune).map((r) => ({ communeId, ...r })) });
}

/** The columns of a new campaign year with the defaults of DOMAIN.md §4.1 and the seed plan's targets. */
export function defaultYearColumns(year: number) {
  return { year, ...DEFAULT_TARGETS, ...defaultDeadlines(year) };
}
