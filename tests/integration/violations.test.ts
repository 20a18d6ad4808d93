import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { listAuditEntries } from "@/lib/audit-log/queries";
import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import { CATEGORY_LABEL } from "@/lib/review/labels";
import { violationWindow } from "@/lib/review/rules";
import { householdFacts } from "@/lib/review/queries";
import { listViolations } from "@/lib/violations/queries";
import { deleteViolation, recordViolation } from "@/lib/violations/service";
import type { ViolationInput } from "@/lib/violations/schema";
import { makeHousehold, makeWorld, resetDb, type World } from "../factories";

// Violations (E1–E4): recorded only by the officer, read by the officer, the leader and the hamlet's head,
// invisible to everyone else; the exclusion categories a review reads from them inside its transaction.

const TODAY = utcDate(2024, 6, 15);

let w: World;
let inA: Awaited<ReturnType<typeof makeHousehold>>;
let inB: Awaited<ReturnType<typeof makeHousehold>>;
let sonA: { id: string; fullName: string };
let memberB: { id: string };

beforeEach(async () => {
  await resetDb();
  w = await makeWorld();
  inA = await makeHousehold(w.hamletA, { headName: "Hoàng Văn Ân", members: [{ fullName: "Hoàng Văn Con", birthYear: 2000, relationship: "CHILD" }] });
  inB = await makeHousehold(w.hamletB, { headName: "Hoàng Văn Bảo" });
  sonA = await db.householdMember.findFirstOrThrow({ where: { householdId: inA.id, relationship: "CHILD" }, select: { id: true, fullName: true } });
  memberB = await db.householdMember.findFirstOrThrow({ where: { householdId: inB.id }, select: { id: true } });
});

const input = (overrides: Partial<ViolationInput> = {}): ViolationInput => ({
  memberId: sonA.id,
  category: "E4",
  occurredOn: utcDate(2024, 4, 3),
  documentRef: "QĐ xử phạt số 12/QĐ-XPHC ngày 03/04/2024",
  note: undefined,
  ...overrides,
});

async function counts() {
  const [violations, audits] = await Promise.all([db.violation.count(), db.auditLog.count()]);
  return { violations, audits };
}

describe("recording a violation", () => {
  it("the officer records it with the member's name as it is now, and an audit row", async () => {
    const { id } = await recordViolation(w.actors.officer, inA.id, input({ note: "Đã nộp phạt" }), TODAY);
    expect(await db.violation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      communeId: w.commune.id, householdId: inA.id, memberId: sonA.id, memberName: "Hoàng Văn Con", category: "E4",
      occurredOn: utcDate(2024, 4, 3), documentRef: "QĐ xử phạt số 12/QĐ-XPHC ngày 03/04/2024", note: "Đã nộp phạt", createdById: w.actors.officer.id,
    });
    const audits = await db.auditLog.findMany();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: "violation.create", entityType: "Violation", entityId: id, actorId: w.actors.officer.id,
      after: { householdId: inA.id, memberName: "Hoàng Văn Con", category: "E4", occurredOn: "2024-04-03", documentRef: "QĐ xử phạt số 12/QĐ-XPHC ngày 03/04/2024" },
    });
    // The name stays as recorded when the household's members are rewritten later.
    await db.householdMember.update({ where: { id: sonA.id }, data: { fullName: "Hoàng Văn Đổi" } });
    expect((await listViolations(w.actors.officer, inA.id))[0]?.memberName).toBe("Hoàng Văn Con");
  });

  it.each(["headA", "leader", "committee", "admin"] as const)("the %s may not record one; nothing is written", async (who) => {
    const before = await counts();
    await expect(recordViolation(w.actors[who], inA.id, input(), TODAY)).rejects.toMatchObject({ code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/) });
    expect(await counts()).toEqual(before);
  });

  it("the hamlet head and the committee get FORBIDDEN (they see the household), the admin NOT_FOUND", async () => {
    await expect(recordViolation(w.actors.headA, inA.id, input(), TODAY)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordViolation(w.actors.committee, inA.id, input(), TODAY)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordViolation(w.actors.admin, inA.id, input(), TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordViolation(w.actors.headA, inB.id, input({ memberId: memberB.id }), TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordViolation(w.actors.otherOfficer, inA.id, input(), TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a member of another household and a future date, by the field, with nothing written", async () => {
    const before = await counts();
    await expect(recordViolation(w.actors.officer, inA.id, input({ memberId: memberB.id }), TODAY)).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { memberId: [expect.stringContaining("không thuộc hộ này")] },
    });
    await expect(recordViolation(w.actors.officer, inA.id, input({ occurredOn: utcDate(2024, 6, 16) }), TODAY)).rejects.toMatchObject({
      code: "INVALID_INPUT", fieldErrors: { occurredOn: ["Ngày vi phạm không được sau ngày hôm nay (15/06/2024)."] },
    });
    await expect(recordViolation(w.actors.officer, "x", input(), TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
  });
});

describe("reading violations", () => {
  beforeEach(async () => {
    await recordViolation(w.actors.officer, inA.id, input({ occurredOn: utcDate(2023, 5, 1), category: "E3" }), TODAY);
    await recordViolation(w.actors.officer, inA.id, input(), TODAY);
    await recordViolation(w.actors.officer, inB.id, input({ memberId: memberB.id }), TODAY);
  });

  it.each(["officer", "leader", "headA"] as const)("the %s reads the household's violations, newest first", async (who) => {
    const rows = await listViolations(w.actors[who], inA.id);
    expect(rows.map((r) => [r.category, r.occurredOn])).toEqual([["E4", utcDate(2024, 4, 3)], ["E3", utcDate(2023, 5, 1)]]);
  });

  it("the committee, the admin, another hamlet's head and another commune see nothing", async () => {
    expect(await listViolations(w.actors.committee, inA.id)).toEqual([]);
    expect(await listViolations(w.actors.admin, inA.id)).toEqual([]);
    expect(await listViolations(w.actors.headA, inB.id)).toEqual([]);
    expect(await listViolations(w.actors.otherOfficer, inA.id)).toEqual([]);
  });
});

describe("removing a violation recorded by mistake", () => {
  it("only the officer removes it; the audit row keeps the removed row", async () => {
    const { id } = await recordViolation(w.actors.officer, inA.id, input(), TODAY);
    const before = await counts();
    // The committee cannot even learn that it exists; the leader and the hamlet head read it but may not remove it.
    await expect(deleteViolation(w.actors.committee, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteViolation(w.actors.admin, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteViolation(w.actors.otherOfficer, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteViolation(w.actors.leader, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteViolation(w.actors.headA, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await counts()).toEqual(before);

    expect(await deleteViolation(w.actors.officer, id)).toEqual({ householdId: inA.id });
    expect(await db.violation.count()).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "violation.delete" } });
    expect(audit).toMatchObject({
      entityType: "Violation", entityId: id, actorId: w.actors.officer.id, after: null,
      before: { householdId: inA.id, memberId: sonA.id, memberName: "Hoàng Văn Con", category: "E4", occurredOn: "2024-04-03" },
    });
    await expect(deleteViolation(w.actors.officer, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the exclusion categories a review reads (householdFacts)", () => {
  // Only the violations matter here: a review that has no registrations or objections of these households.
  const review = { id: randomUUID(), campaignYearId: randomUUID() };
  const recordedIn = async (tx: Parameters<typeof householdFacts>[0], householdIds: string[], window: { from: Date; to: Date }) =>
    new Map([...(await householdFacts(tx, review, window, { householdIds }))].map(([id, facts]) => [id, facts.recorded]));

  it("returns each household's categories inside the window (inclusive), sorted and unique, in one transaction", async () => {
    const other = await makeHousehold(w.hamletA);
    const clean = await makeHousehold(w.hamletA);
    const at = async (householdId: string, category: ViolationInput["category"], occurredOn: Date) => {
      const member = await db.householdMember.findFirstOrThrow({ where: { householdId }, select: { id: true } });
      await recordViolation(w.actors.officer, householdId, input({ memberId: member.id, category, occurredOn }), TODAY);
    };
    await at(inA.id, "E4", utcDate(2024, 1, 1)); // first day of the window
    await at(inA.id, "E1", utcDate(2024, 6, 1));
    await at(inA.id, "E4", utcDate(2024, 3, 3)); // repeat category
    await at(inA.id, "E2", utcDate(2023, 12, 31)); // the day before the window
    await at(other.id, "E3", utcDate(2023, 6, 1));

    const window = violationWindow(2024, 1);
    const map = await db.$transaction((tx) => recordedIn(tx, [inA.id, other.id, clean.id, inA.id], window));
    expect(Object.fromEntries(map)).toEqual({ [inA.id]: ["E1", "E4"], [other.id]: [], [clean.id]: [] });

    // A two-year look-back reaches the 2023 violations.
    const wider = await recordedIn(db, [inA.id, other.id], violationWindow(2024, 2));
    expect(Object.fromEntries(wider)).toEqual({ [inA.id]: ["E1", "E2", "E4"], [other.id]: ["E3"] });

    // The last day of the window counts, the next day does not.
    expect((await recordedIn(db, [other.id], { from: utcDate(2023, 1, 1), to: utcDate(2023, 6, 1) })).get(other.id)).toEqual(["E3"]);
    expect((await recordedIn(db, [other.id], { from: utcDate(2023, 6, 2), to: utcDate(2023, 12, 31) })).get(other.id)).toEqual([]);
    expect((await recordedIn(db, [], window)).size).toBe(0);
  });
});

describe("the audit log", () => {
  // The admin reads the audit log (audit.read) but not violations (violation.read): a Violation or Assessment row shows
  // that something happened, never whose, which case or when.
  beforeEach(async () => {
    await recordViolation(w.actors.officer, inA.id, input({ note: "Đã nộp phạt" }), TODAY);
    await db.auditLog.create({
      data: {
        communeId: w.commune.id, actorId: w.actors.headA.id, actorUsername: w.actors.headA.username, action: "review.assessment.create",
        entityType: "Assessment", entityId: inA.id,
        after: { householdId: inA.id, unmetCodes: [], exclusions: ["E4"], votesFor: null, votesAgainst: null, result: "EXCLUDED", reason: "Không xét: E4." },
      },
    });
  });

  const rowsFor = async (who: "admin" | "officer") => (await listAuditEntries(w.actors[who], { page: 1 })).items;

  it("hides Violation and Assessment details from the admin", async () => {
    const rows = await rowsFor("admin");
    expect(rows.map((r) => [r.action, r.entityLabel, r.subject, r.changes])).toEqual([
      ["review.assessment.create", "Kết quả bình xét hộ", null, []],
      ["violation.create", "Vi phạm", null, []],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/Hoàng Văn|E4|XPHC|Đã nộp phạt|03\/04\/2024/);
  });

  it("shows them to the officer, in words", async () => {
    const [assessment, violation] = await rowsFor("officer");
    expect(violation).toMatchObject({ action: "violation.create", actionLabel: "Ghi nhận vi phạm", subject: "Hoàng Văn Con" });
    const changes = Object.fromEntries(violation!.changes.map((c) => [c.label, c.after]));
    expect(changes).toEqual({
      "Hộ": "Hoàng Văn Ân",
      "Thành viên vi phạm": "Hoàng Văn Con",
      "Trường hợp không xét tặng": CATEGORY_LABEL.E4,
      "Ngày vi phạm": "03/04/2024",
      "Văn bản xử lý": "QĐ xử phạt số 12/QĐ-XPHC ngày 03/04/2024",
      "Ghi chú": "Đã nộp phạt",
    });
    expect(Object.fromEntries(assessment!.changes.map((c) => [c.label, c.after]))).toMatchObject({
      "Hộ": "Hoàng Văn Ân", "Trường hợp không xét tặng": CATEGORY_LABEL.E4, "Kết quả": "Không xét", "Lý do": "Không xét: E4.",
    });
  });
});
