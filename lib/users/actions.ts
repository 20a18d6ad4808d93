"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formValues, invalid, NOT_A_FORM, run, type ActionResult } from "@/lib/result";
import { requireActor } from "@/lib/session";
import { USER_MSG } from "./labels";
import { CreateUserInput, ResetPasswordInput, UpdateUserInput } from "./schema";
import * as users from "./service";

const SECRET_FIELDS = ["password", "passwordConfirm"];

/** Passwords are never echoed back to the browser; the form asks for them again. */
function withoutSecrets<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok || !result.values) return result;
  const values = Object.fromEntries(Object.entries(result.values).filter(([key]) => !SECRET_FIELDS.includes(key)));
  return { ...result, values };
}

const UNIQUE_USERNAME: Record<string, [string, string]> = { username: ["username", USER_MSG.usernameTakenGeneric] };

function revalidateUser(id: string) {
  revalidatePath("/admin/users");
  revalidatePath(`/admin/users/${id}`);
}

export async function createUserAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = CreateUserInput.safeParse(formValues(form));
  if (!parsed.success) return withoutSecrets(invalid(parsed.error, form));
  const actor = await requireActor();
  const result = await run(() => users.createUser(actor, parsed.data), form, UNIQUE_USERNAME);
  if (!result.ok) return withoutSecrets(result);
  revalidatePath("/admin/users");
  redirect(`/admin/users/${result.data!.id}?saved=1`);
}

export async function updateUserAction(id: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = UpdateUserInput.safeParse(formValues(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => users.updateUser(actor, id, parsed.data), form);
  if (!result.ok) return result;
  revalidateUser(id);
  redirect(`/admin/users/${id}?saved=1`);
}

export async function resetUserPasswordAction(id: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = ResetPasswordInput.safeParse(formValues(form));
  if (!parsed.success) return withoutSecrets(invalid(parsed.error, form));
  const actor = await requireActor();
  const result = await run(() => users.resetUserPassword(actor, id, parsed.data), form);
  if (!result.ok) return withoutSecrets(result);
  revalidateUser(id);
  return { ok: true, message: USER_MSG.passwordReset };
}

async function setActive(id: string, isActive: boolean): Promise<ActionResult> {
  const actor = await requireActor();
  const result = await run(() => users.setUserActive(actor, id, isActive));
  if (!result.ok) return result;
  revalidateUser(id);
  redirect(`/admin/users/${id}?saved=1`);
}

export async function deactivateUserAction(id: string): Promise<ActionResult> {
  return setActive(id, false);
}

export async function reactivateUserAction(id: string): Promise<ActionResult> {
  return setActive(id, true);
}
