import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { HOUSEHOLD_MSG } from "@/lib/households/labels";
import { getHousehold, listHouseholds } from "@/lib/households/queries";
import { createHousehold, updateHousehold } from "@/lib/households/service";
import { listHamletOptions, listHamletSummaries } from "@/lib/hamlets/queries";
import { MSG } from "@/lib/result";
import { countRows, householdInput, makeActor, makeHousehold, makeWorld, resetDb, type World } from "../factories";

// Who sees and changes which households, end to end through the queries and services.

let w: World;
let inA: Awaited<ReturnType<typeof makeHousehold>>;
let inB: Awaited<ReturnType<typeof makeHousehold>>;
let inZ: Awaited<ReturnType<typeof makeHousehold>>;

beforeEach(async () => {
  await resetDb();
  w = await makeWorld();
  inA = await makeHousehold(w.hamletA, { headName: "Hoàng Văn Ân" });
  inB = await makeHousehold(w.hamletB, { headName: "Hoàng Văn Bảo" });
  inZ = await makeHousehold(w.hamletZ, { headName: "Hoàng Văn Zung" });
});

const ids = (page: { items: { id: string }[] }) => page.items.map((r) => r.id).sort();

describe("a hamlet head", () => {
  it("reads households of their own hamlet only", async () => {
    expect(await getHousehold(w.actors.headA, inA.id)).toMatchObject({ id: inA.id, headName: "Hoàng Văn Ân" });
    expect(await getHousehold(w.actors.headA, inB.id)).toBeNull();
    expect(await getHousehold(w.actors.headA, inZ.id)).toBeNull();
  });

  it("never lists another hamlet's households", async () => {
    expect(ids(await listHouseholds(w.actors.headA, { page: 1 }))).toEqual([inA.id]);
    expect(ids(await listHouseholds(w.actors.headA, { page: 1, q: "hoang van" }))).toEqual([inA.id]);
    expect(ids(await listHouseholds(w.actors.headA, { page: 1, hamletId: w.hamletA.id }))).toEqual([inA.id]);
  });

  // The list page passes ?hamlet=<id> straight into this filter: it must narrow the scope, never replace it.
  it("gets nothing when the hamlet filter names another hamlet", async () => {
    const asked = await listHouseholds(w.actors.headA, { page: 1, hamletId: w.hamletB.id });
    expect(asked.items).toEqual([]);
    expect(asked.total).toBe(0);
  });

  it("sees only their own hamlet in pickers and summaries", async () => {
    expect(await listHamletOptions(w.actors.headA)).toEqual([{ value: w.hamletA.id, label: w.hamletA.name }]);
    expect((await listHamletSummaries(w.actors.headA)).map((h) => h.id)).toEqual([w.hamletA.id]);
  });

  it("cannot update another hamlet's household, and nothing is written", async () => {
    const before = await countRows();
    const original = await db.household.findUniqueOrThrow({ where: { id: inB.id } });
    await expect(updateHousehold(w.actors.headA, inB.id, inB.version, householdInput(w.hamletB.id))).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: MSG.notFound,
    });
    // Not by moving it into their own hamlet either.
    await expect(updateHousehold(w.actors.headA, inB.id, inB.version, householdInput(w.hamletA.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await countRows()).toEqual(before);
    expect(await db.household.findUniqueOrThrow({ where: { id: inB.id } })).toEqual(original);
  });

  it("cannot move their own household into another hamlet", async () => {
    const before = await countRows();
    await expect(updateHousehold(w.actors.headA, inA.id, inA.version, householdInput(w.hamletB.id))).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: HOUSEHOLD_MSG.hamletOutOfScope,
      fieldErrors: { hamletId: [HOUSEHOLD_MSG.hamletOutOfScope] },
    });
    expect(await countRows()).toEqual(before);
    expect((await db.household.findUniqueOrThrow({ where: { id: inA.id } })).hamletId).toBe(w.hamletA.id);
  });

  it("cannot create a household in another hamlet, and nothing is written", async () => {
    const before = await countRows();
    await expect(createHousehold(w.actors.headA, householdInput(w.hamletB.id))).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: HOUSEHOLD_MSG.hamletOutOfScope,
      fieldErrors: { hamletId: [HOUSEHOLD_MSG.hamletOutOfScope] },
    });
    expect(await countRows()).toEqual(before);
  });

  it("creates and updates households in their own hamlet", async () => {
    const created = await createHousehold(w.actors.headA, householdInput(w.hamletA.id, { headName: "Lò Văn Mới" }));
    expect(await getHousehold(w.actors.headA, created.id)).toMatchObject({ headName: "Lò Văn Mới", hamletId: w.hamletA.id });
    await updateHousehold(w.actors.headA, inA.id, inA.version, householdInput(w.hamletA.id, { headName: "Hoàng Văn Ân Sửa" }));
    expect(await getHousehold(w.actors.headA, inA.id)).toMatchObject({ headName: "Hoàng Văn Ân Sửa", version: inA.version + 1 });
  });

  it("with no hamlet bound, sees and changes nothing", async () => {
    const unbound = await makeActor("HAMLET_HEAD", { communeId: w.commune.id, hamletId: null });
    expect(await getHousehold(unbound, inA.id)).toBeNull();
    expect((await listHouseholds(unbound, { page: 1 })).total).toBe(0);
    expect(await listHamletOptions(unbound)).toEqual([]);
    const before = await countRows();
    await expect(createHousehold(unbound, householdInput(w.hamletA.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateHousehold(unbound, inA.id, inA.version, householdInput(w.hamletA.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await countRows()).toEqual(before);
  });
});

describe("an officer of another commune", () => {
  it("sees nothing of this commune", async () => {
    const other = w.actors.otherOfficer;
    expect(await getHousehold(other, inA.id)).toBeNull();
    expect(await getHousehold(other, inB.id)).toBeNull();
    expect(ids(await listHouseholds(other, { page: 1 }))).toEqual([inZ.id]);
    expect((await listHouseholds(other, { page: 1, hamletId: w.hamletA.id })).total).toBe(0);
    expect((await listHamletOptions(other)).map((h) => h.value)).toEqual([w.hamletZ.id]);
  });

  it("cannot change or add to this commune's households, and nothing is written", async () => {
    const other = w.actors.otherOfficer;
    const before = await countRows();
    await expect(updateHousehold(other, inA.id, inA.version, householdInput(w.hamletA.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A hamlet of another commune is treated as unknown: no hint that it exists.
    await expect(createHousehold(other, householdInput(w.hamletA.id))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { hamletId: ["Xóm không tồn tại."] },
    });
    expect(await countRows()).toEqual(before);
  });
});

describe("commune-wide readers", () => {
  it.each(["leader", "committee", "officer"] as const)("the %s reads every household of the commune", async (who) => {
    const actor = w.actors[who];
    expect(ids(await listHouseholds(actor, { page: 1 }))).toEqual([inA.id, inB.id].sort());
    expect(await getHousehold(actor, inB.id)).toMatchObject({ id: inB.id });
    expect(await getHousehold(actor, inZ.id)).toBeNull();
  });

  it.each(["leader", "committee"] as const)("the %s cannot create or update households", async (who) => {
    const actor = w.actors[who];
    const before = await countRows();
    await expect(createHousehold(actor, householdInput(w.hamletA.id))).rejects.toMatchObject({ code: "FORBIDDEN", message: MSG.forbidden });
    await expect(updateHousehold(actor, inA.id, inA.version, householdInput(w.hamletA.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await countRows()).toEqual(before);
  });

  it("the admin manages users, not households: reads nothing and writes nothing", async () => {
    const admin = w.actors.admin;
    expect((await listHouseholds(admin, { page: 1 })).total).toBe(0);
    expect(await getHousehold(admin, inA.id)).toBeNull();
    const before = await countRows();
    await expect(createHousehold(admin, householdInput(w.hamletA.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await countRows()).toEqual(before);
  });

  it("the officer creates households in any hamlet of the commune", async () => {
    const created = await createHousehold(w.actors.officer, householdInput(w.hamletB.id));
    expect(await db.household.findUniqueOrThrow({ where: { id: created.id }, select: { communeId: true, hamletId: true } })).toEqual({
      communeId: w.commune.id,
      hamletId: w.hamletB.id,
    });
  });
});
