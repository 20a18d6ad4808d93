"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/session";
import { invalid, NOT_A_FORM, run, type ActionResult } from "@/lib/result";
import { versionField } from "@/lib/validation";
import { AGENCY_MSG } from "./labels";
import { AgencyInput } from "./schema";
import * as agencies from "./service";

function revalidateAgency(id: string) {
  revalidatePath("/registry/agencies");
  revalidatePath(`/registry/agencies/${id}`);
  revalidatePath("/");
}

export async function createAgencyAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = AgencyInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => agencies.createAgency(actor, parsed.data), form, { name: ["name", AGENCY_MSG.duplicateName(parsed.data.name)] });
  if (!result.ok) return result;
  revalidateAgency(result.data!.id);
  redirect(`/registry/agencies/${result.data!.id}?saved=1`);
}

export async function updateAgencyAction(id: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = AgencyInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const version = versionField.safeParse(form.get("version"));
  if (!version.success) return invalid(version.error, form);
  const actor = await requireActor();
  const result = await run(() => agencies.updateAgency(actor, id, version.data, parsed.data), form, { name: ["name", AGENCY_MSG.duplicateName(parsed.data.name)] });
  if (!result.ok) return result;
  revalidateAgency(id);
  redirect(`/registry/agencies/${id}?saved=1`);
}
