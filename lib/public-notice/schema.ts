import { z } from "@/lib/zod";
import { formatNumber } from "@/lib/format";
import { AUTHOR_MAX, COMMENT_MAX, CONTACT_MAX } from "./rules";

// The comment form of the public notice. Anyone may post it, so it is strict: plain text only, bounded lengths,
// no control characters. What is saved is shown to officers as plain text (React escapes it), never as HTML.

export { AUTHOR_MAX, COMMENT_MAX, CONTACT_MAX };
/** A post whose text fields together exceed this is refused before it is parsed or reaches the database. */
export const BODY_MAX_CHARS = COMMENT_MAX + AUTHOR_MAX + CONTACT_MAX + 1000;

export const COMMENT_MSG = {
  contentRequired: "Vui lòng nhập nội dung ý kiến.",
  contentTooLong: (length: number) => `Ý kiến dài quá ${formatNumber(COMMENT_MAX)} ký tự (hiện có ${formatNumber(length)} ký tự); vui lòng rút gọn.`,
  markup: "Ý kiến không được chứa mã HTML hoặc thẻ định dạng.",
  control: "Ý kiến có ký tự điều khiển không hợp lệ; vui lòng gõ lại hoặc dán dưới dạng văn bản thường.",
  authorTooLong: `Họ tên dài quá ${AUTHOR_MAX} ký tự.`,
  authorMarkup: "Họ tên không được chứa mã HTML hoặc thẻ định dạng.",
  authorControl: "Họ tên có ký tự không hợp lệ.",
  contactTooLong: `Thông tin liên hệ dài quá ${CONTACT_MAX} ký tự.`,
  contactFormat: "Thông tin liên hệ phải là số điện thoại (ví dụ 0912345678) hoặc địa chỉ email (ví dụ ten@example.com).",
  hamlet: "Vui lòng chọn xóm trong danh sách, hoặc \u201cÝ kiến chung\u201d.",
} as const;

// Control characters other than tab and line breaks, C1 controls, and the bidirectional overrides and marks that can
// make text read differently from what is stored.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

// Invisible characters a paste may carry (zero-width space/joiners, word joiner, BOM, soft hyphen): dropped, so they
// can neither hide markup ("java\u200bscript:") nor make two identical-looking comments differ.
const INVISIBLE = /[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]/g;

function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

const MARKUP: readonly RegExp[] = [
  /<[/!?]?[a-z][^<>]*>/i, // an HTML/XML tag, closing tag, doctype or processing instruction
  /<!--/, // a comment
  /<\/?(script|style|iframe|object|embed|svg|math|img|link|meta|base|form|input|a)\b/i, // a tag left unclosed
  /\b(javascript|vbscript|livescript)\s*:/i, // script URLs
  /\bdata\s*:\s*[a-z]+\/[a-z0-9.+-]+\s*[;,]/i, // data: URLs
  /&(lt|gt)\b|&(quot|apos|amp);|&#x?[0-9a-f]+;?/i, // encoded markup (browsers read "&lt" without the ";" too)
  /\[\/?(b|i|u|s|url|img|color|size|font|quote|code|link)(=[^\]]*)?\]/i, // BBCode
];

/**
 * Does the text hold anything that reads as markup or a script URL? Plain comparisons ("< 50 %", "a < b") do not.
 * Checked on the compatibility form too, so full-width or small look-alikes ("＜script＞", "﹤b﹥") count as markup.
 */
export function hasMarkup(text: string): boolean {
  const folded = stripInvisible(text).normalize("NFKC");
  return MARKUP.some((pattern) => pattern.test(text) || pattern.test(folded));
}

export function hasControlChars(text: string): boolean {
  return CONTROL.test(text);
}

/** NFC, invisible characters dropped, line breaks as \n, outer whitespace trimmed; inner line breaks are kept. */
export function normaliseComment(text: string): string {
  return stripInvisible(text.normalize("NFC")).replace(/\r\n?/g, "\n").trim();
}

const optionalLine = (max: number, messages: { tooLong: string; markup: string; control: string }) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : stripInvisible(v.normalize("NFC")).replace(/[ \t\r\n]+/g, " ").trim() || undefined))
    .superRefine((v, ctx) => {
      if (v === undefined) return;
      if (v.length > max) ctx.addIssue({ code: "custom", message: messages.tooLong });
      else if (hasControlChars(v)) ctx.addIssue({ code: "custom", message: messages.control });
      else if (hasMarkup(v)) ctx.addIssue({ code: "custom", message: messages.markup });
    });

const PHONE = /^\+?\d{8,15}$/;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i;

export const NoticeCommentInput = z.object({
  // "" is "Ý kiến chung"; otherwise one of the listed hamlets (the service checks it is on this notice's list).
  hamletId: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined)
    .pipe(z.uuid({ error: COMMENT_MSG.hamlet }).optional()),
  authorName: optionalLine(AUTHOR_MAX, { tooLong: COMMENT_MSG.authorTooLong, markup: COMMENT_MSG.authorMarkup, control: COMMENT_MSG.authorControl }),
  contact: z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : stripInvisible(v.normalize("NFC")).trim() || undefined))
    .superRefine((v, ctx) => {
      if (v === undefined) return;
      if (v.length > CONTACT_MAX) ctx.addIssue({ code: "custom", message: COMMENT_MSG.contactTooLong });
      // The email pattern lets any non-space through: a NUL (Postgres refuses it) or a bidi override must not pass.
      else if (hasControlChars(v) || (!PHONE.test(v.replace(/[\s.()-]/g, "")) && !EMAIL.test(v))) ctx.addIssue({ code: "custom", message: COMMENT_MSG.contactFormat });
    }),
  content: z
    .string({ error: COMMENT_MSG.contentRequired })
    .transform(normaliseComment)
    .superRefine((v, ctx) => {
      // One message at a time, the most useful first.
      if (v === "") ctx.addIssue({ code: "custom", message: COMMENT_MSG.contentRequired });
      else if (v.length > COMMENT_MAX) ctx.addIssue({ code: "custom", message: COMMENT_MSG.contentTooLong(v.length) });
      else if (hasControlChars(v)) ctx.addIssue({ code: "custom", message: COMMENT_MSG.control });
      else if (hasMarkup(v)) ctx.addIssue({ code: "custom", message: COMMENT_MSG.markup });
    }),
});
export type NoticeCommentInput = z.infer<typeof NoticeCommentInput>;

/**
 * The size of a posted form, to refuse an oversized post before parsing it: every field's name and text (names are
 * echoed back with the values), a file's size, and one per field so thousands of empty fields count too.
 */
export function formTextLength(form: FormData): number {
  let total = 0;
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    total += 1 + key.length + (typeof value === "string" ? value.length : value.size);
  }
  return total;
}
