"use server";
import { revalidatePath } from "next/cache";
import { formValues, invalid, NOT_A_FORM, run, type ActionResult } from "@/lib/result";
import { requireActor } from "@/lib/session";
import { API_TOKEN_MSG } from "./labels";
import { CreateApiTokenInput } from "./schema";
import * as apiTokens from "./service";

export type CreatedTokenView = { name: string; prefix: string; token: string };

/** Creates a token and returns it once, for the page to show; it is never readable again. */
export async function createApiTokenAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult<CreatedTokenView>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = CreateApiTokenInput.safeParse(formValues(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => apiTokens.createApiToken(actor, parsed.data), form);
  if (!result.ok) return result;
  revalidatePath("/admin/api-tokens");
  const { name, prefix, token } = result.data!;
  return { ok: true, message: API_TOKEN_MSG.created, data: { name, prefix, token } };
}

export async function revokeApiTokenAction(id: string): Promise<ActionResult> {
  const actor = await requireActor();
  const result = await run(() => apiTokens.revokeApiToken(actor, id));
  if (!result.ok) return result;
  revalidatePath("/admin/api-tokens");
  return { ok: true, message: API_TOKEN_MSG.revoked };
}
