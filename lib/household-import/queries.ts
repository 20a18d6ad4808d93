import "server-only";
import { db } from "@/lib/db";
import type { HouseholdImportStatus, ImportFileFormat } from "@/lib/generated/prisma/enums";
import { householdImportScope, type Actor } from "@/lib/policy";
import { isUuid } from "@/lib/text";
import { IMPORT_MSG } from "./labels";
import { canConfirm, isInterrupted } from "./rules";
import type { HamletCount, RowError } from "./schema";

export type ImportSummary = {
  id: string;
  fileName: string;
  status: HouseholdImportStatus;
  households: number;
  members: number;
  errorCount: number;
  createdByName: string;
  createdAt: Date;
};

export type ImportDetail = ImportSummary & {
  fileFormat: ImportFileFormat;
  fileSize: number;
  errors: RowError[];
  hamlets: HamletCount[];
  progressDone: number;
  progressTotal: number;
  /** What went wrong, for a FAILED or interrupted import. */
  failureMessage: string | null;
  isInterrupted: boolean;
  canConfirm: boolean;
  startedAt: Date | null;
  finishedAt: Date | null;
};

const SUMMARY = {
  id: true, fileName: true, status: true, households: true, members: true, errorCount: true, createdByName: true, createdAt: true,
} as const;

/** The actor's latest imports (the commune's, or a hamlet head's own), newest first. */
export async function listHouseholdImports(actor: Actor, take = 10): Promise<ImportSummary[]> {
  return db.householdImport.findMany({ where: householdImportScope(actor), orderBy: { createdAt: "desc" }, take, select: SUMMARY });
}

/** One import with its errors and counts, or null when unknown or not the actor's to see. */
export async function getHouseholdImport(actor: Actor, id: string, now = new Date()): Promise<ImportDetail | null> {
  if (!isUuid(id)) return null;
  const row = await db.householdImport.findFirst({
    where: { AND: [{ id }, householdImportScope(actor)] },
    select: {
      ...SUMMARY, fileFormat: true, fileSize: true, errors: true, hamlets: true, progressDone: true, progressTotal: true,
      failureMessage: true, startedAt: true, finishedAt: true, updatedAt: true,
    },
  });
  if (!row) return null;
  const interrupted = isInterrupted(row.status, row.updatedAt, now);
  const { updatedAt, errors, hamlets, ...rest } = row;
  return {
    ...rest,
    errors: errors as RowError[],
    hamlets: hamlets as HamletCount[],
    failureMessage: interrupted ? IMPORT_MSG.interrupted : row.failureMessage,
    isInterrupted: interrupted,
    canConfirm: canConfirm(row.status, updatedAt, now),
  };
}

export type ImportProgress = { status: HouseholdImportStatus; done: number; total: number; isInterrupted: boolean };

/** What the progress bar polls: small, and scoped like the page. */
export async function getHouseholdImportProgress(actor: Actor, id: string, now = new Date()): Promise<ImportProgress | null> {
  if (!isUuid(id)) return null;
  const row = await db.householdImport.findFirst({
    where: { AND: [{ id }, householdImportScope(actor)] },
    select: { status: true, progressDone: true, progressTotal: true, updatedAt: true },
  });
  return row && { status: row.status, done: row.progressDone, total: row.progressTotal, isInterrupted: isInterrupted(row.status, row.updatedAt, now) };
}

/** The hamlet the template's example rows name: the actor's own, or the commune's first. */
export async function templateHamletName(actor: Actor): Promise<string> {
  const hamlet = await db.hamlet.findFirst({
    where: actor.hamletId ? { id: actor.hamletId, communeId: actor.communeId } : { communeId: actor.communeId },
    orderBy: { name: "asc" },
    select: { name: true },
  });
  return hamlet?.name ?? "Bản Lác";
}
