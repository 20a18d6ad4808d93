import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { inject } from "vitest";
import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import { DEFAULT_AWARD_LEGAL_BASIS } from "@/lib/decisions/labels";
import {
  createAwardDecision, createCancellationDecision, discardDecision, issueDecision, updateAwardDecision, updateCancellationDecision,
} from "@/lib/decisions/service";
import { MSG, run } from "@/lib/result";
import { makeCampaignYear, makeReview, type YearRow } from "../factories/cycle";
import { makeHamletAward, makeHamletDecision } from "../factories/hamlet-docs";
import { makeHousehold, makeWorld, resetDb, type World } from "../factories";

// Issued decisions, their awards and the audit log are protected by the database itself (migration
// *_issued_decisions_frozen and the app role's grants in scripts/db-lib.mjs): attempts through the app's services,
// through a write that slips past them (run() must turn the database's refusal into the Vietnamese message), and
// through SQL as the app's own role. Every attempt must leave the protected rows exactly as they were; the
// documented path — issuing a cancellation decision — must still work.

const ISSUED_MESSAGE = "Quyết định đã được ban hành (đã được xử lý), không thể thay đổi.";

const header = (number: number, issuedOn = utcDate(2024, 12, 5)) => ({
  number, symbol: "QĐ-UBND", issuedOn, signerAuthority: "" as const, signerTitle: "CHỦ TỊCH", signerName: "Ma Văn Quyết",
  legalBasis: DEFAULT_AWARD_LEGAL_BASIS,
});
const cancellation = (awardIds: string[], number: number) => ({
  ...header(number, utcDate(2025, 3, 10)), awardIds, cancelGround: "D" as const,
  cancelReason: "Thành viên hộ bị xử phạt vi phạm hành chính về đánh bạc trong thời gian tính thành tích.",
});

let w: World;
let y2024: YearRow;
let decisionId: string;
let awardIds: string[];

/** Every protected row, in a fixed order: what "nothing changed" compares. */
async function protectedRows(): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ t: string; rows: string }[]>(`
    SELECT 'Decision' AS t, coalesce(string_agg(to_jsonb(x)::text, E'\\n' ORDER BY x."id"), '') AS rows FROM "Decision" x
    UNION ALL SELECT 'TitleAward', coalesce(string_agg(to_jsonb(x)::text, E'\\n' ORDER BY x."id"), '') FROM "TitleAward" x
    UNION ALL SELECT 'HamletAward', coalesce(string_agg(to_jsonb(x)::text, E'\\n' ORDER BY x."id"), '') FROM "HamletAward" x
    UNION ALL SELECT 'CancellationItem', coalesce(string_agg(to_jsonb(x)::text, E'\\n' ORDER BY x."id"), '') FROM "CancellationItem" x
    UNION ALL SELECT 'AuditLog', coalesce(string_agg(to_jsonb(x)::text, E'\\n' ORDER BY x."id"), '') FROM "AuditLog" x`);
  return rows.map((r) => `${r.t}\n${r.rows}`).join("\n\n");
}

beforeEach(async () => {
  await resetDb();
  w = await makeWorld();
  y2024 = await makeCampaignYear(w.commune.id, 2024);
  const h1 = await makeHousehold(w.hamletA, { headName: "Hoàng Văn Một" });
  const h2 = await makeHousehold(w.hamletA, { headName: "Hoàng Văn Hai" });
  const review = await makeReview(y2024, w.hamletA, {
    assessments: [{ householdId: h1.id, result: "ACHIEVED", votesFor: 14 }, { householdId: h2.id, result: "ACHIEVED", votesFor: 11 }],
  });
  ({ id: decisionId } = await createAwardDecision(w.actors.officer, 2024, { ...header(5), reviewIds: [review.id] }));
  await issueDecision(w.actors.leader, decisionId, 1);
  awardIds = (await db.titleAward.findMany({ where: { decisionId }, orderBy: { id: "asc" }, select: { id: true } })).map((a) => a.id);
  expect(awardIds).toHaveLength(2);
});

describe("through the app's services", () => {
  it("refuses to edit, discard or re-issue an issued decision with the state machine's message, and changes nothing", async () => {
    const before = await protectedRows();
    const review = await db.hamletReview.findFirstOrThrow({ where: { decisionId } });
    const attempts = [
      () => updateAwardDecision(w.actors.officer, decisionId, 2, { ...header(6), reviewIds: [review.id] }),
      () => discardDecision(w.actors.officer, decisionId),
      () => discardDecision(w.actors.officer, decisionId, 2),
      () => issueDecision(w.actors.leader, decisionId, 2),
    ];
    for (const attempt of attempts) {
      expect(await run(attempt)).toEqual({ ok: false, code: "RULE_VIOLATION", message: ISSUED_MESSAGE, fieldErrors: undefined, values: undefined });
    }
    expect(await protectedRows()).toBe(before);
  });

  it("an issued cancellation is final too: its awards stay cancelled, its items cannot be edited", async () => {
    const { id: cancelId } = await createCancellationDecision(w.actors.officer, cancellation([awardIds[0]!], 3));
    await issueDecision(w.actors.leader, cancelId, 1);
    const before = await protectedRows();
    const edit = await run(() => updateCancellationDecision(w.actors.officer, cancelId, 2, cancellation([awardIds[1]!], 3)));
    expect(edit).toMatchObject({ ok: false, code: "RULE_VIOLATION", message: ISSUED_MESSAGE });
    expect(await run(() => discardDecision(w.actors.officer, cancelId))).toMatchObject({ ok: false, message: ISSUED_MESSAGE });
    expect(await protectedRows()).toBe(before);
  });
});

describe("a write that slips past the services (a bug) is refused by the database, in Vietnamese", () => {
  let warned: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warned = vi.spyOn(console, "warn").mockImplementation(() => {});
  });
  afterAll(() => warned.mockRestore());

  const frozen = { ok: false, code: "RULE_VIOLATION", message: MSG.decisionFrozen };

  it("Decision, TitleAward, HamletAward, CancellationItem and AuditLog", async () => {
    const hamletDecision = await makeHamletDecision(y2024, { status: "ISSUED", number: 9 });
    const hamletAward = await makeHamletAward(y2024, hamletDecision, w.hamletA);
    const { id: cancelId } = await createCancellationDecision(w.actors.officer, cancellation([awardIds[0]!], 3));
    await issueDecision(w.actors.leader, cancelId, 1);
    const item = await db.cancellationItem.findFirstOrThrow({ where: { decisionId: cancelId } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "decision.issue" } });
    const before = await protectedRows();

    const attempts: [string, () => Promise<unknown>, object][] = [
      ["sign the decision by someone else", () => db.decision.update({ where: { id: decisionId }, data: { signerName: "Người Khác" } }), frozen],
      ["turn it back into a draft", () => db.decision.updateMany({ where: { id: decisionId }, data: { status: "DRAFT" } }), frozen],
      ["delete it", () => db.decision.delete({ where: { id: cancelId } }), frozen],
      ["delete it in raw SQL", () => db.$executeRaw`DELETE FROM "Decision" WHERE "id" = ${decisionId}::uuid`, frozen],
      ["change an award's votes", () => db.titleAward.update({ where: { id: awardIds[1]! }, data: { votesFor: 99 } }), frozen],
      ["move an award to another household's year", () => db.titleAward.update({ where: { id: awardIds[1]! }, data: { year: 2023 } }), frozen],
      ["delete an award", () => db.titleAward.delete({ where: { id: awardIds[1]! } }), frozen],
      ["reinstate a cancelled award", () => db.titleAward.update({ where: { id: awardIds[0]! }, data: { status: "ACTIVE", cancelDecisionId: null, cancelledAt: null } }), frozen],
      ["change a hamlet's award", () => db.hamletAward.update({ where: { id: hamletAward.id }, data: { votesFor: 1 } }), frozen],
      ["delete a hamlet's award", () => db.hamletAward.deleteMany({}), frozen],
      ["repoint an issued cancellation's item", () => db.cancellationItem.update({ where: { id: item.id }, data: { awardId: awardIds[1]! } }), frozen],
      ["remove an issued cancellation's item", () => db.cancellationItem.delete({ where: { id: item.id } }), frozen],
      ["add an item to an issued cancellation", () => db.cancellationItem.create({ data: { decisionId: cancelId, awardId: awardIds[1]! } }), frozen],
      ["rewrite the audit log", () => db.auditLog.update({ where: { id: audit.id }, data: { actorUsername: "ai-do" } }), { ok: false, code: "RULE_VIOLATION", message: MSG.auditAppendOnly }],
      ["empty the audit log row by row", () => db.auditLog.deleteMany({}), { ok: false, code: "RULE_VIOLATION", message: MSG.auditAppendOnly }],
    ];
    for (const [what, attempt, refused] of attempts) expect(await run(attempt), what).toMatchObject(refused);
    expect(warned).toHaveBeenCalledTimes(attempts.length);
    expect(await protectedRows()).toBe(before);
  });

  it("cancels an award only by issuing a cancellation decision that names it, in that transaction", async () => {
    // An older issued cancellation (naming award 0) and a draft naming award 1.
    const { id: oldCancel } = await createCancellationDecision(w.actors.officer, cancellation([awardIds[0]!], 3));
    await issueDecision(w.actors.leader, oldCancel, 1);
    const { id: draft } = await createCancellationDecision(w.actors.officer, cancellation([awardIds[1]!], 4));
    const before = await protectedRows();
    const cancelBy = (cancelDecisionId: string, extra: object = {}) => () =>
      db.titleAward.update({ where: { id: awardIds[1]! }, data: { status: "CANCELLED", cancelDecisionId, cancelledAt: new Date(), ...extra } });
    const forged: [string, () => Promise<unknown>][] = [
      ["by the award decision itself", cancelBy(decisionId)],
      ["by an older issued cancellation that does not name it", cancelBy(oldCancel)],
      ["by the draft that names it, without issuing it", cancelBy(draft)],
      ["without a decision", () => db.titleAward.update({ where: { id: awardIds[1]! }, data: { status: "CANCELLED", cancelledAt: new Date() } })],
      // The draft is issued inside the transaction, but the award's votes change with the cancellation.
      ["while changing another column", () => db.$transaction(async (tx) => {
        await tx.decision.update({ where: { id: draft }, data: { status: "ISSUED", version: { increment: 1 } } });
        await tx.titleAward.update({ where: { id: awardIds[1]! }, data: { status: "CANCELLED", cancelDecisionId: draft, cancelledAt: new Date(), votesFor: 1 } });
      })],
    ];
    for (const [what, attempt] of forged) expect(await run(attempt), what).toMatchObject(frozen);
    expect(await protectedRows()).toBe(before);

    // The documented path: the leader issues the draft.
    await expect(issueDecision(w.actors.leader, draft, 1)).resolves.toMatchObject({ cancelled: 1 });
    expect(await db.titleAward.findUniqueOrThrow({ where: { id: awardIds[1]! } })).toMatchObject({ status: "CANCELLED", cancelDecisionId: draft });
  });
});

describe("through SQL as the app's own database role", () => {
  let app: pg.Client;
  let owner: pg.Client;
  beforeAll(async () => {
    app = new pg.Client({ connectionString: inject("appDatabaseUrl") });
    owner = new pg.Client({ connectionString: inject("databaseUrl") });
    await Promise.all([app.connect(), owner.connect()]);
  });
  afterAll(async () => {
    await Promise.all([app.end(), owner.end()]);
  });

  /** Runs `sql` as the app role and returns the SQLSTATE it was refused with (undefined when it went through). */
  async function refusal(client: pg.Client, sql: string, values: unknown[] = []): Promise<string | undefined> {
    try {
      await client.query(sql, values);
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  }

  it("is who the app runs as: a plain login role that reads and writes rows", async () => {
    const { rows } = await app.query(
      `SELECT current_user AS name, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toEqual({ name: "vanhoa_app", rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, owned: 0 });
    expect((await app.query(`SELECT count(*)::int AS n FROM "TitleAward"`)).rows[0].n).toBe(2);
    await app.query(`INSERT INTO "AuditLog" ("actorUsername", "action", "entityType", "entityId") VALUES ('app', 'probe', 'Test', 'x')`);
    expect(await db.auditLog.count({ where: { action: "probe" } })).toBe(1);
  });

  it("refuses every way to alter an issued decision, its awards and the audit log; the cancellation path still works", async () => {
    const before = await protectedRows();
    const d = decisionId;
    const [a0, a1] = awardIds;
    const { id: draft } = await createCancellationDecision(w.actors.officer, cancellation([a1!], 4));
    const beforeAttacks = await protectedRows();
    expect(beforeAttacks).not.toBe(before);

    const attacks: [string, string, unknown[], string][] = [
      ["UPDATE an issued Decision", `UPDATE "Decision" SET "signerName" = 'Người Khác' WHERE "id" = $1`, [d], "VH001"],
      ["UPDATE it back to DRAFT", `UPDATE "Decision" SET "status" = 'DRAFT' WHERE "id" = $1`, [d], "VH001"],
      ["DELETE an issued Decision", `DELETE FROM "Decision" WHERE "id" = $1`, [d], "VH001"],
      ["DELETE a TitleAward", `DELETE FROM "TitleAward" WHERE "id" = $1`, [a0], "42501"],
      ["UPDATE a TitleAward", `UPDATE "TitleAward" SET "votesFor" = 99 WHERE "id" = $1`, [a0], "VH001"],
      ["cancel a TitleAward by the draft, unissued", `UPDATE "TitleAward" SET "status" = 'CANCELLED', "cancelDecisionId" = $2, "cancelledAt" = now() WHERE "id" = $1`, [a1, draft], "VH001"],
      ["UPDATE the AuditLog", `UPDATE "AuditLog" SET "actorUsername" = 'ai-do'`, [], "42501"],
      ["DELETE the AuditLog", `DELETE FROM "AuditLog"`, [], "42501"],
      ["TRUNCATE the AuditLog", `TRUNCATE "AuditLog"`, [], "42501"],
      ["TRUNCATE the awards", `TRUNCATE "TitleAward" CASCADE`, [], "42501"],
      ["switch the decision trigger off", `ALTER TABLE "Decision" DISABLE TRIGGER "Decision_issued_frozen"`, [], "42501"],
      ["switch every award trigger off", `ALTER TABLE "TitleAward" DISABLE TRIGGER ALL`, [], "42501"],
      ["drop the trigger", `DROP TRIGGER "AuditLog_append_only" ON "AuditLog"`, [], "42501"],
      ["replace the trigger function", `CREATE OR REPLACE FUNCTION decision_issued_frozen() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`, [], "42501"],
      ["skip triggers for the session", `SET session_replication_role = replica`, [], "42501"],
      ["become the owner", `SET ROLE vanhoa`, [], "42501"],
      ["create a function to shadow one the triggers call", `CREATE FUNCTION public.pg_current_xact_id() RETURNS xid8 LANGUAGE sql AS 'SELECT 1::text::xid8'`, [], "42501"],
      ["read the migration history", `SELECT * FROM "_prisma_migrations"`, [], "42501"],
    ];
    for (const [what, sql, values, code] of attacks) expect(await refusal(app, sql, values), what).toBe(code);
    // Granting itself more is only a warning ("no privileges were granted"): check that nothing was.
    await app.query(`GRANT TRUNCATE, UPDATE, DELETE ON "AuditLog" TO vanhoa_app`);
    const granted = await app.query(
      `SELECT has_table_privilege('vanhoa_app', '"AuditLog"', 'TRUNCATE') OR has_table_privilege('vanhoa_app', '"AuditLog"', 'UPDATE')
           OR has_table_privilege('vanhoa_app', '"AuditLog"', 'DELETE') AS any`,
    );
    expect(granted.rows[0].any).toBe(false);
    expect(await protectedRows()).toBe(beforeAttacks);

    // A temporary "Decision" table that says the draft is issued does not fool the trigger (its search_path puts
    // pg_temp last), although a session's own temporary tables are otherwise found first.
    await app.query("BEGIN");
    await app.query(`CREATE TEMP TABLE "Decision" ON COMMIT DROP AS SELECT * FROM public."Decision"`);
    await app.query(`UPDATE pg_temp."Decision" SET "status" = 'ISSUED'`);
    expect((await app.query(`SELECT "status" FROM "Decision" WHERE "id" = $1`, [draft])).rows).toEqual([{ status: "ISSUED" }]);
    expect(await refusal(app, `UPDATE "TitleAward" SET "status" = 'CANCELLED', "cancelDecisionId" = $2, "cancelledAt" = now() WHERE "id" = $1`, [a1, draft])).toBe("VH001");
    await app.query("ROLLBACK");
    expect(await protectedRows()).toBe(beforeAttacks);

    // The owner's SQL meets the same triggers (only switching them off, an owner's privilege, would pass).
    expect(await refusal(owner, `UPDATE "Decision" SET "signerName" = 'Người Khác' WHERE "id" = $1`, [d])).toBe("VH001");
    expect(await refusal(owner, `DELETE FROM "TitleAward" WHERE "id" = $1`, [a0])).toBe("VH001");
    expect(await refusal(owner, `UPDATE "AuditLog" SET "action" = 'x'`)).toBe("VH002");
    expect(await protectedRows()).toBe(beforeAttacks);

    // The documented path still works after all that.
    await expect(issueDecision(w.actors.leader, draft, 1)).resolves.toMatchObject({ cancelled: 1 });
    expect(await db.titleAward.findUniqueOrThrow({ where: { id: a1! } })).toMatchObject({ status: "CANCELLED", cancelDecisionId: draft });
    expect(await db.titleAward.findUniqueOrThrow({ where: { id: a0! } })).toMatchObject({ status: "ACTIVE", votesFor: expect.any(Number) });
  });
});
