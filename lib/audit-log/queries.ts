import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageArgs, toPage, type Page } from "@/lib/paging";
import { auditScope, can, type Actor, type Permission } from "@/lib/policy";
import { compareVi, isUuid } from "@/lib/text";
import { actionLabel, describeChanges, entityLabel, entityPage, hamletIdsIn, subjectName, type AuditChange } from "./labels";
import type { Option } from "@/lib/options";

export type AuditFilters = { entityType?: string; username?: string; action?: string; page: number };

export type AuditRow = {
  id: string;
  createdAt: Date;
  actorUsername: string;
  actorName: string | null;
  action: string;
  actionLabel: string;
  entityType: string;
  entityLabel: string;
  subject: string | null;
  /** Set only when the entity has a page the actor may open. */
  href: string | null;
  changes: AuditChange[];
};

/** Entity types whose snapshots carry exclusion reasons, and the permission needed to read them. */
const SENSITIVE_ENTITY: Record<string, Permission> = { Violation: "violation.read", Assessment: "violation.read" };

/** The commune's audit trail, newest first, paged by the database. */
export async function listAuditEntries(actor: Actor, filters: AuditFilters): Promise<Page<AuditRow>> {
  const where: Prisma.AuditLogWhereInput = {
    ...auditScope(actor),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.username ? { actorUsername: filters.username } : {}),
    ...(filters.action ? { action: filters.action } : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...pageArgs(filters.page) }),
    db.auditLog.count({ where }),
  ]);

  // Names for the ids on this page: who acted, which account was touched, which hamlet a row points at.
  const userIds = [...new Set(rows.flatMap((r) => [r.actorId, r.entityType === "User" ? r.entityId : null]).filter((id): id is string => !!id && isUuid(id)))];
  const hamletIds = [...new Set(rows.flatMap((r) => hamletIdsIn(r.before, r.after)).filter(isUuid))];
  const [users, hamlets] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds }, communeId: actor.communeId }, select: { id: true, fullName: true, username: true } }) : [],
    hamletIds.length ? db.hamlet.findMany({ where: { id: { in: hamletIds }, communeId: actor.communeId }, select: { id: true, name: true } }) : [],
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const hamletNames = new Map(hamlets.map((h) => [h.id, h.name]));

  return toPage(
    rows.map((r) => {
      const page = entityPage(r.entityType, r.entityId);
      const account = r.entityType === "User" ? userById.get(r.entityId) : undefined;
      // Exclusion reasons are sensitive personal data: without the right to read them, show only that a row exists.
      const guard = SENSITIVE_ENTITY[r.entityType];
      const hidden = guard !== undefined && !can(actor, guard, { communeId: actor.communeId });
      return {
        id: r.id.toString(),
        createdAt: r.createdAt,
        actorUsername: r.actorUsername,
        actorName: (r.actorId && userById.get(r.actorId)?.fullName) || null,
        action: r.action,
        actionLabel: actionLabel(r.action),
        entityType: r.entityType,
        entityLabel: entityLabel(r.entityType),
        subject: hidden ? null : account ? `${account.fullName} (${account.username})` : subjectName(r.before, r.after),
        href: page && can(actor, page.permission, { communeId: actor.communeId }) ? page.href : null,
        changes: hidden ? [] : describeChanges(r.entityType, r.before, r.after, hamletNames),
      };
    }),
    total,
    filters.page,
  );
}

/** Filter choices: only entity types, people and actions that occur in the commune's log. */
export async function listAuditFilterOptions(actor: Actor): Promise<{ entityTypes: Option[]; usernames: Option[]; actions: Option[] }> {
  const where = auditScope(actor);
  const [types, people, actions] = await Promise.all([
    db.auditLog.groupBy({ by: ["entityType"], where, orderBy: { entityType: "asc" } }),
    db.auditLog.groupBy({ by: ["actorUsername"], where, orderBy: { actorUsername: "asc" } }),
    db.auditLog.groupBy({ by: ["action"], where, orderBy: { action: "asc" } }),
  ]);
  const byLabel = (a: Option, b: Option) => compareVi(a.label, b.label);
  return {
    entityTypes: types.map((t) => ({ value: t.entityType, label: entityLabel(t.entityType) })).sort(byLabel),
    usernames: people.map((p) => ({ value: p.actorUsername, label: p.actorUsername })),
    actions: actions.map((a) => ({ value: a.action, label: actionLabel(a.action) })).sort(byLabel),
  };
}
