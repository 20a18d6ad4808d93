import "server-only";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { authorize, hamletScope, type Actor } from "@/lib/policy";
import { DomainError, MSG } from "@/lib/result";
import { searchTextOf, isUuid } from "@/lib/text";
import { HAMLET_MSG } from "./labels";
import type { HamletInput } from "./schema";

/** Today's calendar date in Vietnam, as the UTC midnight a `@db.Date` column stores. */
function todayInVietnam(now = new Date()): Date {
  const ymd = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  return new Date(`${ymd}T00:00:00.000Z`);
}

// Checked inside the transaction for a message on the name field; the unique index still decides a race (run() maps P2002).
async function assertNameFree(tx: Tx, communeId: string, name: string, exceptId?: string) {
  const existing = await tx.hamlet.findFirst({
    where: { communeId, name, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (existing) {
    const message = HAMLET_MSG.duplicateName(name);
    throw new DomainError("CONFLICT", message, { name: [message] });
  }
}

/** The hamlet's own fields, as stored and as the audit log records them. */
function fields(input: HamletInput) {
  return {
    name: input.name,
    kind: input.kind,
    headName: input.headName ?? null,
    frontTeamHeadName: input.frontTeamHeadName ?? null,
    hasCulturalHouse: input.hasCulturalHouse,
  };
}

const searchText = (input: HamletInput) => searchTextOf(input.name, input.headName, input.frontTeamHeadName);

/** Adds a hamlet to the actor's commune, opening its commune link from today. */
export async function createHamlet(actor: Actor, input: HamletInput): Promise<{ id: string }> {
  authorize(actor, "hamlet.write", { communeId: actor.communeId });
  const communeId = actor.communeId;
  return db.$transaction(async (tx) => {
    await assertNameFree(tx, communeId, input.name);
    const data = fields(input);
    const hamlet = await tx.hamlet.create({ data: { communeId, ...data, searchText: searchText(input) }, select: { id: true } });
    const link = { hamletId: hamlet.id, communeId, validFrom: todayInVietnam(), validTo: null, legalBasis: null };
    await tx.hamletCommuneLink.create({ data: link });
    await recordAudit(tx, actor, {
      action: "hamlet.create",
      entityType: "Hamlet",
      entityId: hamlet.id,
      after: { communeId, ...data, communeLink: { communeId, validFrom: link.validFrom } },
    });
    return hamlet;
  });
}

/** Saves a hamlet's details if nobody changed it since `version` was read. */
export async function updateHamlet(actor: Actor, id: string, version: number, input: HamletInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const current = isUuid(id) ? await tx.hamlet.findFirst({
      where: { AND: [{ id }, hamletScope(actor)] },
      select: { communeId: true, name: true, kind: true, headName: true, frontTeamHeadName: true, hasCulturalHouse: true },
    }) : null;
    if (!current) throw new DomainError("NOT_FOUND", MSG.notFound);
    authorize(actor, "hamlet.write", { communeId: current.communeId, hamletId: id });
    await assertNameFree(tx, current.communeId, input.name, id);
    const data = fields(input);
    // Optimistic lock: the row must still be the version the user edited.
    const updated = await tx.hamlet.updateMany({ where: { id, version }, data: { ...data, searchText: searchText(input), version: { increment: 1 } } });
    if (updated.count !== 1) throw new DomainError("CONFLICT", MSG.stale);
    const before = { name: current.name, kind: current.kind, headName: current.headName, frontTeamHeadName: current.frontTeamHeadName, hasCulturalHouse: current.hasCulturalHouse };
    await recordAudit(tx, actor, { action: "hamlet.update", entityType: "Hamlet", entityId: id, before, after: data });
    return { id };
  });
}
