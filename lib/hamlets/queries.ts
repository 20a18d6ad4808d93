import "server-only";
import { db } from "@/lib/db";
import { hamletScope, type Actor } from "@/lib/policy";

/** Hamlets the actor may see, for pickers and filters (a hamlet head gets only their own). */
export async function listHamletOptions(actor: Actor): Promise<{ value: string; label: string }[]> {
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
