"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formatDay } from "@/lib/dates";
import { invalid, NOT_A_FORM, NOT_FOUND_RESULT, run, type ActionResult } from "@/lib/result";
import { requireActor } from "@/lib/session";
import { isYear, versionField } from "@/lib/validation";
import {
  AssessmentInput, BulkAssessmentInput, NoticeInput, ObjectionInput, ReopenInput, ResolveObjectionInput, ReturnInput,
  assessmentFormToObject, meetingInputFor,
} from "./schema";
import * as review from "./service";

// Thin wrappers: FormData → schema → service → ActionResult. Every review page reads the same rows, so a write
// revalidates the whole /review area and the dashboard.

function revalidateReview() {
  revalidatePath("/review", "layout");
  revalidatePath("/");
}

/** The optional version field: absent when creating, a positive integer when editing. */
function optionalVersion(form: FormData) {
  const raw = form.get("version");
  if (raw === null || raw === "") return { success: true as const, data: undefined };
  return versionField.safeParse(raw);
}

export async function saveMeetingAction(year: number, hamletId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  // The year shapes the schema (the meeting must fall inside it): a bound value that is no year names nothing.
  if (!isYear(year)) return NOT_FOUND_RESULT;
  const parsed = meetingInputFor(year).safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const version = optionalVersion(form);
  if (!version.success) return invalid(version.error, form);
  const actor = await requireActor();
  const result = await run(() => review.saveMeeting(actor, year, hamletId, version.data, parsed.data), form, {
    campaignYearId: ["meetingDate", "Biên bản họp của xóm năm này đã được người khác tạo. Vui lòng tải lại trang."],
  });
  if (!result.ok) return result;
  revalidateReview();
  redirect(`/review/${year}/${hamletId}?saved=meeting`);
}

/** Called straight from the assessment form (not through useActionState), so a dropped connection stays catchable. */
export async function saveAssessmentAction(reviewId: string, householdId: string, form: FormData): Promise<ActionResult<{ id: string; version: number; nextHouseholdId: string | null }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = AssessmentInput.safeParse(assessmentFormToObject(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const version = optionalVersion(form);
  if (!version.success) return invalid(version.error, form);
  const actor = await requireActor();
  const result = await run(() => review.saveAssessment(actor, reviewId, householdId, version.data, parsed.data), form);
  if (result.ok) revalidateReview();
  return result;
}

export async function assessRemainingAction(reviewId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ count: number }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = BulkAssessmentInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => review.assessRemaining(actor, reviewId, parsed.data), form);
  if (!result.ok) return result;
  revalidateReview();
  return { ...result, message: `Đã ghi kết quả cho ${result.data!.count} hộ còn lại.` };
}

export async function postNoticeAction(reviewId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ noticeEndsOn: Date }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = NoticeInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => review.postNotice(actor, reviewId, parsed.data), form);
  if (!result.ok) return result;
  revalidateReview();
  return { ...result, message: `Đã ghi nhận niêm yết từ ${formatDay(parsed.data.postedOn)} đến hết ngày ${formatDay(result.data!.noticeEndsOn)}.` };
}

export async function reopenMeetingAction(reviewId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = ReopenInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => review.reopenMeeting(actor, reviewId, parsed.data), form);
  if (!result.ok) return result;
  revalidateReview();
  return { ...result, message: "Đã mở lại biên bản họp. Sửa xong, hãy niêm yết lại." };
}

export async function recordObjectionAction(reviewId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = ObjectionInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => review.recordObjection(actor, reviewId, parsed.data), form);
  if (!result.ok) return result;
  revalidateReview();
  return { ...result, message: "Đã ghi ý kiến phản ánh." };
}

export async function resolveObjectionAction(objectionId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = ResolveObjectionInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => review.resolveObjection(actor, objectionId, parsed.data), form);
  if (!result.ok) return result;
  revalidateReview();
  return { ...result, message: "Đã ghi kết quả giải quyết." };
}

export async function submitReviewAction(reviewId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const actor = await requireActor();
  const result = await run(() => review.submitReview(actor, reviewId), form);
  if (!result.ok) return result;
  revalidateReview();
  return { ...result, message: "Đã nộp hồ sơ lên xã." };
}

export async function acceptReviewAction(reviewId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const actor = await requireActor();
  const result = await run(() => review.acceptReview(actor, reviewId), form);
  if (!result.ok) return result;
  revalidateReview();
  return { ...result, message: "Đã tiếp nhận hồ sơ." };
}

export async function returnReviewAction(reviewId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = ReturnInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => review.returnReview(actor, reviewId, parsed.data), form);
  if (!result.ok) return result;
  revalidateReview();
  return { ...result, message: "Đã trả lại hồ sơ cho xóm." };
}
