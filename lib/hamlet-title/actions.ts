"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formatDay } from "@/lib/dates";
import { invalid, NOT_A_FORM, NOT_FOUND_RESULT, run, type ActionResult } from "@/lib/result";
import { requireActor } from "@/lib/session";
import { isYear, versionField } from "@/lib/validation";
import {
  CouncilNoticeInput, ProposalInput, RegisterInput, ReportInput, ResolveCommentInput, VotesInput, councilInputFor, reportFormToObject,
  votesFormToObject,
} from "./schema";
import * as hamletTitle from "./service";

// Thin wrappers: FormData → schema → service → ActionResult. Every page of the area reads the same rows, so a write
// revalidates the whole /hamlet-title area, the dashboard and the public notice.

function revalidateArea() {
  revalidatePath("/hamlet-title", "layout");
  revalidatePath("/cong-khai", "layout");
  revalidatePath("/");
}

/** The optional version field: absent when creating, a positive integer when editing. */
function optionalVersion(form: FormData) {
  const raw = form.get("version");
  if (raw === null || raw === "") return { success: true as const, data: undefined };
  return versionField.safeParse(raw);
}

export async function registerHamletAction(year: number, hamletId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  if (!isYear(year)) return NOT_FOUND_RESULT;
  const parsed = RegisterInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => hamletTitle.registerHamlet(actor, year, hamletId, parsed.data), form, {
    campaignYearId: ["registeredOn", "Xóm vừa được người khác đăng ký. Vui lòng tải lại trang."],
  });
  if (!result.ok) return result;
  revalidateArea();
  return { ...result, message: `Đã đăng ký xây dựng danh hiệu \u201cXóm văn hóa\u201d năm ${year} từ ngày ${formatDay(parsed.data.registeredOn)}.` };
}

export async function unregisterHamletAction(year: number, hamletId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  if (!isYear(year)) return NOT_FOUND_RESULT;
  const actor = await requireActor();
  const result = await run(() => hamletTitle.unregisterHamlet(actor, year, hamletId), form);
  if (!result.ok) return result;
  revalidateArea();
  return { ...result, message: "Đã hủy đăng ký." };
}

export async function saveReportAction(year: number, hamletId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  if (!isYear(year)) return NOT_FOUND_RESULT;
  const parsed = ReportInput.safeParse(reportFormToObject(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const version = optionalVersion(form);
  if (!version.success) return invalid(version.error, form);
  const actor = await requireActor();
  const result = await run(() => hamletTitle.saveReport(actor, year, hamletId, version.data, parsed.data), form, {
    campaignYearId: ["reportedOn", "Báo cáo của xóm năm này vừa được người khác tạo. Vui lòng tải lại trang."],
  });
  if (!result.ok) return result;
  revalidateArea();
  redirect(`/hamlet-title/${year}/${hamletId}?saved=report`);
}

export async function saveCouncilAction(year: number, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  // The year shapes the schema (the meeting must fall inside it): a bound value that is no year names nothing.
  if (!isYear(year)) return NOT_FOUND_RESULT;
  const parsed = councilInputFor(year).safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const version = optionalVersion(form);
  if (!version.success) return invalid(version.error, form);
  const actor = await requireActor();
  const result = await run(() => hamletTitle.saveCouncil(actor, year, version.data, parsed.data), form, {
    campaignYearId: ["meetingDate", "Biên bản họp Hội đồng năm này vừa được người khác tạo. Vui lòng tải lại trang."],
  });
  if (!result.ok) return result;
  revalidateArea();
  redirect(`/hamlet-title/${year}/council?saved=meeting`);
}

export async function saveVotesAction(year: number, councilId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ voted: number; achieved: number }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  if (!isYear(year)) return NOT_FOUND_RESULT;
  const parsed = VotesInput.safeParse(votesFormToObject(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const version = versionField.safeParse(form.get("version"));
  if (!version.success) return invalid(version.error, form);
  const actor = await requireActor();
  const result = await run(() => hamletTitle.saveVotes(actor, councilId, version.data, parsed.data), form);
  if (!result.ok) return result;
  revalidateArea();
  redirect(`/hamlet-title/${year}/council?saved=votes`);
}

export async function postCouncilNoticeAction(councilId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ noticeEndsOn: Date }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = CouncilNoticeInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const version = versionField.safeParse(form.get("version"));
  if (!version.success) return invalid(version.error, form);
  const actor = await requireActor();
  const result = await run(() => hamletTitle.postCouncilNotice(actor, councilId, version.data, parsed.data), form);
  if (!result.ok) return result;
  revalidateArea();
  return { ...result, message: `Đã công khai kết quả từ ngày ${formatDay(parsed.data.postedOn)} đến hết ngày ${formatDay(result.data!.noticeEndsOn)}.` };
}

export async function reopenCouncilAction(councilId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const version = versionField.safeParse(form.get("version"));
  if (!version.success) return invalid(version.error, form);
  const actor = await requireActor();
  const result = await run(() => hamletTitle.reopenCouncil(actor, councilId, version.data), form);
  if (!result.ok) return result;
  revalidateArea();
  return { ...result, message: "Đã mở lại cuộc họp Hội đồng. Sửa xong, hãy công khai lại kết quả." };
}

export async function resolveCommentAction(commentId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<{ hamletResultChanged: boolean }>> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const parsed = ResolveCommentInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const actor = await requireActor();
  const result = await run(() => hamletTitle.resolveComment(actor, commentId, parsed.data), form);
  if (!result.ok) return result;
  revalidateArea();
  return {
    ...result,
    message: result.data!.hamletResultChanged ? "Đã ghi kết quả xử lý. Xóm được phản ánh chuyển sang không đạt." : "Đã ghi kết quả xử lý.",
  };
}

export async function proposeCouncilAction(year: number, councilId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  if (!isYear(year)) return NOT_FOUND_RESULT;
  const parsed = ProposalInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const version = versionField.safeParse(form.get("version"));
  if (!version.success) return invalid(version.error, form);
  const actor = await requireActor();
  const result = await run(() => hamletTitle.proposeCouncil(actor, councilId, version.data, parsed.data), form);
  if (!result.ok) return result;
  revalidateArea();
  redirect(`/hamlet-title/${year}/proposal?saved=1`);
}
