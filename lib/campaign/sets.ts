import type { Tx } from "@/lib/db";
import { DEFAULT_RULE_SET, HOUSEHOLD_CRITERIA, HOUSEHOLD_CRITERIA_SET, DEFAULT_TARGETS, defaultDeadlines } from "./defaults";

/**
 * The commune's first rule set and criteria set (version 1, published), created when it has none.
 * Returns the latest published version of each.
 */
export async function ensureDefaultSets(tx: Tx, communeId: string): Promise<{ ruleSetId: string; criteriaSetId: string }> {
  let ruleSet = await tx.ruleSet.findFirst({ where: { communeId }, orderBy: { version: "desc" }, select: { id: true } });
  if (!ruleSet) {
    ruleSet = await tx.ruleSet.create({ data: { communeId, version: 1, ...DEFAULT_RULE_SET }, select: { id: true } });
  }
  let criteriaSet = await tx.criteriaSet.findFirst({
    where: { communeId, publishedAt: { not: null } },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  if (!criteriaSet) {
    const version = 1 + ((await tx.criteriaSet.aggregate({ where: { communeId }, _max: { version: true } }))._max.version ?? 0);
    criteriaSet = await tx.criteriaSet.create({
      data: {
        communeId,
        version,
        ...HOUSEHOLD_CRITERIA_SET,
        publishedAt: new Date(),
        items: { create: HOUSEHOLD_CRITERIA.map((c, position) => ({ ...c, position, isVerified: c.isVerified ?? true })) },
      },
      select: { id: true },
    });
  }
  return { ruleSetId: ruleSet.id, criteriaSetId: criteriaSet.id };
}

/** The columns of a new campaign year with the defaults of DOMAIN.md §4.1 and the seed plan's targets. */
export function defaultYearColumns(year: number) {
  return { year, ...DEFAULT_TARGETS, ...defaultDeadlines(year) };
}
