import "server-only";
import { apiError, API_MSG, resolveApiCaller, type ApiCaller } from "./auth";

/**
 * Runs an API handler for an authenticated caller: 401/403 from resolveApiCaller, otherwise what `handle` answers;
 * anything unexpected is logged and answered with a generic 500 JSON body, never a stack trace.
 */
export async function withApiCaller(request: Request, handle: (caller: ApiCaller) => Promise<Response>): Promise<Response> {
  try {
    const auth = await resolveApiCaller(request);
    if (!auth.ok) return auth.response;
    return await handle(auth.caller);
  } catch (error) {
    console.error("[vanhoa] API request failed", error);
    return apiError(500, API_MSG.internal);
  }
}

/** `?year=2024` as a number, or null when it is missing or not a four-digit year. */
export function yearParam(request: Request): number | null {
  const raw = new URL(request.url).searchParams.get("year")?.trim() ?? "";
  return /^\d{4}$/.test(raw) ? Number(raw) : null;
}
