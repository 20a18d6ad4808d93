import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

// JSON-safe copy: dates as ISO strings, bigints as strings, undefined dropped.
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) as Prisma.InputJsonValue;
}

/** Who an audit row names: a signed-in user, or a visitor of a public page (no account, no id). */
type AuditAuthor = { communeId: string; actorId: string | null; actorUsername: string };

async function writeAudit(tx: Tx, author: AuditAuthor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      communeId: author.communeId,
      actorId: author.actorId,
      actorUsername: author.actorUsername,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}

/** Writes one audit row inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await writeAudit(tx, { communeId: actor.communeId, actorId: actor.id, actorUsername: actor.username }, entry);
}

/** The name audit rows give an anonymous visitor of a public page (never a real username: those have no spaces). */
export const PUBLIC_ACTOR_USERNAME = "công khai (khách)";

/**
 * Writes the audit row of something an anonymous visitor did on a public page (a comment on a notice), in the
 * commune the page belongs to. Only for public pages: a signed-in user's change goes through recordAudit.
 */
export async function recordPublicAudit(tx: Tx, communeId: string, entry: AuditEntry): Promise<void> {
  await writeAudit(tx, { communeId, actorId: null, actorUsername: PUBLIC_ACTOR_USERNAME }, entry);
}

/** Where a household's violation records or exclusion reasons were shown (lib/audit-log/labels.ts names them). */
export type ViolationViewPlace = "household" | "assessment" | "reviewHub" | "auditLog";

export const VIOLATION_VIEW = "violation.view";

/**
 * Records that `actor` was shown the violation records or exclusion reasons of these households: one "violation.view"
 * row per household, entity Household. A read has no transaction of its own to join, so the rows are written in one
 * statement on their own; if that fails the page is still shown and the failure goes to the server log.
 */
export async function recordViolationViews(actor: Actor, place: ViolationViewPlace, householdIds: readonly string[]): Promise<void> {
  const ids = [...new Set(householdIds)];
  if (ids.length === 0) return;
  try {
    await db.auditLog.createMany({
      data: ids.map((entityId) => ({
        communeId: actor.communeId, actorId: actor.id, actorUsername: actor.username, action: VIOLATION_VIEW, entityType: "Household", entityId,
        after: { viewedOn: place },
      })),
    });
  } catch (error) {
    console.error("[vanhoa] could not record a violation view", error);
  }
}
