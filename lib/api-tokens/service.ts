import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/policy";
import { DomainError, MSG } from "@/lib/result";
import { isUuid } from "@/lib/text";
import { API_TOKEN_MSG } from "./labels";
import { apiTokenPrefix, generateApiToken, hashApiToken, type CreateApiTokenInput } from "./schema";

export type CreatedApiToken = { id: string; name: string; prefix: string; token: string };

/**
 * Creates an API token for the actor's commune. The token itself is returned to be shown once; only its hash and
 * prefix are stored, and the audit row names the prefix, never the token.
 */
export async function createApiToken(actor: Actor, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  authorize(actor, "apiToken.manage", { communeId: actor.communeId });
  const token = generateApiToken();
  const prefix = apiTokenPrefix(token);
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { communeId: actor.communeId, name: input.name, tokenHash: hashApiToken(token), prefix, createdById: actor.id },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "apiToken.create", entityType: "ApiToken", entityId: row.id, after: { name: input.name, prefix } });
    return { id: row.id, name: input.name, prefix, token };
  });
}

/** Revokes a token of the actor's commune; a token already revoked is refused ("đã được xử lý"). */
export async function revokeApiToken(actor: Actor, id: string): Promise<{ id: string }> {
  authorize(actor, "apiToken.manage", { communeId: actor.communeId });
  return db.$transaction(async (tx) => {
    const current = isUuid(id)
      ? await tx.apiToken.findFirst({ where: { id, communeId: actor.communeId }, select: { id: true, name: true, prefix: true, revokedAt: true } })
      : null;
    if (!current) throw new DomainError("NOT_FOUND", MSG.notFound);
    if (current.revokedAt) throw new DomainError("RULE_VIOLATION", API_TOKEN_MSG.alreadyRevoked);
    const revokedAt = new Date();
    // Guarded on "not revoked": of two concurrent revocations, the second matches nothing and is refused.
    const updated = await tx.apiToken.updateMany({ where: { id: current.id, revokedAt: null }, data: { revokedAt, revokedById: actor.id } });
    if (updated.count !== 1) throw new DomainError("RULE_VIOLATION", API_TOKEN_MSG.alreadyRevoked);
    await recordAudit(tx, actor, {
      action: "apiToken.revoke",
      entityType: "ApiToken",
      entityId: current.id,
      before: { name: current.name, prefix: current.prefix, revokedAt: null },
      after: { name: current.name, prefix: current.prefix, revokedAt },
    });
    return { id: current.id };
  });
}
