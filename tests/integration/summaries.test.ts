import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { commitHouseholdImport, stageHouseholdImport } from "@/lib/household-import/service";
import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import { DEFAULT_AWARD_LEGAL_BASIS } from "@/lib/decisions/labels";
import { createAwardDecision, createCancellationDecision, issueDecision } from "@/lib/decisions/service";
import { updateHousehold } from "@/lib/households/service";
import { ACTOR_SELECT, actorOf, type Actor } from "@/lib/policy";
import { registerAll, registerHousehold, unregisterHousehold } from "@/lib/registration/service";
import { assessRemaining, saveMeeting } from "@/lib/review/service";
import { seedDemo } from "@/prisma/seed";
import { resetDb } from "../factories";

// HamletYearSummary is what the dashboards read; database triggers keep it in step inside each writing transaction.
// Here the real use cases run on the demo commune (three years: decided, cancelled, in progress) and after each
// one the summaries must equal the same figures counted from the raw rows, for every hamlet and year.

/** The figures of lib/dashboard/figures.ts counted from the raw rows, per (hamlet, campaign year) with any count. */
async function rawCounts() {
  return db.$queryRaw<{ hamletId: string; campaignYearId: string; registered: number; recognised: number; provisional: number }[]>`
    SELECT hh."hamletId" AS "hamletId", cy."id" AS "campaignYearId",
      COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Registration" r WHERE r."householdId" = hh."id" AND r."campaignYearId" = cy."id"))::int AS "registered",
      COUNT(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM "TitleAward" a JOIN "Decision" d ON d."id" = a."decisionId" AND d."status" = 'ISSUED'
        WHERE a."householdId" = hh."id" AND a."campaignYearId" = cy."id" AND a."status" = 'ACTIVE'))::int AS "recognised",
      COUNT(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM "Assessment" s JOIN "HamletReview" rv ON rv."id" = s."hamletReviewId"
        WHERE s."householdId" = hh."id" AND rv."campaignYearId" = cy."id" AND rv."status" <> 'DECIDED' AND s."result" = 'ACHIEVED')
        AND NOT EXISTS (SELECT 1 FROM "TitleAward" a WHERE a."householdId" = hh."id" AND a."campaignYearId" = cy."id"))::int AS "provisional"
    FROM "Household" hh JOIN "CampaignYear" cy ON cy."communeId" = hh."communeId"
    WHERE hh."status" = 'ACTIVE'
    GROUP BY hh."hamletId", cy."id"`;
}

const key = (r: { hamletId: string; campaignYearId: string }) => `${r.hamletId}/${r.campaignYearId}`;

/** Raw and summary figures side by side; a pair missing on one side counts as zeros there. */
async function compare() {
  const [raw, summary] = await Promise.all([
    rawCounts(),
    db.hamletYearSummary.findMany({ select: { hamletId: true, campaignYearId: true, registered: true, recognised: true, provisional: true } }),
  ]);
  const zero = { registered: 0, recognised: 0, provisional: 0 };
  const keys = new Set([...raw.map(key), ...summary.map(key)]);
  const rawOf = new Map(raw.map((r) => [key(r), r]));
  const summaryOf = new Map(summary.map((r) => [key(r), r]));
  const pick = (r: typeof zero | undefined) => ({ registered: r?.registered ?? 0, recognised: r?.recognised ?? 0, provisional: r?.provisional ?? 0 });
  return {
    raw: Object.fromEntries([...keys].sort().map((k) => [k, pick(rawOf.get(k) ?? zero)])),
    summary: Object.fromEntries([...keys].sort().map((k) => [k, pick(summaryOf.get(k) ?? zero)])),
    totals: raw.reduce((t, r) => ({ registered: t.registered + r.registered, recognised: t.recognised + r.recognised, provisional: t.provisional + r.provisional }), zero),
  };
}

async function expectInStep() {
  const { raw, summary, totals } = await compare();
  expect(summary).toEqual(raw);
  return totals;
}

let officer: Actor, leader: Actor, head: Actor;
let year2024: { id: string };
let banLac: { id: string };

async function actor(username: string): Promise<Actor> {
  return actorOf(await db.user.findUniqueOrThrow({ where: { username }, select: ACTOR_SELECT }))!;
}

beforeAll(async () => {
  await resetDb();
  await seedDemo(db);
  [officer, leader, head] = await Promise.all([actor("canbo"), actor("lanhdao"), actor("truongxom")]);
  year2024 = await db.campaignYear.findFirstOrThrow({ where: { year: 2024 }, select: { id: true } });
  banLac = { id: head.hamletId! };
}, 120_000);

describe.sequential("dashboard summaries stay equal to the raw rows", () => {
  it("after the demo seed (decided years, a cancellation, a year in progress)", async () => {
    const totals = await expectInStep();
    expect(totals.recognised).toBeGreaterThan(2000);
    expect(totals.provisional).toBeGreaterThan(0);
  });

  it("after registering a whole hamlet", async () => {
    const before = await expectInStep();
    const { count } = await registerAll(head, year2024.id, banLac.id, { registeredOn: utcDate(2024, 3, 1) }, utcDate(2024, 3, 2));
    expect(count).toBeGreaterThan(0);
    const after = await expectInStep();
    expect(after.registered).toBe(before.registered + count);
  });

  it("after a meeting and the results of the whole hamlet (provisional)", async () => {
    const before = await expectInStep();
    const households = await db.household.count({ where: { hamletId: banLac.id, status: "ACTIVE" } });
    const { id } = await saveMeeting(head, 2024, banLac.id, undefined, {
      meetingDate: utcDate(2024, 11, 10), meetingPlace: "Nhà văn hóa xóm Bản Lác", chairName: "Ma Văn Thắng", secretaryName: "Lò Thị Hoa",
      invitedCount: households, presentCount: households - 5, ballotMethod: "SHOW_OF_HANDS",
    });
    const { count } = await assessRemaining(head, id, { votesFor: households - 6, votesAgainst: 1 });
    expect(count).toBe(households);
    const after = await expectInStep();
    expect(after.provisional).toBeGreaterThan(before.provisional);
  });

  it("after a decision is drafted and issued (provisional become recognised)", async () => {
    const before = await expectInStep();
    const accepted = await db.hamletReview.findMany({ where: { campaignYearId: year2024.id, status: "ACCEPTED" }, select: { id: true } });
    expect(accepted.length).toBeGreaterThan(0);
    const { id } = await createAwardDecision(officer, 2024, {
      number: 501, symbol: "QĐ-UBND", issuedOn: utcDate(2024, 12, 20), signerAuthority: "", signerTitle: "CHỦ TỊCH", signerName: leader.fullName,
      legalBasis: DEFAULT_AWARD_LEGAL_BASIS, reviewIds: accepted.map((r) => r.id),
    });
    const decision = await db.decision.findUniqueOrThrow({ where: { id }, select: { version: true } });
    await expectInStep(); // a draft changes nothing yet
    const { awards } = await issueDecision(leader, id, decision.version);
    const after = await expectInStep();
    expect(after.recognised).toBe(before.recognised + awards);
    expect(after.provisional).toBe(before.provisional - awards);
  });

  it("after an award is cancelled", async () => {
    const before = await expectInStep();
    const award = await db.titleAward.findFirstOrThrow({ where: { year: 2024, status: "ACTIVE", household: { status: "ACTIVE" } }, select: { id: true } });
    const { id } = await createCancellationDecision(officer, {
      number: 502, symbol: "QĐ-UBND", issuedOn: utcDate(2024, 12, 28), signerAuthority: "", signerTitle: "CHỦ TỊCH", signerName: leader.fullName,
      legalBasis: DEFAULT_AWARD_LEGAL_BASIS, awardIds: [award.id], cancelGround: "D", cancelReason: "Phát hiện vi phạm sau khi công nhận.",
    });
    const decision = await db.decision.findUniqueOrThrow({ where: { id }, select: { version: true } });
    await issueDecision(leader, id, decision.version);
    const after = await expectInStep();
    expect(after.recognised).toBe(before.recognised - 1);
  });

  it("after a household moves out and another moves to another hamlet", async () => {
    const before = await expectInStep();
    const awarded = await db.household.findFirstOrThrow({
      where: { status: "ACTIVE", awards: { some: { year: 2023, status: "ACTIVE" } } },
      include: { members: { orderBy: { position: "asc" } } },
    });
    const input = (h: typeof awarded, changes: { hamletId?: string; status?: "ACTIVE" | "MOVED_OUT" }) => ({
      headName: h.headName, headBirthYear: h.members[0]?.birthYear ?? undefined, address: h.address, phone: h.phone ?? undefined,
      hamletId: changes.hamletId ?? h.hamletId, povertyStatus: h.povertyStatus, status: changes.status ?? h.status,
      members: h.members.slice(1).map((m) => ({ fullName: m.fullName, birthYear: m.birthYear ?? undefined, relationship: m.relationship as "CHILD" })),
    });
    await updateHousehold(officer, awarded.id, awarded.version, input(awarded, { status: "MOVED_OUT" }));
    const afterMove = await expectInStep();
    expect(afterMove.recognised).toBeLessThan(before.recognised);

    const mover = await db.household.findFirstOrThrow({
      where: { status: "ACTIVE", hamletId: { not: banLac.id }, registrations: { some: {} } },
      include: { members: { orderBy: { position: "asc" } } },
    });
    await updateHousehold(officer, mover.id, mover.version, input(mover, { hamletId: banLac.id }));
    await expectInStep();
  });

  it("with twenty registrations and withdrawals of one hamlet in parallel transactions", async () => {
    // The demo's other xóm that has not met yet: its registrations may still change.
    const hamlet = await db.hamlet.findFirstOrThrow({ where: { id: { not: banLac.id }, reviews: { none: { campaignYearId: year2024.id } } }, select: { id: true } });
    const registered = await db.registration.findMany({ where: { campaignYearId: year2024.id, hamletId: hamlet.id }, take: 10, select: { householdId: true } });
    const unregistered = await db.household.findMany({
      where: { hamletId: hamlet.id, status: "ACTIVE", registrations: { none: { campaignYearId: year2024.id } } }, select: { id: true }, take: 10,
    });
    expect(registered.length + unregistered.length).toBeGreaterThan(10);
    const results = await Promise.allSettled([
      ...registered.map((r) => unregisterHousehold(officer, year2024.id, r.householdId)),
      ...unregistered.map((h) => registerHousehold(officer, year2024.id, h.id, { registeredOn: utcDate(2024, 4, 1) }, utcDate(2024, 4, 2))),
    ]);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    await expectInStep();
  });

  it("after a household import into a hamlet, and that hamlet's registration", async () => {
    const hamlet = await db.hamlet.findFirstOrThrow({ where: { id: { not: banLac.id }, reviews: { none: { campaignYearId: year2024.id } } }, select: { id: true, name: true } });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "summaries-import-")), "ho.csv");
    const rows = Array.from({ length: 40 }, (_, i) => `${i + 1},${hamlet.name},Hộ Nhập Mới ${i + 1},Chủ hộ,1975,Tổ ${i + 1} ${hamlet.name}`);
    fs.writeFileSync(file, `STT,Xóm,Họ và tên,Quan hệ với chủ hộ,Năm sinh,Địa chỉ\n${rows.join("\n")}\n`);
    const staged = await stageHouseholdImport(officer, { fileName: "ho.csv", path: file });
    expect(staged.errorCount).toBe(0);
    expect(await commitHouseholdImport(officer, staged.id)).toMatchObject({ households: 40 });
    const before = await expectInStep();
    const { count } = await registerAll(officer, year2024.id, hamlet.id, { registeredOn: utcDate(2024, 4, 2) }, utcDate(2024, 4, 3));
    expect(count).toBeGreaterThanOrEqual(40);
    expect((await expectInStep()).registered).toBe(before.registered + count);
  });

  it("rebuild_summaries() recomputes exactly what the triggers kept", async () => {
    const kept = (await compare()).summary;
    await db.$executeRaw`SELECT rebuild_summaries()`;
    expect((await compare()).summary).toEqual(kept);
  });
});
