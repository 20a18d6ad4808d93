import "server-only";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { authorize, householdScope, type Actor } from "@/lib/policy";
import { DomainError, MSG } from "@/lib/result";
import { dedupeKeyOf, isUuid, searchTextOf } from "@/lib/text";
import { HOUSEHOLD_MSG } from "./labels";
import type { HouseholdInput } from "./schema";

async function hamletInScope(tx: Tx, actor: Actor, hamletId: string) {
  const hamlet = await tx.hamlet.findFirst({ where: { id: hamletId, communeId: actor.communeId }, select: { id: true, communeId: true } });
  if (!hamlet) throw new DomainError("INVALID_INPUT", MSG.invalid, { hamletId: ["Xóm không tồn tại."] });
  if (actor.role === "HAMLET_HEAD" && hamlet.id !== actor.hamletId) {
    throw new DomainError("FORBIDDEN", HOUSEHOLD_MSG.hamletOutOfScope, { hamletId: [HOUSEHOLD_MSG.hamletOutOfScope] });
  }
  return hamlet;
}

async function assertNotDuplicate(tx: Tx, hamletId: string, input: HouseholdInput, exceptId?: string) {
  const dedupeKey = dedupeKeyOf(input.headName, input.address);
  const existing = await tx.household.findFirst({
    where: { hamletId, dedupeKey, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (existing) {
    const message = HOUSEHOLD_MSG.duplicate(input.headName);
    throw new DomainError("CONFLICT", message, { headName: [message] });
  }
  return dedupeKey;
}

function memberRows(communeId: string, householdId: string, input: HouseholdInput) {
  return [
    { communeId, householdId, fullName: input.headName, birthYear: input.headBirthYear ?? null, relationship: "HEAD" as const, position: 0 },
    ...input.members.map((m, i) => ({
      communeId, householdId, fullName: m.fullName, birthYear: m.birthYear ?? null, relationship: m.relationship, position: i + 1,
    })),
  ];
}

/** The household's own columns, as both create and update store them. */
function columns(hamletId: string, input: HouseholdInput, dedupeKey: string) {
  return {
    hamletId,
    headName: input.headName,
    address: input.address,
    phone: input.phone ?? null,
    povertyStatus: input.povertyStatus,
    status: input.status,
    searchText: searchTextOf(input.headName, input.address, input.phone),
    dedupeKey,
  };
}

function snapshot(input: HouseholdInput) {
  return { ...input, phone: input.phone ?? null };
}

export async function createHousehold(actor: Actor, input: HouseholdInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const hamlet = await hamletInScope(tx, actor, input.hamletId);
    authorize(actor, "household.write", { communeId: hamlet.communeId, hamletId: hamlet.id });
    const dedupeKey = await assertNotDuplicate(tx, hamlet.id, input);
    const household = await tx.household.create({
      data: { communeId: hamlet.communeId, ...columns(hamlet.id, input, dedupeKey) },
      select: { id: true },
    });
    await tx.householdMember.createMany({ data: memberRows(hamlet.communeId, household.id, input) });
    await recordAudit(tx, actor, { action: "household.create", entityType: "Household", entityId: household.id, after: snapshot(input) });
    return household;
  });
}

export async function updateHousehold(actor: Actor, id: string, version: number, input: HouseholdInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    // Ids bound into actions come back from the browser: anything but a uuid names no household.
    const current = !isUuid(id) ? null : await tx.household.findFirst({
      where: { AND: [{ id }, householdScope(actor)] },
      include: { members: { orderBy: { position: "asc" } } },
    });
    if (!current) throw new DomainError("NOT_FOUND", MSG.notFound);
    authorize(actor, "household.write", { communeId: current.communeId, hamletId: current.hamletId });
    const hamlet = await hamletInScope(tx, actor, input.hamletId);
    authorize(actor, "household.write", { communeId: hamlet.communeId, hamletId: hamlet.id });
    const dedupeKey = await assertNotDuplicate(tx, hamlet.id, input, id);
    // Optimistic lock: the row must still be the version the user edited.
    const updated = await tx.household.updateMany({
      where: { id, version },
      data: { ...columns(hamlet.id, input, dedupeKey), version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new DomainError("CONFLICT", MSG.stale);
    await tx.householdMember.deleteMany({ where: { householdId: id } });
    await tx.householdMember.createMany({ data: memberRows(hamlet.communeId, id, input) });
    const head = current.members.find((m) => m.relationship === "HEAD");
    await recordAudit(tx, actor, {
      action: "household.update",
      entityType: "Household",
      entityId: id,
      before: {
        headName: current.headName, headBirthYear: head?.birthYear ?? undefined, address: current.address, phone: current.phone,
        hamletId: current.hamletId, povertyStatus: current.povertyStatus, status: current.status,
        members: current.members.filter((m) => m.relationship !== "HEAD").map((m) => ({ fullName: m.fullName, birthYear: m.birthYear ?? undefined, relationship: m.relationship })),
      },
      after: snapshot(input),
    });
    return { id };
  });
}
