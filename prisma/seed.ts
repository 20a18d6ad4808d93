// Demo data for Kim Phượng commune (Định Hóa, Thái Nguyên): 14 xóm, ≈1,300 households, 12 agencies, 5 users, and the
// "Gia đình văn hóa" cycle of 2022–2024 (lib/demo-cycle.ts). Run with `npx tsx prisma/seed.ts` (needs DATABASE_URL) or call seedDemo() from code. Idempotent and deterministic.

import { realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  PrismaClient,
  HouseholdStatus,
  PovertyStatus,
  Relationship,
  Role,
  type Prisma,
} from "../lib/generated/prisma/client";
import { hashPassword } from "../lib/auth/password";
import {
  DEMO_AGENCIES,
  DEMO_COMMUNE,
  DEMO_HAMLET_LINK,
  DEMO_HAMLETS,
  FAMILY_NAMES,
  FEMALE_GIVEN_OLDER,
  FEMALE_GIVEN_YOUNGER,
  FEMALE_MIDDLE_OLDER,
  FEMALE_MIDDLE_YOUNGER,
  MALE_GIVEN_OLDER,
  MALE_GIVEN_YOUNGER,
  MALE_MIDDLE_OLDER,
  MALE_MIDDLE_YOUNGER,
  MOBILE_PREFIXES,
} from "../lib/demo-data";
import { buildCycle, cycleSummaryLines, summarizeCycle, type CycleRows, type CycleSummary } from "../lib/demo-cycle";
import { buildTitles, recognisedKey, titlesSummaryLines, type TitlesRows } from "../lib/demo-titles";
import { Rng, demoId } from "../lib/demo-random";
import { ensureDefaultSets } from "../lib/campaign/sets";
import type { Tx } from "../lib/db";
import { dedupeKeyOf, searchTextOf } from "../lib/text";
import { insertRows } from "../lib/bulk";

export const DEMO_PASSWORD = "vanhoa2024";

export const DEMO_USERS: { username: string; role: Role; fullName: string; hamletName?: string }[] = [
  { username: "admin", role: Role.ADMIN, fullName: "Lương Văn Hải" },
  { username: "canbo", role: Role.OFFICER, fullName: "Hoàng Thị Thu Hà" },
  { username: "lanhdao", role: Role.LEADER, fullName: "Ma Văn Quyết" },
  { username: "bcd", role: Role.COMMITTEE, fullName: "Nông Văn Tuấn" },
  { username: "truongxom", role: Role.HAMLET_HEAD, fullName: "Ma Văn Thắng", hamletName: "Bản Lác" },
  // The province's culture department: the roll-up of every commune of Thái Nguyên (here, the one demo commune).
  { username: "tinh", role: Role.PROVINCE, fullName: "Đặng Thị Minh Phương" },
];

const SEED = 0x4b1e_2024; // fixed PRNG seed: every run builds the same data
const CURRENT_YEAR = 2024;
const HOUSEHOLDS_PER_GROUP = 20; // a xóm is split into house groups ("Tổ 1", "Tổ 2", …) of about this size
const SEED_LOCK_KEY = 7_263_001; // pg advisory lock so two concurrent seeds cannot both insert

export type SeedResult = {
  seeded: boolean;
  communes: number;
  hamlets: number;
  households: number;
  members: number;
  agencies: number;
  users: number;
  cycle: CycleSummary;
  /** The hamlet and agency titles, one line per year (lib/demo-titles.ts titlesSummaryLines). */
  titles: string[];
};

// ---------------------------------------------------------------------------------------------
// Deterministic helpers
// ---------------------------------------------------------------------------------------------

const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

// ---------------------------------------------------------------------------------------------
// People and households
// ---------------------------------------------------------------------------------------------

type Sex = "M" | "F";

/** A full name for someone of the given family, sex and birth year (younger people get more varied middle names). */
function personName(rng: Rng, family: string, sex: Sex, birthYear: number): string {
  const younger = birthYear >= 1985;
  const middle = rng.weighted(
    sex === "M" ? (younger ? MALE_MIDDLE_YOUNGER : MALE_MIDDLE_OLDER) : younger ? FEMALE_MIDDLE_YOUNGER : FEMALE_MIDDLE_OLDER,
  );
  const givenPool = sex === "M" ? (younger ? MALE_GIVEN_YOUNGER : MALE_GIVEN_OLDER) : younger ? FEMALE_GIVEN_YOUNGER : FEMALE_GIVEN_OLDER;
  let given = rng.pick(givenPool);
  while (given === middle) given = rng.pick(givenPool);
  return `${family} ${middle} ${given}`;
}

/** A family name different from `other` (spouses usually come from another family). */
function otherFamily(rng: Rng, other: string): string {
  let family = rng.weighted(FAMILY_NAMES);
  while (family === other) family = rng.weighted(FAMILY_NAMES);
  return family;
}

type MemberDraft = { fullName: string; birthYear: number; relationship: Relationship };

/**
 * Builds a plausible household of 2–6 people around a head. Older heads tend to live with a married son,
 * his wife and grandchildren (common in Tày and Nùng families); younger heads with their children and
 * sometimes a widowed parent.
 */
function draftHousehold(rng: Rng, headName: string, headFamily: string, headSex: Sex, headYear: number): MemberDraft[] {
  const members: MemberDraft[] = [{ fullName: headName, birthYear: headYear, relationship: Relationship.HEAD }];
  const add = (fullName: string, birthYear: number, relationship: Relationship) =>
    members.push({ fullName, birthYear, relationship });

  // Spouse. A female head is often a widow; when she has a husband, the children carry his family name.
  const hasSpouse = headSex === "M" ? rng.chance(headYear < 1962 ? 0.78 : 0.9) : rng.chance(0.4);
  const spouseFamily = otherFamily(rng, headFamily);
  const spouseYear = headSex === "M" ? headYear + rng.int(-1, 5) : headYear - rng.int(0, 5);
  if (hasSpouse) add(personName(rng, spouseFamily, headSex === "M" ? "F" : "M", spouseYear), spouseYear, Relationship.SPOUSE);
  const childFamily = headSex === "M" ? headFamily : spouseFamily;
  const motherYear = headSex === "M" ? spouseYear : headYear;

  const child = (year: number) => {
    const sex: Sex = rng.chance(0.52) ? "M" : "F";
    return { sex, name: personName(rng, childFamily, sex, year) };
  };

  if (headYear <= 1968) {
    const shape = rng.float();
    if (shape < 0.5) {
      // A married son stays with his parents: son, daughter-in-law, grandchildren.
      const sonYear = Math.min(motherYear + rng.int(21, 34), CURRENT_YEAR - 21);
      add(personName(rng, childFamily, "M", sonYear), sonYear, Relationship.CHILD);
      const dilYear = Math.min(sonYear + rng.int(-1, 4), CURRENT_YEAR - 19);
      add(personName(rng, otherFamily(rng, childFamily), "F", dilYear), dilYear, Relationship.CHILD_IN_LAW);
      let year = dilYear + rng.int(20, 27);
      for (let i = rng.weighted<number>([[1, 45], [2, 45], [3, 10]]); i > 0 && year <= CURRENT_YEAR; i--) {
        const sex: Sex = rng.chance(0.52) ? "M" : "F";
        add(personName(rng, childFamily, sex, year), year, Relationship.GRANDCHILD);
        year += rng.int(2, 6);
      }
    } else if (shape < 0.85 || !hasSpouse) {
      // One or two unmarried younger children.
      let year = Math.min(motherYear + rng.int(24, 36), CURRENT_YEAR - 18);
      for (let i = rng.int(1, 2); i > 0; i--) {
        const c = child(year);
        add(c.name, year, Relationship.CHILD);
        year = Math.min(year + rng.int(2, 5), CURRENT_YEAR - 16);
      }
    }
  } else {
    // Younger head: sometimes a widowed parent lives with them.
    if (headYear >= 1972 && rng.chance(0.15)) {
      const father = rng.chance(0.3);
      const parentYear = headYear - rng.int(20, 32);
      const parentFamily = father ? headFamily : otherFamily(rng, headFamily);
      add(personName(rng, parentFamily, father ? "M" : "F", parentYear), parentYear, Relationship.PARENT);
    }
    if (rng.chance(0.02)) {
      const sibYear = headYear + rng.int(-6, 10);
      add(personName(rng, headFamily, rng.chance(0.5) ? "M" : "F", sibYear), sibYear, Relationship.SIBLING);
    }
    let year = motherYear + rng.int(20, 27);
    const wanted = rng.weighted<number>([[1, 30], [2, 55], [3, 15]]);
    for (let i = 0; i < wanted && year <= CURRENT_YEAR && year - motherYear <= 42; i++) {
      const c = child(year);
      add(c.name, year, Relationship.CHILD);
      year += rng.int(2, 6);
    }
  }

  // Nobody lives alone in the demo: give a lone head a child who stayed home.
  if (members.length < 2) {
    const year = Math.min(motherYear + rng.int(22, 30), CURRENT_YEAR - 1);
    add(child(year).name, year, Relationship.CHILD);
  }
  return members.slice(0, 6);
}

function drawPhone(rng: Rng, used: Set<string>): string {
  for (;;) {
    const phone = rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 9_999_999)).padStart(7, "0");
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}

function drawPoverty(rng: Rng): PovertyStatus {
  const r = rng.float();
  return r < 0.05 ? PovertyStatus.POOR : r < 0.11 ? PovertyStatus.NEAR_POOR : PovertyStatus.NONE;
}

function drawStatus(rng: Rng): HouseholdStatus {
  const r = rng.float();
  if (r < 0.007) return HouseholdStatus.MOVED_OUT;
  if (r < 0.012) return HouseholdStatus.SPLIT;
  if (r < 0.015) return HouseholdStatus.DISSOLVED;
  return HouseholdStatus.ACTIVE;
}

// ---------------------------------------------------------------------------------------------
// The data set (pure: no database access)
// ---------------------------------------------------------------------------------------------

type HouseholdRow = {
  id: string;
  communeId: string;
  hamletId: string;
  headName: string;
  address: string;
  phone: string | null;
  povertyStatus: PovertyStatus;
  status: HouseholdStatus;
  searchText: string;
  dedupeKey: string;
};
type MemberRow = {
  id: string;
  communeId: string;
  householdId: string;
  fullName: string;
  birthYear: number;
  relationship: Relationship;
  position: number;
};
type HamletRow = {
  id: string;
  communeId: string;
  name: string;
  kind: "XOM";
  headName: string;
  frontTeamHeadName: string;
  hasCulturalHouse: boolean;
  searchText: string;
};

/** Builds every row of the demo, deterministically. */
function buildDemoData() {
  const rng = new Rng(SEED);
  const communeId = demoId("commune/kim-phuong");
  const usedPhones = new Set<string>();
  const hamlets: HamletRow[] = [];
  const households: HouseholdRow[] = [];
  const members: MemberRow[] = [];

  // Fixed household heads (e.g. the demo hamlet head must live in his own xóm).
  const fixedHeads = new Map<string, { name: string; year: number }>();
  for (const u of DEMO_USERS) if (u.hamletName) fixedHeads.set(u.hamletName, { name: u.fullName, year: 1974 });

  for (const spec of DEMO_HAMLETS) {
    const hamletId = demoId(`hamlet/${spec.name}`);
    const groups = Math.max(1, Math.round(spec.households / HOUSEHOLDS_PER_GROUP));
    const keys = new Set<string>();
    const heads: { name: string; sex: Sex; year: number; active: boolean }[] = [];

    for (let i = 0; i < spec.households; i++) {
      const group = 1 + Math.floor((i * groups) / spec.households);
      const address = `Tổ ${group}, xóm ${spec.name}, xã ${DEMO_COMMUNE.name}`;
      const fixed = i === 0 ? fixedHeads.get(spec.name) : undefined;

      let family: string, sex: Sex, year: number, headName: string, dedupeKey: string;
      // Re-draw the head until (name, address) is unique within the xóm.
      do {
        family = rng.weighted(FAMILY_NAMES);
        sex = rng.chance(0.86) ? "M" : "F";
        year = rng.int(1950, 1995);
        headName = personName(rng, family, sex, year);
        if (fixed) {
          headName = fixed.name;
          family = fixed.name.split(" ")[0]!;
          sex = "M";
          year = fixed.year;
        }
        dedupeKey = dedupeKeyOf(headName, address);
      } while (keys.has(dedupeKey));
      keys.add(dedupeKey);

      const phone = fixed || rng.chance(0.6) ? drawPhone(rng, usedPhones) : null;
      const status = fixed ? HouseholdStatus.ACTIVE : drawStatus(rng);
      const householdId = demoId(`household/${spec.name}/${i}`);
      households.push({
        id: householdId,
        communeId,
        hamletId,
        headName,
        address,
        phone,
        povertyStatus: fixed ? PovertyStatus.NONE : drawPoverty(rng),
        status,
        searchText: searchTextOf(headName, address, phone),
        dedupeKey,
      });
      heads.push({ name: headName, sex, year, active: status === HouseholdStatus.ACTIVE });

      draftHousehold(rng, headName, family, sex, year).forEach((m, position) => {
        members.push({ id: demoId(`member/${householdId}/${position}`), communeId, householdId, ...m, position });
      });
    }

    // Hamlet leaders are residents: the trưởng xóm and the Mặt trận team head are two distinct household heads.
    const candidates = heads.filter((h) => h.active && h.year >= 1958 && h.year <= 1985);
    const fixed = fixedHeads.get(spec.name);
    const headName = fixed?.name ?? rng.pick(candidates.filter((h) => h.sex === "M")).name;
    let frontTeamHeadName = rng.pick(candidates).name;
    while (frontTeamHeadName === headName) frontTeamHeadName = rng.pick(candidates).name;

    hamlets.push({
      id: hamletId,
      communeId,
      name: spec.name,
      kind: "XOM",
      headName,
      frontTeamHeadName,
      hasCulturalHouse: spec.hasCulturalHouse,
      searchText: searchTextOf(spec.name),
    });
  }

  const agencies = DEMO_AGENCIES.map((a) => ({
    id: demoId(`agency/${a.name}`),
    communeId,
    ...a,
    searchText: searchTextOf(a.name, a.headName),
  }));

  return { communeId, hamlets, households, members, agencies };
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

const NOT_SEEDED: SeedResult = {
  seeded: false, communes: 0, hamlets: 0, households: 0, members: 0, agencies: 0, users: 0, cycle: { years: [], decisions: 0, violations: 0 }, titles: [],
};

/** Writes the cycle's rows in foreign-key order. */
async function writeCycle(tx: Tx, rows: CycleRows): Promise<void> {
  await insertRows<Prisma.CampaignYearCreateManyInput>(tx, "CampaignYear", rows.years);
  await insertRows<Prisma.PlanReferenceCreateManyInput>(tx, "PlanReference", rows.planRefs);
  await insertRows<Prisma.RegistrationCreateManyInput>(tx, "Registration", rows.registrations);
  await insertRows<Prisma.ViolationCreateManyInput>(tx, "Violation", rows.violations);
  await insertRows<Prisma.DecisionCreateManyInput>(tx, "Decision", rows.decisions);
  await insertRows<Prisma.HamletReviewCreateManyInput>(tx, "HamletReview", rows.reviews);
  await insertRows<Prisma.AssessmentCreateManyInput>(tx, "Assessment", rows.assessments);
  await insertRows<Prisma.ObjectionCreateManyInput>(tx, "Objection", rows.objections);
  await insertRows<Prisma.ReviewEventCreateManyInput>(tx, "ReviewEvent", rows.events);
  await insertRows<Prisma.TitleAwardCreateManyInput>(tx, "TitleAward", rows.awards);
  await insertRows<Prisma.CancellationItemCreateManyInput>(tx, "CancellationItem", rows.cancellationItems);
}

/** Households recognised per xóm and year: issued, not cancelled awards; for 2024, still undecided, the meeting's đạt. */
function recognisedByHamlet(cycle: CycleRows): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (hamletId: string, year: number) => counts.set(recognisedKey(hamletId, year), (counts.get(recognisedKey(hamletId, year)) ?? 0) + 1);
  for (const a of cycle.awards) if (a.status === "ACTIVE") add(a.hamletId, a.year);
  const reviews = new Map(cycle.reviews.map((r) => [r.id, r]));
  for (const a of cycle.assessments) {
    const review = reviews.get(a.hamletReviewId);
    if (review && review.status !== "DECIDED" && a.result === "ACHIEVED") add(review.hamletId, 2024);
  }
  return counts;
}

/** Writes the hamlet and agency titles' rows in foreign-key order. */
async function writeTitles(tx: Tx, rows: TitlesRows): Promise<void> {
  await insertRows<Prisma.DecisionCreateManyInput>(tx, "Decision", rows.decisions);
  await insertRows<Prisma.CouncilReviewCreateManyInput>(tx, "CouncilReview", rows.councils);
  await insertRows<Prisma.HamletTitleEntryCreateManyInput>(tx, "HamletTitleEntry", rows.entries);
  await insertRows<Prisma.HamletCriterionResultCreateManyInput>(tx, "HamletCriterionResult", rows.criterionResults);
  await insertRows<Prisma.NoticeCommentCreateManyInput>(tx, "NoticeComment", rows.comments);
  await insertRows<Prisma.HamletAwardCreateManyInput>(tx, "HamletAward", rows.hamletAwards);
  await insertRows<Prisma.AgencyYearCreateManyInput>(tx, "AgencyYear", rows.agencyYears);
  await insertRows<Prisma.AgencyRecognitionCreateManyInput>(tx, "AgencyRecognition", rows.recognitions);
}

/** Loads the Kim Phượng demo into an empty database. Does nothing (and returns zeros) once any commune exists. */
export async function seedDemo(db: PrismaClient): Promise<SeedResult> {
  if ((await db.commune.count()) > 0) return { ...NOT_SEEDED };

  const data = buildDemoData();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const hamletIdByName = new Map(data.hamlets.map((h) => [h.name, h.id]));
  const users = DEMO_USERS.map((u) => {
    const hamletId = u.hamletName ? hamletIdByName.get(u.hamletName) : null;
    if (hamletId === undefined) throw new Error(`Unknown demo hamlet: ${u.hamletName}`);
    const isProvince = u.role === Role.PROVINCE;
    return {
      id: demoId(`user/${u.username}`),
      communeId: isProvince ? null : data.communeId,
      province: isProvince ? DEMO_COMMUNE.province : null,
      username: u.username,
      fullName: u.fullName,
      searchText: searchTextOf(u.username, u.fullName),
      passwordHash,
      role: u.role,
      hamletId,
    };
  });

  return db.$transaction(
    async (tx) => {
      // Serialise concurrent seeders, then re-check under the lock.
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
      if ((await tx.commune.count()) > 0) return { ...NOT_SEEDED };

      await tx.commune.create({
        data: {
          id: data.communeId,
          name: DEMO_COMMUNE.name,
          kind: "XA",
          code: DEMO_COMMUNE.code,
          district: DEMO_COMMUNE.district,
          province: DEMO_COMMUNE.province,
          validFrom: utcDate(DEMO_COMMUNE.validFrom),
          legalBasis: DEMO_COMMUNE.legalBasis,
        },
      });
      await tx.hamlet.createMany({ data: data.hamlets });
      await tx.hamletCommuneLink.createMany({
        data: data.hamlets.map((h) => ({
          id: demoId(`hamlet-link/${h.name}`),
          hamletId: h.id,
          communeId: data.communeId,
          validFrom: utcDate(DEMO_HAMLET_LINK.validFrom),
          validTo: null,
          legalBasis: DEMO_HAMLET_LINK.legalBasis,
        })),
      });
      const now = new Date();
      await insertRows<Prisma.HouseholdCreateManyInput>(tx, "Household", data.households.map((h) => ({ ...h, createdAt: now, updatedAt: now })));
      await insertRows<Prisma.HouseholdMemberCreateManyInput>(tx, "HouseholdMember", data.members);
      await tx.agency.createMany({ data: data.agencies });
      await tx.user.createMany({ data: users });

      // The cycle runs on the commune's default rule and criteria sets, as a new year would.
      const sets = await ensureDefaultSets(tx, data.communeId);
      const ruleSet = await tx.ruleSet.findUniqueOrThrow({ where: { id: sets.ruleSetId } });
      const standards = await tx.criterion.findMany({
        where: { criteriaSetId: sets.criteriaSetId, kind: "STANDARD" },
        orderBy: { position: "asc" },
        select: { code: true, text: true },
      });
      const userOf = (username: string) => {
        const user = users.find((u) => u.username === username);
        if (!user) throw new Error(`Unknown demo user: ${username}`);
        return user;
      };
      const head = userOf("truongxom");
      const cycle = buildCycle({
        communeId: data.communeId,
        hamlets: data.hamlets,
        households: data.households,
        members: data.members,
        officer: userOf("canbo"),
        leader: userOf("lanhdao"),
        hamletHead: { id: head.id, fullName: head.fullName, hamletId: head.hamletId! },
        ruleSet,
        criteriaSet: { id: sets.criteriaSetId, standards },
      });
      for (const year of cycle.years) {
        Object.assign(year, {
          hamletCriteriaSetId: sets.hamletCriteriaSetId, agencyCriteriaSetId: sets.agencyCriteriaSetId, enterpriseCriteriaSetId: sets.enterpriseCriteriaSetId,
        });
      }
      await writeCycle(tx, cycle);
      const cycleSummary = summarizeCycle(cycle);

      // The other two titles, on the same years.
      const titles = buildTitles({
        communeId: data.communeId,
        hamlets: data.hamlets,
        households: data.households,
        recognised: recognisedByHamlet(cycle),
        agencies: data.agencies,
        officer: userOf("canbo"),
        leader: userOf("lanhdao"),
        hamletHead: { id: head.id, fullName: head.fullName, hamletId: head.hamletId! },
        ruleSet,
        hamletCriteria: {
          id: sets.hamletCriteriaSetId,
          items: await tx.criterion.findMany({
            where: { criteriaSetId: sets.hamletCriteriaSetId }, orderBy: { position: "asc" },
            select: { code: true, metric: true, comparator: true, threshold: true },
          }),
        },
        agencyCriteria: { id: sets.agencyCriteriaSetId },
        enterpriseCriteria: { id: sets.enterpriseCriteriaSetId },
        districtRuleId: (await tx.authorityRule.findFirstOrThrow({ where: { communeId: data.communeId, subject: "HAMLET", issuer: { not: "" } }, select: { id: true } })).id,
      });
      await writeTitles(tx, titles);

      const counts = {
        hamlets: data.hamlets.length,
        households: data.households.length,
        agencies: data.agencies.length,
        users: users.length,
      };
      await tx.auditLog.create({
        data: {
          communeId: data.communeId,
          actorUsername: "system",
          action: "seed.demo",
          entityType: "Commune",
          entityId: data.communeId,
          after: { ...counts, cycle: cycleSummary },
        },
      });

      return { seeded: true, communes: 1, members: data.members.length, ...counts, cycle: cycleSummary, titles: titlesSummaryLines(titles) };
    },
    { timeout: 120_000 },
  );
}

// ---------------------------------------------------------------------------------------------
// CLI: `npx tsx prisma/seed.ts`
// ---------------------------------------------------------------------------------------------

function isRunDirectly(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(path.resolve(entry)) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false; // e.g. bundled code whose import.meta.url is not a file URL
  }
}

async function main(): Promise<void> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set.");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  try {
    const started = Date.now();
    const r = await seedDemo(db);
    const ms = Date.now() - started;
    if (!r.seeded) {
      console.log("Database already has a commune; demo seed skipped.");
      return;
    }
    console.log(
      `Seeded demo commune in ${ms} ms: ${r.communes} commune, ${r.hamlets} hamlets, ${r.households} households, ${r.members} members, ${r.agencies} agencies, ${r.users} users.`,
    );
    for (const line of [...cycleSummaryLines(r.cycle), ...r.titles]) console.log(line);
  } finally {
    await db.$disconnect();
  }
}

if (isRunDirectly()) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
