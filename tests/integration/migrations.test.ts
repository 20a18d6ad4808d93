import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { resetDb } from "../factories";

// The global setup dropped the schema and applied the committed migrations. These tests check that the result is
// exactly what the Prisma schema (and so the generated client) expects: one row in every model, with every field
// set, written and read back through the client.

const MIGRATIONS_DIR = path.resolve(__dirname, "../../prisma/migrations");

beforeEach(resetDb);

describe("migrations", () => {
  it("applied every committed migration, unchanged, onto the empty schema", async () => {
    const folders = fs
      .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const rows = await db.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: Date | null }[]>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    for (const row of rows) {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"), "utf8");
      expect(row.checksum).toBe(crypto.createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("leave no difference between the migrations and schema.prisma (prisma migrate diff)", () => {
    // Prisma replays the migrations into a scratch database and compares the result with the schema: a column,
    // index or constraint in one and not the other exits 2 and prints the SQL that would close the gap.
    const root = path.resolve(__dirname, "../..");
    const diff = spawnSync(
      process.execPath,
      [path.join(root, "scripts/prisma.mjs"), "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      { cwd: root, env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL }, encoding: "utf8", timeout: 120_000 },
    );
    expect(diff.stdout + diff.stderr).toContain("No difference detected");
    expect(diff.status).toBe(0);
  }, 120_000);

  it("created one table per model and nothing else", async () => {
    const tables = await db.$queryRawUnsafe<{ tablename: string }[]>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    );
    expect(tables.map((t) => t.tablename).sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });
});

// One fully populated row per model, in foreign-key order. Ids are fixed so the rows can point at each other.
const ids = {
  commune: "0a000000-0000-4000-8000-000000000001",
  hamlet: "0a000000-0000-4000-8000-000000000002",
  link: "0a000000-0000-4000-8000-000000000003",
  household: "0a000000-0000-4000-8000-000000000004",
  member: "0a000000-0000-4000-8000-000000000005",
  agency: "0a000000-0000-4000-8000-000000000006",
  user: "0a000000-0000-4000-8000-000000000007",
};
const at = new Date("2025-06-30T09:15:30.123Z");
const later = new Date("2025-07-02T10:00:00.456Z");
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const ROWS = {
  Commune: {
    id: ids.commune, name: "Kim Phượng", kind: "PHUONG", code: "05695", district: "Định Hóa", province: "Thái Nguyên",
    validFrom: day("2025-07-01"), validTo: day("2030-12-31"), legalBasis: "Nghị quyết 1683/NQ-UBTVQH15", createdAt: at,
  },
  Hamlet: {
    id: ids.hamlet, communeId: ids.commune, name: "Bản Lác", kind: "BAN", headName: "Ma Văn Thắng", frontTeamHeadName: "Lò Thị Hoa",
    hasCulturalHouse: true, searchText: "ban lac", version: 3, createdAt: at, updatedAt: later,
  },
  HamletCommuneLink: {
    id: ids.link, hamletId: ids.hamlet, communeId: ids.commune, validFrom: day("2019-12-01"), validTo: day("2025-06-30"),
    legalBasis: "Nghị quyết 832/NQ-UBTVQH14",
  },
  Household: {
    id: ids.household, communeId: ids.commune, hamletId: ids.hamlet, headName: "Nguyễn Văn A", address: "Tổ 1", phone: "0912345678",
    povertyStatus: "NEAR_POOR", status: "SPLIT", searchText: "nguyen van a to 1 0912345678", dedupeKey: "nguyễn văn a|tổ 1", version: 2,
    createdAt: at, updatedAt: later,
  },
  HouseholdMember: {
    id: ids.member, communeId: ids.commune, householdId: ids.household, fullName: "Nguyễn Thị B", birthYear: 1999,
    relationship: "CHILD_IN_LAW", position: 4,
  },
  Agency: {
    id: ids.agency, communeId: ids.commune, name: "Trường Tiểu học Kim Phượng", kind: "PUBLIC_UNIT", headName: "Hà Thị C",
    tradeUnionName: "Công đoàn trường", headcount: 27, searchText: "truong tieu hoc kim phuong", version: 5, createdAt: at, updatedAt: later,
  },
  User: {
    id: ids.user, communeId: ids.commune, username: "truongxom", fullName: "Ma Văn Thắng", passwordHash: "$2b$04$notarealhash",
    role: "HAMLET_HEAD", hamletId: ids.hamlet, isActive: false, searchText: "truongxom ma van thang", lastLoginAt: later, createdAt: at, updatedAt: later,
  },
  LoginAttempt: { id: 9_001n, username: "truongxom", ip: "127.0.0.1", isSuccess: true, attemptedAt: at },
  AuditLog: {
    id: 9_002n, communeId: ids.commune, actorId: ids.user, actorUsername: "truongxom", action: "household.update",
    entityType: "Household", entityId: ids.household, before: { headName: "Nguyễn Văn A", members: [] },
    after: { headName: "Nguyễn Văn Á", phone: null, members: [{ fullName: "B", birthYear: 1999 }] }, createdAt: later,
  },
} satisfies {
  Commune: Prisma.CommuneUncheckedCreateInput;
  Hamlet: Prisma.HamletUncheckedCreateInput;
  HamletCommuneLink: Prisma.HamletCommuneLinkUncheckedCreateInput;
  Household: Prisma.HouseholdUncheckedCreateInput;
  HouseholdMember: Prisma.HouseholdMemberUncheckedCreateInput;
  Agency: Prisma.AgencyUncheckedCreateInput;
  User: Prisma.UserUncheckedCreateInput;
  LoginAttempt: Prisma.LoginAttemptUncheckedCreateInput;
  AuditLog: Prisma.AuditLogUncheckedCreateInput;
};

/** Every scalar field of each model, as the generated client knows them. */
const FIELDS: Record<Prisma.ModelName, Record<string, string>> = {
  Commune: Prisma.CommuneScalarFieldEnum,
  Hamlet: Prisma.HamletScalarFieldEnum,
  HamletCommuneLink: Prisma.HamletCommuneLinkScalarFieldEnum,
  Household: Prisma.HouseholdScalarFieldEnum,
  HouseholdMember: Prisma.HouseholdMemberScalarFieldEnum,
  Agency: Prisma.AgencyScalarFieldEnum,
  User: Prisma.UserScalarFieldEnum,
  LoginAttempt: Prisma.LoginAttemptScalarFieldEnum,
  AuditLog: Prisma.AuditLogScalarFieldEnum,
};

const allOf = (model: Prisma.ModelName) => Object.fromEntries(Object.values(FIELDS[model]).map((f) => [f, true]));

/** Writes every row, then reads each back selecting all of its scalar fields. */
async function roundTrip(): Promise<Record<Prisma.ModelName, unknown>> {
  await db.commune.create({ data: ROWS.Commune });
  await db.hamlet.create({ data: ROWS.Hamlet });
  await db.hamletCommuneLink.create({ data: ROWS.HamletCommuneLink });
  await db.household.create({ data: ROWS.Household });
  await db.householdMember.create({ data: ROWS.HouseholdMember });
  await db.agency.create({ data: ROWS.Agency });
  await db.user.create({ data: ROWS.User });
  await db.loginAttempt.create({ data: ROWS.LoginAttempt });
  await db.auditLog.create({ data: ROWS.AuditLog });
  return {
    Commune: await db.commune.findUniqueOrThrow({ where: { id: ids.commune }, select: allOf("Commune") }),
    Hamlet: await db.hamlet.findUniqueOrThrow({ where: { id: ids.hamlet }, select: allOf("Hamlet") }),
    HamletCommuneLink: await db.hamletCommuneLink.findUniqueOrThrow({ where: { id: ids.link }, select: allOf("HamletCommuneLink") }),
    Household: await db.household.findUniqueOrThrow({ where: { id: ids.household }, select: allOf("Household") }),
    HouseholdMember: await db.householdMember.findUniqueOrThrow({ where: { id: ids.member }, select: allOf("HouseholdMember") }),
    Agency: await db.agency.findUniqueOrThrow({ where: { id: ids.agency }, select: allOf("Agency") }),
    User: await db.user.findUniqueOrThrow({ where: { id: ids.user }, select: allOf("User") }),
    LoginAttempt: await db.loginAttempt.findUniqueOrThrow({ where: { id: ROWS.LoginAttempt.id }, select: allOf("LoginAttempt") }),
    AuditLog: await db.auditLog.findUniqueOrThrow({ where: { id: ROWS.AuditLog.id }, select: allOf("AuditLog") }),
  };
}

describe("schema and migrations agree", () => {
  const models = Object.values(Prisma.ModelName);

  it("this test covers every model of the generated client", () => {
    expect(Object.keys(ROWS).sort()).toEqual([...models].sort());
    expect(Object.keys(FIELDS).sort()).toEqual([...models].sort());
  });

  it.each(models)("the %s row sets every field", (model) => {
    const row: Record<string, unknown> = ROWS[model];
    expect(Object.keys(row).sort()).toEqual(Object.values(FIELDS[model]).sort());
    for (const [field, value] of Object.entries(row)) expect(value, `${model}.${field}`).not.toBeNull();
  });

  it("writes a full row in every model and reads the same values back", async () => {
    const read = await roundTrip();
    for (const model of models) expect(read[model], model).toEqual(ROWS[model]);
  });
});
