import "server-only";
import { db } from "@/lib/db";
import type { HouseholdStatus, PovertyStatus } from "@/lib/generated/prisma/enums";
import { pageArgs, toPage, type Page } from "@/lib/paging";
import { householdScope, type Actor } from "@/lib/policy";
import { searchTerm, isUuid } from "@/lib/text";

export type HouseholdFilters = { q?: string; hamletId?: string; status?: HouseholdStatus; page: number };

export type HouseholdRow = {
  id: string;
  headName: string;
  address: string;
  phone: string | null;
  povertyStatus: PovertyStatus;
  status: HouseholdStatus;
  hamletName: string;
  memberCount: number;
};

export async function listHouseholds(actor: Actor, filters: HouseholdFilters): Promise<Page<HouseholdRow>> {
  const q = searchTerm(filters.q);
  // AND keeps the actor's scope whole: a filter can narrow it, never replace it.
  const where = {
    AND: [
      householdScope(actor),
      q ? { searchText: { contains: q } } : {},
      filters.hamletId ? { hamletId: filters.hamletId } : {},
      filters.status ? { status: filters.status } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.household.findMany({
      where,
      orderBy: [{ hamlet: { name: "asc" } }, { headName: "asc" }, { id: "asc" }],
      ...pageArgs(filters.page),
      select: {
        id: true, headName: true, address: true, phone: true, povertyStatus: true, status: true,
        hamlet: { select: { name: true } },
        _count: { select: { members: true } },
      },
    }),
    db.household.count({ where }),
  ]);
  return toPage(
    rows.map((r) => ({
      id: r.id, headName: r.headName, address: r.address, phone: r.phone, povertyStatus: r.povertyStatus, status: r.status,
      hamletName: r.hamlet.name, memberCount: r._count.members,
    })),
    total,
    filters.page,
  );
}

/** One household with its members, or null when it does not exist or lies outside the actor's scope. */
export async function getHousehold(actor: Actor, id: string) {
  if (!isUuid(id)) return null;
  return db.household.findFirst({
    where: { AND: [{ id }, householdScope(actor)] },
    select: {
      id: true, headName: true, address: true, phone: true, povertyStatus: true, status: true, hamletId: true,
      version: true, createdAt: true, updatedAt: true,
      hamlet: { select: { id: true, name: true } },
      members: { orderBy: { position: "asc" }, select: { id: true, fullName: true, birthYear: true, relationship: true } },
    },
  });
}
export type HouseholdDetail = NonNullable<Awaited<ReturnType<typeof getHousehold>>>;
