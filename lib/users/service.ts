import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { endUserSessions } from "@/lib/auth/service";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { authorize, userScope, type Actor, type Role, NO_COMMUNE } from "@/lib/policy";
import { DomainError, MSG } from "@/lib/result";
import { USER_MSG } from "./labels";
import { isUuid, searchTextOf } from "@/lib/text";
import { type CreateUserInput, type ResetPasswordInput, type UpdateUserInput } from "./schema";

/** The hamlet a new or edited account points at: one of the actor's commune for a hamlet head, none otherwise. */
async function hamletForRole(tx: Tx, actor: Actor, role: Role, hamletId: string | undefined): Promise<string | null> {
  if (role !== "HAMLET_HEAD") return null;
  const hamlet = hamletId
    ? await tx.hamlet.findFirst({ where: { id: hamletId, communeId: actor.communeId }, select: { id: true } })
    : null;
  if (!hamlet) throw new DomainError("INVALID_INPUT", MSG.invalid, { hamletId: [hamletId ? USER_MSG.hamletUnknown : USER_MSG.hamletRequired] });
  return hamlet.id;
}

/** Loads an account of the actor's commune for a write; anything else is NOT_FOUND. */
async function loadUser(tx: Tx, actor: Actor, id: string) {
  const user = isUuid(id)
    ? await tx.user.findFirst({
        where: { id, ...userScope(actor) },
        select: { id: true, communeId: true, username: true, fullName: true, role: true, hamletId: true, isActive: true },
      })
    : null;
  if (!user) throw new DomainError("NOT_FOUND", MSG.notFound);
  // A user without a commune (a province viewer) is no commune administrator's to manage.
  authorize(actor, "user.manage", { communeId: user.communeId ?? NO_COMMUNE });
  return user;
}

export async function createUser(actor: Actor, input: CreateUserInput): Promise<{ id: string }> {
  authorize(actor, "user.manage", { communeId: actor.communeId });
  // Hash before opening the transaction: the KDF is deliberately slow.
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const hamletId = await hamletForRole(tx, actor, input.role, input.hamletId);
    const taken = await tx.user.findUnique({ where: { username: input.username }, select: { id: true } });
    if (taken) {
      const message = USER_MSG.usernameTaken(input.username);
      throw new DomainError("CONFLICT", message, { username: [message] });
    }
    const user = await tx.user.create({
      data: {
        communeId: actor.communeId, username: input.username, fullName: input.fullName, role: input.role, hamletId, passwordHash,
        searchText: searchTextOf(input.username, input.fullName),
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      after: { username: input.username, fullName: input.fullName, role: input.role, hamletId, isActive: true },
    });
    return user;
  });
}

export async function updateUser(actor: Actor, id: string, input: UpdateUserInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const current = await loadUser(tx, actor, id);
    // An admin who demoted themselves could leave the commune without one.
    if (current.id === actor.id && input.role !== current.role) {
      throw new DomainError("RULE_VIOLATION", USER_MSG.cannotChangeOwnRole, { role: [USER_MSG.cannotChangeOwnRole] });
    }
    const hamletId = await hamletForRole(tx, actor, input.role, input.hamletId);
    await tx.user.update({
      where: { id: current.id },
      data: { fullName: input.fullName, role: input.role, hamletId, searchText: searchTextOf(current.username, input.fullName) },
    });
    await recordAudit(tx, actor, {
      action: "user.update",
      entityType: "User",
      entityId: current.id,
      before: { fullName: current.fullName, role: current.role, hamletId: current.hamletId },
      after: { fullName: input.fullName, role: input.role, hamletId },
    });
    return { id: current.id };
  });
}

export async function resetUserPassword(actor: Actor, id: string, input: ResetPasswordInput): Promise<{ id: string }> {
  authorize(actor, "user.manage", { communeId: actor.communeId });
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const current = await loadUser(tx, actor, id);
    await tx.user.update({ where: { id: current.id }, data: { passwordHash } });
    // Whoever held the old password is signed out everywhere (the admin's own session too, if they reset their own).
    const sessionsEnded = await endUserSessions(tx, current.id, "PASSWORD_RESET");
    // Never the password or its hash: only that it was reset.
    await recordAudit(tx, actor, { action: "user.resetPassword", entityType: "User", entityId: current.id, after: { passwordReset: true, sessionsEnded } });
    return { id: current.id };
  });
}

/** Locks or unlocks an account; locking ends the user's sessions, so they are signed out at their next request. */
export async function setUserActive(actor: Actor, id: string, isActive: boolean): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const current = await loadUser(tx, actor, id);
    // Locking yourself out could leave the commune without an administrator.
    if (!isActive && current.id === actor.id) throw new DomainError("RULE_VIOLATION", USER_MSG.cannotDeactivateSelf);
    const updated = await tx.user.updateMany({ where: { id: current.id, isActive: !isActive }, data: { isActive } });
    if (updated.count !== 1) throw new DomainError("CONFLICT", MSG.stale);
    const sessionsEnded = isActive ? 0 : await endUserSessions(tx, current.id, "DEACTIVATED");
    await recordAudit(tx, actor, {
      action: isActive ? "user.reactivate" : "user.deactivate",
      entityType: "User",
      entityId: current.id,
      before: { isActive: !isActive },
      after: isActive ? { isActive } : { isActive, sessionsEnded },
    });
    return { id: current.id };
  });
}
