"use server";
import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/throttle";
import { formValues, invalid, MSG, NOT_A_FORM, run, type ActionResult } from "@/lib/result";
import { NOTICE_MSG } from "./rules";
import { BODY_MAX_CHARS, COMMENT_MAX, COMMENT_MSG, formTextLength, NoticeCommentInput } from "./schema";
import { submitNoticeComment } from "./service";

// The public comment form: no sign-in. Works as a plain form post too (the page renders it on the server).

/** Echoed values of an oversized post are cut, so a huge body is not sent back to the browser either. */
function cappedValues(form: FormData): Record<string, string> {
  return Object.fromEntries(Object.entries(formValues(form)).map(([k, v]) => [k, v.slice(0, COMMENT_MAX + 500)]));
}

export async function submitNoticeCommentAction(councilReviewId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  if (!(form instanceof FormData)) return NOT_A_FORM;
  const size = formTextLength(form);
  if (size > BODY_MAX_CHARS) {
    const message = COMMENT_MSG.contentTooLong(typeof form.get("content") === "string" ? String(form.get("content")).length : size);
    return { ok: false, code: "INVALID_INPUT", message: MSG.invalid, fieldErrors: { content: [message] }, values: cappedValues(form) };
  }
  const parsed = NoticeCommentInput.safeParse(formValues(form));
  if (!parsed.success) return invalid(parsed.error, form);
  const requestHeaders = await headers();
  const ip = clientIp((name) => requestHeaders.get(name)) ?? "unknown";
  const result = await run(() => submitNoticeComment(councilReviewId, parsed.data, ip), form);
  if (!result.ok) return result;
  // Nothing of the saved row goes back: the form clears and says thanks.
  return { ok: true, message: NOTICE_MSG.received };
}
