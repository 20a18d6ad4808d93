import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { HOUSEHOLD_MSG } from "@/lib/households/labels";
import { createHousehold, updateHousehold } from "@/lib/households/service";
import { MSG } from "@/lib/result";
import { countRows, householdInput, makeHousehold, makeWorld, resetDb, type World } from "../factories";

// Every change writes its AuditLog row in the same transaction: both commit, or neither does.

let w: World;
beforeEach(async () => {
  await resetDb();
  w = await makeWorld();
});

describe("createHousehold", () => {
  it("stores the household, its members and exactly one audit row", async () => {
    const input = householdInput(w.hamletA.id, {
      headName: "Nguyễn Văn Ánh",
      headBirthYear: 1968,
      address: "Tổ 3, xóm A",
      phone: "0987654321",
      povertyStatus: "POOR",
      members: [
        { fullName: "Lường Thị Mai", birthYear: 1970, relationship: "SPOUSE" },
        { fullName: "Nguyễn Văn Minh", birthYear: undefined, relationship: "CHILD" },
      ],
    });
    const { id } = await createHousehold(w.actors.headA, input);

    const household = await db.household.findUniqueOrThrow({
      where: { id },
      include: { members: { orderBy: { position: "asc" }, select: { fullName: true, birthYear: true, relationship: true, position: true, communeId: true } } },
    });
    expect(household).toMatchObject({
      communeId: w.commune.id, hamletId: w.hamletA.id, headName: "Nguyễn Văn Ánh", address: "Tổ 3, xóm A", phone: "0987654321",
      povertyStatus: "POOR", status: "ACTIVE", version: 1,
      searchText: "nguyen van anh to 3, xom a 0987654321", dedupeKey: "nguyễn văn ánh|tổ 3, xóm a",
    });
    expect(household.members).toEqual([
      { fullName: "Nguyễn Văn Ánh", birthYear: 1968, relationship: "HEAD", position: 0, communeId: w.commune.id },
      { fullName: "Lường Thị Mai", birthYear: 1970, relationship: "SPOUSE", position: 1, communeId: w.commune.id },
      { fullName: "Nguyễn Văn Minh", birthYear: null, relationship: "CHILD", position: 2, communeId: w.commune.id },
    ]);

    const audits = await db.auditLog.findMany();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      communeId: w.commune.id,
      actorId: w.actors.headA.id,
      actorUsername: w.actors.headA.username,
      action: "household.create",
      entityType: "Household",
      entityId: id,
      before: null,
      after: {
        headName: "Nguyễn Văn Ánh", headBirthYear: 1968, address: "Tổ 3, xóm A", phone: "0987654321", hamletId: w.hamletA.id,
        povertyStatus: "POOR", status: "ACTIVE",
        members: [{ fullName: "Lường Thị Mai", birthYear: 1970, relationship: "SPOUSE" }, { fullName: "Nguyễn Văn Minh", relationship: "CHILD" }],
      },
    });
  });

  it("refuses a duplicate (same head and address, any case or spacing) and leaves no trace", async () => {
    await makeHousehold(w.hamletA, { headName: "Nguyễn Thị Lan", address: "Tổ 1, xóm A" });
    const before = await countRows();
    const duplicate = householdInput(w.hamletA.id, { headName: "nguyễn  THỊ lan", address: "tổ 1,  Xóm A" });
    const message = HOUSEHOLD_MSG.duplicate("nguyễn  THỊ lan");
    expect(message).toContain("đã có hộ của chủ hộ");
    await expect(createHousehold(w.actors.officer, duplicate)).rejects.toMatchObject({
      code: "CONFLICT",
      message,
      fieldErrors: { headName: [message] },
    });
    expect(await countRows()).toEqual(before);
  });

  it("accepts the same name with different accents, or in another hamlet", async () => {
    await makeHousehold(w.hamletA, { headName: "Nguyễn Thị Lan", address: "Tổ 1" });
    await createHousehold(w.actors.officer, householdInput(w.hamletA.id, { headName: "Nguyễn Thị Lân", address: "Tổ 1" }));
    await createHousehold(w.actors.officer, householdInput(w.hamletB.id, { headName: "Nguyễn Thị Lan", address: "Tổ 1" }));
    expect(await db.household.count({ where: { address: "Tổ 1" } })).toBe(3);
    expect(await db.auditLog.count()).toBe(2);
  });

  it("keeps one household when the same one is submitted twice at once (the unique index decides)", async () => {
    const input = householdInput(w.hamletA.id, { headName: "Vi Văn Đôi", address: "Tổ 9" });
    const results = await Promise.allSettled([createHousehold(w.actors.officer, input), createHousehold(w.actors.headA, input)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await countRows()).toEqual({ households: 1, members: 1 + input.members.length, audits: 1 });
  });

  it("rolls the household and members back when the audit row cannot be written", async () => {
    // An actor whose username is missing makes the AuditLog insert (actorUsername NOT NULL) fail last in the transaction.
    const broken = { ...w.actors.officer, username: null as unknown as string };
    const before = await countRows();
    await expect(createHousehold(broken, householdInput(w.hamletA.id))).rejects.toThrow();
    expect(await countRows()).toEqual(before);
  });
});

describe("updateHousehold", () => {
  it("changes the row, bumps the version, replaces members and audits before and after", async () => {
    const h = await makeHousehold(w.hamletA, { headName: "Lò Văn Cũ", address: "Tổ 2", members: [{ fullName: "Lò Thị Cũ", relationship: "SPOUSE" }] });
    const input = householdInput(w.hamletA.id, { headName: "Lò Văn Mới", address: "Tổ 2", members: [{ fullName: "Lò Văn Út", birthYear: 2010, relationship: "CHILD" }] });
    await updateHousehold(w.actors.officer, h.id, h.version, input);

    const after = await db.household.findUniqueOrThrow({ where: { id: h.id }, include: { members: { orderBy: { position: "asc" } } } });
    expect(after).toMatchObject({ headName: "Lò Văn Mới", version: h.version + 1, searchText: "lo van moi to 2 0912345678" });
    expect(after.members.map((m) => [m.fullName, m.relationship])).toEqual([["Lò Văn Mới", "HEAD"], ["Lò Văn Út", "CHILD"]]);

    const audits = await db.auditLog.findMany();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: "household.update",
      entityId: h.id,
      actorId: w.actors.officer.id,
      before: { headName: "Lò Văn Cũ", members: [{ fullName: "Lò Thị Cũ", relationship: "SPOUSE" }] },
      after: { headName: "Lò Văn Mới", members: [{ fullName: "Lò Văn Út", birthYear: 2010, relationship: "CHILD" }] },
    });
  });

  it("refuses a stale version with the stale message and changes nothing", async () => {
    const h = await makeHousehold(w.hamletA, { headName: "Đinh Văn Gốc" });
    await updateHousehold(w.actors.officer, h.id, h.version, householdInput(w.hamletA.id, { headName: "Đinh Văn Một" }));
    const current = await db.household.findUniqueOrThrow({ where: { id: h.id }, include: { members: true } });
    const before = await countRows();

    // A second editor still holds the form at the old version.
    await expect(updateHousehold(w.actors.headA, h.id, h.version, householdInput(w.hamletA.id, { headName: "Đinh Văn Hai" }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: MSG.stale,
    });
    expect(await countRows()).toEqual(before);
    expect(await db.household.findUniqueOrThrow({ where: { id: h.id }, include: { members: true } })).toEqual(current);
  });

  it("two people saving the same household at the same version at once: the second is refused, nothing overwritten", async () => {
    const h = await makeHousehold(w.hamletA, { headName: "Đinh Văn Gốc", members: [{ fullName: "Đinh Thị Gốc", relationship: "SPOUSE" }] });
    const edits = [
      householdInput(w.hamletA.id, { headName: "Đinh Văn Cán Bộ", address: "Tổ 1", members: [{ fullName: "Đinh Thị Một", relationship: "SPOUSE" }] }),
      householdInput(w.hamletA.id, { headName: "Đinh Văn Trưởng Xóm", address: "Tổ 2", members: [{ fullName: "Đinh Văn Hai", relationship: "CHILD" }] }),
    ];
    const results = await Promise.allSettled([updateHousehold(w.actors.officer, h.id, h.version, edits[0]!), updateHousehold(w.actors.headA, h.id, h.version, edits[1]!)]);
    const winner = results.findIndex((r) => r.status === "fulfilled");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results[1 - winner] as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "CONFLICT", message: MSG.stale });
    expect(MSG.stale).toMatch(/^Dữ liệu đã thay đổi/);

    // The row and its members are the winner's, whole; the loser's members were not mixed in.
    const won = edits[winner]!;
    const after = await db.household.findUniqueOrThrow({ where: { id: h.id }, include: { members: { orderBy: { position: "asc" } } } });
    expect(after).toMatchObject({ headName: won.headName, address: won.address, version: h.version + 1 });
    expect(after.members.map((m) => m.fullName)).toEqual([won.headName, won.members[0]!.fullName]);
    const audits = await db.auditLog.findMany();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "household.update", entityId: h.id, actorId: (winner === 0 ? w.actors.officer : w.actors.headA).id });
    expect(audits[0]!.after).toMatchObject({ headName: won.headName });
  });

  it("refuses to turn a household into a duplicate of another, and changes nothing", async () => {
    await makeHousehold(w.hamletA, { headName: "Hà Văn Một", address: "Tổ 5" });
    const h = await makeHousehold(w.hamletA, { headName: "Hà Văn Hai", address: "Tổ 5" });
    const before = await countRows();
    await expect(updateHousehold(w.actors.officer, h.id, h.version, householdInput(w.hamletA.id, { headName: "Hà Văn Một", address: "Tổ 5" }))).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { headName: [HOUSEHOLD_MSG.duplicate("Hà Văn Một")] },
    });
    expect(await countRows()).toEqual(before);
    expect((await db.household.findUniqueOrThrow({ where: { id: h.id } })).headName).toBe("Hà Văn Hai");
  });
});

describe("the audit log is append-only", () => {
  beforeEach(async () => {
    await createHousehold(w.actors.officer, householdInput(w.hamletA.id));
  });

  it("refuses UPDATE", async () => {
    await expect(db.$executeRawUnsafe(`UPDATE "AuditLog" SET "action" = 'tampered'`)).rejects.toThrow(/append-only/);
    expect(await db.auditLog.findMany({ select: { action: true } })).toEqual([{ action: "household.create" }]);
  });

  it("refuses DELETE", async () => {
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
    expect(await db.auditLog.count()).toBe(1);
  });

  it("refuses changes through the Prisma client too", async () => {
    const row = await db.auditLog.findFirstOrThrow();
    await expect(db.auditLog.update({ where: { id: row.id }, data: { actorUsername: "someone-else" } })).rejects.toThrow();
    await expect(db.auditLog.deleteMany({})).rejects.toThrow();
    expect(await db.auditLog.findFirstOrThrow()).toEqual(row);
  });
});
