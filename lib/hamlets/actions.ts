"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/session";
import { invalid, NOT_A_FORM, run, type ActionResult } from "@/lib/result";
import { versionField } from "@/lib/validation";
import { HAMLET_MSG } from "./labels";
import { HamletInput } from "./schema";
import * as hamlets from "./service";

// Hamlet names and counts also show in the household list, its filter and the dashboard.
function revalidateHamlet(id?: string) {
  revalidatePath("/registry/hamlets");
  if (id) revalidatePath(`/registry/hamlets/${id}`);
  revalidatePath("/registry/households", "layout");
  revalidatePath("/");
}

export async function createHamletAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = HamletInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => hamlets.createHamlet(actor, parsed.data), form, { name: ["name", HAMLET_MSG.duplicateName(parsed.data.name)] });
  if (!result.ok) return result;
  revalidateHamlet(result.data!.id);
  redirect(`/registry/hamlets/${result.data!.id}?saved=1`);
}

export async function updateHamletAction(id: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = HamletInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const version = versionField.safeParse(form.get("version"));
  if (!version.success) return invalid(version.error, form);
  const actor = await requireActor();
  const result = await run(() => hamlets.updateHamlet(actor, id, version.data, parsed.data), form, { name: ["name", HAMLET_MSG.duplicateName(parsed.data.name)] });
  if (!result.ok) return result;
  revalidateHamlet(id);
  redirect(`/registry/hamlets/${id}?saved=1`);
}
