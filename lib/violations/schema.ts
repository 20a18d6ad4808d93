import { z } from "@/lib/zod";
import { formatDay, utcDate } from "@/lib/dates";
import { ViolationCategory } from "@/lib/generated/prisma/enums";
import { choice, optionalText, requiredDate, requiredText, uuid } from "@/lib/validation";

// A violation (exclusions E1–E4 of Decree 86 Điều 6 khoản 4) as the officer records it from the sanctioning
// document. "Not in the future" depends on today, so the schema is a factory.

export const DOCUMENT_REF_MAX = 200;
export const NOTE_MAX = 1000;
const EARLIEST = utcDate(1900, 1, 1);

const CATEGORIES = Object.values(ViolationCategory) as [ViolationCategory, ...ViolationCategory[]];

const ViolationShape = z.object({
  memberId: uuid("Vui lòng chọn thành viên vi phạm."),
  category: choice(CATEGORIES, "Vui lòng chọn trường hợp không xét tặng (E1–E4)."),
  occurredOn: requiredDate("ngày vi phạm"),
  documentRef: requiredText("số, ngày của văn bản xử lý", DOCUMENT_REF_MAX),
  note: optionalText("ghi chú", NOTE_MAX),
});
export type ViolationInput = z.infer<typeof ViolationShape>;

/** When the violation happened: a real day, not after today. */
export function occurredOnError(date: Date, today: Date): string | undefined {
  if (date > today) return `Ngày vi phạm không được sau ngày hôm nay (${formatDay(today)}).`;
  if (date < EARLIEST) return "Ngày vi phạm không hợp lệ, vui lòng kiểm tra lại năm.";
  return undefined;
}

export function violationInputFor(today: Date) {
  return ViolationShape.superRefine((v, ctx) => {
    const error = occurredOnError(v.occurredOn, today);
    if (error) ctx.addIssue({ code: "custom", path: ["occurredOn"], message: error });
  });
}

/** The form's fields as the schema reads them (absent fields stay undefined, so "required" messages show). */
export function violationFormToObject(form: FormData): Record<string, unknown> {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  return {
    memberId: get("memberId")?.trim() || undefined,
    category: get("category") || undefined,
    occurredOn: get("occurredOn"),
    documentRef: get("documentRef"),
    note: get("note"),
  };
}
