import "server-only";
import { db } from "@/lib/db";
import type { AgencyKind } from "@/lib/generated/prisma/enums";
import { pageArgs, toPage, type Page } from "@/lib/paging";
import { agencyScope, type Actor } from "@/lib/policy";
import { searchTerm, isUuid } from "@/lib/text";

export type AgencyFilters = { q?: string; kind?: AgencyKind; page: number };

export type AgencyRow = {
  id: string;
  name: string;
  kind: AgencyKind;
  headName: string | null;
  tradeUnionName: string | null;
  headcount: number;
};

/** One page of the commune's agencies, units and businesses, searched without accents and filtered by kind. */
export async function listAgencies(actor: Actor, filters: AgencyFilters): Promise<Page<AgencyRow>> {
  const q = searchTerm(filters.q);
  const where = {
    AND: [agencyScope(actor), q ? { searchText: { contains: q } } : {}, filters.kind ? { kind: filters.kind } : {}],
  };
  const [items, total] = await Promise.all([
    db.agency.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      ...pageArgs(filters.page),
      select: { id: true, name: true, kind: true, headName: true, tradeUnionName: true, headcount: true },
    }),
    db.agency.count({ where }),
  ]);
  return toPage(items, total, filters.page);
}

/** One agency, or null when it does not exist or lies outside the actor's scope. */
export async function getAgency(actor: Actor, id: string) {
  if (!isUuid(id)) return null;
  return db.agency.findFirst({
    where: { AND: [{ id }, agencyScope(actor)] },
    select: {
      id: true, communeId: true, name: true, kind: true, headName: true, tradeUnionName: true, headcount: true,
      version: true, updatedAt: true,
    },
  });
}
export type AgencyDetail = NonNullable<Awaited<ReturnType<typeof getAgency>>>;
