import "server-only";
import { AGENCY_KIND_LABEL } from "@/lib/agencies/labels";
import { recordAudit } from "@/lib/audit";
import { todayInVietnam } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import { agencyScope, authorize, communeScope, type Actor } from "@/lib/policy";
import { DomainError, MSG } from "@/lib/result";
import { isUuid } from "@/lib/text";
import { recognitionPeriodError } from "@/lib/titles/rules";
import { AGENCY_TITLE_MSG, periodText } from "./labels";
import { criteriaSetFor } from "./queries";
import { agencyResult, unknownCodes } from "./rules";
import { assessedOnError, decidedOnError, registrationDateError, type RecognitionInput, type RegisterInput, type ResultInput } from "./schema";
import { isYear } from "@/lib/validation";

// The agency title's use cases, each in one transaction: load the agency and year inside the actor's scope,
// authorize agency.write, apply the rule, write with an optimistic version where a row is edited, audit.

const fieldError = (field: string, message: string) => new DomainError("INVALID_INPUT", message, { [field]: [message] });
const rule = (message: string) => new DomainError("RULE_VIOLATION", message);
const notFound = () => new DomainError("NOT_FOUND", MSG.notFound);

async function loadAgency(tx: Tx, actor: Actor, agencyId: string) {
  const agency = isUuid(agencyId)
    ? await tx.agency.findFirst({ where: { AND: [{ id: agencyId }, agencyScope(actor)] }, select: { id: true, communeId: true, name: true, kind: true } })
    : null;
  if (!agency) throw notFound();
  authorize(actor, "agency.write", { communeId: agency.communeId });
  // One use case at a time per agency: a recognition checks the agency's other recognitions and its không đạt years,
  // a result checks the recognitions; without the lock two concurrent writes could each pass the other's check (two
  // "lần đầu", overlapping periods, a không đạt year inside a period recognised meanwhile).
  await tx.$executeRaw`SELECT 1 FROM "Agency" WHERE "id" = ${agency.id}::uuid FOR NO KEY UPDATE`;
  return agency;
}

async function loadYear(tx: Tx, actor: Actor, year: number) {
  const found = isYear(year)
    ? await tx.campaignYear.findFirst({
      where: { AND: [{ year }, communeScope(actor, "agency.read")] },
      select: { id: true, communeId: true, year: true, agencyCriteriaSetId: true, enterpriseCriteriaSetId: true },
    })
    : null;
  if (!found) throw new DomainError("NOT_FOUND", AGENCY_TITLE_MSG.noYear);
  return found;
}

/** Registers an agency for the campaign year (required before its result can be entered). */
export async function registerAgency(actor: Actor, year: number, input: RegisterInput, today: Date = todayInVietnam()): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const agency = await loadAgency(tx, actor, input.agencyId);
    const campaignYear = await loadYear(tx, actor, year);
    const dateError = registrationDateError(input.registeredOn, campaignYear.year, today);
    if (dateError) throw fieldError("registeredOn", dateError);
    const existing = await tx.agencyYear.findUnique({
      where: { campaignYearId_agencyId: { campaignYearId: campaignYear.id, agencyId: agency.id } },
      select: { registeredOn: true },
    });
    if (existing) throw new DomainError("CONFLICT", AGENCY_TITLE_MSG.alreadyRegistered(agency.name, campaignYear.year, existing.registeredOn));
    const created = await tx.agencyYear.create({
      data: { communeId: agency.communeId, campaignYearId: campaignYear.id, agencyId: agency.id, registeredOn: input.registeredOn, unmetCodes: [] },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "agencyTitle.register",
      entityType: "AgencyYear",
      entityId: created.id,
      after: { name: agency.name, agencyId: agency.id, year: campaignYear.year, registeredOn: input.registeredOn },
    });
    return created;
  });
}

/** Withdraws a registration that has no result yet; a row with a result stays (it is the year's record). */
export async function unregisterAgency(actor: Actor, year: number, agencyId: string, version: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const agency = await loadAgency(tx, actor, agencyId);
    const campaignYear = await loadYear(tx, actor, year);
    const entry = await tx.agencyYear.findUnique({ where: { campaignYearId_agencyId: { campaignYearId: campaignYear.id, agencyId: agency.id } } });
    if (!entry) throw rule(AGENCY_TITLE_MSG.notRegisteredToUnregister(agency.name, campaignYear.year));
    if (entry.result !== null) throw rule(AGENCY_TITLE_MSG.unregisterWithResult(agency.name, campaignYear.year));
    // Only the version the user saw, and only while no result was entered in between.
    const { count } = await tx.agencyYear.deleteMany({ where: { id: entry.id, version, result: null } });
    if (count !== 1) throw new DomainError("CONFLICT", MSG.stale);
    await recordAudit(tx, actor, {
      action: "agencyTitle.unregister",
      entityType: "AgencyYear",
      entityId: entry.id,
      before: { name: agency.name, agencyId: agency.id, year: campaignYear.year, registeredOn: entry.registeredOn },
    });
  });
}

/**
 * Records the union's yearly result: each standard of the agency's set met or not; đạt only when all are met. The
 * agency must have registered for the year. A year counted in a recorded recognition cannot turn không đạt.
 */
export async function saveAgencyResult(
  actor: Actor,
  year: number,
  agencyId: string,
  version: number,
  input: ResultInput,
  today: Date = todayInVietnam(),
): Promise<{ id: string; result: "ACHIEVED" | "NOT_ACHIEVED" }> {
  return db.$transaction(async (tx) => {
    const agency = await loadAgency(tx, actor, agencyId);
    const campaignYear = await loadYear(tx, actor, year);
    const entry = await tx.agencyYear.findUnique({ where: { campaignYearId_agencyId: { campaignYearId: campaignYear.id, agencyId: agency.id } } });
    if (!entry) throw rule(AGENCY_TITLE_MSG.notRegistered(agency.name, campaignYear.year));
    const dateError = assessedOnError(input.assessedOn, campaignYear.year, today);
    if (dateError) throw fieldError("assessedOn", dateError);

    // A result already saved keeps the set it was assessed against; a first result takes the year's set.
    const chosen = entry.criteriaSetId
      ? { id: entry.criteriaSetId, items: await tx.criterion.findMany({ where: { criteriaSetId: entry.criteriaSetId }, orderBy: [{ position: "asc" }, { code: "asc" }], select: { code: true } }) }
      : await criteriaSetFor(tx, campaignYear, agency.kind);
    if (!chosen || chosen.items.length === 0) throw rule(AGENCY_TITLE_MSG.noCriteria(AGENCY_KIND_LABEL[agency.kind]));
    const codes = chosen.items.map((i) => i.code);
    const unknown = unknownCodes(codes, input.metCodes);
    if (unknown.length > 0) throw fieldError("metCodes", AGENCY_TITLE_MSG.unknownCriterion(unknown[0]!));
    const outcome = agencyResult(codes, input.metCodes);

    if (outcome.result === "NOT_ACHIEVED") {
      const covering = await tx.agencyRecognition.findFirst({
        where: { agencyId: agency.id, periodFrom: { lte: campaignYear.year }, periodTo: { gte: campaignYear.year } },
        select: { number: true, periodFrom: true, periodTo: true },
      });
      if (covering) throw rule(AGENCY_TITLE_MSG.coveredYear(campaignYear.year, covering.number, periodText(covering.periodFrom, covering.periodTo)));
    }

    const data = {
      result: outcome.result,
      unmetCodes: outcome.unmetCodes,
      assessedOn: input.assessedOn,
      note: input.note ?? null,
      criteriaSetId: chosen.id,
      assessedById: actor.id,
    };
    // Optimistic lock: the row must still be the version the user edited.
    const { count } = await tx.agencyYear.updateMany({ where: { id: entry.id, version }, data: { ...data, version: { increment: 1 } } });
    if (count !== 1) throw new DomainError("CONFLICT", MSG.stale);
    const snapshot = (e: { result: unknown; unmetCodes: string[]; assessedOn: Date | null; note: string | null; criteriaSetId: string | null }) => ({
      name: agency.name, year: campaignYear.year, result: e.result, unmetCodes: e.unmetCodes, assessedOn: e.assessedOn, note: e.note, criteriaSetId: e.criteriaSetId,
    });
    await recordAudit(tx, actor, {
      action: entry.result === null ? "agencyTitle.result.create" : "agencyTitle.result.update",
      entityType: "AgencyYear",
      entityId: entry.id,
      before: entry.result === null ? undefined : snapshot(entry),
      after: snapshot(data),
    });
    return { id: entry.id, result: outcome.result };
  });
}

/** What the audit log keeps of a recognition; the period as text ("2022–2023"), not two numbers. */
function recognitionSnapshot(r: { kind: string; periodFrom: number; periodTo: number; issuer: string; number: string; decidedOn: Date; note: string | null }) {
  return { kind: r.kind, period: periodText(r.periodFrom, r.periodTo), issuer: r.issuer, number: r.number, decidedOn: r.decidedOn, note: r.note };
}

/**
 * Records a recognising decision (the union's, or whoever the issuer is): the period as the cycle allows
 * (recognitionPeriodError), decided once the period has ended, and no year of the period recorded không đạt.
 */
export async function recordRecognition(actor: Actor, agencyId: string, input: RecognitionInput, today: Date = todayInVietnam()): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const agency = await loadAgency(tx, actor, agencyId);
    const previous = await tx.agencyRecognition.findMany({ where: { agencyId: agency.id }, select: { kind: true, periodFrom: true, periodTo: true } });
    const periodError = recognitionPeriodError(input.kind, input.periodFrom, input.periodTo, previous);
    if (periodError) throw fieldError("periodTo", periodError);
    const dateError = decidedOnError(input.decidedOn, input.periodTo, today);
    if (dateError) throw fieldError("decidedOn", dateError);
    const failed = await tx.agencyYear.findMany({
      where: { agencyId: agency.id, result: "NOT_ACHIEVED", campaignYear: { year: { gte: input.periodFrom, lte: input.periodTo } } },
      select: { campaignYear: { select: { year: true } } },
    });
    if (failed.length > 0) throw fieldError("periodFrom", AGENCY_TITLE_MSG.failedYearInPeriod(failed.map((f) => f.campaignYear.year).sort()));
    const data = {
      kind: input.kind, periodFrom: input.periodFrom, periodTo: input.periodTo, issuer: input.issuer, number: input.number,
      decidedOn: input.decidedOn, note: input.note ?? null,
    };
    const created = await tx.agencyRecognition.create({
      data: { communeId: agency.communeId, agencyId: agency.id, createdById: actor.id, ...data },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "agencyTitle.recognition.create",
      entityType: "AgencyRecognition",
      entityId: created.id,
      after: { name: agency.name, agencyId: agency.id, ...recognitionSnapshot(data) },
    });
    return created;
  });
}

/** Removes a recognition recorded by mistake; the audit row keeps what it said. */
export async function deleteRecognition(actor: Actor, recognitionId: string): Promise<{ agencyId: string }> {
  return db.$transaction(async (tx) => {
    const found = isUuid(recognitionId)
      ? await tx.agencyRecognition.findFirst({ where: { id: recognitionId, agency: agencyScope(actor) }, include: { agency: { select: { name: true } } } })
      : null;
    if (!found) throw new DomainError("NOT_FOUND", AGENCY_TITLE_MSG.recognitionGone);
    authorize(actor, "agency.write", { communeId: found.communeId });
    const { count } = await tx.agencyRecognition.deleteMany({ where: { id: found.id } });
    if (count !== 1) throw new DomainError("CONFLICT", AGENCY_TITLE_MSG.recognitionGone);
    await recordAudit(tx, actor, {
      action: "agencyTitle.recognition.delete",
      entityType: "AgencyRecognition",
      entityId: found.id,
      before: { name: found.agency.name, agencyId: found.agencyId, ...recognitionSnapshot(found) },
    });
    return { agencyId: found.agencyId };
  });
}
