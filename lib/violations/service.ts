import "server-only";
import { recordAudit } from "@/lib/audit";
import { refreshResults } from "@/lib/review/service";
import { db } from "@/lib/db";
import { toIsoDate, todayInVietnam } from "@/lib/dates";
import { authorize, hamletRowScope, householdScope, type Actor } from "@/lib/policy";
import { DomainError, MSG } from "@/lib/result";
import { isUuid } from "@/lib/text";
import { VIOLATION_MSG } from "./labels";
import { occurredOnError, type ViolationInput } from "./schema";

// Violations are sensitive personal data: only the officer records or removes them, and the audit row keeps
// what was written or removed.

type ViolationRow = {
  householdId: string; memberId: string | null; memberName: string; category: string; occurredOn: Date; documentRef: string; note: string | null;
};

function snapshot(v: ViolationRow) {
  return {
    householdId: v.householdId, memberId: v.memberId, memberName: v.memberName, category: v.category,
    occurredOn: toIsoDate(v.occurredOn), documentRef: v.documentRef, note: v.note,
  };
}

export async function recordViolation(actor: Actor, householdId: string, input: ViolationInput, today: Date = todayInVietnam()): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const household = !isUuid(householdId) ? null : await tx.household.findFirst({
      where: { AND: [{ id: householdId }, householdScope(actor)] },
      select: { id: true, communeId: true, hamletId: true },
    });
    if (!household) throw new DomainError("NOT_FOUND", MSG.notFound);
    authorize(actor, "violation.write", { communeId: household.communeId, hamletId: household.hamletId });
    const dateError = occurredOnError(input.occurredOn, today);
    if (dateError) throw new DomainError("INVALID_INPUT", MSG.invalid, { occurredOn: [dateError] });
    const member = await tx.householdMember.findFirst({ where: { id: input.memberId, householdId: household.id }, select: { id: true, fullName: true } });
    if (!member) throw new DomainError("INVALID_INPUT", MSG.invalid, { memberId: [VIOLATION_MSG.memberNotInHousehold] });
    const row = await tx.violation.create({
      data: {
        communeId: household.communeId, householdId: household.id, memberId: member.id, memberName: member.fullName,
        category: input.category, occurredOn: input.occurredOn, documentRef: input.documentRef, note: input.note ?? null, createdById: actor.id,
      },
    });
    await recordAudit(tx, actor, { action: "violation.create", entityType: "Violation", entityId: row.id, after: snapshot(row) });
    // A household already assessed this year, in a review not yet decided, becomes "không xét" now.
    await refreshResults(tx, actor, null, [household.id]);
    return { id: row.id };
  });
}

/** Removes a violation recorded by mistake ("ghi nhầm"). */
export async function deleteViolation(actor: Actor, violationId: string): Promise<{ householdId: string }> {
  return db.$transaction(async (tx) => {
    const current = !isUuid(violationId) ? null : await tx.violation.findFirst({
      where: { AND: [{ id: violationId }, { household: hamletRowScope(actor, "violation.read") }] },
      include: { household: { select: { communeId: true, hamletId: true } } },
    });
    if (!current) throw new DomainError("NOT_FOUND", MSG.notFound);
    authorize(actor, "violation.write", { communeId: current.household.communeId, hamletId: current.household.hamletId });
    const { count } = await tx.violation.deleteMany({ where: { id: current.id } });
    if (count !== 1) throw new DomainError("CONFLICT", VIOLATION_MSG.alreadyDeleted);
    await recordAudit(tx, actor, { action: "violation.delete", entityType: "Violation", entityId: current.id, before: snapshot(current) });
    return { householdId: current.householdId };
  });
}
