import { apiError, apiJson, API_MSG } from "@/lib/api/auth";
import { withApiCaller, yearParam } from "@/lib/api/handler";
import { communeExists } from "@/lib/api/queries";
import { communeProgress } from "@/lib/dashboard/figures";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/communes/{id}/progress?year=2024 → 200 CommuneProgress (lib/dashboard/types.ts). 404 for an unknown
 * commune or year, 403 for a commune that is not the caller's, 400 for a missing or malformed year.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  // UUIDs are case-insensitive (PostgreSQL compares them so); the caller's ids are lower-case.
  const id = (await params).id.toLowerCase();
  return withApiCaller(request, async (caller) => {
    if (!caller.communeIds.includes(id)) {
      return (await communeExists(id)) ? apiError(403, API_MSG.communeForbidden) : apiError(404, API_MSG.communeNotFound);
    }
    const year = yearParam(request);
    if (year === null) return apiError(400, API_MSG.yearInvalid);
    const progress = await communeProgress(id, year);
    return progress ? apiJson(200, progress) : apiError(404, API_MSG.yearNotFound);
  });
}
