import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/policy";

export type ApiTokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
};

/** The commune's API tokens, newest first (active and revoked), for its administrator; nobody else sees any. */
export async function listApiTokens(actor: Actor): Promise<ApiTokenRow[]> {
  if (!can(actor, "apiToken.manage", { communeId: actor.communeId })) return [];
  const rows = await db.apiToken.findMany({
    where: { communeId: actor.communeId },
    orderBy: [{ createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, createdById: true, lastUsedAt: true, revokedAt: true, revokedById: true },
  });
  const userIds = [...new Set(rows.flatMap((r) => [r.createdById, r.revokedById]).filter((v): v is string => v !== null))];
  const users = userIds.length
    ? await db.user.findMany({ where: { id: { in: userIds }, communeId: actor.communeId }, select: { id: true, fullName: true } })
    : [];
  const nameOf = new Map(users.map((u) => [u.id, u.fullName]));
  return rows.map((r) => ({
    id: r.id, name: r.name, prefix: r.prefix, createdAt: r.createdAt, lastUsedAt: r.lastUsedAt, revokedAt: r.revokedAt,
    createdBy: r.createdById ? (nameOf.get(r.createdById) ?? null) : null,
    revokedBy: r.revokedById ? (nameOf.get(r.revokedById) ?? null) : null,
  }));
}
