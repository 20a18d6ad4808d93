import { beforeAll, describe, expect, it } from "vitest";
import { communeProgress, listProvinceYears, provinceProgress } from "@/lib/dashboard/figures";
import { db } from "@/lib/db";
import { ACTOR_SELECT, actorOf, provinceScope, type Actor } from "@/lib/policy";
import { listHamletSummaries } from "@/lib/hamlets/queries";
import { listHouseholds } from "@/lib/households/queries";
import { seedDemo } from "@/prisma/seed";
import { PROVINCE_FLOOR_SQL } from "../../bench/floors";
import { makeCampaignYear } from "../factories/cycle";
import { makeHouseholdAwards } from "../factories/hamlet-title";
import { makeCommune, makeHamlet, makeHousehold, resetDb } from "../factories";

// The province roll-up for a province viewer: the demo commune (Thái Nguyên) and a second commune of the province,
// and a commune of another province that must not appear. Its figures must equal each commune's own dashboard
// figures and the same rates counted by one SQL statement over the raw rows (the benchmark's floor).

let provinceViewer: Actor;
let second: { id: string; name: string };

beforeAll(async () => {
  await resetDb();
  await seedDemo(db);
  provinceViewer = actorOf(await db.user.findUniqueOrThrow({ where: { username: "tinh" }, select: ACTOR_SELECT }))!;
  second = await makeCommune({ name: "Ân Thịnh" });
  const hamlet = await makeHamlet(second.id, { name: "Xóm Ngòi" });
  const households = [];
  for (let i = 0; i < 6; i++) households.push(await makeHousehold(hamlet));
  const year = await makeCampaignYear(second.id, 2024);
  await makeHouseholdAwards(year, households.slice(0, 4), { cancelled: [households[3]!.id] });
  const elsewhere = await db.commune.create({ data: { name: "Bình Minh", province: "Tuyên Quang", validFrom: new Date("2025-07-01") }, select: { id: true } });
  await makeCampaignYear(elsewhere.id, 2024);
}, 120_000);

describe("provinceProgress", () => {
  it("lists every current commune of the province with a year, by name, and none of another province", async () => {
    const p = await provinceProgress("Thái Nguyên", 2024);
    expect(p.communes.map((c) => c.name)).toEqual(["Ân Thịnh", "Kim Phượng"]);
    expect(await listProvinceYears("Thái Nguyên")).toEqual([2024, 2023, 2022]);
    expect((await provinceProgress("Thái Nguyên", 2031)).communes).toEqual([]);
  });

  it("gives each commune the rates of its own dashboard figures", async () => {
    const p = await provinceProgress("Thái Nguyên", 2024);
    for (const c of p.communes) {
      const own = (await communeProgress(c.id, 2024))!;
      expect({ households: c.households, hamlets: c.hamlets, agencies: c.agencies }).toEqual({
        households: { total: own.households.total, recognised: own.households.recognised, rate: own.households.rate },
        hamlets: { total: own.hamlets.total, recognised: own.hamlets.recognised, rate: own.hamlets.rate },
        agencies: { total: own.agencies.total, recognised: own.agencies.recognised, rate: own.agencies.rate },
      });
    }
    const an = p.communes.find((c) => c.id === second.id)!;
    expect(an.households).toEqual({ total: 6, recognised: 3, rate: 50 });
  });

  it("equals the raw-row SQL for every commune, and sums the province totals", async () => {
    const p = await provinceProgress("Thái Nguyên", 2024);
    const raw = await db.$queryRawUnsafe<{ id: string; householdsTotal: number; householdsRecognised: number; hamletsTotal: number; hamletsRecognised: number; agenciesTotal: number; agenciesRecognised: number }[]>(
      PROVINCE_FLOOR_SQL, "Thái Nguyên", 2024,
    );
    expect(p.communes.map((c) => [c.id, c.households.total, c.households.recognised, c.hamlets.total, c.hamlets.recognised, c.agencies.total, c.agencies.recognised]))
      .toEqual(raw.map((r) => [r.id, r.householdsTotal, r.householdsRecognised, r.hamletsTotal, r.hamletsRecognised, r.agenciesTotal, r.agenciesRecognised]));
    expect(p.totals.households.total).toBe(raw.reduce((s, r) => s + r.householdsTotal, 0));
    expect(p.totals.households.recognised).toBe(raw.reduce((s, r) => s + r.householdsRecognised, 0));
  });
});

describe("the province viewer", () => {
  it("reads their province's roll-up and nothing of any commune", async () => {
    expect(provinceViewer).toMatchObject({ role: "PROVINCE", province: "Thái Nguyên" });
    expect(provinceScope(provinceViewer)).toBe("Thái Nguyên");
    expect(await listHamletSummaries(provinceViewer)).toEqual([]);
    expect((await listHouseholds(provinceViewer, { page: 1 })).total).toBe(0);
  });

  it("cannot be stored with a commune, and commune users cannot be stored without one", async () => {
    const commune = await db.commune.findFirstOrThrow({ select: { id: true } });
    await expect(db.user.create({ data: { username: "tinh2", fullName: "X", passwordHash: "x", role: "PROVINCE", province: "Thái Nguyên", communeId: commune.id } }))
      .rejects.toThrow();
    await expect(db.user.create({ data: { username: "canbo2", fullName: "X", passwordHash: "x", role: "OFFICER" } })).rejects.toThrow();
    await expect(db.user.create({ data: { username: "canbo3", fullName: "X", passwordHash: "x", role: "OFFICER", communeId: commune.id, province: "Thái Nguyên" } }))
      .rejects.toThrow();
    expect(await db.user.count({ where: { username: { in: ["tinh2", "canbo2", "canbo3"] } } })).toBe(0);
  });
});
