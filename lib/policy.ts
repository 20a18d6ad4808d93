import { DomainError, MSG } from "@/lib/result";

// The one place that knows what each role may do. Pages use can() to hide controls; services call authorize()
// again, and every query puts the matching scope into its where clause.

export const ROLES = ["ADMIN", "OFFICER", "LEADER", "COMMITTEE", "HAMLET_HEAD", "PROVINCE"] as const;
export type Role = (typeof ROLES)[number];

export type Actor = {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  communeId: string;
  hamletId: string | null;
  /** A PROVINCE viewer's province; null (or absent) for everyone else. */
  province?: string | null;
};

/**
 * The commune id a province viewer carries: no commune has it, so every commune-scoped read and check finds nothing
 * for them (they see the province roll-up, which checks `province.read` instead).
 */
export const NO_COMMUNE = "00000000-0000-0000-0000-000000000000";

/** A user row as the database holds it (a province viewer has no commune). */
export type ActorRow = {
  id: string; username: string; fullName: string; role: string; communeId: string | null; hamletId: string | null; province?: string | null;
};

/** The Actor of a user row; null for a role this code does not know (fail closed). */
export function actorOf(row: ActorRow): Actor | null {
  if (!isRole(row.role)) return null;
  return {
    id: row.id, username: row.username, fullName: row.fullName, role: row.role, communeId: row.communeId ?? NO_COMMUNE, hamletId: row.hamletId,
    province: row.role === "PROVINCE" ? (row.province ?? null) : null,
  };
}

/** The columns actorOf reads, for a Prisma select. */
export const ACTOR_SELECT = { id: true, username: true, fullName: true, role: true, communeId: true, hamletId: true, province: true } as const;

export const PERMISSIONS = [
  "hamlet.read",
  "hamlet.write",
  "household.read",
  "household.write",
  "agency.read",
  "agency.write",
  "user.manage",
  "audit.read",
  "campaign.read",
  "campaign.manage",
  "review.read",
  "review.write",
  "review.verify",
  "violation.read",
  "violation.write",
  "decision.read",
  "decision.draft",
  "decision.approve",
  "hamletTitle.write",
  "council.manage",
  "apiToken.manage",
  "province.read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Permission, readonly Role[]> = {
  "hamlet.read": ["ADMIN", "OFFICER", "LEADER", "COMMITTEE", "HAMLET_HEAD"],
  "hamlet.write": ["OFFICER"],
  "household.read": ["OFFICER", "LEADER", "COMMITTEE", "HAMLET_HEAD"],
  "household.write": ["OFFICER", "HAMLET_HEAD"],
  "agency.read": ["OFFICER", "LEADER", "COMMITTEE"],
  "agency.write": ["OFFICER"],
  "user.manage": ["ADMIN"],
  "audit.read": ["ADMIN", "OFFICER"],
  // The yearly cycle: the officer sets up the year and checks dossiers; the hamlet head records the meeting;
  // the leader approves decisions; the committee follows along. Violation reasons are sensitive personal data.
  "campaign.read": ["OFFICER", "LEADER", "COMMITTEE", "HAMLET_HEAD"],
  "campaign.manage": ["OFFICER"],
  "review.read": ["OFFICER", "LEADER", "COMMITTEE", "HAMLET_HEAD"],
  "review.write": ["OFFICER", "HAMLET_HEAD"],
  "review.verify": ["OFFICER"],
  "violation.read": ["OFFICER", "LEADER", "HAMLET_HEAD"],
  "violation.write": ["OFFICER"],
  "decision.read": ["OFFICER", "LEADER", "COMMITTEE"],
  "decision.draft": ["OFFICER"],
  "decision.approve": ["LEADER"],
  // "Xóm văn hóa": the hamlet head registers and reports for their hamlet (the officer may too); the officer runs
  // the commune council's review, the public notice and the dossier.
  "hamletTitle.write": ["OFFICER", "HAMLET_HEAD"],
  "council.manage": ["OFFICER"],
  // Tokens of the read-only JSON API (a province system pulls the commune's figures): the administrator's.
  "apiToken.manage": ["ADMIN"],
  // The province roll-up: every commune's three rates, for the province's culture department.
  "province.read": ["PROVINCE"],
};

/** Where the row sits; a permission holds only inside the actor's commune, and for a hamlet head, their hamlet. */
export type Place = { communeId?: string; hamletId?: string | null };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(actor: Actor | null | undefined, permission: Permission, at?: Place): boolean {
  if (!actor || !isRole(actor.role)) return false;
  const granted = GRANTS[permission];
  if (!granted || !granted.includes(actor.role)) return false;
  if (at?.communeId !== undefined && at.communeId !== actor.communeId) return false;
  if (actor.role === "HAMLET_HEAD") {
    // A hamlet head acts only on rows of their own hamlet, and never on commune-wide rows.
    if (!actor.hamletId || !at || at.hamletId !== actor.hamletId) return false;
  }
  return true;
}

/** Throws FORBIDDEN unless can(); services call it after loading the (scoped) row. */
export function authorize(actor: Actor, permission: Permission, at?: Place): void {
  if (!can(actor, permission, at)) throw new DomainError("FORBIDDEN", MSG.forbidden);
}

/** Where clauses that limit reads to what the actor may see; an actor with no grant sees nothing. */
const NOTHING = { id: { in: [] as string[] } };

export function hamletScope(actor: Actor) {
  if (!can(actor, "hamlet.read", actor.role === "HAMLET_HEAD" ? { hamletId: actor.hamletId } : undefined)) return NOTHING;
  return actor.role === "HAMLET_HEAD" ? { communeId: actor.communeId, id: actor.hamletId ?? "" } : { communeId: actor.communeId };
}

export function householdScope(actor: Actor) {
  return hamletRowScope(actor, "household.read");
}

/** Rows that belong to a hamlet (reviews, assessments, registrations, awards): the commune, or the own hamlet. */
export function hamletRowScope(actor: Actor, permission: Permission) {
  if (!can(actor, permission, actor.role === "HAMLET_HEAD" ? { communeId: actor.communeId, hamletId: actor.hamletId } : undefined)) {
    return NOTHING;
  }
  return actor.role === "HAMLET_HEAD"
    ? { communeId: actor.communeId, hamletId: actor.hamletId ?? "" }
    : { communeId: actor.communeId };
}

/** Commune-wide rows (campaign years, rule and criteria sets, decisions) readable with `permission`. */
export function communeScope(actor: Actor, permission: Permission) {
  const own = actor.role === "HAMLET_HEAD" ? { communeId: actor.communeId, hamletId: actor.hamletId } : undefined;
  return can(actor, permission, own) ? { communeId: actor.communeId } : NOTHING;
}

export function agencyScope(actor: Actor) {
  return can(actor, "agency.read") ? { communeId: actor.communeId } : NOTHING;
}

export function userScope(actor: Actor) {
  return can(actor, "user.manage") ? { communeId: actor.communeId } : NOTHING;
}

/** The province whose roll-up the actor may read, or null. */
export function provinceScope(actor: Actor): string | null {
  return can(actor, "province.read") && actor.province ? actor.province : null;
}

export function auditScope(actor: Actor) {
  return can(actor, "audit.read") ? { communeId: actor.communeId } : { id: { in: [] as bigint[] } };
}

/**
 * Household imports the actor may see and confirm: anyone who may write households commune-wide sees the
 * commune's; someone bound to a hamlet sees only their own uploads.
 */
export function householdImportScope(actor: Actor) {
  const own = { communeId: actor.communeId, hamletId: actor.hamletId };
  if (!can(actor, "household.write", own)) return NOTHING;
  return can(actor, "household.write", { communeId: actor.communeId })
    ? { communeId: actor.communeId }
    : { communeId: actor.communeId, createdById: actor.id };
}
