import "server-only";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/text";

/** The communes with these ids, by name: what GET /api/v1/communes lists. */
export async function communesByIds(ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db.commune.findMany({ where: { id: { in: [...ids] } }, orderBy: [{ name: "asc" }], select: { id: true, name: true } });
}

/** Whether a commune with this id exists (to tell "unknown" (404) from "not yours" (403)). */
export async function communeExists(id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  return (await db.commune.count({ where: { id } })) === 1;
}
