import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEMO_USERS, seedDemo } from "@/prisma/seed";
import { resetDb } from "../factories";

beforeEach(resetDb);

async function counts() {
  const [communes, hamlets, links, households, members, agencies, users, audits] = await Promise.all([
    db.commune.count(), db.hamlet.count(), db.hamletCommuneLink.count(), db.household.count(), db.householdMember.count(),
    db.agency.count(), db.user.count(), db.auditLog.count(),
  ]);
  return { communes, hamlets, links, households, members, agencies, users, audits };
}

describe("seedDemo", () => {
  it("loads Kim Phượng into an empty database, and a second call writes nothing", { timeout: 120_000 }, async () => {
    const first = await seedDemo(db);
    expect(first.seeded).toBe(true);

    const hamlets = await db.hamlet.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
    expect(hamlets).toHaveLength(14);
    const banLac = hamlets.find((h) => h.name === "Bản Lác");
    expect(banLac).toBeDefined();

    const perHamlet = await db.household.groupBy({ by: ["hamletId"], _count: { _all: true } });
    expect(perHamlet).toHaveLength(14);
    for (const row of perHamlet) {
      expect(row._count._all).toBeGreaterThanOrEqual(80);
      expect(row._count._all).toBeLessThanOrEqual(110);
    }

    const users = await db.user.findMany({ select: { username: true, role: true, hamletId: true, isActive: true }, orderBy: { username: "asc" } });
    expect(users.map((u) => u.username).sort()).toEqual(DEMO_USERS.map((u) => u.username).sort());
    expect(users.map((u) => u.username).sort()).toEqual(["admin", "bcd", "canbo", "lanhdao", "truongxom"]);
    expect(users.find((u) => u.username === "truongxom")).toEqual({ username: "truongxom", role: "HAMLET_HEAD", hamletId: banLac!.id, isActive: true });
    for (const u of users.filter((u) => u.username !== "truongxom")) expect(u.hamletId).toBeNull();

    const before = await counts();
    expect(before).toMatchObject({ communes: 1, hamlets: 14, links: 14, households: first.households, members: first.members, users: 5 });

    const second = await seedDemo(db);
    expect(second.seeded).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
