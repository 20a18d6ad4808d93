import "server-only";
import { db } from "@/lib/db";
import { can, communeScope, hamletRowScope, hamletScope, type Actor } from "@/lib/policy";
import type { ReviewStatus } from "@/lib/review/rules";
import { isUuid } from "@/lib/text";
import { compareViPersonName, isRegistrationOpen } from "./rules";

export type RegistrationCount = { hamletId: string; active: number; registered: number };

/**
 * Per visible hamlet (by name): its active households and how many of them are registered for the year.
 * Counted by the database (two groupBy queries), never by loading the rows.
 */
export async function registrationCounts(actor: Actor, campaignYearId: string): Promise<RegistrationCount[]> {
  if (!isUuid(campaignYearId)) return [];
  const year = await db.campaignYear.findFirst({
    where: { AND: [{ id: campaignYearId }, communeScope(actor, "review.read")] },
    select: { id: true, communeId: true },
  });
  if (!year) return [];
  const scope = hamletRowScope(actor, "review.read");
  const [hamlets, active, registered] = await Promise.all([
    db.hamlet.findMany({ where: { AND: [{ communeId: year.communeId }, hamletScope(actor)] }, orderBy: { name: "asc" }, select: { id: true, communeId: true } }),
    db.household.groupBy({ by: ["hamletId"], where: { AND: [{ status: "ACTIVE" }, scope] }, _count: { _all: true } }),
    db.household.groupBy({
      by: ["hamletId"],
      where: { AND: [{ status: "ACTIVE", registrations: { some: { campaignYearId: year.id } } }, scope] },
      _count: { _all: true },
    }),
  ]);
  const activeBy = new Map(active.map((r) => [r.hamletId, r._count._all]));
  const registeredBy = new Map(registered.map((r) => [r.hamletId, r._count._all]));
  return hamlets
    .filter((h) => can(actor, "review.read", { communeId: h.communeId, hamletId: h.id }))
    .map((h) => ({ hamletId: h.id, active: activeBy.get(h.id) ?? 0, registered: registeredBy.get(h.id) ?? 0 }));
}

export type RegistrationRow = { id: string; headName: string; address: string; registeredOn: Date | null };

export type RegistrationBoard = {
  hamlet: { id: string; name: string; communeId: string };
  reviewStatus: ReviewStatus | null;
  isOpen: boolean;
  households: RegistrationRow[];
  active: number;
  registered: number;
};

/**
 * A hamlet's active households with their registration for the year, in Vietnamese name order; null when the
 * year or the hamlet lies outside what the actor may read.
 */
export async function getRegistrationBoard(actor: Actor, campaignYearId: string, hamletId: string): Promise<RegistrationBoard | null> {
  if (!isUuid(campaignYearId) || !isUuid(hamletId)) return null;
  const year = await db.campaignYear.findFirst({
    where: { AND: [{ id: campaignYearId }, communeScope(actor, "review.read")] },
    select: { id: true, communeId: true },
  });
  if (!year) return null;
  const hamlet = await db.hamlet.findFirst({
    where: { AND: [{ id: hamletId, communeId: year.communeId }, hamletScope(actor)] },
    select: { id: true, name: true, communeId: true },
  });
  if (!hamlet || !can(actor, "review.read", { communeId: hamlet.communeId, hamletId: hamlet.id })) return null;
  const [review, rows] = await Promise.all([
    db.hamletReview.findUnique({ where: { campaignYearId_hamletId: { campaignYearId: year.id, hamletId: hamlet.id } }, select: { status: true } }),
    db.household.findMany({
      where: { AND: [{ hamletId: hamlet.id, status: "ACTIVE" }, hamletRowScope(actor, "review.read")] },
      select: {
        id: true, headName: true, address: true,
        registrations: { where: { campaignYearId: year.id }, select: { registeredOn: true } },
      },
    }),
  ]);
  const households = rows
    .map((r) => ({ id: r.id, headName: r.headName, address: r.address, registeredOn: r.registrations[0]?.registeredOn ?? null }))
    .sort((a, b) => compareViPersonName(a.headName, b.headName) || a.id.localeCompare(b.id));
  const reviewStatus = review?.status ?? null;
  return {
    hamlet,
    reviewStatus,
    isOpen: isRegistrationOpen(reviewStatus),
    households,
    active: households.length,
    registered: households.filter((h) => h.registeredOn !== null).length,
  };
}
