import "server-only";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { agencyScope, authorize, type Actor } from "@/lib/policy";
import { DomainError, MSG } from "@/lib/result";
import { searchTextOf, isUuid } from "@/lib/text";
import { AGENCY_MSG } from "./labels";
import type { AgencyInput } from "./schema";

// Checked inside the transaction for a message on the name field; the unique index still decides a race (run() maps P2002).
async function assertNameFree(tx: Tx, communeId: string, name: string, exceptId?: string) {
  const existing = await tx.agency.findFirst({
    where: { communeId, name, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (existing) {
    const message = AGENCY_MSG.duplicateName(name);
    throw new DomainError("CONFLICT", message, { name: [message] });
  }
}

/** The agency's own fields, as stored and as the audit log records them. */
function fields(input: AgencyInput) {
  return {
    name: input.name,
    kind: input.kind,
    headName: input.headName,
    tradeUnionName: input.tradeUnionName ?? null,
    headcount: input.headcount,
  };
}

const searchText = (input: AgencyInput) => searchTextOf(input.name, input.headName, input.tradeUnionName);

/** Adds an agency, unit or business to the actor's commune. */
export async function createAgency(actor: Actor, input: AgencyInput): Promise<{ id: string }> {
  authorize(actor, "agency.write", { communeId: actor.communeId });
  const communeId = actor.communeId;
  return db.$transaction(async (tx) => {
    await assertNameFree(tx, communeId, input.name);
    const data = fields(input);
    const agency = await tx.agency.create({ data: { communeId, ...data, searchText: searchText(input) }, select: { id: true } });
    await recordAudit(tx, actor, { action: "agency.create", entityType: "Agency", entityId: agency.id, after: { communeId, ...data } });
    return agency;
  });
}

/** Saves an agency's details if nobody changed it since `version` was read. */
export async function updateAgency(actor: Actor, id: string, version: number, input: AgencyInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const current = isUuid(id) ? await tx.agency.findFirst({
      where: { AND: [{ id }, agencyScope(actor)] },
      select: { communeId: true, name: true, kind: true, headName: true, tradeUnionName: true, headcount: true },
    }) : null;
    if (!current) throw new DomainError("NOT_FOUND", MSG.notFound);
    authorize(actor, "agency.write", { communeId: current.communeId });
    await assertNameFree(tx, current.communeId, input.name, id);
    const data = fields(input);
    // Optimistic lock: the row must still be the version the user edited.
    const updated = await tx.agency.updateMany({ where: { id, version }, data: { ...data, searchText: searchText(input), version: { increment: 1 } } });
    if (updated.count !== 1) throw new DomainError("CONFLICT", MSG.stale);
    const before = { name: current.name, kind: current.kind, headName: current.headName, tradeUnionName: current.tradeUnionName, headcount: current.headcount };
    await recordAudit(tx, actor, { action: "agency.update", entityType: "Agency", entityId: id, before, after: data });
    return { id };
  });
}
