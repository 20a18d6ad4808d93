import { getHouseholdImportProgress } from "@/lib/household-import/queries";
import { MSG } from "@/lib/result";
import { getActor } from "@/lib/session";

export const dynamic = "force-dynamic";

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** GET /api/household-imports/<id> → { status, done, total, isInterrupted }: what the progress bar polls. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return json(401, { error: MSG.unauthenticated });
  const { id } = await params;
  const progress = await getHouseholdImportProgress(actor, id);
  return progress ? json(200, progress) : json(404, { error: MSG.notFound });
}
