import { beforeEach, describe, expect, it } from "vitest";
import { AGENCY_MSG } from "@/lib/agencies/labels";
import { getAgency, listAgencies } from "@/lib/agencies/queries";
import type { AgencyInput } from "@/lib/agencies/schema";
import { createAgency, updateAgency } from "@/lib/agencies/service";
import { db } from "@/lib/db";
import { MSG } from "@/lib/result";
import { makeWorld, resetDb, type World } from "../factories";

// Agencies, units and businesses: officers write, commune-wide roles read, nobody crosses the commune line.

let w: World;
beforeEach(async () => {
  await resetDb();
  w = await makeWorld();
});

const input = (overrides: Partial<AgencyInput> = {}): AgencyInput => ({
  name: "Trường Mầm non Kim Phượng",
  kind: "PUBLIC_UNIT",
  headName: "Hà Thị Lan",
  tradeUnionName: "Công đoàn trường Mầm non",
  headcount: 24,
  ...overrides,
});

async function counts() {
  const [agencies, audits] = await Promise.all([db.agency.count(), db.auditLog.count()]);
  return { agencies, audits };
}

describe("createAgency", () => {
  it("stores the agency and one audit row", async () => {
    const { id } = await createAgency(w.actors.officer, input());
    expect(await db.agency.findUniqueOrThrow({ where: { id } })).toMatchObject({
      communeId: w.commune.id, name: "Trường Mầm non Kim Phượng", kind: "PUBLIC_UNIT", headcount: 24, version: 1,
      searchText: "truong mam non kim phuong ha thi lan cong doan truong mam non",
    });
    const audits = await db.auditLog.findMany();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      communeId: w.commune.id, actorId: w.actors.officer.id, action: "agency.create", entityType: "Agency", entityId: id,
      after: { name: "Trường Mầm non Kim Phượng", headcount: 24 },
    });
  });

  it.each(["admin", "leader", "committee", "headA"] as const)("refuses the %s, writing nothing", async (who) => {
    const before = await counts();
    await expect(createAgency(w.actors[who], input())).rejects.toMatchObject({ code: "FORBIDDEN", message: MSG.forbidden });
    expect(await counts()).toEqual(before);
  });

  it("refuses a duplicate name in the commune, writing nothing", async () => {
    await createAgency(w.actors.officer, input());
    const before = await counts();
    const message = AGENCY_MSG.duplicateName("Trường Mầm non Kim Phượng");
    await expect(createAgency(w.actors.officer, input({ headName: "Người Khác" }))).rejects.toMatchObject({
      code: "CONFLICT",
      message,
      fieldErrors: { name: [message] },
    });
    expect(await counts()).toEqual(before);
    // Another commune may use the same name.
    await createAgency(w.actors.otherOfficer, input());
    expect(await db.agency.count({ where: { name: input().name } })).toBe(2);
  });
});

describe("updateAgency", () => {
  let id: string;
  beforeEach(async () => {
    ({ id } = await createAgency(w.actors.officer, input()));
  });

  it("saves, bumps the version and audits before and after", async () => {
    await updateAgency(w.actors.officer, id, 1, input({ headcount: 30 }));
    expect(await db.agency.findUniqueOrThrow({ where: { id } })).toMatchObject({ headcount: 30, version: 2 });
    const update = await db.auditLog.findFirstOrThrow({ where: { action: "agency.update" } });
    expect(update).toMatchObject({ entityId: id, before: { headcount: 24 }, after: { headcount: 30 } });
  });

  it("refuses a stale version and changes nothing", async () => {
    await updateAgency(w.actors.officer, id, 1, input({ headcount: 30 }));
    const current = await db.agency.findUniqueOrThrow({ where: { id } });
    const before = await counts();
    await expect(updateAgency(w.actors.officer, id, 1, input({ headcount: 99 }))).rejects.toMatchObject({ code: "CONFLICT", message: MSG.stale });
    expect(await counts()).toEqual(before);
    expect(await db.agency.findUniqueOrThrow({ where: { id } })).toEqual(current);
  });

  it("refuses renaming onto another agency's name", async () => {
    await createAgency(w.actors.officer, input({ name: "UBND xã" }));
    const before = await counts();
    await expect(updateAgency(w.actors.officer, id, 1, input({ name: "UBND xã" }))).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { name: [AGENCY_MSG.duplicateName("UBND xã")] },
    });
    expect(await counts()).toEqual(before);
  });

  it("treats the agency as missing for another commune, and as read-only for readers", async () => {
    const before = await counts();
    await expect(updateAgency(w.actors.otherOfficer, id, 1, input({ headcount: 1 }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateAgency(w.actors.leader, id, 1, input({ headcount: 1 }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateAgency(w.actors.headA, id, 1, input({ headcount: 1 }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
    expect((await db.agency.findUniqueOrThrow({ where: { id } })).headcount).toBe(24);
  });
});

describe("agency queries", () => {
  let id: string;
  beforeEach(async () => {
    ({ id } = await createAgency(w.actors.officer, input()));
  });

  it.each(["officer", "leader", "committee"] as const)("the %s reads the commune's agencies", async (who) => {
    expect((await listAgencies(w.actors[who], { page: 1, q: "mam non" })).items.map((a) => a.id)).toEqual([id]);
    expect(await getAgency(w.actors[who], id)).toMatchObject({ id });
  });

  it.each(["admin", "headA", "otherOfficer"] as const)("the %s sees nothing", async (who) => {
    expect((await listAgencies(w.actors[who], { page: 1 })).total).toBe(0);
    expect(await getAgency(w.actors[who], id)).toBeNull();
  });
});
