import "server-only";
import { db } from "@/lib/db";
import { communeScope, type Actor } from "@/lib/policy";

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
