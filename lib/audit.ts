import "server-only";
import type { Tx } from "@/lib/db";
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

/** Writes one audit row inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      communeId: actor.communeId,
      actorId: actor.id,
      actorUsername: actor.username,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}
