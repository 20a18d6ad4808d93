"use server";
import { revalidatePath } from "next/cache";
import { invalid, MSG, NOT_A_FORM, NOT_FOUND_RESULT, run, type ActionResult } from "@/lib/result";
import { requireActor } from "@/lib/session";
import { isUuid } from "@/lib/text";
import { REGISTRATION_MSG } from "./labels";
import { RegistrationDateInput, RegistrationIntent } from "./schema";
import * as registration from "./service";

/**
 * The registration page's one form: the pressed button names what to do ("all", "register:<id>",
 * "unregister:<id>"); registering reads the form's date. Ids of the year and hamlet are bound by the page.
 */
export async function changeRegistrationAction(
  campaignYearId: string, hamletId: string, _prev: ActionResult | null, form: FormData,
): Promise<ActionResult> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  // Bound by the page: one that names no row was not sent by it (registering one household never reads the hamlet).
  if (!isUuid(campaignYearId) || !isUuid(hamletId)) return NOT_FOUND_RESULT;
  const intent = RegistrationIntent.safeParse(form.get("intent"));
  // No field to mark: the message itself says what to do.
  if (!intent.success) return { ...invalid(intent.error, form), message: intent.error.issues[0]?.message ?? MSG.invalid };
  const actor = await requireActor();
  let result: ActionResult<string>;
  if (intent.data.kind === "unregister") {
    const householdId = intent.data.householdId;
    result = await run(async () => REGISTRATION_MSG.unregisteredOne((await registration.unregisterHousehold(actor, campaignYearId, householdId)).headName), form);
  } else {
    const parsed = RegistrationDateInput.safeParse({ registeredOn: form.get("registeredOn") ?? undefined });
    if (!parsed.success) return invalid(parsed.error, form);
    if (intent.data.kind === "all") {
      result = await run(async () => REGISTRATION_MSG.registeredAll((await registration.registerAll(actor, campaignYearId, hamletId, parsed.data)).count), form);
    } else {
      const householdId = intent.data.householdId;
      result = await run(async () => REGISTRATION_MSG.registeredOne((await registration.registerHousehold(actor, campaignYearId, householdId, parsed.data)).headName), form);
    }
  }
  if (!result.ok) return result;
  // The registration page, the hamlet's hub and the review list all show these counts.
  revalidatePath("/review", "layout");
  return { ok: true, message: result.data };
}
