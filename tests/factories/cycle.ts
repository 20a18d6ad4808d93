import { db } from "@/lib/db";
import { defaultYearColumns, ensureDefaultSets } from "@/lib/campaign/sets";

// Builders for the yearly cycle, written straight through Prisma like the other factories.

export type YearRow = { id: string; communeId: string; year: number; ruleSetId: string; criteriaSetId: string };

/** A campaign year with the commune's default rule and criteria sets (created on first use). */
export async function makeCampaignYear(
  communeId: string,
  year = 2024,
  overrides: Partial<{ quorumOp: "GT" | "GTE"; approvalOp: "GT" | "GTE"; quorumPct: number; approvalPct: number; lookbackYears: number }> = {},
): Promise<YearRow> {
  return db.$transaction(async (tx) => {
    let { ruleSetId, criteriaSetId } = await ensureDefaultSets(tx, communeId);
    if (Object.keys(overrides).length > 0) {
      const base = await tx.ruleSet.findUniqueOrThrow({ where: { id: ruleSetId } });
      const version = 1 + ((await tx.ruleSet.aggregate({ where: { communeId }, _max: { version: true } }))._max.version ?? 0);
      const { id: _id, createdAt: _c, ...rest } = base;
      ruleSetId = (await tx.ruleSet.create({ data: { ...rest, ...overrides, version, name: `${base.name} (thử ${version})` }, select: { id: true } })).id;
    }
    return tx.campaignYear.create({
      data: { communeId, ruleSetId, criteriaSetId, ...defaultYearColumns(year) },
      select: { id: true, communeId: true, year: true, ruleSetId: true, criteriaSetId: true },
    });
  });
}
