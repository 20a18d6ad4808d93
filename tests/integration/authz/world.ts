import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { ROLES, type Actor, type Role } from "@/lib/policy";
import { makeCampaignYear, type YearRow } from "../../factories/cycle";
import { useDistrictRules as applyDistrictRules } from "../../factories/hamlet-decision";
import { makeActor, makeCommune, makeHamlet, makeHousehold, type CommuneRow, type HamletRow } from "../../factories";
import type { Target } from "./expectations";

// The cast of the attack tests: commune C with hamlets A and B, commune D with hamlet Z, two households in each
// hamlet, campaign years 2024 and 2025 in both communes (the default rule and criteria sets, the district's authority
// rules until 30/6/2025), an agency in each commune, and one actor of every role in C (the hamlet head bound to A).

export type Household = { id: string; hamletId: string; communeId: string; headName: string; memberId: string };

/** Where a cell's rows live. */
export type Place = {
  commune: CommuneRow;
  hamlet: HamletRow;
  households: [Household, Household];
  y2024: YearRow;
  y2025: YearRow;
  agency: { id: string; name: string };
  /** An officer of the place's commune, who builds the cell's rows through the services. */
  officer: Actor;
  leader: Actor;
};

/** Any name no other row has. */
let n = 0;
export const unique = (prefix: string) => `${prefix} ${++n}`;

async function householdIn(hamlet: HamletRow): Promise<Household> {
  const h = await makeHousehold(hamlet, { headName: unique("Hoàng Văn Hộ"), members: [{ fullName: unique("Lò Thị Vợ"), relationship: "SPOUSE" }] });
  const member = await db.householdMember.findFirstOrThrow({ where: { householdId: h.id, relationship: "SPOUSE" }, select: { id: true } });
  return { ...h, memberId: member.id };
}

/** The actor the session holds for a role, in commune C; a role the database does not know yet gets a stand-in row. */
/** A real user of each role (a PROVINCE viewer of commune C's province); a role the schema does not know as a bare actor. */
async function actorFor(role: string, communeId: string, hamletId: string): Promise<Actor> {
  const isHead = role === "HAMLET_HEAD";
  if ((ROLES as readonly string[]).includes(role)) return makeActor(role as Role, { communeId, hamletId: isHead ? hamletId : null });
  return { id: randomUUID(), username: role.toLowerCase(), fullName: `Vai trò ${role}`, role: role as Role, communeId, hamletId: null };
}

/** A role no grant knows: every check must fail closed for it. */
export const UNKNOWN_ROLE = "UNKNOWN_ROLE";

export async function buildWorld() {
  const commune = await makeCommune({ name: "Kim Phượng" });
  const otherCommune = await makeCommune({ name: "Bình Yên" });
  await applyDistrictRules(commune.id);
  await applyDistrictRules(otherCommune.id);
  const hamletA = await makeHamlet(commune.id, { name: "Bản Lác" });
  const hamletB = await makeHamlet(commune.id, { name: "Nà Mòn" });
  const hamletZ = await makeHamlet(otherCommune.id, { name: "Khuổi Lừa" });
  const years = {
    C: { y2024: await makeCampaignYear(commune.id, 2024), y2025: await makeCampaignYear(commune.id, 2025) },
    D: { y2024: await makeCampaignYear(otherCommune.id, 2024), y2025: await makeCampaignYear(otherCommune.id, 2025) },
  };
  const agencyC = await db.agency.create({ data: { communeId: commune.id, name: "Trường Tiểu học Kim Phượng", kind: "PUBLIC_UNIT", headName: "Ma Văn Hiệu" }, select: { id: true, name: true } });
  const agencyD = await db.agency.create({ data: { communeId: otherCommune.id, name: "Trường Tiểu học Bình Yên", kind: "PUBLIC_UNIT", headName: "Lò Văn Hiệu" }, select: { id: true, name: true } });
  const households = {
    A: [await householdIn(hamletA), await householdIn(hamletA)] as [Household, Household],
    B: [await householdIn(hamletB), await householdIn(hamletB)] as [Household, Household],
    Z: [await householdIn(hamletZ), await householdIn(hamletZ)] as [Household, Household],
  };
  const actors: Record<string, Actor> = {};
  for (const role of [...ROLES, UNKNOWN_ROLE]) actors[role] = await actorFor(role, commune.id, hamletA.id);
  const staff = {
    C: { officer: actors.OFFICER ?? (await makeActor("OFFICER", { communeId: commune.id })), leader: actors.LEADER ?? (await makeActor("LEADER", { communeId: commune.id })) },
    D: { officer: await makeActor("OFFICER", { communeId: otherCommune.id }), leader: await makeActor("LEADER", { communeId: otherCommune.id }) },
  };
  const place = (hamlet: HamletRow, key: "A" | "B" | "Z"): Place => {
    const c = key === "Z" ? "D" : "C";
    return {
      commune: c === "C" ? commune : otherCommune, hamlet, households: households[key], ...years[c], agency: c === "C" ? agencyC : agencyD, ...staff[c],
    };
  };
  const places: Record<Target, Place> = {
    ownHamlet: place(hamletA, "A"),
    own: place(hamletA, "A"),
    otherHamlet: place(hamletB, "B"),
    otherCommune: place(hamletZ, "Z"),
  };
  return { commune, otherCommune, hamletA, hamletB, hamletZ, actors, places };
}
export type MatrixWorld = Awaited<ReturnType<typeof buildWorld>>;
