"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formValues, invalid, MSG, NOT_A_FORM, run, type ActionResult } from "@/lib/result";
import { requireActor } from "@/lib/session";
import { versionField } from "@/lib/validation";
import type { TitleSubject } from "@/lib/generated/prisma/enums";
import { AuthorityRuleInput, CAMPAIGN_MSG, CampaignYearInput, CriteriaSetInput, CriterionInput, RuleSetInput, TITLE_SUBJECT_LABEL, yearFormToObject } from "./schema";
import * as campaign from "./service";

// Every page under /campaign shows years, versions or the years using a version: a write refreshes them all.
const revalidateCampaign = () => revalidatePath("/campaign", "layout");

const uniqueYear = (year: number): Record<string, [string, string]> => ({ year: ["year", CAMPAIGN_MSG.yearTaken(year)] });

export async function createCampaignYearAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string; year: number }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = CampaignYearInput.safeParse(yearFormToObject(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => campaign.createCampaignYear(actor, parsed.data), form, uniqueYear(parsed.data.year));
  if (!result.ok) return result;
  revalidateCampaign();
  redirect(`/campaign/${result.data!.year}?saved=1`);
}

export async function updateCampaignYearAction(id: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string; year: number }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = CampaignYearInput.safeParse(yearFormToObject(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const version = versionField.safeParse(form.get("version"));
  if (!version.success) return invalid(version.error, form);
  const actor = await requireActor();
  const result = await run(() => campaign.updateCampaignYear(actor, id, version.data, parsed.data), form, uniqueYear(parsed.data.year));
  if (!result.ok) return result;
  revalidateCampaign();
  redirect(`/campaign/${result.data!.year}?saved=1`);
}

export async function createRuleSetAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string; version: number }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = RuleSetInput.safeParse(formValues(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => campaign.createRuleSet(actor, parsed.data), form);
  if (!result.ok) return result;
  revalidateCampaign();
  redirect(`/campaign/rules?saved=${result.data!.version}`);
}

export async function createCriteriaDraftAction(fromId: string): Promise<ActionResult<{ id: string; version: number }>> {
  const actor = await requireActor();
  const result = await run(() => campaign.createCriteriaDraft(actor, fromId));
  if (!result.ok) return result;
  revalidateCampaign();
  redirect(`/campaign/criteria/${result.data!.id}?saved=1`);
}

/** A new draft for a title, copied from its latest set; `subject` comes from a bound argument, so it is checked. */
export async function createCriteriaDraftForAction(subject: TitleSubject): Promise<ActionResult<{ id: string; version: number }>> {
  if (typeof subject !== "string" || !Object.hasOwn(TITLE_SUBJECT_LABEL, subject)) return { ok: false, code: "INVALID_INPUT", message: MSG.invalid };
  const actor = await requireActor();
  const result = await run(() => campaign.createCriteriaDraftFor(actor, subject));
  if (!result.ok) return result;
  revalidateCampaign();
  redirect(`/campaign/criteria/${result.data!.id}?saved=1`);
}

export async function updateCriteriaSetAction(id: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = CriteriaSetInput.safeParse(formValues(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => campaign.updateCriteriaSet(actor, id, parsed.data), form);
  if (!result.ok) return result;
  revalidateCampaign();
  redirect(`/campaign/criteria/${id}?saved=1`);
}

export async function addCriterionAction(criteriaSetId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = CriterionInput.safeParse(formValues(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => campaign.addCriterion(actor, criteriaSetId, parsed.data), form, { code: ["code", CAMPAIGN_MSG.codeTaken(parsed.data.code)] });
  if (!result.ok) return result;
  revalidateCampaign();
  redirect(`/campaign/criteria/${criteriaSetId}?saved=1`);
}

export async function updateCriterionAction(criteriaSetId: string, itemId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = CriterionInput.safeParse(formValues(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => campaign.updateCriterion(actor, criteriaSetId, itemId, parsed.data), form, { code: ["code", CAMPAIGN_MSG.codeTaken(parsed.data.code)] });
  if (!result.ok) return result;
  revalidateCampaign();
  redirect(`/campaign/criteria/${criteriaSetId}?saved=1`);
}

export async function removeCriterionAction(criteriaSetId: string, itemId: string): Promise<ActionResult<{ id: string }>> {
  const actor = await requireActor();
  const result = await run(() => campaign.removeCriterion(actor, criteriaSetId, itemId));
  if (!result.ok) return result;
  revalidateCampaign();
  redirect(`/campaign/criteria/${criteriaSetId}?saved=1`);
}

export async function publishCriteriaSetAction(id: string): Promise<ActionResult<{ id: string }>> {
  const actor = await requireActor();
  const result = await run(() => campaign.publishCriteriaSet(actor, id));
  if (!result.ok) return result;
  revalidateCampaign();
  redirect(`/campaign/criteria/${id}?saved=1`);
}

export async function createAuthorityRuleAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = AuthorityRuleInput.safeParse(formValues(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => campaign.createAuthorityRule(actor, parsed.data), form);
  if (!result.ok) return result;
  revalidateCampaign();
  redirect("/campaign/authority?saved=1");
}
