import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { HAMLET_MSG } from "@/lib/hamlets/labels";
import { getHamlet, listHamlets } from "@/lib/hamlets/queries";
import type { HamletInput } from "@/lib/hamlets/schema";
import { createHamlet, updateHamlet } from "@/lib/hamlets/service";
import { MSG } from "@/lib/result";
import { makeWorld, resetDb, type World } from "../factories";

// Hamlets: only an officer writes, inside their own commune; every change is audited in its transaction.

let w: World;
beforeEach(async () => {
  await resetDb();
  w = await makeWorld();
});

const input = (overrides: Partial<HamletInput> = {}): HamletInput => ({
  name: "Nà Mòn",
  kind: "BAN",
  headName: "Nông Văn Dũng",
  frontTeamHeadName: undefined,
  hasCulturalHouse: true,
  ...overrides,
});

async function counts() {
  const [hamlets, links, audits] = await Promise.all([db.hamlet.count(), db.hamletCommuneLink.count(), db.auditLog.count()]);
  return { hamlets, links, audits };
}

describe("createHamlet", () => {
  it("adds the hamlet, opens its commune link and writes one audit row", async () => {
    const { id } = await createHamlet(w.actors.officer, input());
    expect(await db.hamlet.findUniqueOrThrow({ where: { id } })).toMatchObject({
      communeId: w.commune.id, name: "Nà Mòn", kind: "BAN", headName: "Nông Văn Dũng", frontTeamHeadName: null,
      hasCulturalHouse: true, version: 1, searchText: "na mon nong van dung",
    });
    const links = await db.hamletCommuneLink.findMany({ where: { hamletId: id } });
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ communeId: w.commune.id, validTo: null });

    const audits = await db.auditLog.findMany();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      communeId: w.commune.id, actorId: w.actors.officer.id, actorUsername: w.actors.officer.username,
      action: "hamlet.create", entityType: "Hamlet", entityId: id,
      after: { communeId: w.commune.id, name: "Nà Mòn", kind: "BAN", headName: "Nông Văn Dũng", hasCulturalHouse: true },
    });
  });

  it.each(["admin", "leader", "committee", "headA"] as const)("refuses the %s, writing nothing", async (who) => {
    const before = await counts();
    await expect(createHamlet(w.actors[who], input())).rejects.toMatchObject({ code: "FORBIDDEN", message: MSG.forbidden });
    expect(await counts()).toEqual(before);
  });

  it("refuses a name the commune already has, writing nothing", async () => {
    const before = await counts();
    const message = HAMLET_MSG.duplicateName(w.hamletA.name);
    await expect(createHamlet(w.actors.officer, input({ name: w.hamletA.name }))).rejects.toMatchObject({
      code: "CONFLICT",
      message,
      fieldErrors: { name: [message] },
    });
    expect(await counts()).toEqual(before);
  });

  it("allows a name that only another commune uses", async () => {
    await createHamlet(w.actors.officer, input({ name: w.hamletZ.name }));
    expect(await db.hamlet.count({ where: { name: w.hamletZ.name } })).toBe(2);
  });
});

describe("updateHamlet", () => {
  const versionOf = async (id: string) => (await db.hamlet.findUniqueOrThrow({ where: { id } })).version;

  it("saves, bumps the version and audits before and after", async () => {
    await updateHamlet(w.actors.officer, w.hamletA.id, 1, input({ name: "Xóm Đổi Tên" }));
    expect(await db.hamlet.findUniqueOrThrow({ where: { id: w.hamletA.id } })).toMatchObject({ name: "Xóm Đổi Tên", version: 2 });
    const audits = await db.auditLog.findMany();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: "hamlet.update", entityId: w.hamletA.id, actorId: w.actors.officer.id,
      before: { name: w.hamletA.name }, after: { name: "Xóm Đổi Tên", kind: "BAN" },
    });
  });

  it("refuses a stale version with the stale message and changes nothing", async () => {
    await updateHamlet(w.actors.officer, w.hamletA.id, 1, input({ name: "Lần Một" }));
    const current = await db.hamlet.findUniqueOrThrow({ where: { id: w.hamletA.id } });
    const before = await counts();
    await expect(updateHamlet(w.actors.officer, w.hamletA.id, 1, input({ name: "Lần Hai" }))).rejects.toMatchObject({ code: "CONFLICT", message: MSG.stale });
    expect(await counts()).toEqual(before);
    expect(await db.hamlet.findUniqueOrThrow({ where: { id: w.hamletA.id } })).toEqual(current);
  });

  it("refuses renaming onto another hamlet's name", async () => {
    const before = await counts();
    await expect(updateHamlet(w.actors.officer, w.hamletA.id, 1, input({ name: w.hamletB.name }))).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { name: [HAMLET_MSG.duplicateName(w.hamletB.name)] },
    });
    expect(await counts()).toEqual(before);
    expect(await versionOf(w.hamletA.id)).toBe(1);
  });

  it("treats another commune's hamlet as missing, and writes nothing", async () => {
    const before = await counts();
    await expect(updateHamlet(w.actors.otherOfficer, w.hamletA.id, 1, input())).rejects.toMatchObject({ code: "NOT_FOUND", message: MSG.notFound });
    await expect(updateHamlet(w.actors.otherOfficer, "not-a-uuid", 1, input())).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
    expect(await versionOf(w.hamletA.id)).toBe(1);
  });

  it("lets a hamlet head read but not edit their own hamlet", async () => {
    const before = await counts();
    await expect(updateHamlet(w.actors.headA, w.hamletA.id, 1, input())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateHamlet(w.actors.headA, w.hamletB.id, 1, input())).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
  });
});

describe("hamlet queries", () => {
  it("a hamlet head sees only their own hamlet", async () => {
    expect((await listHamlets(w.actors.headA, { page: 1 })).items.map((h) => h.id)).toEqual([w.hamletA.id]);
    expect(await getHamlet(w.actors.headA, w.hamletA.id)).toMatchObject({ id: w.hamletA.id });
    expect(await getHamlet(w.actors.headA, w.hamletB.id)).toBeNull();
  });

  it("an officer of another commune sees none of this commune's hamlets", async () => {
    expect((await listHamlets(w.actors.otherOfficer, { page: 1 })).items.map((h) => h.id)).toEqual([w.hamletZ.id]);
    expect(await getHamlet(w.actors.otherOfficer, w.hamletA.id)).toBeNull();
  });

  it("searches names without accents", async () => {
    await createHamlet(w.actors.officer, input({ name: "Đồng Đình", headName: undefined }));
    expect((await listHamlets(w.actors.leader, { page: 1, q: "dong dinh" })).items.map((h) => h.name)).toEqual(["Đồng Đình"]);
  });
});
