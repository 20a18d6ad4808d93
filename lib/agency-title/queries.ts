import "server-only";
import { db, type Tx } from "@/lib/db";
import type { AgencyListData, AgencyListRow, KindTotals } from "@/lib/documents/agency-list";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AgencyKind, AssessmentResult } from "@/lib/generated/prisma/enums";
import { agencyScope, can, communeScope, type Actor } from "@/lib/policy";
import { isUuid } from "@/lib/text";
import { KIND_ORDER } from "./labels";
import { agencyStanding, standingNote, type AgencyStanding, type RecognitionRow, type YearResult } from "./rules";
import { isYear } from "@/lib/validation";

// Reads of the agency title. Every query puts the actor's scope into its where clause (agency.read, the commune);
// a year or an agency outside it comes back as null and the page answers 404. Counts are the database's.

/** Whether the actor may open the agency-title area at all. */
export function canReadAgencyTitle(actor: Actor): boolean {
  return can(actor, "agency.read", { communeId: actor.communeId });
}

const YEAR_SELECT = {
  id: true, communeId: true, year: true, targetAgenciesPct: true, agencyCriteriaSetId: true, enterpriseCriteriaSetId: true,
} as const;

export type AgencyTitleYear = {
  id: string; communeId: string; year: number; targetAgenciesPct: number; agencyCriteriaSetId: string | null; enterpriseCriteriaSetId: string | null;
};

/** The campaign year as the agency-title pages use it, or null. */
export async function getAgencyTitleYear(actor: Actor, year: number): Promise<AgencyTitleYear | null> {
  if (!isYear(year)) return null;
  return db.campaignYear.findFirst({ where: { AND: [{ year }, communeScope(actor, "agency.read")] }, select: YEAR_SELECT });
}

/** The commune's campaign years, newest first. */
export async function listAgencyTitleYears(actor: Actor): Promise<number[]> {
  const rows = await db.campaignYear.findMany({ where: communeScope(actor, "agency.read"), select: { year: true }, orderBy: { year: "desc" } });
  return rows.map((r) => r.year);
}

export type CriteriaSetView = {
  id: string;
  name: string;
  version: number;
  legalBasis: string;
  items: { code: string; groupTitle: string; text: string }[];
};

const SET_SELECT = {
  id: true, name: true, version: true, legalBasis: true,
  items: { orderBy: [{ position: "asc" }, { code: "asc" }], select: { code: true, groupTitle: true, text: true } },
} satisfies Prisma.CriteriaSetSelect;

type SetClient = Pick<Tx, "criteriaSet">;

/**
 * The standards an agency of `kind` is assessed against in a year: the year's set for its kind (cơ quan nhà nước
 * and đơn vị sự nghiệp share the agency set; doanh nghiệp has its own), else the commune's latest published set of
 * that subject. Null when the commune has none.
 */
export async function criteriaSetFor(
  client: SetClient,
  year: Pick<AgencyTitleYear, "communeId" | "agencyCriteriaSetId" | "enterpriseCriteriaSetId">,
  kind: AgencyKind,
): Promise<CriteriaSetView | null> {
  const subject = kind === "ENTERPRISE" ? "ENTERPRISE" : "AGENCY";
  const chosen = kind === "ENTERPRISE" ? year.enterpriseCriteriaSetId : year.agencyCriteriaSetId;
  if (chosen) {
    const set = await client.criteriaSet.findFirst({ where: { id: chosen, communeId: year.communeId }, select: SET_SELECT });
    if (set) return set;
  }
  return client.criteriaSet.findFirst({
    where: { communeId: year.communeId, subject, publishedAt: { not: null } },
    orderBy: { version: "desc" },
    select: SET_SELECT,
  });
}

// ---- The year's headline --------------------------------------------------------------------------------------------

export type Headline = {
  byKind: KindTotals[];
  total: KindTotals;
  targetPct: number;
};

const emptyTotals = (kind: AgencyKind | null): KindTotals => ({ kind, total: 0, registered: 0, achieved: 0, notAchieved: 0 });

/**
 * Per kind: agencies of the commune, registered for the year, đạt and không đạt — counted by the database
 * (groupBy), never by loading rows. The 100 % target counts đạt against every agency of the commune.
 */
export async function agencyYearHeadline(actor: Actor, year: Pick<AgencyTitleYear, "id" | "targetAgenciesPct">): Promise<Headline> {
  const scope = agencyScope(actor);
  const [agencies, ...results] = await Promise.all([
    db.agency.groupBy({ by: ["kind"], where: scope, _count: { _all: true } }),
    ...KIND_ORDER.map((kind) =>
      db.agencyYear.groupBy({ by: ["result"], where: { campaignYearId: year.id, agency: { AND: [scope, { kind }] } }, _count: { _all: true } }),
    ),
  ]);
  const byKind = KIND_ORDER.map((kind, i): KindTotals => {
    const counts = results[i]!;
    const of = (result: AssessmentResult | null) => counts.find((c) => c.result === result)?._count._all ?? 0;
    return {
      kind,
      total: agencies.find((a) => a.kind === kind)?._count._all ?? 0,
      registered: counts.reduce((sum, c) => sum + c._count._all, 0),
      achieved: of("ACHIEVED"),
      notAchieved: of("NOT_ACHIEVED"),
    };
  });
  const total = byKind.reduce(
    (sum, k) => ({ ...sum, total: sum.total + k.total, registered: sum.registered + k.registered, achieved: sum.achieved + k.achieved, notAchieved: sum.notAchieved + k.notAchieved }),
    emptyTotals(null),
  );
  return { byKind, total, targetPct: year.targetAgenciesPct };
}

// ---- Agencies with their year and standing ----------------------------------------------------------------------------

export type AgencyYearEntry = {
  id: string;
  registeredOn: Date;
  result: "ACHIEVED" | "NOT_ACHIEVED" | null;
  unmetCodes: string[];
  assessedOn: Date | null;
  note: string | null;
  criteriaSetId: string | null;
  version: number;
};

export type AgencyYearRow = {
  id: string;
  name: string;
  kind: AgencyKind;
  entry: AgencyYearEntry | null;
  standing: AgencyStanding | null;
};

const ENTRY_SELECT = {
  id: true, registeredOn: true, result: true, unmetCodes: true, assessedOn: true, note: true, criteriaSetId: true, version: true,
  campaignYear: { select: { year: true } },
} as const;

const RECOGNITION_SELECT = {
  id: true, kind: true, periodFrom: true, periodTo: true, issuer: true, number: true, decidedOn: true, note: true,
} as const;

type StoredEntry = Omit<AgencyYearEntry, "result"> & { campaignYear: { year: number }; result: AssessmentResult | null };

/** Stored results are ACHIEVED or NOT_ACHIEVED; anything else (never written by vanhoa) reads as none. */
function entryOf(e: StoredEntry): AgencyYearEntry {
  const result = e.result === "ACHIEVED" || e.result === "NOT_ACHIEVED" ? e.result : null;
  return { id: e.id, registeredOn: e.registeredOn, result, unmetCodes: e.unmetCodes, assessedOn: e.assessedOn, note: e.note, criteriaSetId: e.criteriaSetId, version: e.version };
}

const historyOf = (entries: StoredEntry[]): YearResult[] => entries.map((e) => ({ year: e.campaignYear.year, result: entryOf(e).result }));

/** Every agency of the commune with its registration and result in the year, and where it stands as of that year. */
export async function listAgencyYearRows(actor: Actor, year: Pick<AgencyTitleYear, "id" | "year">): Promise<AgencyYearRow[]> {
  const agencies = await db.agency.findMany({
    where: agencyScope(actor),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true, name: true, kind: true,
      years: { where: { campaignYear: { year: { lte: year.year } } }, select: { ...ENTRY_SELECT, campaignYearId: true } },
      recognitions: { select: RECOGNITION_SELECT },
    },
  });
  return agencies.map((a) => {
    const current = a.years.find((y) => y.campaignYearId === year.id);
    return {
      id: a.id,
      name: a.name,
      kind: a.kind,
      entry: current ? entryOf(current) : null,
      standing: agencyStanding(historyOf(a.years), a.recognitions, year.year),
    };
  });
}

/** Agencies whose recognition falls due in the year (or is overdue), ready first. */
export function dueForRecognition(rows: AgencyYearRow[]): AgencyYearRow[] {
  return rows
    .filter((r) => r.standing?.cycle.isDue)
    .sort((a, b) => Number(b.standing!.cycle.isReady) - Number(a.standing!.cycle.isReady));
}

// ---- One agency -------------------------------------------------------------------------------------------------------

export type HistoryYear = AgencyYearEntry & { year: number };
export type RecognitionView = RecognitionRow & { id: string; issuer: string; note: string | null };

async function scopedAgency(actor: Actor, agencyId: string) {
  if (!isUuid(agencyId)) return null;
  return db.agency.findFirst({
    where: { AND: [{ id: agencyId }, agencyScope(actor)] },
    select: {
      id: true, communeId: true, name: true, kind: true, headName: true, tradeUnionName: true, headcount: true,
      commune: { select: { province: true } },
      years: { select: ENTRY_SELECT, orderBy: { campaignYear: { year: "desc" } } },
      recognitions: { select: RECOGNITION_SELECT, orderBy: { periodFrom: "desc" } },
    },
  });
}

/** An agency's years (newest first), recognitions and standing as of `asOf`; null when out of scope. */
export async function getAgencyTitleHistory(actor: Actor, agencyId: string, asOf: number) {
  const agency = await scopedAgency(actor, agencyId);
  if (!agency) return null;
  const history: HistoryYear[] = agency.years.map((e) => ({ ...entryOf(e), year: e.campaignYear.year }));
  return {
    agency: {
      id: agency.id, communeId: agency.communeId, name: agency.name, kind: agency.kind, headName: agency.headName,
      tradeUnionName: agency.tradeUnionName, headcount: agency.headcount, province: agency.commune.province,
    },
    history,
    recognitions: agency.recognitions as RecognitionView[],
    standing: agencyStanding(historyOf(agency.years), agency.recognitions, asOf),
  };
}
export type AgencyTitleHistory = NonNullable<Awaited<ReturnType<typeof getAgencyTitleHistory>>>;

/** The agency page of a year: its history, this year's entry and the standards it is assessed against. */
export async function getAgencyTitleDetail(actor: Actor, year: AgencyTitleYear, agencyId: string) {
  const found = await getAgencyTitleHistory(actor, agencyId, year.year);
  if (!found) return null;
  const entry = found.history.find((h) => h.year === year.year) ?? null;
  // A saved result keeps the set it was assessed against; otherwise the year's set for the kind.
  const saved = entry?.criteriaSetId
    ? await db.criteriaSet.findFirst({ where: { id: entry.criteriaSetId, communeId: year.communeId }, select: SET_SELECT })
    : null;
  const criteriaSet = saved ?? (await criteriaSetFor(db, year, found.agency.kind));
  return { ...found, entry, criteriaSet };
}
export type AgencyTitleDetail = NonNullable<Awaited<ReturnType<typeof getAgencyTitleDetail>>>;

// ---- The year's list as a document ----------------------------------------------------------------------------------

/** Who signs the list for the commune: the signer of its latest own decision, else its chairman (by role). */
async function listSigner(communeId: string) {
  const decision = await db.decision.findFirst({
    where: { communeId, status: "ISSUED", issuer: "" },
    orderBy: [{ issuedOn: "desc" }, { createdAt: "desc" }],
    select: { signerAuthority: true, signerTitle: true, signerName: true },
  });
  if (decision) return { authority: decision.signerAuthority, title: decision.signerTitle, name: decision.signerName };
  const leader = await db.user.findFirst({ where: { communeId, role: "LEADER", isActive: true }, orderBy: { createdAt: "asc" }, select: { fullName: true } });
  return { authority: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: leader?.fullName ?? "" };
}

/** The year's list (.docx and .xlsx): every agency by kind, with the SQL totals; null when the year is out of scope. */
export async function loadAgencyList(actor: Actor, yearNumber: number, documentDate: Date): Promise<AgencyListData | null> {
  if (!canReadAgencyTitle(actor)) return null;
  const year = await getAgencyTitleYear(actor, yearNumber);
  if (!year) return null;
  const [rows, headline, commune, signer] = await Promise.all([
    listAgencyYearRows(actor, year),
    agencyYearHeadline(actor, year),
    db.commune.findUniqueOrThrow({ where: { id: year.communeId }, select: { name: true, kind: true, province: true } }),
    listSigner(year.communeId),
  ]);
  const listRows: AgencyListRow[] = rows.map((r) => ({
    name: r.name,
    kind: r.kind,
    registeredOn: r.entry?.registeredOn ?? null,
    isRegistered: r.entry !== null,
    result: r.entry?.result ?? null,
    unmetCodes: r.entry?.unmetCodes ?? [],
    note: [standingNote(r.standing), r.entry?.note ?? ""].filter((s) => s !== "").join("; "),
  }));
  return { commune, year: year.year, documentDate, targetPct: year.targetAgenciesPct, rows: listRows, totals: headline.byKind, total: headline.total, signer };
}
