import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import {
  getAccessFallbackHTTPStatus, isHTTPAccessFallbackError,
} from "next/dist/client/components/http-access-fallback/http-access-fallback";
import type { ActionResult } from "@/lib/result";

// What a server action or a route handler did with a call, in the words the authorization tests use. The real
// next/navigation runs: redirect(), notFound() and forbidden() throw as they do in Next, and this reads them back.

// Next enables forbidden() with `experimental.authInterrupts` (next.config.ts) by setting this at build time.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

/** Codes that mean "you may not" (rather than "your input is wrong" or "not now"). */
export const REFUSAL_CODES = ["FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED"] as const;

export type Outcome =
  | { kind: "allowed"; detail: string }
  | { kind: "refused"; detail: string }
  /** Neither: a validation or rule failure, an INTERNAL, or an unexpected throw. */
  | { kind: "other"; detail: string; result?: unknown; error?: unknown };

function isActionResult(value: unknown): value is ActionResult {
  return typeof value === "object" && value !== null && typeof (value as { ok?: unknown }).ok === "boolean";
}

/**
 * A redirect after the work is done means success; a redirect to /login is the refusal of an anonymous caller
 * (requireActor). forbidden() and notFound() are refusals. `refusedAlso` lists extra codes that count as a refusal
 * for this call, with the field they must name (an id in a form field that names another commune's row is answered
 * as an invalid field, exactly as an unknown id would be).
 */
export type ExtraRefusal = { code: string; field?: string };

export async function outcomeOf(call: () => Promise<unknown>, refusedAlso: readonly ExtraRefusal[] = []): Promise<Outcome> {
  let value: unknown;
  try {
    value = await call();
  } catch (error) {
    if (isRedirectError(error)) {
      const url = getURLFromRedirectError(error);
      return url.startsWith("/login") ? { kind: "refused", detail: `redirect ${url}` } : { kind: "allowed", detail: `redirect ${url}` };
    }
    if (isHTTPAccessFallbackError(error)) return { kind: "refused", detail: `http ${getAccessFallbackHTTPStatus(error)}` };
    return { kind: "other", detail: `threw ${(error as Error)?.name}: ${(error as Error)?.message}`, error };
  }
  if (value instanceof Response) {
    if (value.status >= 200 && value.status < 300) return { kind: "allowed", detail: `HTTP ${value.status}` };
    if ([401, 403, 404].includes(value.status)) return { kind: "refused", detail: `HTTP ${value.status}` };
    return { kind: "other", detail: `HTTP ${value.status}: ${(await value.text()).slice(0, 300)}` };
  }
  if (!isActionResult(value)) return { kind: "other", detail: `returned ${JSON.stringify(value)?.slice(0, 200)}`, result: value };
  if (value.ok) return { kind: "allowed", detail: "ok" };
  const extra = refusedAlso.some((r) => r.code === value.code && (r.field === undefined || (value.fieldErrors?.[r.field]?.length ?? 0) > 0));
  if ((REFUSAL_CODES as readonly string[]).includes(value.code) || extra) {
    return { kind: "refused", detail: `${value.code}: ${value.message}` };
  }
  return { kind: "other", detail: `${value.code}: ${value.message} ${JSON.stringify(value.fieldErrors ?? {})}`, result: value };
}
