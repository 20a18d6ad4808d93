import { CHEAPEST_PARAMS, hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { HouseholdStatus, PovertyStatus, Relationship } from "@/lib/generated/prisma/enums";
import type { HouseholdInput } from "@/lib/households/schema";
import { ACTOR_SELECT, actorOf, type Actor, type Role } from "@/lib/policy";
import { dedupeKeyOf, searchTextOf } from "@/lib/text";

// Small builders for integration tests. They write straight through the Prisma client (no services, no audit rows)
// so a test sets up exactly the state it needs. Names carry a counter so rows never collide inside one test.

let counter = 0;
const next = () => ++counter;

/** Password every factory user gets unless told otherwise. */
export const TEST_PASSWORD = "mat-khau-thu-nghiem";
// argon2id through the app's own hashPassword, with the cheapest parameters it accepts so tests stay fast; the first
// sign-in of such a user re-hashes with the policy, as it would for an account from an older policy.
let testPasswordHash: Promise<string> | null = null;
const defaultHash = () => (testPasswordHash ??= hashPassword(TEST_PASSWORD, CHEAPEST_PARAMS));

/** Empties every application table (TRUNCATE skips the AuditLog row trigger, which refuses UPDATE and DELETE). */
export async function resetDb(): Promise<void> {
  const tables = await db.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  if (tables.length === 0) return;
  const list = tables.map((t) => `"${t.tablename.replace(/"/g, '""')}"`).join(", ");
  await db.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}

export type CommuneRow = { id: string; name: string };
export type HamletRow = { id: string; communeId: string; name: string };

export async function makeCommune(overrides: { name?: string } = {}): Promise<CommuneRow> {
  const n = next();
  return db.commune.create({
    data: { name: overrides.name ?? `Xã Thử ${n}`, province: "Thái Nguyên", validFrom: new Date("2025-07-01T00:00:00Z") },
    select: { id: true, name: true },
  });
}

export async function makeHamlet(communeId: string, overrides: { name?: string } = {}): Promise<HamletRow> {
  const name = overrides.name ?? `Xóm Thử ${next()}`;
  return db.hamlet.create({
    data: { communeId, name, searchText: searchTextOf(name) },
    select: { id: true, communeId: true, name: true },
  });
}

export type ActorOptions = {
  communeId: string;
  hamletId?: string | null;
  username?: string;
  fullName?: string;
  password?: string;
  isActive?: boolean;
};

/**
 * Creates a user and returns the Actor the session would carry for them. A PROVINCE viewer belongs to the province
 * of `communeId`'s commune and to no commune.
 */
export async function makeActor(role: Role, options: ActorOptions): Promise<Actor> {
  const n = next();
  const username = options.username ?? `${role.toLowerCase()}${n}`;
  const fullName = options.fullName ?? `Người Dùng ${n}`;
  const province = role === "PROVINCE"
    ? (await db.commune.findUniqueOrThrow({ where: { id: options.communeId }, select: { province: true } })).province
    : null;
  const user = await db.user.create({
    data: {
      communeId: province === null ? options.communeId : null,
      province,
      hamletId: province === null ? (options.hamletId ?? null) : null,
      username,
      fullName,
      searchText: searchTextOf(username, fullName),
      passwordHash: options.password ? await hashPassword(options.password, CHEAPEST_PARAMS) : await defaultHash(),
      role,
      isActive: options.isActive ?? true,
    },
    select: ACTOR_SELECT,
  });
  return actorOf(user)!;
}

export type HouseholdOptions = {
  headName?: string;
  address?: string;
  phone?: string | null;
  povertyStatus?: PovertyStatus;
  status?: HouseholdStatus;
  members?: { fullName: string; birthYear?: number | null; relationship: Exclude<Relationship, "HEAD"> }[];
};

/** Inserts a household (with its head as member 0) the way the service stores one: searchText and dedupeKey set. */
export async function makeHousehold(hamlet: HamletRow, options: HouseholdOptions = {}) {
  const n = next();
  const headName = options.headName ?? `Chủ Hộ ${n}`;
  const address = options.address ?? `Số ${n}, ${hamlet.name}`;
  const phone = options.phone ?? null;
  return db.household.create({
    data: {
      communeId: hamlet.communeId,
      hamletId: hamlet.id,
      headName,
      address,
      phone,
      povertyStatus: options.povertyStatus ?? "NONE",
      status: options.status ?? "ACTIVE",
      searchText: searchTextOf(headName, address, phone),
      dedupeKey: dedupeKeyOf(headName, address),
      members: {
        create: [
          { communeId: hamlet.communeId, fullName: headName, relationship: "HEAD", position: 0 },
          ...(options.members ?? []).map((m, i) => ({
            communeId: hamlet.communeId, fullName: m.fullName, birthYear: m.birthYear ?? null, relationship: m.relationship, position: i + 1,
          })),
        ],
      },
    },
    select: { id: true, communeId: true, hamletId: true, headName: true, address: true, version: true },
  });
}

/** A parsed household form, as the services receive it after HouseholdInput.parse(). */
export function householdInput(hamletId: string, overrides: Partial<HouseholdInput> = {}): HouseholdInput {
  const n = next();
  return {
    headName: `Hộ Mới ${n}`,
    headBirthYear: 1975,
    address: `Tổ ${n}`,
    phone: "0912345678",
    hamletId,
    povertyStatus: "NONE",
    status: "ACTIVE",
    members: [{ fullName: `Con Hộ ${n}`, birthYear: 2005, relationship: "CHILD" }],
    ...overrides,
  };
}

/**
 * The usual cast: commune C with hamlets A and B, and commune D with hamlet Z; an actor of each role in C
 * (the hamlet head bound to A) and an officer of D.
 */
export async function makeWorld() {
  const commune = await makeCommune();
  const otherCommune = await makeCommune();
  const hamletA = await makeHamlet(commune.id);
  const hamletB = await makeHamlet(commune.id);
  const hamletZ = await makeHamlet(otherCommune.id);
  const actors = {
    admin: await makeActor("ADMIN", { communeId: commune.id }),
    officer: await makeActor("OFFICER", { communeId: commune.id }),
    leader: await makeActor("LEADER", { communeId: commune.id }),
    committee: await makeActor("COMMITTEE", { communeId: commune.id }),
    headA: await makeActor("HAMLET_HEAD", { communeId: commune.id, hamletId: hamletA.id }),
    otherOfficer: await makeActor("OFFICER", { communeId: otherCommune.id }),
  };
  return { commune, otherCommune, hamletA, hamletB, hamletZ, actors };
}
export type World = Awaited<ReturnType<typeof makeWorld>>;

/** Row counts a failed write must leave unchanged. */
export async function countRows() {
  const [households, members, audits] = await Promise.all([db.household.count(), db.householdMember.count(), db.auditLog.count()]);
  return { households, members, audits };
}
