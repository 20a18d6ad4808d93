"use server";
import { revalidatePath } from "next/cache";
import { invalid, NOT_A_FORM, NOT_FOUND_RESULT, run, type ActionResult } from "@/lib/result";
import { requireActor } from "@/lib/session";
import { isYear, versionField } from "@/lib/validation";
import { AGENCY_TITLE_MSG } from "./labels";
import { RecognitionInput, RegisterInput, ResultInput, resultFormToObject } from "./schema";
import * as agencyTitle from "./service";

// Thin wrappers: FormData → schema → service → ActionResult. The year pages, the agency pages and the registry's
// agency page all show these rows, so a write revalidates all of them and the dashboard.

function revalidateAgencyTitle(agencyId?: string) {
  revalidatePath("/agency-title", "layout");
  if (agencyId) revalidatePath(`/registry/agencies/${agencyId}`);
  revalidatePath("/");
}

export async function registerAgencyAction(year: number, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  if (!isYear(year)) return NOT_FOUND_RESULT;
  const parsed = RegisterInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => agencyTitle.registerAgency(actor, year, parsed.data), form, {
    campaignYearId: ["agencyId", "Đơn vị này vừa được đăng ký. Vui lòng tải lại trang."],
  });
  if (!result.ok) return result;
  revalidateAgencyTitle(parsed.data.agencyId);
  return { ...result, message: "Đã đăng ký." };
}

/** `version` is bound by the page (the confirm button posts no fields). */
export async function unregisterAgencyAction(year: number, agencyId: string, version: number, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  if (!isYear(year)) return NOT_FOUND_RESULT;
  const parsed = versionField.safeParse(version);
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => agencyTitle.unregisterAgency(actor, year, agencyId, parsed.data), form);
  if (!result.ok) return result;
  revalidateAgencyTitle(agencyId);
  return { ...result, message: "Đã hủy đăng ký." };
}

export async function saveAgencyResultAction(year: number, agencyId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  if (!isYear(year)) return NOT_FOUND_RESULT;
  const parsed = ResultInput.safeParse(resultFormToObject(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const version = versionField.safeParse(form.get("version"));
  if (!version.success) return invalid(version.error, form);
  const actor = await requireActor();
  const result = await run(() => agencyTitle.saveAgencyResult(actor, year, agencyId, version.data, parsed.data), form);
  if (!result.ok) return result;
  revalidateAgencyTitle(agencyId);
  return { ok: true, data: { id: result.data!.id }, message: result.data!.result === "ACHIEVED" ? "Đã lưu: đơn vị đạt chuẩn văn hóa năm này." : "Đã lưu: đơn vị không đạt chuẩn năm này." };
}

export async function recordRecognitionAction(agencyId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = RecognitionInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => agencyTitle.recordRecognition(actor, agencyId, parsed.data), form, {
    periodFrom: ["periodFrom", AGENCY_TITLE_MSG.recognitionExists],
  });
  if (!result.ok) return result;
  revalidateAgencyTitle(agencyId);
  return { ...result, message: "Đã ghi nhận quyết định công nhận." };
}

export async function deleteRecognitionAction(recognitionId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const actor = await requireActor();
  const result = await run(() => agencyTitle.deleteRecognition(actor, recognitionId), form);
  if (!result.ok) return result;
  revalidateAgencyTitle(result.data!.agencyId);
  return { ok: true, message: "Đã xóa lần công nhận ghi nhầm." };
}
