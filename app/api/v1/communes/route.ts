import { apiJson } from "@/lib/api/auth";
import { withApiCaller } from "@/lib/api/handler";
import { communesByIds } from "@/lib/api/queries";

export const dynamic = "force-dynamic";

/** GET /api/v1/communes → 200 [{ id, name }]: the communes the caller (session or API token) may read. */
export async function GET(request: Request): Promise<Response> {
  return withApiCaller(request, async (caller) => apiJson(200, await communesByIds(caller.communeIds)));
}
