import "server-only";
import { recordViolationViews } from "@/lib/audit";
import { db } from "@/lib/db";
import type { ViolationCategory } from "@/lib/generated/prisma/enums";
import { hamletRowScope, type Actor } from "@/lib/policy";
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
