import "server-only";
import { db } from "@/lib/db";
import type { HamletKind } from "@/lib/generated/prisma/enums";
import { pageArgs, toPage, type Page } from "@/lib/paging";
import { hamletScope, type Actor } from "@/lib/policy";
import { searchTerm, isUuid } from "@/lib/text";
import type { Option } from "@/lib/options";

/** Hamlets the actor may see, for pickers and filters (a hamlet head gets only their own). */
export async function listHamletOptions(actor: Actor): Promise<Option[]> {
  const rows = await db.hamlet.findMany({ where: hamletScope(actor), orderBy: { name: "asc" }, select: { id: true, name: true } });
  return rows.map((r) => ({ value: r.id, label: r.name }));
}

export type HamletSummary = { id: string; name: string; headName: string | null; hasCulturalHouse: boolean; activeHouseholds: number; poorHouseholds: number };

/** Every visible hamlet with its active and poor/near-poor household counts, counted by the database. */
export async function listHamletSummaries(actor: Actor): Promise<HamletSummary[]> {
  const scope = hamletScope(actor);
  const [hamlets, active, poor] = await Promise.all([
    db.hamlet.findMany({ where: scope, orderBy: { name: "asc" }, select: { id: true, name: true, headName: true, hasCulturalHouse: true } }),
    db.household.groupBy({ by: ["hamletId"], where: { hamlet: scope, status: "ACTIVE" }, _count: { _all: true } }),
    db.household.groupBy({ by: ["hamletId"], where: { hamlet: scope, status: "ACTIVE", povertyStatus: { in: ["POOR", "NEAR_POOR"] } }, _count: { _all: true } }),
  ]);
  const activeBy = new Map(active.map((r) => [r.hamletId, r._count._all]));
  const poorBy = new Map(poor.map((r) => [r.hamletId, r._count._all]));
  return hamlets.map((h) => ({ ...h, activeHouseholds: activeBy.get(h.id) ?? 0, poorHouseholds: poorBy.get(h.id) ?? 0 }));
}

export type HamletFilters = { q?: string; page: number };

export type HamletRow = {
  id: string;
  name: string;
  kind: HamletKind;
  headName: string | null;
  frontTeamHeadName: string | null;
  hasCulturalHouse: boolean;
  activeHouseholds: number;
};

/** One page of the hamlets the actor may see, searched without accents, with active households counted by the database. */
export async function listHamlets(actor: Actor, filters: HamletFilters): Promise<Page<HamletRow>> {
  const q = searchTerm(filters.q);
  const where = { AND: [hamletScope(actor), q ? { searchText: { contains: q } } : {}] };
  const [rows, total] = await Promise.all([
    db.hamlet.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      ...pageArgs(filters.page),
      select: {
        id: true, name: true, kind: true, headName: true, frontTeamHeadName: true, hasCulturalHouse: true,
        _count: { select: { households: { where: { status: "ACTIVE" } } } },
      },
    }),
    db.hamlet.count({ where }),
  ]);
  return toPage(rows.map(({ _count, ...h }) => ({ ...h, activeHouseholds: _count.households })), total, filters.page);
}

/** One hamlet with its active household count and commune history, or null when missing or outside the actor's scope. */
export async function getHamlet(actor: Actor, id: string) {
  if (!isUuid(id)) return null;
  // AND, not a spread: the scope of a hamlet head carries its own id, which must not replace the one asked for.
  const row = await db.hamlet.findFirst({
    where: { AND: [{ id }, hamletScope(actor)] },
    select: {
      id: true, communeId: true, name: true, kind: true, headName: true, frontTeamHeadName: true, hasCulturalHouse: true,
      version: true, updatedAt: true,
      _count: { select: { households: { where: { status: "ACTIVE" } } } },
      communeLinks: {
        orderBy: [{ validFrom: "desc" }, { id: "asc" }],
        select: { id: true, validFrom: true, validTo: true, legalBasis: true, commune: { select: { name: true } } },
      },
    },
  });
  if (!row) return null;
  const { _count, communeLinks, ...hamlet } = row;
  return {
    ...hamlet,
    activeHouseholds: _count.households,
    communeLinks: communeLinks.map((l) => ({ id: l.id, communeName: l.commune.name, validFrom: l.validFrom, validTo: l.validTo, legalBasis: l.legalBasis })),
  };
}
export type HamletDetail = NonNullable<Awaited<ReturnType<typeof getHamlet>>>;
