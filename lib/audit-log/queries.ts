import "server-only";
import { recordViolationViews } from "@/lib/audit";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageArgs, toPage, type Page } from "@/lib/paging";
import { versionText } from "@/lib/campaign/schema";
import { auditScope, can, type Actor, type Permission } from "@/lib/policy";
import { compareVi, isUuid } from "@/lib/text";
import { actionLabel, describeChanges, entityLabel, entityPage, idsIn, subjectName, type AuditChange } from "./labels";
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

type Snapshots = { before: unknown; after: unknown }[];

/**
 * Names for the ids the snapshots on this page hold (hamlets, households, rule and criteria set versions): one query
 * per table, inside the actor's commune; household names only for roles that may read households.
 */
async function namesFor(actor: Actor, rows: Snapshots): Promise<Map<string, string>> {
  const ids = (...fields: string[]) => [...new Set(rows.flatMap((r) => fields.flatMap((f) => idsIn(f, r.before, r.after))))];
  const communeId = actor.communeId;
  const [hamletIds, householdIds, ruleSetIds, criteriaSetIds] = [
    ids("hamletId"), can(actor, "household.read", { communeId }) ? ids("householdId") : [], ids("ruleSetId"), ids("criteriaSetId", "hamletCriteriaSetId", "agencyCriteriaSetId", "enterpriseCriteriaSetId", "fromId"),
  ];
  const [hamlets, households, ruleSets, criteriaSets] = await Promise.all([
    hamletIds.length ? db.hamlet.findMany({ where: { id: { in: hamletIds }, communeId }, select: { id: true, name: true } }) : [],
    householdIds.length ? db.household.findMany({ where: { id: { in: householdIds }, communeId }, select: { id: true, headName: true } }) : [],
    ruleSetIds.length ? db.ruleSet.findMany({ where: { id: { in: ruleSetIds }, communeId }, select: { id: true, name: true, version: true } }) : [],
    criteriaSetIds.length ? db.criteriaSet.findMany({ where: { id: { in: criteriaSetIds }, communeId }, select: { id: true, name: true, version: true } }) : [],
  ]);
  return new Map([
    ...hamlets.map((h): [string, string] => [h.id, h.name]),
    ...households.map((h): [string, string] => [h.id, h.headName]),
    ...[...ruleSets, ...criteriaSets].map((s): [string, string] => [s.id, versionText(s)]),
  ]);
}

/** The commune's audit trail, newest first, paged by the database. */
export async function listAuditEntries(actor: Actor, filters: AuditFilters): Promise<Page<AuditRow>> {
  const where: Prisma.AuditLogWhereInput = {
    AND: [
      auditScope(actor),
      filters.entityType ? { entityType: filters.entityType } : {},
      filters.username ? { actorUsername: filters.username } : {},
      filters.action ? { action: filters.action } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...pageArgs(filters.page) }),
    db.auditLog.count({ where }),
  ]);

  // Exclusion reasons are sensitive personal data: without the right to read them, show only that a row exists.
  const detailsHidden = (entityType: string) => {
    const guard = SENSITIVE_ENTITY[entityType];
    return guard !== undefined && !can(actor, guard, { communeId: actor.communeId });
  };
  // Names for the ids on this page: who acted, which account was touched, what the visible snapshots point at.
  const userIds = [...new Set(rows.flatMap((r) => [r.actorId, r.entityType === "User" ? r.entityId : null]).filter((id): id is string => !!id && isUuid(id)))];
  const [users, names] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds }, communeId: actor.communeId }, select: { id: true, fullName: true, username: true } }) : [],
    namesFor(actor, rows.filter((r) => !detailsHidden(r.entityType))),
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  // A violation's or an assessment's snapshot shown here is that household's violation record: log the view.
  const shownSensitive = rows.filter((r) => SENSITIVE_ENTITY[r.entityType] && !detailsHidden(r.entityType));
  await recordViolationViews(actor, "auditLog", shownSensitive.flatMap((r) => idsIn("householdId", r.before, r.after)));

  return toPage(
    rows.map((r) => {
      const page = entityPage(r.entityType, r.entityId);
      const account = r.entityType === "User" ? userById.get(r.entityId) : undefined;
      const hidden = detailsHidden(r.entityType);
      return {
        id: r.id.toString(),
        createdAt: r.createdAt,
        actorUsername: r.actorUsername,
        actorName: (r.actorId && userById.get(r.actorId)?.fullName) || null,
        action: r.action,
        actionLabel: actionLabel(r.action),
        entityType: r.entityType,
        entityLabel: entityLabel(r.entityType),
        subject: hidden ? null : account ? `${account.fullName} (${account.username})` : subjectName(r.entityType, r.before, r.after),
        href: page && can(actor, page.permission, { communeId: actor.communeId }) ? page.href : null,
        changes: hidden ? [] : describeChanges(r.entityType, r.before, r.after, names),
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
