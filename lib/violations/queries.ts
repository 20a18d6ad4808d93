import "server-only";
import { recordViolationViews } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import type { ViolationCategory } from "@/lib/generated/prisma/enums";
import { hamletRowScope, type Actor } from "@/lib/policy";
import { exclusionsInWindow, type Category } from "@/lib/review/rules";
import { isUuid } from "@/lib/text";

export type ViolationListRow = {
  id: string;
  memberName: string;
  category: ViolationCategory;
  occurredOn: Date;
  documentRef: string;
  note: string | null;
};

/**
 * A household's violations, newest first; empty for roles without violation.read there (they learn nothing). Rows
 * returned are shown to the actor, so the view goes into the audit log ("violation.view").
 */
export async function listViolations(actor: Actor, householdId: string): Promise<ViolationListRow[]> {
  if (!isUuid(householdId)) return [];
  const rows = await db.violation.findMany({
    where: { AND: [{ householdId }, { household: hamletRowScope(actor, "violation.read") }] },
    orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
    select: { id: true, memberName: true, category: true, occurredOn: true, documentRef: true, note: true },
  });
  if (rows.length > 0) await recordViolationViews(actor, "household", [householdId]);
  return rows;
}

/**
 * The exclusion categories each household falls under from violations dated inside `window` (inclusive), sorted
 * and without repeats, as rules.exclusionsInWindow computes them. One query; every id asked for gets an entry
 * (empty when none). Not scoped: for services that already loaded and authorised the households, inside their
 * transaction.
 */
export async function violationCategoriesByHousehold(
  tx: Pick<Tx, "violation">,
  householdIds: readonly string[],
  window: { from: Date; to: Date },
): Promise<Map<string, Category[]>> {
  const ids = [...new Set(householdIds)];
  const result = new Map<string, Category[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return result;
  // GROUP BY in the database: one row per household and category, whatever the number of violations.
  const rows = await tx.violation.groupBy({
    by: ["householdId", "category"],
    where: { householdId: { in: ids }, occurredOn: { gte: window.from, lte: window.to } },
    _min: { occurredOn: true },
  });
  const byHousehold = new Map<string, { category: Category; occurredOn: Date }[]>();
  for (const row of rows) {
    const list = byHousehold.get(row.householdId) ?? [];
    list.push({ category: row.category, occurredOn: row._min.occurredOn ?? window.from });
    byHousehold.set(row.householdId, list);
  }
  for (const [id, list] of byHousehold) result.set(id, exclusionsInWindow(list, window));
  return result;
}
