import { describe, expect, it } from "vitest";
import {
  PERMISSIONS,
  ROLES,
  agencyScope,
  auditScope,
  authorize,
  can,
  hamletScope,
  householdScope,
  userScope,
  NO_COMMUNE,
  actorOf,
  provinceScope,
  type Actor,
  type Permission,
  type Place,
  type Role,
} from "@/lib/policy";
import { DomainError, MSG } from "@/lib/result";

// The policy table, written out by hand: any change to GRANTS or to the place rules that nobody meant to make
// fails one of these cells.

const C1 = "11111111-1111-4111-8111-111111111111";
const C2 = "22222222-2222-4222-8222-222222222222";
const H1 = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const H2 = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
const H3 = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";

const PLACES = {
  ownHamlet: { communeId: C1, hamletId: H1 },
  otherHamlet: { communeId: C1, hamletId: H2 },
  otherCommune: { communeId: C2, hamletId: H3 },
} satisfies Record<string, Place>;

function actor(role: Role, hamletId: string | null = role === "HAMLET_HEAD" ? H1 : null): Actor {
  const base = { id: "99999999-9999-4999-8999-999999999999", username: "u", fullName: "Người Dùng", role, hamletId };
  return role === "PROVINCE" ? { ...base, communeId: NO_COMMUNE, province: "Thái Nguyên" } : { ...base, communeId: C1 };
}

const Y = true;
const N = false;
/** Expected can() per role and permission, at [own hamlet, other hamlet of the same commune, other commune]. */
const TABLE: Record<Role, Record<Permission, readonly [boolean, boolean, boolean]>> = {
  ADMIN: {
    "hamlet.read": [Y, Y, N],
    "hamlet.write": [N, N, N],
    "household.read": [N, N, N],
    "household.write": [N, N, N],
    "agency.read": [N, N, N],
    "agency.write": [N, N, N],
    "user.manage": [Y, Y, N],
    "audit.read": [Y, Y, N],
    "campaign.read": [N, N, N],
    "campaign.manage": [N, N, N],
    "review.read": [N, N, N],
    "review.write": [N, N, N],
    "review.verify": [N, N, N],
    "violation.read": [N, N, N],
    "violation.write": [N, N, N],
    "decision.read": [N, N, N],
    "decision.draft": [N, N, N],
    "decision.approve": [N, N, N],
    "hamletTitle.write": [N, N, N],
    "council.manage": [N, N, N],
    "apiToken.manage": [Y, Y, N],
    "province.read": [N, N, N],
  },
  OFFICER: {
    "hamlet.read": [Y, Y, N],
    "hamlet.write": [Y, Y, N],
    "household.read": [Y, Y, N],
    "household.write": [Y, Y, N],
    "agency.read": [Y, Y, N],
    "agency.write": [Y, Y, N],
    "user.manage": [N, N, N],
    "audit.read": [Y, Y, N],
    "campaign.read": [Y, Y, N],
    "campaign.manage": [Y, Y, N],
    "review.read": [Y, Y, N],
    "review.write": [Y, Y, N],
    "review.verify": [Y, Y, N],
    "violation.read": [Y, Y, N],
    "violation.write": [Y, Y, N],
    "decision.read": [Y, Y, N],
    "decision.draft": [Y, Y, N],
    "decision.approve": [N, N, N],
    "hamletTitle.write": [Y, Y, N],
    "council.manage": [Y, Y, N],
    "apiToken.manage": [N, N, N],
    "province.read": [N, N, N],
  },
  LEADER: {
    "hamlet.read": [Y, Y, N],
    "hamlet.write": [N, N, N],
    "household.read": [Y, Y, N],
    "household.write": [N, N, N],
    "agency.read": [Y, Y, N],
    "agency.write": [N, N, N],
    "user.manage": [N, N, N],
    "audit.read": [N, N, N],
    "campaign.read": [Y, Y, N],
    "campaign.manage": [N, N, N],
    "review.read": [Y, Y, N],
    "review.write": [N, N, N],
    "review.verify": [N, N, N],
    "violation.read": [Y, Y, N],
    "violation.write": [N, N, N],
    "decision.read": [Y, Y, N],
    "decision.draft": [N, N, N],
    "decision.approve": [Y, Y, N],
    "hamletTitle.write": [N, N, N],
    "council.manage": [N, N, N],
    "apiToken.manage": [N, N, N],
    "province.read": [N, N, N],
  },
  COMMITTEE: {
    "hamlet.read": [Y, Y, N],
    "hamlet.write": [N, N, N],
    "household.read": [Y, Y, N],
    "household.write": [N, N, N],
    "agency.read": [Y, Y, N],
    "agency.write": [N, N, N],
    "user.manage": [N, N, N],
    "audit.read": [N, N, N],
    "campaign.read": [Y, Y, N],
    "campaign.manage": [N, N, N],
    "review.read": [Y, Y, N],
    "review.write": [N, N, N],
    "review.verify": [N, N, N],
    "violation.read": [N, N, N],
    "violation.write": [N, N, N],
    "decision.read": [Y, Y, N],
    "decision.draft": [N, N, N],
    "decision.approve": [N, N, N],
    "hamletTitle.write": [N, N, N],
    "council.manage": [N, N, N],
    "apiToken.manage": [N, N, N],
    "province.read": [N, N, N],
  },
  HAMLET_HEAD: {
    "hamlet.read": [Y, N, N],
    "hamlet.write": [N, N, N],
    "household.read": [Y, N, N],
    "household.write": [Y, N, N],
    "agency.read": [N, N, N],
    "agency.write": [N, N, N],
    "user.manage": [N, N, N],
    "audit.read": [N, N, N],
    "campaign.read": [Y, N, N],
    "campaign.manage": [N, N, N],
    "review.read": [Y, N, N],
    "review.write": [Y, N, N],
    "review.verify": [N, N, N],
    "violation.read": [Y, N, N],
    "violation.write": [N, N, N],
    "decision.read": [N, N, N],
    "decision.draft": [N, N, N],
    "decision.approve": [N, N, N],
    "hamletTitle.write": [Y, N, N],
    "council.manage": [N, N, N],
    "apiToken.manage": [N, N, N],
    "province.read": [N, N, N],
  },
  // A province viewer has no commune (NO_COMMUNE): every place of a commune is closed to them.
  PROVINCE: {
    "hamlet.read": [N, N, N],
    "hamlet.write": [N, N, N],
    "household.read": [N, N, N],
    "household.write": [N, N, N],
    "agency.read": [N, N, N],
    "agency.write": [N, N, N],
    "user.manage": [N, N, N],
    "audit.read": [N, N, N],
    "campaign.read": [N, N, N],
    "campaign.manage": [N, N, N],
    "review.read": [N, N, N],
    "review.write": [N, N, N],
    "review.verify": [N, N, N],
    "violation.read": [N, N, N],
    "violation.write": [N, N, N],
    "decision.read": [N, N, N],
    "decision.draft": [N, N, N],
    "decision.approve": [N, N, N],
    "hamletTitle.write": [N, N, N],
    "council.manage": [N, N, N],
    "apiToken.manage": [N, N, N],
    "province.read": [N, N, N],

  },
};

const CELLS = ROLES.flatMap((role) =>
  PERMISSIONS.flatMap((permission) =>
    (Object.keys(PLACES) as (keyof typeof PLACES)[]).map((place, i) => ({ role, permission, place, expected: TABLE[role][permission][i]! })),
  ),
);

describe("can(): role × permission × place", () => {
  it("the table lists every role and every permission", () => {
    expect(Object.keys(TABLE).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) expect(Object.keys(TABLE[role]).sort()).toEqual([...PERMISSIONS].sort());
    expect(CELLS).toHaveLength(ROLES.length * PERMISSIONS.length * 3);
  });

  it.each(CELLS)("$role $permission at $place → $expected", ({ role, permission, place, expected }) => {
    expect(can(actor(role), permission, PLACES[place])).toBe(expected);
  });

  it.each(CELLS)("authorize() agrees with can(): $role $permission at $place", ({ role, permission, place, expected }) => {
    const call = () => authorize(actor(role), permission, PLACES[place]);
    if (expected) expect(call).not.toThrow();
    else expect(call).toThrow(expect.objectContaining({ code: "FORBIDDEN", message: MSG.forbidden }));
  });

  it("authorize() throws a DomainError", () => {
    expect(() => authorize(actor("LEADER"), "household.write", PLACES.ownHamlet)).toThrow(DomainError);
  });

  // Without a place the check is commune-wide: roles act per their grants, a hamlet head never; a province viewer
  // only reads the province roll-up.
  it.each(ROLES.flatMap((role) => PERMISSIONS.map((permission) => ({ role, permission }))))(
    "$role $permission with no place",
    ({ role, permission }) => {
      const expected = role === "HAMLET_HEAD" ? false : role === "PROVINCE" ? permission === "province.read" : TABLE[role][permission][0];
      expect(can(actor(role), permission)).toBe(expected);
    },
  );

  it("a place giving only the commune is enough for commune-wide roles but not for a hamlet head", () => {
    expect(can(actor("OFFICER"), "household.write", { communeId: C1 })).toBe(true);
    expect(can(actor("HAMLET_HEAD"), "household.write", { communeId: C1 })).toBe(false);
  });

  it.each(PERMISSIONS)("a hamlet head with no hamlet may not %s anywhere", (permission) => {
    const head = actor("HAMLET_HEAD", null);
    for (const place of [...Object.values(PLACES), { communeId: C1, hamletId: null }, undefined]) {
      expect(can(head, permission, place)).toBe(false);
    }
  });

  it.each(PERMISSIONS)("an unknown role may not %s", (permission) => {
    const stranger = { ...actor("OFFICER"), role: "SUPERUSER" as Role };
    for (const place of [...Object.values(PLACES), undefined]) expect(can(stranger, permission, place)).toBe(false);
  });

  it.each(PERMISSIONS)("no actor may not %s", (permission) => {
    expect(can(null, permission, PLACES.ownHamlet)).toBe(false);
    expect(can(undefined, permission)).toBe(false);
  });
});

// Scopes: the where clause each role's reads get.
const NOTHING = { id: { in: [] } };
const COMMUNE = { communeId: C1 };

describe.each([
  { role: "ADMIN", hamlet: COMMUNE, household: NOTHING, agency: NOTHING, user: COMMUNE, audit: COMMUNE },
  { role: "OFFICER", hamlet: COMMUNE, household: COMMUNE, agency: COMMUNE, user: NOTHING, audit: COMMUNE },
  { role: "LEADER", hamlet: COMMUNE, household: COMMUNE, agency: COMMUNE, user: NOTHING, audit: NOTHING },
  { role: "COMMITTEE", hamlet: COMMUNE, household: COMMUNE, agency: COMMUNE, user: NOTHING, audit: NOTHING },
  {
    role: "HAMLET_HEAD",
    hamlet: { communeId: C1, id: H1 },
    household: { communeId: C1, hamletId: H1 },
    agency: NOTHING,
    user: NOTHING,
    audit: NOTHING,
  },
  { role: "PROVINCE", hamlet: NOTHING, household: NOTHING, agency: NOTHING, user: NOTHING, audit: NOTHING },
] as const)("scopes for $role", ({ role, hamlet, household, agency, user, audit }) => {
  const a = actor(role);
  it("hamletScope", () => expect(hamletScope(a)).toEqual(hamlet));
  it("householdScope", () => expect(householdScope(a)).toEqual(household));
  it("agencyScope", () => expect(agencyScope(a)).toEqual(agency));
  it("userScope", () => expect(userScope(a)).toEqual(user));
  it("auditScope", () => expect(auditScope(a)).toEqual(audit));
});

describe("scopes that must match nothing", () => {
  it("a hamlet head with no hamlet sees nothing", () => {
    const head = actor("HAMLET_HEAD", null);
    for (const scope of [hamletScope, householdScope, agencyScope, userScope, auditScope]) expect(scope(head)).toEqual(NOTHING);
  });

  it("an unknown role sees nothing", () => {
    const stranger = { ...actor("ADMIN"), role: "ROOT" as Role };
    for (const scope of [hamletScope, householdScope, agencyScope, userScope, auditScope]) expect(scope(stranger)).toEqual(NOTHING);
  });
});

describe("province viewers", () => {
  it("provinceScope gives a PROVINCE viewer their province and anyone else nothing", () => {
    expect(provinceScope(actor("PROVINCE"))).toBe("Thái Nguyên");
    for (const role of ROLES.filter((r) => r !== "PROVINCE")) expect(provinceScope(actor(role))).toBeNull();
    expect(provinceScope({ ...actor("PROVINCE"), province: null })).toBeNull();
  });

  it("actorOf maps a user without a commune to NO_COMMUNE and keeps the province only for PROVINCE", () => {
    const row = { id: "1", username: "tinh", fullName: "Cán Bộ Tỉnh", hamletId: null };
    expect(actorOf({ ...row, role: "PROVINCE", communeId: null, province: "Thái Nguyên" })).toMatchObject({ communeId: NO_COMMUNE, province: "Thái Nguyên" });
    expect(actorOf({ ...row, role: "OFFICER", communeId: C1, province: "Thái Nguyên" })).toMatchObject({ communeId: C1, province: null });
    expect(actorOf({ ...row, role: "ROOT", communeId: C1 })).toBeNull();
  });
});
