import { IMPORT_MSG } from "@/lib/household-import/labels";
import { stageUploadedFile } from "@/lib/household-import/service";
import { MSG, run, type ErrorCode } from "@/lib/result";
import { getActor } from "@/lib/session";

export const dynamic = "force-dynamic";

// The upload is a route handler, not a server action: an action's body is parsed in memory and capped by
// serverActions.bodySizeLimit (1 MB by default), while this streams the raw body to disk and stops at 50 MB.
// proxy.ts leaves this path alone for the same reason (it would buffer, and cut, bodies over 10 MB), so the
// handler checks the session itself.

const STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RULE_VIOLATION: 409, INTERNAL: 500,
};

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** Cross-site pages cannot post here: a browser's Origin must be this host (forms cannot send this content type either). */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  try {
    return new URL(origin).host === (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return false;
  }
}

/**
 * POST /api/household-imports?name=<file name>, body = the file (Content-Type: application/octet-stream)
 * → 200 { id, households, members, errorCount } | 4xx/5xx { error } (Vietnamese).
 */
export async function POST(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return json(401, { error: MSG.unauthenticated });
  if (!isSameOrigin(request)) return json(403, { error: MSG.forbidden });
  if (request.headers.get("content-type")?.split(";")[0]?.trim() !== "application/octet-stream") {
    return json(415, { error: IMPORT_MSG.noFile });
  }
  const name = new URL(request.url).searchParams.get("name") ?? "";
  const length = Number(request.headers.get("content-length"));
  const result = await run(() => stageUploadedFile(actor, name, request.body, request.headers.has("content-length") && Number.isFinite(length) ? length : null));
  if (!result.ok) return json(result.message === IMPORT_MSG.tooLarge ? 413 : STATUS[result.code], { error: result.message });
  const { id, households, members, errorCount } = result.data!;
  return json(200, { id, households, members, errorCount });
}
