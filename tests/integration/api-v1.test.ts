import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getProgress } from "@/app/api/v1/communes/[id]/progress/route";
import { GET as listCommunes } from "@/app/api/v1/communes/route";
import { LAST_USED_EVERY_MS } from "@/lib/api/auth";
import { API_TOKEN_MSG } from "@/lib/api-tokens/labels";
import { generateApiToken, hashApiToken } from "@/lib/api-tokens/schema";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/service";
import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import { ACTOR_SELECT, actorOf, type Actor } from "@/lib/policy";
import { MSG } from "@/lib/result";
import { getActor } from "@/lib/session";
import { makeCampaignYear, makeReview, type YearRow } from "../factories/cycle";
import { makeHouseholdAwards } from "../factories/hamlet-title";
import { makeHousehold, makeWorld, resetDb, type World } from "../factories";

// The read-only JSON API: the GET handlers are called directly with real rows; only the session lookup is replaced
// (a token caller goes through the real token table).
vi.mock("@/lib/session", () => ({ getActor: vi.fn(), requireActor: vi.fn() }));

let w: World;
let year: YearRow;

const signIn = (actor: Actor | null) => vi.mocked(getActor).mockResolvedValue(actor);
const request = (path: string, token?: string) =>
  new Request(`http://localhost${path}`, token === undefined ? {} : { headers: { Authorization: `Bearer ${token}` } });
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const progressOf = (communeId: string, query: string, token?: string) =>
  getProgress(request(`/api/v1/communes/${communeId}/progress${query}`, token), params(communeId));

async function json(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
  expect(response.headers.get("Cache-Control")).toBe("no-store");
  return response.json();
}

/** An API token of the world's commune, created by its administrator through the service. */
const tokenOfCommune = async () => (await createApiToken(w.actors.admin, { name: "Sở Văn hóa, Thể thao và Du lịch" })).token;

beforeEach(async () => {
  vi.mocked(getActor).mockReset();
  signIn(null);
  await resetDb();
  w = await makeWorld();
  await db.hamlet.update({ where: { id: w.hamletA.id }, data: { name: "Bản Lác" } });
  await db.hamlet.update({ where: { id: w.hamletB.id }, data: { name: "Kim Tân" } });
  year = await makeCampaignYear(w.commune.id, 2024);
  await makeCampaignYear(w.otherCommune.id, 2024);
  // Bản Lác: 4 active households (and one that moved out), 2 awards of which one is cancelled → 1 recognised.
  const a = [
    await makeHousehold({ ...w.hamletA, name: "Bản Lác" }), await makeHousehold({ ...w.hamletA, name: "Bản Lác" }),
    await makeHousehold({ ...w.hamletA, name: "Bản Lác" }), await makeHousehold({ ...w.hamletA, name: "Bản Lác" }),
  ];
  await makeHousehold(w.hamletA, { status: "MOVED_OUT" });
  // Kim Tân: 2 households; the meeting found one đạt, not yet decided → 1 provisional.
  const b = [await makeHousehold(w.hamletB), await makeHousehold(w.hamletB)];
  await makeHousehold(w.hamletZ);
  await db.registration.createMany({
    data: [a[0]!, a[1]!, b[0]!].map((h) => ({
      communeId: w.commune.id, campaignYearId: year.id, householdId: h.id, hamletId: h.hamletId, registeredOn: utcDate(2024, 2, 1),
    })),
  });
  await makeHouseholdAwards(year, [a[0]!, a[1]!], { cancelled: [a[1]!.id] });
  await makeReview(year, w.hamletB, {
    status: "ACCEPTED",
    assessments: [{ householdId: b[0]!.id, result: "ACHIEVED" }, { householdId: b[1]!.id, result: "NOT_ACHIEVED" }],
  });
  await db.agency.create({ data: { communeId: w.commune.id, name: "Trường Tiểu học Kim Phượng", kind: "PUBLIC_UNIT" } });
});

describe("authentication", () => {
  it("answers 401 JSON without credentials", async () => {
    const response = await listCommunes(request("/api/v1/communes"));
    expect(await json(response, 401)).toEqual({ error: expect.stringContaining("Chưa xác thực") });
    expect(response.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    expect(await json(await progressOf(w.commune.id, "?year=2024"), 401)).toHaveProperty("error");
  });

  it("answers 401 for an unknown, malformed or revoked token, even with a session", async () => {
    signIn(w.actors.officer);
    const token = await tokenOfCommune();
    const row = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(token) } });
    await revokeApiToken(w.actors.admin, row.id);
    for (const bad of [token, generateApiToken(), "abc", ""]) {
      const body = await json(await listCommunes(request("/api/v1/communes", bad)), 401);
      expect(body).toEqual({ error: "Khóa API không hợp lệ hoặc đã bị thu hồi." });
    }
    const basic = new Request("http://localhost/api/v1/communes", { headers: { Authorization: "Basic dXNlcjpwYXNz" } });
    expect((await listCommunes(basic)).status).toBe(401);
    expect((await progressOf(w.commune.id, "?year=2024", token)).status).toBe(401);
  });

  it("refuses a hamlet head and the administrator (403): the API is commune-wide", async () => {
    for (const actor of [w.actors.headA, w.actors.admin]) {
      signIn(actor);
      expect(await json(await listCommunes(request("/api/v1/communes")), 403)).toHaveProperty("error");
      expect((await progressOf(w.commune.id, "?year=2024")).status).toBe(403);
    }
  });
});

describe("GET /api/v1/communes", () => {
  it("lists exactly the token's commune", async () => {
    const token = await tokenOfCommune();
    expect(await json(await listCommunes(request("/api/v1/communes", token)), 200)).toEqual([{ id: w.commune.id, name: w.commune.name }]);
  });

  it("lists a signed-in officer's, leader's and committee member's own commune", async () => {
    for (const actor of [w.actors.officer, w.actors.leader, w.actors.committee]) {
      signIn(actor);
      expect(await json(await listCommunes(request("/api/v1/communes")), 200)).toEqual([{ id: w.commune.id, name: w.commune.name }]);
    }
    signIn(w.actors.otherOfficer);
    expect(await json(await listCommunes(request("/api/v1/communes")), 200)).toEqual([{ id: w.otherCommune.id, name: w.otherCommune.name }]);
  });
});

describe("GET /api/v1/communes/{id}/progress", () => {
  it("returns the year's figures for the token's commune, matching counts made in SQL", async () => {
    const token = await tokenOfCommune();
    const body = await json(await progressOf(w.commune.id, "?year=2024", token), 200);
    expect(Object.keys(body).sort()).toEqual(["agencies", "byHamlet", "hamlets", "households", "targets", "year"]);
    expect(body.year).toBe(2024);
    expect(body.targets).toEqual({ households: 90, hamlets: 90, agencies: 100 });
    for (const key of ["households", "hamlets", "agencies"]) {
      expect(Object.keys(body[key]).sort()).toEqual(["provisional", "rate", "recognised", "registered", "total"]);
    }

    const [sql] = await db.$queryRaw<{ total: number; registered: number; recognised: number; hamlets: number; agencies: number }[]>`
      SELECT
        (SELECT COUNT(*)::int FROM "Household" WHERE "communeId" = ${w.commune.id}::uuid AND "status" = 'ACTIVE') AS "total",
        (SELECT COUNT(*)::int FROM "Registration" r JOIN "Household" h ON h."id" = r."householdId"
          WHERE r."campaignYearId" = ${year.id}::uuid AND h."status" = 'ACTIVE') AS "registered",
        (SELECT COUNT(*)::int FROM "TitleAward" a JOIN "Decision" d ON d."id" = a."decisionId"
          WHERE a."campaignYearId" = ${year.id}::uuid AND a."status" = 'ACTIVE' AND d."status" = 'ISSUED') AS "recognised",
        (SELECT COUNT(*)::int FROM "Hamlet" WHERE "communeId" = ${w.commune.id}::uuid) AS "hamlets",
        (SELECT COUNT(*)::int FROM "Agency" WHERE "communeId" = ${w.commune.id}::uuid) AS "agencies"`;
    expect(sql).toEqual({ total: 6, registered: 3, recognised: 1, hamlets: 2, agencies: 1 });
    expect(body.households).toEqual({ total: sql!.total, registered: sql!.registered, recognised: sql!.recognised, provisional: 1, rate: 16.7 });
    expect(body.hamlets).toMatchObject({ total: sql!.hamlets, recognised: 0 });
    expect(body.agencies).toMatchObject({ total: sql!.agencies, recognised: 0, provisional: 0 });
    expect(body.byHamlet).toEqual([
      { id: w.hamletA.id, name: "Bản Lác", total: 4, registered: 2, recognised: 1, provisional: 0, rate: 25 },
      { id: w.hamletB.id, name: "Kim Tân", total: 2, registered: 1, recognised: 0, provisional: 1, rate: 0 },
    ]);
  });

  it("serves a signed-in officer their own commune", async () => {
    signIn(w.actors.officer);
    const body = await json(await progressOf(w.commune.id, "?year=2024"), 200);
    expect(body.households).toMatchObject({ total: 6, recognised: 1 });
  });

  it("reads the caller's own commune whatever the case of its id (UUIDs are case-insensitive), and still refuses another's", async () => {
    const token = await tokenOfCommune();
    const lower = await json(await progressOf(w.commune.id, "?year=2024", token), 200);
    const upper = w.commune.id.toUpperCase();
    expect(upper).not.toBe(w.commune.id);
    expect(await json(await progressOf(upper, "?year=2024", token), 200)).toEqual(lower);
    expect((await progressOf(w.otherCommune.id.toUpperCase(), "?year=2024", token)).status).toBe(403);
    signIn(w.actors.officer);
    expect((await progressOf(upper, "?year=2024")).status).toBe(200);
  });

  it("refuses another commune's id with 403, for a token and for a session", async () => {
    const token = await tokenOfCommune();
    expect(await json(await progressOf(w.otherCommune.id, "?year=2024", token), 403)).toEqual({ error: "Bạn không có quyền xem số liệu của xã này." });
    signIn(w.actors.officer);
    expect((await progressOf(w.otherCommune.id, "?year=2024")).status).toBe(403);
  });

  it("answers 404 for an unknown commune or year, 400 for a missing or malformed year", async () => {
    const token = await tokenOfCommune();
    expect(await json(await progressOf("00000000-0000-4000-8000-000000000000", "?year=2024", token), 404)).toEqual({ error: "Không tìm thấy xã này." });
    expect((await progressOf("not-a-uuid", "?year=2024", token)).status).toBe(404);
    expect(await json(await progressOf(w.commune.id, "?year=2023", token), 404)).toEqual({ error: "Xã chưa có năm thi đua này." });
    for (const query of ["", "?year=", "?year=20x4", "?year=24", "?year=2024.5"]) {
      expect(await json(await progressOf(w.commune.id, query, token), 400)).toEqual({ error: expect.stringContaining("?year=2024") });
    }
  });
});

describe("API tokens (service)", () => {
  it("the administrator creates a token: shown once, only its hash and prefix stored, audited without it", async () => {
    const created = await createApiToken(w.actors.admin, { name: "Hệ thống báo cáo tỉnh" });
    expect(created.token).toMatch(/^vh_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      communeId: w.commune.id, name: "Hệ thống báo cáo tỉnh", tokenHash: hashApiToken(created.token), prefix: created.token.slice(0, 11),
      createdById: w.actors.admin.id, lastUsedAt: null, revokedAt: null, revokedById: null,
    });
    expect(JSON.stringify(row)).not.toContain(created.token);
    const audits = await db.auditLog.findMany({ where: { entityType: "ApiToken" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: "apiToken.create", entityId: created.id, actorId: w.actors.admin.id, after: { name: "Hệ thống báo cáo tỉnh", prefix: created.prefix },
    });
    expect(JSON.stringify(audits[0]!.after)).not.toContain(created.token.slice(11));
  });

  it("refuses every other role, writing nothing", async () => {
    for (const actor of [w.actors.officer, w.actors.leader, w.actors.committee, w.actors.headA]) {
      await expect(createApiToken(actor, { name: "Khóa thử" })).rejects.toMatchObject({ code: "FORBIDDEN", message: MSG.forbidden });
    }
    expect(await db.apiToken.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
    const { id } = await createApiToken(w.actors.admin, { name: "Khóa thử" });
    await expect(revokeApiToken(w.actors.officer, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.apiToken.findUniqueOrThrow({ where: { id } })).toMatchObject({ revokedAt: null });
  });

  it("revokes once; a second revocation is refused as already done; another commune's admin cannot see it", async () => {
    const { id, token } = await createApiToken(w.actors.admin, { name: "Khóa thử" });
    const otherAdmin = await db.user.create({
      data: { communeId: w.otherCommune.id, username: "admin-khac", fullName: "Quản Trị Khác", passwordHash: "x", role: "ADMIN" },
      select: ACTOR_SELECT,
    });
    await expect(revokeApiToken(actorOf(otherAdmin)!, id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await revokeApiToken(w.actors.admin, id);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.revokedAt).toBeInstanceOf(Date);
    expect(row.revokedById).toBe(w.actors.admin.id);
    await expect(revokeApiToken(w.actors.admin, id)).rejects.toMatchObject({ code: "RULE_VIOLATION", message: API_TOKEN_MSG.alreadyRevoked });
    expect(API_TOKEN_MSG.alreadyRevoked).toContain("đã được xử lý");

    const audits = await db.auditLog.findMany({ where: { action: "apiToken.revoke" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entityId: id, before: { revokedAt: null }, after: { prefix: token.slice(0, 11) } });
    expect((await listCommunes(request("/api/v1/communes", token))).status).toBe(401);
  });

  it("records when a token was last used, at most once a minute", async () => {
    const { id, token } = await createApiToken(w.actors.admin, { name: "Khóa thử" });
    await json(await listCommunes(request("/api/v1/communes", token)), 200);
    const first = (await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).toBeInstanceOf(Date);

    // Used 30 seconds ago: not written again.
    const recent = new Date(Date.now() - LAST_USED_EVERY_MS / 2);
    await db.apiToken.update({ where: { id }, data: { lastUsedAt: recent } });
    await json(await progressOf(w.commune.id, "?year=2024", token), 200);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(recent);

    // Used two minutes ago: written.
    const old = new Date(Date.now() - 2 * LAST_USED_EVERY_MS);
    await db.apiToken.update({ where: { id }, data: { lastUsedAt: old } });
    await json(await listCommunes(request("/api/v1/communes", token)), 200);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt!.getTime()).toBeGreaterThan(old.getTime());
  });
});
