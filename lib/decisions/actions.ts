"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { invalid, NOT_A_FORM, run, type ActionResult } from "@/lib/result";
import { requireActor } from "@/lib/session";
import { requiredInt, versionField } from "@/lib/validation";
import { uniqueNumberMessages } from "./labels";
import {
  AwardDecisionInput, CancellationDecisionInput, DecisionMode, decisionFormToObject, HamletCancellationInput, HamletDecisionInput,
} from "./schema";
import * as decisions from "./service";

// Decisions change the dossiers' status, the awards and the household and hamlet pages.
function revalidateDecision(id?: string) {
  revalidatePath("/decisions");
  if (id) revalidatePath(`/decisions/${id}`);
  revalidatePath("/review", "layout");
  revalidatePath("/hamlet-title", "layout");
  revalidatePath("/registry/households", "layout");
  revalidatePath("/registry/hamlets", "layout");
  revalidatePath("/");
}

const yearField = requiredInt("năm", 2000, 2100);

export async function createAwardDecisionAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const year = yearField.safeParse(form.get("year") ?? "");
  if (!year.success) return invalid(year.error, form);
  const parsed = AwardDecisionInput.safeParse(decisionFormToObject(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => decisions.createAwardDecision(actor, year.data, parsed.data), form, uniqueNumberMessages(parsed.data));
  if (!result.ok) return result;
  revalidateDecision(result.data!.id);
  redirect(`/decisions/${result.data!.id}?saved=1`);
}

export async function updateAwardDecisionAction(id: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = AwardDecisionInput.safeParse(decisionFormToObject(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const version = versionField.safeParse(form.get("version"));
  if (!version.success) return invalid(version.error, form);
  const actor = await requireActor();
  const result = await run(() => decisions.updateAwardDecision(actor, id, version.data, parsed.data), form, uniqueNumberMessages(parsed.data));
  if (!result.ok) return result;
  revalidateDecision(id);
  redirect(`/decisions/${id}?saved=1`);
}

export async function createCancellationDecisionAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = CancellationDecisionInput.safeParse(decisionFormToObject(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => decisions.createCancellationDecision(actor, parsed.data), form, uniqueNumberMessages(parsed.data));
  if (!result.ok) return result;
  revalidateDecision(result.data!.id);
  redirect(`/decisions/${result.data!.id}?saved=1`);
}

export async function updateCancellationDecisionAction(id: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = CancellationDecisionInput.safeParse(decisionFormToObject(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const version = versionField.safeParse(form.get("version"));
  if (!version.success) return invalid(version.error, form);
  const actor = await requireActor();
  const result = await run(() => decisions.updateCancellationDecision(actor, id, version.data, parsed.data), form, uniqueNumberMessages(parsed.data));
  if (!result.ok) return result;
  revalidateDecision(id);
  redirect(`/decisions/${id}?saved=1`);
}

export async function issueDecisionAction(id: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const version = versionField.safeParse(form.get("version"));
  if (!version.success) return invalid(version.error, form);
  const actor = await requireActor();
  const result = await run(() => decisions.issueDecision(actor, id, version.data));
  if (!result.ok) return result;
  revalidateDecision(id);
  redirect(`/decisions/${id}?issued=1`);
}

export async function discardDecisionAction(id: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const version = versionField.safeParse(form.get("version"));
  if (!version.success) return invalid(version.error, form);
  const actor = await requireActor();
  const result = await run(() => decisions.discardDecision(actor, id, version.data));
  if (!result.ok) return result;
  revalidateDecision();
  redirect("/decisions?discarded=1");
}

// ---- "Xóm văn hóa" ----------------------------------------------------------------------------------------------

const modeField = (form: FormData) => DecisionMode.safeParse(form.get("mode") ?? "");

/** Drafts the commune's decision (mode "draft") or records an upper body's (mode "record"), by the date's authority. */
export async function createHamletDecisionAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const year = yearField.safeParse(form.get("year") ?? "");
  if (!year.success) return invalid(year.error, form);
  const mode = modeField(form);
  if (!mode.success) return invalid(mode.error, form);
  const parsed = HamletDecisionInput.safeParse(decisionFormToObject(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => decisions.createHamletDecision(actor, year.data, mode.data, parsed.data), form, uniqueNumberMessages(parsed.data));
  if (!result.ok) return result;
  revalidateDecision(result.data!.id);
  redirect(`/decisions/${result.data!.id}?${result.data!.status === "ISSUED" ? "recorded" : "saved"}=1`);
}

export async function updateHamletDecisionAction(id: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = HamletDecisionInput.safeParse(decisionFormToObject(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const version = versionField.safeParse(form.get("version"));
  if (!version.success) return invalid(version.error, form);
  const actor = await requireActor();
  const result = await run(() => decisions.updateHamletDecision(actor, id, version.data, parsed.data), form, uniqueNumberMessages(parsed.data));
  if (!result.ok) return result;
  revalidateDecision(id);
  redirect(`/decisions/${id}?saved=1`);
}

export async function createHamletCancellationAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const mode = modeField(form);
  if (!mode.success) return invalid(mode.error, form);
  const parsed = HamletCancellationInput.safeParse(decisionFormToObject(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => decisions.createHamletCancellation(actor, mode.data, parsed.data), form, uniqueNumberMessages(parsed.data));
  if (!result.ok) return result;
  revalidateDecision(result.data!.id);
  redirect(`/decisions/${result.data!.id}?${result.data!.status === "ISSUED" ? "recorded" : "saved"}=1`);
}

export async function updateHamletCancellationAction(id: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = HamletCancellationInput.safeParse(decisionFormToObject(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const version = versionField.safeParse(form.get("version"));
  if (!version.success) return invalid(version.error, form);
  const actor = await requireActor();
  const result = await run(() => decisions.updateHamletCancellation(actor, id, version.data, parsed.data), form, uniqueNumberMessages(parsed.data));
  if (!result.ok) return result;
  revalidateDecision(id);
  redirect(`/decisions/${id}?saved=1`);
}
