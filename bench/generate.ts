// The benchmark's data generator: communes of a province with five years of the three titles' cycles, built
// deterministically from a seed and written through COPY. Commune 0 ("Kim Phượng", the reference commune) is the
// same at every size, so its dashboard can be timed against a growing number of rows in other communes.
//
// The rows follow the app's own rules: every meeting's quorum and every household's result come from
// lib/review (quorum, householdOutcome), awards exist exactly for ACHIEVED households of DECIDED dossiers under an
// ISSUED decision, cancellations keep the award as CANCELLED with the cancelling decision.

import type pg from "pg";
import { DEFAULT_RULE_SET, HOUSEHOLD_CRITERIA, HOUSEHOLD_CRITERIA_SET, TITLE_CRITERIA_SETS, defaultAuthorityRules, defaultDeadlines, DEFAULT_TARGETS } from "@/lib/campaign/defaults";
import { addDays, toIsoDate, utcDate } from "@/lib/dates";
import {
  DEMO_AGENCIES, DEMO_HAMLETS, DEMO_UNMET_CODES, DEMO_VIOLATION_KINDS, FAMILY_NAMES, FEMALE_GIVEN_OLDER, FEMALE_GIVEN_YOUNGER, FEMALE_MIDDLE_OLDER,
  FEMALE_MIDDLE_YOUNGER, MALE_GIVEN_OLDER, MALE_GIVEN_YOUNGER, MALE_MIDDLE_OLDER, MALE_MIDDLE_YOUNGER, MOBILE_PREFIXES,
} from "@/lib/demo-data";
import { Rng } from "@/lib/demo-random";
import { exclusionsInWindow, firstSubmitDay, noticeEndsOn, quorum, violationWindow, type Category, type ReviewStatus } from "@/lib/review/rules";
import { householdOutcome, type OutcomeContext } from "@/lib/review/schema";
import { dedupeKeyOf, searchTextOf } from "@/lib/text";
import { copyLines, line, type Cell } from "./copy";

export const SIZE_NAMES = ["commune", "district", "province"] as const;
export type SizeName = (typeof SIZE_NAMES)[number];

/** Communes beyond the reference one, and their shape (hamlets per commune, households per hamlet, ranges). */
export const SIZES: Record<SizeName, { communes: number; hamlets: [number, number]; households: [number, number] }> = {
  commune: { communes: 1, hamlets: [14, 14], households: [80, 110] },
  district: { communes: 23, hamlets: [12, 16], households: [80, 110] },
  province: { communes: 100, hamlets: [17, 23], households: [100, 150] },
};

export const YEARS = [2022, 2023, 2024, 2025, 2026] as const;
export const CURRENT_YEAR = 2026;
export const PROVINCE = "Thái Nguyên";
export const BENCH_USERS = 100; // COMMITTEE accounts of the reference commune for the HTTP load test ("bench001"…)
export const REFERENCE_CODE = "05467";

const DISTRICTS = ["Định Hóa", "Phú Lương", "Đại Từ", "Võ Nhai", "Đồng Hỷ", "Phú Bình", "Phổ Yên", "Sông Công", "Thái Nguyên"];
const SYLLABLES = [
  "Bảo", "Linh", "Phú", "Đình", "Kim", "Sơn", "Tân", "Dương", "Thành", "Trung", "Hòa", "Bình", "Yên", "Lạc", "Quân", "Chu",
  "Điềm", "Mặc", "Thượng", "Hạ", "Tràng", "Xá", "Minh", "Tiến", "Vũ", "Chấn", "Hợp", "Thịnh", "Khe", "Mo", "Ôn", "Lương",
];
const HAMLET_WORDS = ["Bản", "Nà", "Khau", "Pác", "Thôm", "Làng", "Đồng", "Tổ", "Còn", "Phiêng", "Nạ", "Bắc", "Nam", "Cốc", "Lũng"];

type CommuneShape = { index: number; id: string; name: string; code: string; district: string; hamletCount: [number, number]; households: [number, number] };

/** Ids drawn from the seeded generator: a v4-shaped uuid, the same for the same seed and draw order. */
class Ids {
  constructor(private readonly rng: Rng) {}
  next(): string {
    const hex = Array.from({ length: 4 }, () => Math.floor(this.rng.float() * 0x1_0000_0000).toString(16).padStart(8, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${"89ab"[parseInt(hex[16]!, 16) & 3]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/** The tables the generator writes, in foreign-key order, with the columns it fills (the rest take defaults). */
export const TABLES = {
  Commune: ["id", "name", "kind", "code", "district", "province", "validFrom", "legalBasis"],
  RuleSet: ["id", "communeId", "name", "version", "legalBasis", "effectiveFrom", "quorumBase", "quorumPct", "quorumOp", "approvalBase", "approvalPct", "approvalOp", "ballotMethod", "registrationRequired", "lookbackYears", "hamletRegistrationRequired", "councilApprovalBase", "councilApprovalPct", "councilApprovalOp"],
  CriteriaSet: ["id", "communeId", "subject", "name", "version", "legalBasis", "effectiveFrom", "publishedAt"],
  Criterion: ["id", "criteriaSetId", "code", "groupCode", "groupTitle", "kind", "text", "category", "position", "isVerified", "metric", "comparator", "threshold"],
  AuthorityRule: ["id", "communeId", "subject", "effectiveFrom", "effectiveTo", "authority", "issuer", "parentIssuer", "legalBasis"],
  Hamlet: ["id", "communeId", "name", "kind", "headName", "hasCulturalHouse", "searchText", "updatedAt"],
  HamletCommuneLink: ["id", "hamletId", "communeId", "validFrom", "legalBasis"],
  User: ["id", "communeId", "username", "fullName", "passwordHash", "role", "hamletId", "searchText", "updatedAt", "province"],
  Household: ["id", "communeId", "hamletId", "headName", "address", "phone", "povertyStatus", "status", "searchText", "dedupeKey", "createdAt", "updatedAt"],
  HouseholdMember: ["id", "communeId", "householdId", "fullName", "birthYear", "relationship", "position"],
  Agency: ["id", "communeId", "name", "kind", "headName", "tradeUnionName", "headcount", "searchText", "updatedAt"],
  CampaignYear: ["id", "communeId", "year", "targetHouseholdsPct", "targetHamletsPct", "targetAgenciesPct", "meetingDeadline", "reviewDeadline", "noticeDays", "decisionDays", "ruleSetId", "criteriaSetId", "hamletCriteriaSetId", "agencyCriteriaSetId", "enterpriseCriteriaSetId", "createdAt", "updatedAt"],
  Registration: ["id", "communeId", "campaignYearId", "householdId", "hamletId", "registeredOn", "createdById", "createdAt"],
  Violation: ["id", "communeId", "householdId", "memberId", "memberName", "category", "occurredOn", "documentRef", "note", "createdById", "createdAt"],
  Decision: ["id", "communeId", "campaignYearId", "subject", "kind", "status", "issuer", "authority", "authorityRuleId", "number", "symbol", "numberYear", "issuedOn", "signerTitle", "signerName", "legalBasis", "cancelGround", "cancelReason", "draftedById", "approvedById", "approvedAt", "version", "createdAt", "updatedAt"],
  HamletReview: ["id", "communeId", "campaignYearId", "hamletId", "status", "meetingDate", "meetingPlace", "chairName", "secretaryName", "invitedCount", "presentCount", "totalHouseholds", "ballotMethod", "isQuorate", "quorumNote", "ruleSetId", "criteriaSetId", "noticePostedOn", "noticeEndsOn", "noticeChannel", "submittedAt", "acceptedAt", "decisionId", "createdAt", "updatedAt"],
  Assessment: ["id", "communeId", "hamletReviewId", "householdId", "unmetCodes", "exclusions", "votesFor", "votesAgainst", "result", "reason", "meetingResult", "ruleSetId", "criteriaSetId", "updatedById", "createdAt", "updatedAt"],
  ReviewEvent: ["id", "communeId", "hamletReviewId", "kind", "actorId", "actorName", "reason", "createdAt"],
  TitleAward: ["id", "communeId", "householdId", "hamletId", "campaignYearId", "year", "decisionId", "assessmentId", "votesFor", "status", "cancelDecisionId", "cancelledAt", "createdAt"],
  CancellationItem: ["id", "decisionId", "awardId"],
  CouncilReview: ["id", "communeId", "campaignYearId", "status", "meetingDate", "meetingPlace", "chairName", "secretaryName", "membersTotal", "membersPresent", "ruleSetId", "noticePostedOn", "noticeEndsOn", "decisionId", "updatedAt"],
  HamletTitleEntry: ["id", "communeId", "campaignYearId", "hamletId", "registeredOn", "reportedOn", "totalHouseholds", "recognisedHouseholds", "poorHouseholds", "nearPoorHouseholds", "hasCulturalHouse", "councilId", "votesFor", "votesAgainst", "result", "councilResult", "updatedAt"],
  HamletAward: ["id", "communeId", "hamletId", "campaignYearId", "year", "decisionId", "entryId", "votesFor", "status", "createdAt"],
  AgencyYear: ["id", "communeId", "campaignYearId", "agencyId", "registeredOn", "result", "unmetCodes", "assessedOn", "updatedAt"],
  AuditLog: ["communeId", "actorId", "actorUsername", "action", "entityType", "entityId", "after", "createdAt"],
} as const satisfies Record<string, readonly string[]>;
export type TableName = keyof typeof TABLES;

type Rows = Record<TableName, string[]>;
const emptyRows = (): Rows => Object.fromEntries(Object.keys(TABLES).map((t) => [t, []])) as unknown as Rows;

const day = (d: Date) => toIsoDate(d);
/** A moment of a Vietnamese day (UTC+7). */
const at = (d: Date, hour: number, minute = 0) => new Date(d.getTime() + ((hour - 7) * 60 + minute) * 60_000);

function personName(rng: Rng, family: string, male: boolean, birthYear: number): string {
  const younger = birthYear >= 1985;
  const middle = rng.weighted(male ? (younger ? MALE_MIDDLE_YOUNGER : MALE_MIDDLE_OLDER) : younger ? FEMALE_MIDDLE_YOUNGER : FEMALE_MIDDLE_OLDER);
  const pool = male ? (younger ? MALE_GIVEN_YOUNGER : MALE_GIVEN_OLDER) : younger ? FEMALE_GIVEN_YOUNGER : FEMALE_GIVEN_OLDER;
  let given = rng.pick(pool);
  while (given === middle) given = rng.pick(pool);
  return `${family} ${middle} ${given}`;
}

/** The communes of a size, deterministic: the reference commune first, then generated ones. */
export function communeShapes(size: SizeName, seed: number): CommuneShape[] {
  const spec = SIZES[size];
  const rng = new Rng(seed ^ 0x5eed_c0de);
  const ids = new Ids(new Rng(seed ^ 0x1d5));
  const used = new Set(["Kim Phượng"]);
  const shapes: CommuneShape[] = [{
    index: 0, id: ids.next(), name: "Kim Phượng", code: REFERENCE_CODE, district: "Định Hóa", hamletCount: [14, 14], households: [0, 0],
  }];
  for (let i = 1; i < spec.communes; i++) {
    let name = `${rng.pick(SYLLABLES)} ${rng.pick(SYLLABLES)}`;
    while (used.has(name) || name.split(" ")[0] === name.split(" ")[1]) name = `${rng.pick(SYLLABLES)} ${rng.pick(SYLLABLES)}`;
    used.add(name);
    shapes.push({
      index: i, id: ids.next(), name, code: String(6000 + i).padStart(5, "0"), district: DISTRICTS[i % DISTRICTS.length]!,
      hamletCount: spec.hamlets, households: spec.households,
    });
  }
  return shapes;
}

type Person = { id: string; name: string };
type HouseholdRow = { id: string; hamletId: string; headName: string; status: string; leftIn: number | null; members: { id: string; fullName: string; birthYear: number }[] };

/** Review status of each xóm in the year in progress (1/12: most dossiers are in, some decided). */
const CURRENT_STATUS: [ReviewStatus | null, number][] = [
  ["DECIDED", 30], ["ACCEPTED", 25], ["SUBMITTED", 15], ["RETURNED", 5], ["NOTICE", 10], ["MEETING", 8], [null, 7],
];
const PATH_EVENTS: Record<ReviewStatus, ("MEETING_OPENED" | "NOTICE_POSTED" | "SUBMITTED" | "RETURNED" | "ACCEPTED" | "DECIDED")[]> = {
  MEETING: ["MEETING_OPENED"],
  NOTICE: ["MEETING_OPENED", "NOTICE_POSTED"],
  SUBMITTED: ["MEETING_OPENED", "NOTICE_POSTED", "SUBMITTED"],
  RETURNED: ["MEETING_OPENED", "NOTICE_POSTED", "SUBMITTED", "RETURNED"],
  ACCEPTED: ["MEETING_OPENED", "NOTICE_POSTED", "SUBMITTED", "ACCEPTED"],
  DECIDED: ["MEETING_OPENED", "NOTICE_POSTED", "SUBMITTED", "ACCEPTED", "DECIDED"],
};

/**
 * Every row of one commune, as COPY lines per table. `passwordHash` is the one hash all generated accounts share
 * (the password is printed by the CLI), so generating stays fast.
 */
export function buildCommune(shape: CommuneShape, seed: number, passwordHash: string): Rows {
  const rng = new Rng((seed * 7919 + shape.index * 104_729) >>> 0);
  const ids = new Ids(new Rng((seed * 31 + shape.index * 7_368_787) >>> 0));
  const rows = emptyRows();
  const put = (table: TableName, values: Cell[]) => rows[table].push(line(values));
  const cid = shape.id;
  const now = new Date(Date.UTC(CURRENT_YEAR, 11, 1, 2));
  const isReference = shape.index === 0;
  const cancelledAwards = new Map<string, { decisionId: string; at: Date }>();
  const suffix = isReference ? "" : `.${shape.code}`;

  put("Commune", [cid, shape.name, "XA", shape.code, shape.district, PROVINCE, isReference ? "2019-11-21" : "2025-07-01", isReference ? "Nghị quyết 818/NQ-UBTVQH14 ngày 21/11/2019" : "Nghị quyết số 1683/NQ-UBTVQH15 ngày 16/6/2025"]);

  // ---- Rule set, criteria sets, authority rules ----
  const ruleSetId = ids.next();
  const r = DEFAULT_RULE_SET;
  put("RuleSet", [ruleSetId, cid, r.name, 1, r.legalBasis, day(r.effectiveFrom), r.quorumBase, r.quorumPct, r.quorumOp, r.approvalBase, r.approvalPct, r.approvalOp, r.ballotMethod, r.registrationRequired, r.lookbackYears, r.hamletRegistrationRequired, r.councilApprovalBase, r.councilApprovalPct, r.councilApprovalOp]);
  const sets = [
    { subject: "HOUSEHOLD", set: HOUSEHOLD_CRITERIA_SET, items: HOUSEHOLD_CRITERIA as readonly Record<string, unknown>[] },
    ...TITLE_CRITERIA_SETS.map((t) => ({ subject: t.set.subject, set: t.set, items: t.items as readonly Record<string, unknown>[] })),
  ];
  const setIds = sets.map((s, i) => {
    const id = ids.next();
    put("CriteriaSet", [id, cid, s.subject, s.set.name, i + 1, s.set.legalBasis, day(s.set.effectiveFrom), new Date(Date.UTC(2024, 0, 30))]);
    s.items.forEach((c, position) => put("Criterion", [
      ids.next(), id, c.code as string, c.groupCode as string, c.groupTitle as string, (c.kind as string | undefined) ?? "STANDARD", c.text as string,
      (c.category as string | undefined) ?? null, position, (c.isVerified as boolean | undefined) ?? true, (c.metric as string | undefined) ?? null,
      (c.comparator as string | undefined) ?? null, (c.threshold as number | undefined) ?? null,
    ]));
    return id;
  });
  const [criteriaSetId, hamletSetId, agencySetId, enterpriseSetId] = setIds as [string, string, string, string];
  const authorityRules = defaultAuthorityRules({ name: shape.name, district: shape.district, province: PROVINCE }).map((a) => {
    const id = ids.next();
    put("AuthorityRule", [id, cid, a.subject, day(a.effectiveFrom), a.effectiveTo ? day(a.effectiveTo) : null, a.authority, a.issuer, a.parentIssuer, a.legalBasis]);
    return { id, ...a };
  });
  const standards = HOUSEHOLD_CRITERIA.filter((c) => c.kind === "STANDARD");
  const standardText = Object.fromEntries(standards.map((s) => [s.code, s.text]));

  // ---- Hamlets and households ----
  const hamletCount = rng.int(shape.hamletCount[0], shape.hamletCount[1]);
  const usedNames = new Set<string>();
  const hamlets = Array.from({ length: hamletCount }, (_, i) => {
    const demo = isReference ? DEMO_HAMLETS[i] : undefined;
    let name = demo?.name ?? `${rng.pick(HAMLET_WORDS)} ${rng.pick(SYLLABLES)}`;
    while (usedNames.has(name)) name = `${rng.pick(HAMLET_WORDS)} ${rng.pick(SYLLABLES)}`;
    usedNames.add(name);
    const family = rng.weighted(FAMILY_NAMES);
    return {
      id: ids.next(), name, headName: personName(rng, family, rng.chance(0.85), rng.int(1960, 1985)),
      hasCulturalHouse: demo?.hasCulturalHouse ?? rng.chance(0.85),
      households: demo?.households ?? rng.int(shape.households[0], shape.households[1]),
    };
  });
  for (const h of hamlets) {
    put("Hamlet", [h.id, cid, h.name, "XOM", h.headName, h.hasCulturalHouse, searchTextOf(h.name), now]);
    put("HamletCommuneLink", [ids.next(), h.id, cid, isReference ? "2019-12-11" : "2025-07-01", isReference ? "Nghị quyết số 35/NQ-HĐND ngày 11/12/2019" : "Nghị quyết số 1683/NQ-UBTVQH15 ngày 16/6/2025"]);
  }

  const user = (username: string, fullName: string, role: string, hamletId: string | null): Person => {
    const id = ids.next();
    put("User", [id, cid, username, fullName, passwordHash, role, hamletId, searchTextOf(username, fullName), now, null]);
    return { id, name: fullName };
  };
  user(`admin${suffix}`, personName(rng, rng.weighted(FAMILY_NAMES), true, 1980), "ADMIN", null);
  const officer = user(`canbo${suffix}`, personName(rng, rng.weighted(FAMILY_NAMES), false, 1988), "OFFICER", null);
  const leader = user(`lanhdao${suffix}`, personName(rng, rng.weighted(FAMILY_NAMES), true, 1972), "LEADER", null);
  user(`bcd${suffix}`, personName(rng, rng.weighted(FAMILY_NAMES), true, 1970), "COMMITTEE", null);
  const heads = new Map(hamlets.map((h, i) => [h.id, user(isReference && i === 0 ? "truongxom" : `truongxom${suffix}.${String(i + 1).padStart(2, "0")}`, h.headName, "HAMLET_HEAD", h.id)]));
  if (isReference) {
    // The province's viewer (no commune) and the steering-committee accounts of the HTTP load test.
    put("User", [ids.next(), null, "tinh", "Cán bộ Sở Văn hóa, Thể thao và Du lịch", passwordHash, "PROVINCE", null, "tinh", now, PROVINCE]);
    for (let i = 1; i <= BENCH_USERS; i++) user(`bench${String(i).padStart(3, "0")}`, `Thành viên Ban Chỉ đạo ${i}`, "COMMITTEE", null);
  }

  const households: HouseholdRow[] = [];
  const phones = new Set<string>();
  for (const hamlet of hamlets) {
    const keys = new Set<string>();
    for (let i = 0; i < hamlet.households; i++) {
      const family = rng.weighted(FAMILY_NAMES);
      const headMale = rng.chance(0.82);
      const headYear = rng.int(1940, 1998);
      let headName = personName(rng, family, headMale, headYear);
      const group = 1 + Math.floor(i / 20);
      const address = `Tổ ${group}, xóm ${hamlet.name}, xã ${shape.name}`;
      while (keys.has(dedupeKeyOf(headName, address))) headName = personName(rng, family, headMale, headYear);
      keys.add(dedupeKeyOf(headName, address));
      const id = ids.next();
      const members = [{ id: ids.next(), fullName: headName, birthYear: headYear, relationship: "HEAD" }];
      if (rng.chance(0.85)) members.push({ id: ids.next(), fullName: personName(rng, rng.weighted(FAMILY_NAMES), !headMale, headYear + rng.int(-4, 4)), birthYear: headYear + rng.int(-4, 4), relationship: "SPOUSE" });
      const children = rng.int(0, 4);
      for (let c = 0; c < children; c++) {
        const birthYear = Math.min(2024, headYear + rng.int(20, 32));
        members.push({ id: ids.next(), fullName: personName(rng, family, rng.chance(0.5), birthYear), birthYear, relationship: "CHILD" });
      }
      if (headYear > 1970 && rng.chance(0.2)) members.push({ id: ids.next(), fullName: personName(rng, family, rng.chance(0.4), headYear - rng.int(22, 30)), birthYear: headYear - rng.int(22, 30), relationship: "PARENT" });
      let phone: string | null = null;
      if (rng.chance(0.7)) {
        do phone = `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 9_999_999)).padStart(7, "0")}`; while (phones.has(phone));
        phones.add(phone);
      }
      const s = rng.float();
      const status = s < 0.955 ? "ACTIVE" : s < 0.98 ? "MOVED_OUT" : s < 0.993 ? "SPLIT" : "DISSOLVED";
      const leftIn = status === "ACTIVE" ? null : rng.int(2023, CURRENT_YEAR);
      const poverty = rng.float();
      const createdAt = new Date(Date.UTC(2021, rng.int(0, 11), rng.int(1, 28), 2));
      put("Household", [
        id, cid, hamlet.id, headName, address, phone, poverty < 0.05 ? "POOR" : poverty < 0.12 ? "NEAR_POOR" : "NONE", status,
        searchTextOf(headName, address, phone), dedupeKeyOf(headName, address), createdAt, createdAt,
      ]);
      members.forEach((m, position) => put("HouseholdMember", [m.id, cid, id, m.fullName, m.birthYear, m.relationship, position]));
      households.push({ id, hamletId: hamlet.id, headName, status, leftIn, members });
    }
  }

  // ---- Agencies ----
  const agencies = isReference
    ? DEMO_AGENCIES.map((a) => ({ id: ids.next(), ...a }))
    : Array.from({ length: rng.int(6, 12) }, (_, i) => {
      const kind = i < 2 ? "STATE_AGENCY" : i < 7 ? "PUBLIC_UNIT" : "ENTERPRISE";
      const name = kind === "STATE_AGENCY" ? (i === 0 ? `UBND xã ${shape.name}` : `Đảng ủy xã ${shape.name}`)
        : kind === "PUBLIC_UNIT" ? `${rng.pick(["Trường Mầm non", "Trường Tiểu học", "Trường THCS", "Trạm Y tế xã"])} ${shape.name} ${i}`
          : `Hợp tác xã ${rng.pick(["Chè", "Dịch vụ Nông nghiệp", "Lâm nghiệp", "Vận tải"])} ${shape.name} ${i}`;
      return { id: ids.next(), name, kind: kind as "STATE_AGENCY" | "PUBLIC_UNIT" | "ENTERPRISE", headName: personName(rng, rng.weighted(FAMILY_NAMES), rng.chance(0.6), 1975), tradeUnionName: null, headcount: rng.int(4, 40) };
    });
  for (const a of agencies) put("Agency", [a.id, cid, a.name, a.kind, a.headName, a.tradeUnionName, a.headcount, searchTextOf(a.name), now]);

  // ---- Five years of cycles ----
  const householdsOf = new Map<string, HouseholdRow[]>();
  for (const h of households) householdsOf.set(h.hamletId, [...(householdsOf.get(h.hamletId) ?? []), h]);
  const violations = new Map<string, { category: Category; occurredOn: Date }[]>();
  const awardsByYear = new Map<number, { id: string; householdId: string }[]>();
  let decisionNumber = 100;
  const audit = (actor: Person, action: string, entityType: string, entityId: string, after: unknown, createdAt: Date) =>
    put("AuditLog", [cid, actor.id, actor === officer ? `canbo${suffix}` : actor === leader ? `lanhdao${suffix}` : "truongxom", action, entityType, entityId, JSON.stringify(after), createdAt]);

  for (const year of YEARS) {
    const yearId = ids.next();
    const deadlines = defaultDeadlines(year);
    const created = at(utcDate(year, 2, 10), 9);
    put("CampaignYear", [
      yearId, cid, year, DEFAULT_TARGETS.targetHouseholdsPct, DEFAULT_TARGETS.targetHamletsPct, DEFAULT_TARGETS.targetAgenciesPct,
      day(deadlines.meetingDeadline), day(deadlines.reviewDeadline), deadlines.noticeDays, deadlines.decisionDays, ruleSetId, criteriaSetId,
      hamletSetId, agencySetId, enterpriseSetId, created, created,
    ]);
    const window = violationWindow(year, r.lookbackYears);
    const issuedOn = year === CURRENT_YEAR ? utcDate(year, 12, 1) : utcDate(year, 12, rng.int(3, 12));
    const statusOf = (hamletIndex: number): ReviewStatus | null => {
      if (year < CURRENT_YEAR) return "DECIDED";
      if (isReference) return hamletIndex === 0 ? null : (["ACCEPTED", "SUBMITTED", "NOTICE", "MEETING", "DECIDED"] as const)[hamletIndex % 5]!;
      return rng.weighted(CURRENT_STATUS);
    };
    const statuses = hamlets.map((_, i) => statusOf(i));
    let decisionId: string | null = null;
    if (statuses.includes("DECIDED")) {
      decisionId = ids.next();
      put("Decision", [
        decisionId, cid, yearId, "HOUSEHOLD", "AWARD", "ISSUED", "", `Chủ tịch Ủy ban nhân dân xã ${shape.name}`, null, decisionNumber++, "QĐ-UBND", year,
        day(issuedOn), "CHỦ TỊCH", leader.name, `Căn cứ kết quả bình xét năm ${year} của các xóm`, null, null, officer.id, leader.id, at(issuedOn, 9, 30), 2,
        at(addDays(issuedOn, -2), 15), at(issuedOn, 9, 30),
      ]);
      audit(leader, "decision.issue", "Decision", decisionId, { year }, at(issuedOn, 9, 30));
    }
    const yearAwards: { id: string; householdId: string }[] = [];

    hamlets.forEach((hamlet, hamletIndex) => {
      const roll = (householdsOf.get(hamlet.id) ?? []).filter((h) => h.leftIn === null || h.leftIn > year);
      const actor = heads.get(hamlet.id)!;
      const registered = new Set<string>();
      const bulkDay = addDays(utcDate(year, 2, 15), rng.int(0, 30));
      for (const h of roll) {
        if (!rng.chance(0.96)) continue;
        const registeredOn = rng.chance(0.9) ? bulkDay : addDays(bulkDay, rng.int(1, 10));
        registered.add(h.id);
        put("Registration", [ids.next(), cid, yearId, h.id, hamlet.id, day(registeredOn), actor.id, at(registeredOn, 20)]);
      }
      for (const h of roll) {
        if (!rng.chance(0.012)) continue;
        const kind = rng.weighted(DEMO_VIOLATION_KINDS);
        const member = rng.pick(h.members);
        const occurredOn = addDays(utcDate(year, 1, 10), rng.int(0, 268));
        put("Violation", [ids.next(), cid, h.id, member.id, member.fullName, kind.category, day(occurredOn), `Quyết định xử phạt số ${rng.int(8, 160)}/QĐ-${kind.document}`, kind.act, officer.id, at(addDays(occurredOn, 10), 10)]);
        violations.set(h.id, [...(violations.get(h.id) ?? []), { category: kind.category, occurredOn }]);
      }

      const status = statuses[hamletIndex]!;
      if (status === null) return;
      const reviewId = ids.next();
      const meetingDate = utcDate(year, 11, rng.int(3, 14));
      const invited = roll.length;
      const present = Math.round(invited * (0.68 + rng.float() * 0.22));
      const q = quorum(r, { invited, present, totalHouseholds: roll.length });
      const ctx: OutcomeContext = { rule: r, method: r.ballotMethod, at: { invited, present }, registrationRequired: r.registrationRequired, standardText };
      const usual = present - rng.int(0, 2);
      const meetingAt = at(meetingDate, 20, 30);
      const assessed = status === "MEETING" ? roll.slice(0, Math.ceil(roll.length / 2)) : roll;
      for (const h of assessed) {
        const exclusions = exclusionsInWindow(violations.get(h.id) ?? [], window);
        let unmetCodes: string[] = [];
        let votesFor: number | null;
        let votesAgainst: number | null;
        const x = rng.float();
        if (exclusions.length > 0) {
          votesFor = null;
          votesAgainst = null;
        } else if (x < 0.045) {
          unmetCodes = [...new Set([rng.weighted(DEMO_UNMET_CODES), ...(rng.chance(0.35) ? [rng.weighted(DEMO_UNMET_CODES)] : [])])].sort();
          votesFor = rng.int(Math.floor(present * 0.1), Math.floor(present * 0.4));
          votesAgainst = Math.max(0, present - votesFor - rng.int(0, 3));
        } else if (x < 0.05) {
          votesFor = rng.int(Math.floor(present * 0.35), Math.floor(present / 2));
          votesAgainst = Math.max(0, present - votesFor - rng.int(0, 3));
        } else {
          votesFor = rng.chance(0.85) ? usual : present - rng.int(0, 4);
          votesAgainst = rng.chance(0.75) ? 0 : rng.int(0, Math.min(2, present - votesFor));
        }
        const vote = { unmetCodes, exclusions, votesFor, votesAgainst };
        const outcome = householdOutcome(ctx, vote, registered.has(h.id));
        const assessmentId = ids.next();
        put("Assessment", [assessmentId, cid, reviewId, h.id, unmetCodes, exclusions, votesFor, votesAgainst, outcome.result, outcome.reason, outcome.meetingResult, ruleSetId, criteriaSetId, actor.id, meetingAt, meetingAt]);
        if (status === "DECIDED" && outcome.result === "ACHIEVED") {
          const awardId = ids.next();
          put("TitleAward", [awardId, cid, h.id, hamlet.id, yearId, year, decisionId, assessmentId, votesFor, "ACTIVE", null, null, at(issuedOn, 9, 30)]);
          yearAwards.push({ id: awardId, householdId: h.id });
        }
      }
      const postedOn = addDays(meetingDate, 1);
      const endsOn = noticeEndsOn(postedOn, 10);
      const submitted = at(firstSubmitDay(endsOn), 8, rng.int(0, 59));
      const accepted = at(addDays(firstSubmitDay(endsOn), rng.int(1, 3)), 14);
      const afterNotice = status !== "MEETING";
      const wasSubmitted = ["SUBMITTED", "RETURNED", "ACCEPTED", "DECIDED"].includes(status);
      const wasAccepted = status === "ACCEPTED" || status === "DECIDED";
      const times = { MEETING_OPENED: at(meetingDate, 19, 45), NOTICE_POSTED: at(postedOn, 7, 30), SUBMITTED: submitted, RETURNED: at(addDays(submitted, 3), 15), ACCEPTED: accepted, DECIDED: at(issuedOn, 9, 30) };
      const events = PATH_EVENTS[status];
      const updatedAt = times[events[events.length - 1]!];
      put("HamletReview", [
        reviewId, cid, yearId, hamlet.id, status, day(meetingDate), hamlet.hasCulturalHouse ? `Nhà văn hóa xóm ${hamlet.name}` : `Nhà trưởng xóm ${hamlet.name}`,
        hamlet.headName, personName(rng, rng.weighted(FAMILY_NAMES), false, 1985), invited, present, roll.length, r.ballotMethod, q.isQuorate, q.note,
        ruleSetId, criteriaSetId, afterNotice ? day(postedOn) : null, afterNotice ? day(endsOn) : null, afterNotice ? "Bảng tin nhà văn hóa xóm" : null,
        wasSubmitted ? submitted : null, wasAccepted ? accepted : null, status === "DECIDED" ? decisionId : null, times.MEETING_OPENED, updatedAt,
      ]);
      for (const kind of events) {
        const who = kind === "ACCEPTED" || kind === "RETURNED" ? officer : kind === "DECIDED" ? leader : actor;
        put("ReviewEvent", [ids.next(), cid, reviewId, kind, who.id, who.name, kind === "RETURNED" ? "Biên bản họp thiếu chữ ký của thư ký cuộc họp." : null, times[kind]]);
        audit(who, `review.${kind.toLowerCase()}`, "HamletReview", reviewId, { year, hamletId: hamlet.id }, times[kind]);
      }
    });
    awardsByYear.set(year, yearAwards);

    // A cancellation now and then (ground d: a violation found later), keeping the award as CANCELLED.
    const previous = awardsByYear.get(year - 1);
    if (previous && previous.length > 0 && year < CURRENT_YEAR && rng.chance(0.3)) {
      const cancelId = ids.next();
      const cancelOn = utcDate(year, rng.int(3, 9), rng.int(1, 28));
      put("Decision", [
        cancelId, cid, yearId, "HOUSEHOLD", "CANCELLATION", "ISSUED", "", `Chủ tịch Ủy ban nhân dân xã ${shape.name}`, null, decisionNumber++, "QĐ-UBND", year,
        day(cancelOn), "CHỦ TỊCH", leader.name, "Luật Thi đua, khen thưởng 2022", "D", "Phát hiện vi phạm sau khi đã công nhận", officer.id, leader.id,
        at(cancelOn, 9), 2, at(addDays(cancelOn, -1), 15), at(cancelOn, 9),
      ]);
      const victims = new Set<number>();
      const count = rng.int(1, Math.min(3, previous.length));
      while (victims.size < count) victims.add(rng.int(0, previous.length - 1));
      for (const i of victims) cancelledAwards.set(previous[i]!.id, { decisionId: cancelId, at: at(cancelOn, 9) });
      for (const i of victims) put("CancellationItem", [ids.next(), cancelId, previous[i]!.id]);
    }

    // ---- "Xóm văn hóa": the council, each xóm's entry and, in decided years, the awards ----
    const decided = year < CURRENT_YEAR;
    const councilId = ids.next();
    const councilDate = utcDate(year, 11, 28);
    const rule = authorityRules.find((a) => a.effectiveFrom <= issuedOn && (a.effectiveTo === null || issuedOn < a.effectiveTo))!;
    const hamletDecisionId = decided ? ids.next() : null;
    if (hamletDecisionId) {
      put("Decision", [
        hamletDecisionId, cid, yearId, "HAMLET", "AWARD", "ISSUED", rule.issuer, rule.authority, rule.id, decisionNumber++, "QĐ-UBND", year, day(addDays(issuedOn, 5)),
        "CHỦ TỊCH", leader.name, `Công nhận danh hiệu "Xóm văn hóa" năm ${year}`, null, null, officer.id, leader.id, at(addDays(issuedOn, 5), 10), 2,
        at(issuedOn, 15), at(addDays(issuedOn, 5), 10),
      ]);
    }
    const members = 9;
    put("CouncilReview", [
      councilId, cid, yearId, decided ? "DECIDED" : "NOTICE", day(councilDate), `Hội trường Ủy ban nhân dân xã ${shape.name}`, leader.name, officer.name, members, 8,
      ruleSetId, day(addDays(councilDate, 1)), day(noticeEndsOn(addDays(councilDate, 1), 10)), hamletDecisionId, at(councilDate, 16),
    ]);
    for (const hamlet of hamlets) {
      if (!rng.chance(0.93)) continue;
      const entryId = ids.next();
      const reported = rng.chance(0.95);
      const achieved = reported && rng.chance(0.82);
      const result = reported ? (achieved ? "ACHIEVED" : "NOT_ACHIEVED") : null;
      const votesFor = reported ? (achieved ? rng.int(6, 8) : rng.int(1, 4)) : null;
      put("HamletTitleEntry", [
        entryId, cid, yearId, hamlet.id, day(utcDate(year, 2, 20)), reported ? day(utcDate(year, 11, 20)) : null, reported ? hamlet.households : null,
        null, reported ? rng.int(0, 8) : null, reported ? rng.int(0, 10) : null, reported ? hamlet.hasCulturalHouse : null, reported ? councilId : null,
        votesFor, reported ? 8 - (votesFor ?? 0) : null, result, result, at(councilDate, 16),
      ]);
      if (hamletDecisionId && achieved) {
        put("HamletAward", [ids.next(), cid, hamlet.id, yearId, year, hamletDecisionId, entryId, votesFor, "ACTIVE", at(addDays(issuedOn, 5), 10)]);
      }
    }
    for (const agency of agencies) {
      if (!rng.chance(0.97)) continue;
      const assessed = decided || rng.chance(0.7);
      const achieved = rng.chance(0.95);
      put("AgencyYear", [ids.next(), cid, yearId, agency.id, day(utcDate(year, 3, 1)), assessed ? (achieved ? "ACHIEVED" : "NOT_ACHIEVED") : null, assessed && !achieved ? ["2"] : [], assessed ? day(utcDate(year, 11, 30)) : null, at(utcDate(year, 11, 30), 10)]);
    }
  }

  // Awards of a cancelled year are written ACTIVE above; rewrite those lines with the cancellation.
  if (cancelledAwards.size > 0) {
    rows.TitleAward = rows.TitleAward.map((l) => {
      const id = l.slice(0, 36);
      const c = cancelledAwards.get(id);
      if (!c) return l;
      const cells = l.slice(0, -1).split("\t");
      cells[9] = "CANCELLED";
      cells[10] = c.decisionId;
      cells[11] = c.at.toISOString();
      return `${cells.join("\t")}\n`;
    });
  }
  return rows;
}

export type Progress = { communes: number; of: number; rows: number; seconds: number };

/**
 * Writes every commune of `size` into the (migrated, empty) database behind `client`, one commune at a time,
 * each table with its own COPY, in one transaction. Foreign keys and row triggers are skipped while loading
 * (session_replication_role = replica; the rows are consistent by construction), so `afterLoad` must rebuild what
 * triggers would have maintained. Returns the row count per table.
 */
export async function generate(
  client: pg.ClientBase, size: SizeName, seed: number, passwordHash: string, onProgress: (p: Progress) => void,
): Promise<Record<TableName, number>> {
  const counts = Object.fromEntries(Object.keys(TABLES).map((t) => [t, 0])) as Record<TableName, number>;
  const shapes = communeShapes(size, seed);
  const started = Date.now();
  let total = 0;
  await client.query("BEGIN");
  try {
    await client.query("SET LOCAL session_replication_role = replica");
    for (const shape of shapes) {
      const rows = buildCommune(shape, seed, passwordHash);
      for (const table of Object.keys(TABLES) as TableName[]) {
        if (rows[table].length === 0) continue;
        const n = await copyLines(client, table, TABLES[table], rows[table]);
        counts[table] += n;
        total += n;
      }
      onProgress({ communes: shape.index + 1, of: shapes.length, rows: total, seconds: (Date.now() - started) / 1000 });
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
  return counts;
}
