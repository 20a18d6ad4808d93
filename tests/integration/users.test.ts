import { beforeEach, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/service";
import { db } from "@/lib/db";
import { MSG } from "@/lib/result";
import { USER_MSG } from "@/lib/users/labels";
import { getUser, listUsers } from "@/lib/users/queries";
import type { CreateUserInput } from "@/lib/users/schema";
import { createUser, resetUserPassword, setUserActive, updateUser } from "@/lib/users/service";
import { makeActor, makeWorld, resetDb, type World } from "../factories";

// Accounts: only an administrator manages them, only in their own commune; passwords never reach the audit log.

let w: World;
beforeEach(async () => {
  await resetDb();
  w = await makeWorld();
});

const input = (overrides: Partial<CreateUserInput> = {}): CreateUserInput => ({
  username: "canbo.moi",
  fullName: "Hoàng Thị Mới",
  role: "OFFICER",
  hamletId: undefined,
  password: "mat-khau-moi-2025",
  passwordConfirm: "mat-khau-moi-2025",
  ...overrides,
});

async function counts() {
  const [users, audits] = await Promise.all([db.user.count(), db.auditLog.count()]);
  return { users, audits };
}

describe("createUser", () => {
  it("creates an account that can sign in, and one audit row without the password", async () => {
    const { id } = await createUser(w.actors.admin, input());
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({
      communeId: w.commune.id, username: "canbo.moi", role: "OFFICER", hamletId: null, isActive: true,
    });
    expect(await signInWithPassword("canbo.moi", "mat-khau-moi-2025", "127.0.0.20")).toMatchObject({ ok: true, actor: { id } });

    const audits = await db.auditLog.findMany();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: w.actors.admin.id, action: "user.create", entityType: "User", entityId: id, after: { username: "canbo.moi", role: "OFFICER" } });
    const hash = (await db.user.findUniqueOrThrow({ where: { id } })).passwordHash;
    expect(JSON.stringify(audits[0]!.after)).not.toContain("mat-khau-moi-2025");
    expect(JSON.stringify(audits[0]!.after)).not.toContain(hash);
  });

  it("binds a hamlet head to a hamlet of the admin's commune only", async () => {
    const { id } = await createUser(w.actors.admin, input({ username: "truongxom.b", role: "HAMLET_HEAD", hamletId: w.hamletB.id }));
    expect((await db.user.findUniqueOrThrow({ where: { id } })).hamletId).toBe(w.hamletB.id);
    const before = await counts();
    await expect(createUser(w.actors.admin, input({ username: "truongxom.z", role: "HAMLET_HEAD", hamletId: w.hamletZ.id }))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { hamletId: [USER_MSG.hamletUnknown] },
    });
    expect(await counts()).toEqual(before);
  });

  it.each(["officer", "leader", "committee", "headA"] as const)("refuses the %s, writing nothing", async (who) => {
    const before = await counts();
    await expect(createUser(w.actors[who], input())).rejects.toMatchObject({ code: "FORBIDDEN", message: MSG.forbidden });
    expect(await counts()).toEqual(before);
  });

  it("refuses a username already taken (in any commune), writing nothing", async () => {
    const otherAdmin = await makeActor("ADMIN", { communeId: w.otherCommune.id });
    const before = await counts();
    const message = USER_MSG.usernameTaken(w.actors.officer.username);
    await expect(createUser(otherAdmin, input({ username: w.actors.officer.username }))).rejects.toMatchObject({
      code: "CONFLICT",
      message,
      fieldErrors: { username: [message] },
    });
    expect(await counts()).toEqual(before);
  });
});

describe("listUsers", () => {
  it("finds accounts by username or full name, ignoring accents and case, also after a rename", async () => {
    const { id } = await createUser(w.actors.admin, input({ fullName: "Đinh Thị Ngọc Ánh" }));
    const find = async (q: string) => (await listUsers(w.actors.admin, { q, page: 1 })).items.map((u) => u.id);
    expect(await find("dinh thi ngoc anh")).toEqual([id]);
    expect(await find("ĐINH THỊ")).toEqual([id]);
    expect(await find("CANBO.MOI")).toEqual([id]);
    expect(await find("%")).toEqual([]); // a LIKE wildcard typed in the box matches only itself
    await updateUser(w.actors.admin, id, { fullName: "Lò Văn Mạnh", role: "OFFICER", hamletId: undefined });
    expect(await find("ngoc anh")).toEqual([]);
    expect(await find("lo van manh")).toEqual([id]);
  });
});

describe("changing an account", () => {
  it("updates the profile and audits before and after", async () => {
    await updateUser(w.actors.admin, w.actors.leader.id, { fullName: "Tên Mới", role: "COMMITTEE", hamletId: undefined });
    expect(await db.user.findUniqueOrThrow({ where: { id: w.actors.leader.id } })).toMatchObject({ fullName: "Tên Mới", role: "COMMITTEE" });
    expect(await db.auditLog.findFirstOrThrow()).toMatchObject({
      action: "user.update", entityId: w.actors.leader.id, before: { role: "LEADER" }, after: { fullName: "Tên Mới", role: "COMMITTEE" },
    });
  });

  it("treats another commune's account as missing, and writes nothing", async () => {
    const otherAdmin = await makeActor("ADMIN", { communeId: w.otherCommune.id });
    const before = await counts();
    const original = await db.user.findUniqueOrThrow({ where: { id: w.actors.officer.id } });
    await expect(updateUser(otherAdmin, w.actors.officer.id, { fullName: "X", role: "ADMIN", hamletId: undefined })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setUserActive(otherAdmin, w.actors.officer.id, false)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(resetUserPassword(otherAdmin, w.actors.officer.id, { password: "12345678x", passwordConfirm: "12345678x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
    expect(await db.user.findUniqueOrThrow({ where: { id: w.actors.officer.id } })).toEqual(original);
    expect(await getUser(otherAdmin, w.actors.officer.id)).toBeNull();
    expect((await listUsers(otherAdmin, { page: 1 })).items.map((u) => u.id).sort()).toEqual([otherAdmin.id, w.actors.otherOfficer.id].sort());
  });

  it("a non-admin can neither read nor change accounts", async () => {
    expect((await listUsers(w.actors.officer, { page: 1 })).total).toBe(0);
    expect(await getUser(w.actors.officer, w.actors.leader.id)).toBeNull();
    const before = await counts();
    await expect(setUserActive(w.actors.officer, w.actors.leader.id, false)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
  });

  it("deactivating twice is refused as stale, and ends sign-in", async () => {
    await setUserActive(w.actors.admin, w.actors.officer.id, false);
    const before = await counts();
    await expect(setUserActive(w.actors.admin, w.actors.officer.id, false)).rejects.toMatchObject({ code: "CONFLICT", message: MSG.stale });
    expect(await counts()).toEqual(before);
    expect(await db.auditLog.findFirstOrThrow()).toMatchObject({ action: "user.deactivate", entityId: w.actors.officer.id, after: { isActive: false } });
    expect(await signInWithPassword(w.actors.officer.username, "mat-khau-thu-nghiem", "127.0.0.21")).toEqual({ ok: false, reason: "INVALID" });
  });

  it("an admin may not lock themselves out or change their own role", async () => {
    const before = await counts();
    await expect(setUserActive(w.actors.admin, w.actors.admin.id, false)).rejects.toMatchObject({ code: "RULE_VIOLATION", message: USER_MSG.cannotDeactivateSelf });
    await expect(updateUser(w.actors.admin, w.actors.admin.id, { fullName: "Tôi", role: "OFFICER", hamletId: undefined })).rejects.toMatchObject({
      code: "RULE_VIOLATION",
      message: USER_MSG.cannotChangeOwnRole,
    });
    expect(await counts()).toEqual(before);
  });

  it("resets a password without recording it", async () => {
    const oldHash = (await db.user.findUniqueOrThrow({ where: { id: w.actors.leader.id } })).passwordHash;
    await resetUserPassword(w.actors.admin, w.actors.leader.id, { password: "mat-khau-dat-lai", passwordConfirm: "mat-khau-dat-lai" });
    const newHash = (await db.user.findUniqueOrThrow({ where: { id: w.actors.leader.id } })).passwordHash;
    expect(newHash).not.toBe(oldHash);
    const audit = await db.auditLog.findFirstOrThrow();
    expect(audit).toMatchObject({ action: "user.resetPassword", entityId: w.actors.leader.id, after: { passwordReset: true } });
    const recorded = JSON.stringify([audit.before, audit.after]);
    expect(recorded).not.toContain("mat-khau-dat-lai");
    expect(recorded).not.toContain(newHash);
    expect(await signInWithPassword(w.actors.leader.username, "mat-khau-dat-lai", "127.0.0.22")).toMatchObject({ ok: true });
  });
});
