import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import { insertRows } from "@/lib/bulk";
import { refreshResults } from "@/lib/review/service";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toIsoDate, todayInVietnam } from "@/lib/dates";
import { authorize, communeScope, hamletRowScope, hamletScope, type Actor } from "@/lib/policy";
import { DomainError, MSG } from "@/lib/result";
import type { ReviewStatus } from "@/lib/review/rules";
import { isUuid } from "@/lib/text";
import { REGISTRATION_MSG } from "./labels";
import { isRegistrationOpen, registrationDateError, registrationLockedMessage } from "./rules";
import type { RegistrationDateInput } from "./schema";

// Registration (đăng ký thi đua) of a hamlet's households for a campaign year. Every change: the year and the
// hamlet in the actor's scope, review.write there, the dossier still open, one audit row.

type Place = { year: { id: string; year: number; communeId: string }; hamlet: { id: string; communeId: string } };

async function yearInScope(tx: Tx, actor: Actor, campaignYearId: string) {
  const year = !isUuid(campaignYearId) ? null : await tx.campaignYear.findFirst({
    where: { AND: [{ id: campaignYearId }, communeScope(actor, "review.read")] },
    select: { id: true, year: true, communeId: true },
  });
  if (!year) throw new DomainError("NOT_FOUND", MSG.notFound);
  return year;
}

/**
 * Refuses changes once the hamlet's dossier is past the meeting. FOR SHARE holds the review row until this
 * transaction ends, so a notice posted at the same moment waits for the registration (or the other way round).
 */
async function assertOpen(tx: Tx, campaignYearId: string, hamletId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ status: ReviewStatus }[]>`
    SELECT "status"::text AS "status" FROM "HamletReview"
    WHERE "campaignYearId" = ${campaignYearId}::uuid AND "hamletId" = ${hamletId}::uuid
    FOR SHARE`;
  const status = rows[0]?.status;
  if (!isRegistrationOpen(status)) throw new DomainError("RULE_VIOLATION", registrationLockedMessage(status!));
}

function assertDate(date: Date, year: number, today: Date): void {
  const error = registrationDateError(date, year, today);
  if (error) throw new DomainError("INVALID_INPUT", MSG.invalid, { registeredOn: [error] });
}

/** The year and the hamlet, both in scope, with review.write there and the dossier still open. */
async function placeForChange(tx: Tx, actor: Actor, campaignYearId: string, hamletId: string): Promise<Place> {
  const year = await yearInScope(tx, actor, campaignYearId);
  const hamlet = !isUuid(hamletId) ? null : await tx.hamlet.findFirst({
    where: { AND: [{ id: hamletId, communeId: year.communeId }, hamletScope(actor)] },
    select: { id: true, communeId: true },
  });
  if (!hamlet) throw new DomainError("NOT_FOUND", MSG.notFound);
  authorize(actor, "review.write", { communeId: hamlet.communeId, hamletId: hamlet.id });
  await assertOpen(tx, year.id, hamlet.id);
  return { year, hamlet };
}

/** A household of the actor's scope (by review.read), or NOT_FOUND. */
async function householdInScope(tx: Tx, actor: Actor, householdId: string) {
  const household = !isUuid(householdId) ? null : await tx.household.findFirst({
    where: { AND: [{ id: householdId }, hamletRowScope(actor, "review.read")] },
    select: { id: true, communeId: true, hamletId: true, headName: true, status: true },
  });
  if (!household) throw new DomainError("NOT_FOUND", MSG.notFound);
  return household;
}

/**
 * "Đăng ký tất cả hộ đang cư trú": registers every active household of the hamlet that is not yet registered for
 * the year, on `registeredOn`. Idempotent: a second run adds nothing and writes no audit row.
 */
export async function registerAll(
  actor: Actor, campaignYearId: string, hamletId: string, input: RegistrationDateInput, today: Date = todayInVietnam(),
): Promise<{ count: number }> {
  return db.$transaction(async (tx) => {
    const { year, hamlet } = await placeForChange(tx, actor, campaignYearId, hamletId);
    assertDate(input.registeredOn, year.year, today);
    const missing = await tx.household.findMany({
      where: { hamletId: hamlet.id, communeId: hamlet.communeId, status: "ACTIVE", registrations: { none: { campaignYearId: year.id } } },
      select: { id: true },
    });
    if (missing.length === 0) return { count: 0 };
    // skipDuplicates: a household registered by someone else a moment ago is simply not counted.
    const count = await insertRows<Prisma.RegistrationCreateManyInput>(tx, "Registration", missing.map((h) => ({
      id: randomUUID(), communeId: hamlet.communeId, campaignYearId: year.id, householdId: h.id, hamletId: hamlet.id,
      registeredOn: input.registeredOn, createdById: actor.id,
    })), { skipDuplicates: true });
    if (count > 0) {
      await recordAudit(tx, actor, {
        action: "registration.registerAll",
        entityType: "Hamlet",
        entityId: hamlet.id,
        after: { year: year.year, campaignYearId: year.id, registeredOn: toIsoDate(input.registeredOn), count },
      });
      // Saved results follow the registration when the year requires it.
      await refreshResults(tx, actor, year.id, missing.map((h) => h.id));
    }
    return { count };
  });
}

/** Registers one active household for the year. */
export async function registerHousehold(
  actor: Actor, campaignYearId: string, householdId: string, input: RegistrationDateInput, today: Date = todayInVietnam(),
): Promise<{ headName: string }> {
  return db.$transaction(async (tx) => {
    const household = await householdInScope(tx, actor, householdId);
    const { year, hamlet } = await placeForChange(tx, actor, campaignYearId, household.hamletId);
    assertDate(input.registeredOn, year.year, today);
    if (household.status !== "ACTIVE") throw new DomainError("RULE_VIOLATION", REGISTRATION_MSG.notActive);
    const { count } = await tx.registration.createMany({
      data: [{
        communeId: hamlet.communeId, campaignYearId: year.id, householdId: household.id, hamletId: hamlet.id,
        registeredOn: input.registeredOn, createdById: actor.id,
      }],
      skipDuplicates: true,
    });
    if (count !== 1) throw new DomainError("CONFLICT", REGISTRATION_MSG.alreadyRegistered(household.headName));
    await recordAudit(tx, actor, {
      action: "registration.create",
      entityType: "Household",
      entityId: household.id,
      after: { year: year.year, campaignYearId: year.id, hamletId: hamlet.id, registeredOn: toIsoDate(input.registeredOn) },
    });
    await refreshResults(tx, actor, year.id, [household.id]);
    return { headName: household.headName };
  });
}

/** Withdraws one household's registration for the year; the audit row keeps what was removed. */
export async function unregisterHousehold(actor: Actor, campaignYearId: string, householdId: string): Promise<{ headName: string }> {
  return db.$transaction(async (tx) => {
    const household = await householdInScope(tx, actor, householdId);
    const { year } = await placeForChange(tx, actor, campaignYearId, household.hamletId);
    const current = await tx.registration.findUnique({
      where: { campaignYearId_householdId: { campaignYearId: year.id, householdId: household.id } },
      select: { id: true, hamletId: true, registeredOn: true, createdById: true },
    });
    const { count } = current ? await tx.registration.deleteMany({ where: { id: current.id } }) : { count: 0 };
    if (!current || count !== 1) throw new DomainError("CONFLICT", REGISTRATION_MSG.notRegistered(household.headName));
    await recordAudit(tx, actor, {
      action: "registration.delete",
      entityType: "Household",
      entityId: household.id,
      before: { year: year.year, campaignYearId: year.id, hamletId: current.hamletId, registeredOn: toIsoDate(current.registeredOn), createdById: current.createdById },
    });
    await refreshResults(tx, actor, year.id, [household.id]);
    return { headName: household.headName };
  });
}
