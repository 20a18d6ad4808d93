import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import { getRegistrationBoard, registrationCounts } from "@/lib/registration/queries";
import { registrationLockedMessage } from "@/lib/registration/rules";
import { registerAll, registerHousehold, unregisterHousehold } from "@/lib/registration/service";
import type { ReviewStatus } from "@/lib/generated/prisma/enums";
import { makeActor, makeHousehold, makeWorld, resetDb, type World } from "../factories";
import { makeCampaignYear, type YearRow } from "../factories/cycle";

// Registration of a hamlet's households for a year, through the services and queries, against the database.

const TODAY = utcDate(2024, 6, 15);
const ON = { registeredOn: utcDate(2024, 3, 1) };

let w: World;
let year: YearRow;
let a1: Awaited<ReturnType<typeof makeHousehold>>;
let a2: Awaited<ReturnType<typeof makeHousehold>>;
let a3: Awaited<ReturnType<typeof makeHousehold>>;
let aMoved: Awaited<ReturnType<typeof makeHousehold>>;
let b1: Awaited<ReturnType<typeof makeHousehold>>;

beforeEach(async () => {
  await resetDb();
  w = await makeWorld();
  year = await makeCampaignYear(w.commune.id, 2024);
  a1 = await makeHousehold(w.hamletA, { headName: "Nguyễn Văn Bình" });
  a2 = await makeHousehold(w.hamletA, { headName: "Trần Thị An" });
  a3 = await makeHousehold(w.hamletA, { headName: "Lê Văn Cường" });
  aMoved = await makeHousehold(w.hamletA, { headName: "Hà Văn Đi", status: "MOVED_OUT" });
  b1 = await makeHousehold(w.hamletB, { headName: "Phạm Văn Bắc" });
  await makeHousehold(w.hamletB, { headName: "Vũ Thị Bông" });
});

async function counts() {
  const [registrations, audits] = await Promise.all([db.registration.count(), db.auditLog.count()]);
  return { registrations, audits };
}

/** A hamlet review row as the meeting service would leave it, in `status`. */
async function makeReview(hamletId: string, status: ReviewStatus) {
  return db.hamletReview.create({
    data: {
      communeId: w.commune.id, campaignYearId: year.id, hamletId, status,
      meetingDate: utcDate(2024, 11, 10), meetingPlace: "Nhà văn hóa xóm", chairName: "Trưởng Xóm", secretaryName: "Thư Ký",
      invitedCount: 20, presentCount: 15, totalHouseholds: 3, ballotMethod: "SHOW_OF_HANDS", isQuorate: true,
      quorumNote: "15/20", ruleSetId: year.ruleSetId, criteriaSetId: year.criteriaSetId,
    },
  });
}

const byHamlet = (rows: { hamletId: string; active: number; registered: number }[]) => Object.fromEntries(rows.map((r) => [r.hamletId, r]));

describe("registering every active household", () => {
  it("registers the active households once, with the chosen date, and one audit row with the count", async () => {
    expect(await registerAll(w.actors.headA, year.id, w.hamletA.id, ON, TODAY)).toEqual({ count: 3 });
    const rows = await db.registration.findMany({ orderBy: { householdId: "asc" } });
    expect(rows.map((r) => r.householdId).sort()).toEqual([a1.id, a2.id, a3.id].sort());
    for (const r of rows) {
      expect(r).toMatchObject({ campaignYearId: year.id, hamletId: w.hamletA.id, communeId: w.commune.id, registeredOn: ON.registeredOn, createdById: w.actors.headA.id });
    }
    const audits = await db.auditLog.findMany();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: "registration.registerAll", entityType: "Hamlet", entityId: w.hamletA.id, actorId: w.actors.headA.id,
      after: { year: 2024, campaignYearId: year.id, registeredOn: "2024-03-01", count: 3 },
    });
  });

  it("is idempotent: a second run adds nothing and writes no audit row", async () => {
    await registerAll(w.actors.headA, year.id, w.hamletA.id, ON, TODAY);
    const before = await counts();
    expect(await registerAll(w.actors.headA, year.id, w.hamletA.id, { registeredOn: utcDate(2024, 5, 5) }, TODAY)).toEqual({ count: 0 });
    expect(await counts()).toEqual(before);
    // Dates already recorded stay as they were.
    expect(new Set((await db.registration.findMany()).map((r) => r.registeredOn.toISOString()))).toEqual(new Set([ON.registeredOn.toISOString()]));
  });

  it("adds only the missing households after some were registered one by one", async () => {
    await registerHousehold(w.actors.officer, year.id, a2.id, { registeredOn: utcDate(2024, 2, 2) }, TODAY);
    expect(await registerAll(w.actors.officer, year.id, w.hamletA.id, ON, TODAY)).toEqual({ count: 2 });
    expect((await db.registration.findUniqueOrThrow({ where: { campaignYearId_householdId: { campaignYearId: year.id, householdId: a2.id } } })).registeredOn)
      .toEqual(utcDate(2024, 2, 2));
  });

  it("counts per hamlet in the database: active households and the registered ones among them", async () => {
    await registerAll(w.actors.headA, year.id, w.hamletA.id, ON, TODAY);
    await registerHousehold(w.actors.officer, year.id, b1.id, ON, TODAY);
    // A registration of a household that has since moved out does not count.
    await db.registration.create({
      data: { communeId: w.commune.id, campaignYearId: year.id, householdId: aMoved.id, hamletId: w.hamletA.id, registeredOn: ON.registeredOn },
    });
    const all = await registrationCounts(w.actors.officer, year.id);
    expect(all).toHaveLength(2);
    expect(byHamlet(all)).toEqual({
      [w.hamletA.id]: { hamletId: w.hamletA.id, active: 3, registered: 3 },
      [w.hamletB.id]: { hamletId: w.hamletB.id, active: 2, registered: 1 },
    });
    expect(byHamlet(await registrationCounts(w.actors.committee, year.id))).toEqual(byHamlet(all));
    expect(await registrationCounts(w.actors.headA, year.id)).toEqual([{ hamletId: w.hamletA.id, active: 3, registered: 3 }]);
    expect(await registrationCounts(w.actors.admin, year.id)).toEqual([]);
    expect(await registrationCounts(w.actors.otherOfficer, year.id)).toEqual([]);
    expect(await registrationCounts(w.actors.officer, "not-a-uuid")).toEqual([]);
  });

  it("lists the hamlet's active households in Vietnamese name order with their registration", async () => {
    await registerHousehold(w.actors.headA, year.id, a1.id, ON, TODAY);
    const board = await getRegistrationBoard(w.actors.headA, year.id, w.hamletA.id);
    expect(board).toMatchObject({ reviewStatus: null, isOpen: true, active: 3, registered: 1, hamlet: { id: w.hamletA.id } });
    expect(board!.households.map((h) => [h.headName, h.registeredOn])).toEqual([
      ["Trần Thị An", null],
      ["Nguyễn Văn Bình", ON.registeredOn],
      ["Lê Văn Cường", null],
    ]);
    expect(await getRegistrationBoard(w.actors.headA, year.id, w.hamletB.id)).toBeNull();
    expect(await getRegistrationBoard(w.actors.otherOfficer, year.id, w.hamletA.id)).toBeNull();
    expect(await getRegistrationBoard(w.actors.admin, year.id, w.hamletA.id)).toBeNull();
  });
});

describe("the registration date", () => {
  it.each([
    [utcDate(2023, 12, 31), "Ngày đăng ký phải nằm trong năm thi đua 2024 (từ 01/01/2024 đến 31/12/2024)."],
    [utcDate(2025, 1, 1), "Ngày đăng ký phải nằm trong năm thi đua 2024 (từ 01/01/2024 đến 31/12/2024)."],
    [utcDate(2024, 6, 16), "Ngày đăng ký không được sau ngày hôm nay (15/06/2024)."],
  ])("%s is refused with a field error and nothing is written", async (registeredOn, message) => {
    const before = await counts();
    const refusal = { code: "INVALID_INPUT", fieldErrors: { registeredOn: [message] } };
    await expect(registerAll(w.actors.headA, year.id, w.hamletA.id, { registeredOn }, TODAY)).rejects.toMatchObject(refusal);
    await expect(registerHousehold(w.actors.headA, year.id, a1.id, { registeredOn }, TODAY)).rejects.toMatchObject(refusal);
    expect(await counts()).toEqual(before);
  });

  it("accepts the first day of the year and today", async () => {
    await registerHousehold(w.actors.headA, year.id, a1.id, { registeredOn: utcDate(2024, 1, 1) }, TODAY);
    await registerHousehold(w.actors.headA, year.id, a2.id, { registeredOn: TODAY }, TODAY);
    expect(await db.registration.count()).toBe(2);
  });
});

describe("registering and unregistering one household", () => {
  it("registers, refuses a repeat, unregisters with the removed row in the audit, refuses a repeat", async () => {
    await registerHousehold(w.actors.headA, year.id, a1.id, ON, TODAY);
    await expect(registerHousehold(w.actors.headA, year.id, a1.id, ON, TODAY)).rejects.toMatchObject({ code: "CONFLICT" });
    await unregisterHousehold(w.actors.headA, year.id, a1.id);
    expect(await db.registration.count()).toBe(0);
    await expect(unregisterHousehold(w.actors.headA, year.id, a1.id)).rejects.toMatchObject({ code: "CONFLICT" });
    const audits = await db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["registration.create", "registration.delete"]);
    expect(audits[0]).toMatchObject({ entityType: "Household", entityId: a1.id, after: { year: 2024, registeredOn: "2024-03-01", hamletId: w.hamletA.id } });
    expect(audits[1]).toMatchObject({ entityType: "Household", entityId: a1.id, before: { year: 2024, registeredOn: "2024-03-01", createdById: w.actors.headA.id } });
  });

  it("registers only households that live in the hamlet now", async () => {
    const before = await counts();
    await expect(registerHousehold(w.actors.officer, year.id, aMoved.id, ON, TODAY)).rejects.toMatchObject({ code: "RULE_VIOLATION", message: "Chỉ đăng ký được hộ đang cư trú." });
    expect(await counts()).toEqual(before);
  });
});

describe("once the hamlet's list is posted", () => {
  it.each(["NOTICE", "SUBMITTED", "ACCEPTED", "DECIDED"] as const)("in %s, every change is refused and nothing is written", async (status) => {
    await registerHousehold(w.actors.headA, year.id, a1.id, ON, TODAY);
    await makeReview(w.hamletA.id, status);
    const before = await counts();
    const refusal = { code: "RULE_VIOLATION", message: registrationLockedMessage(status) };
    await expect(registerAll(w.actors.headA, year.id, w.hamletA.id, ON, TODAY)).rejects.toMatchObject(refusal);
    await expect(registerHousehold(w.actors.officer, year.id, a2.id, ON, TODAY)).rejects.toMatchObject(refusal);
    await expect(unregisterHousehold(w.actors.headA, year.id, a1.id)).rejects.toMatchObject(refusal);
    expect(await counts()).toEqual(before);
    expect(await getRegistrationBoard(w.actors.headA, year.id, w.hamletA.id)).toMatchObject({ reviewStatus: status, isOpen: false });
    // Another hamlet's dossier is not affected.
    expect(await registerAll(w.actors.officer, year.id, w.hamletB.id, ON, TODAY)).toEqual({ count: 2 });
  });

  it.each(["MEETING", "RETURNED"] as const)("in %s, changes are still allowed", async (status) => {
    await makeReview(w.hamletA.id, status);
    expect(await registerAll(w.actors.headA, year.id, w.hamletA.id, ON, TODAY)).toEqual({ count: 3 });
    await unregisterHousehold(w.actors.headA, year.id, a1.id);
    expect(await db.registration.count()).toBe(2);
  });
});

describe("who may register", () => {
  it("a hamlet head of another hamlet gets NOT_FOUND and nothing is written", async () => {
    await registerHousehold(w.actors.officer, year.id, b1.id, ON, TODAY);
    const before = await counts();
    await expect(registerAll(w.actors.headA, year.id, w.hamletB.id, ON, TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(registerHousehold(w.actors.headA, year.id, b1.id, ON, TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(unregisterHousehold(w.actors.headA, year.id, b1.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
  });

  it("a hamlet head with no hamlet, and an officer of another commune, get NOT_FOUND", async () => {
    const unbound = await makeActor("HAMLET_HEAD", { communeId: w.commune.id, hamletId: null });
    const before = await counts();
    for (const actor of [unbound, w.actors.otherOfficer]) {
      await expect(registerAll(actor, year.id, w.hamletA.id, ON, TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(registerHousehold(actor, year.id, a1.id, ON, TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await counts()).toEqual(before);
  });

  it.each(["leader", "committee"] as const)("the %s reads but may not change", async (who) => {
    await registerHousehold(w.actors.officer, year.id, a1.id, ON, TODAY);
    const before = await counts();
    await expect(registerAll(w.actors[who], year.id, w.hamletA.id, ON, TODAY)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(registerHousehold(w.actors[who], year.id, a2.id, ON, TODAY)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(unregisterHousehold(w.actors[who], year.id, a1.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await counts()).toEqual(before);
    expect(await getRegistrationBoard(w.actors[who], year.id, w.hamletA.id)).toMatchObject({ registered: 1, active: 3 });
  });

  it("ids that are not uuids name nothing", async () => {
    await expect(registerAll(w.actors.officer, "x", w.hamletA.id, ON, TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(registerAll(w.actors.officer, year.id, "x", ON, TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(registerHousehold(w.actors.officer, year.id, "x", ON, TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
