"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/session";
import { invalid, NOT_A_FORM, run, type ActionResult } from "@/lib/result";
import { versionField } from "@/lib/validation";
import { HouseholdInput, householdFormToObject } from "./schema";
import * as households from "./service";

export async function createHouseholdAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = HouseholdInput.safeParse(householdFormToObject(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => households.createHousehold(actor, parsed.data), form);
  if (!result.ok) return result;
  revalidatePath("/registry/households");
  redirect(`/registry/households/${result.data!.id}?saved=1`);
}

export async function updateHouseholdAction(id: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = HouseholdInput.safeParse(householdFormToObject(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const version = versionField.safeParse(form.get("version"));
  if (!version.success) return invalid(version.error, form);
  const actor = await requireActor();
  const result = await run(() => households.updateHousehold(actor, id, version.data, parsed.data), form);
  if (!result.ok) return result;
  revalidatePath("/registry/households");
  revalidatePath(`/registry/households/${id}`);
  redirect(`/registry/households/${id}?saved=1`);
}
