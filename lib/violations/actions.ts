"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { todayInVietnam } from "@/lib/dates";
import { invalid, NOT_A_FORM, run, type ActionResult } from "@/lib/result";
import { requireActor } from "@/lib/session";
import { VIOLATION_MSG } from "./labels";
import { violationFormToObject, violationInputFor } from "./schema";
import * as violations from "./service";

export async function recordViolationAction(householdId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = violationInputFor(todayInVietnam()).safeParse(violationFormToObject(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => violations.recordViolation(actor, householdId, parsed.data), form);
  if (!result.ok) return result;
  revalidatePath(`/registry/households/${householdId}`);
  redirect(`/registry/households/${householdId}?saved=1#vi-pham`);
}

export async function deleteViolationAction(violationId: string): Promise<ActionResult> {
  const actor = await requireActor();
  const result = await run(() => violations.deleteViolation(actor, violationId));
  if (!result.ok) return result;
  revalidatePath(`/registry/households/${result.data!.householdId}`);
  return { ok: true, message: VIOLATION_MSG.deleted };
}
