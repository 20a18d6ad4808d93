import { z } from "@/lib/zod";
import { formatDay, utcDate } from "@/lib/dates";
import { RecognitionKind } from "@/lib/generated/prisma/enums";
import { choice, optionalText, requiredDate, requiredInt, requiredText } from "@/lib/validation";

// Inputs of the agency title: the yearly registration, the union's result per standard, and a recognising decision.
// Checks that need today's date or the stored history are plain functions (…Error) the service applies.

export const RegisterInput = z.object({
  agencyId: z.uuid({ error: "Vui lòng chọn cơ quan, đơn vị." }),
  registeredOn: requiredDate("ngày đăng ký"),
});
export type RegisterInput = z.infer<typeof RegisterInput>;

/** Registration happens in the campaign year, and not later than today. */
export function registrationDateError(date: Date, year: number, today: Date): string | undefined {
  if (date > today) return `Ngày đăng ký không được sau ngày hôm nay (${formatDay(today)}).`;
  if (date < utcDate(year, 1, 1) || date > utcDate(year, 12, 31)) {
    return `Ngày đăng ký phải nằm trong năm ${year} (từ 01/01/${year} đến 31/12/${year}).`;
  }
  return undefined;
}

const CODE = /^[A-Za-z0-9.\-]{1,12}$/;

export const ResultInput = z.object({
  /** Codes of the standards the unit met (one checkbox "met" per standard). */
  metCodes: z.array(z.string().regex(CODE, "Mã tiêu chuẩn không hợp lệ.")).max(50),
  assessedOn: requiredDate("ngày đánh giá"),
  note: optionalText("ghi chú", 1000),
});
export type ResultInput = z.infer<typeof ResultInput>;

/** The result form: one "met" value per standard ticked. */
export function resultFormToObject(form: FormData): Record<string, unknown> {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  return { metCodes: form.getAll("met").filter((v): v is string => typeof v === "string"), assessedOn: get("assessedOn"), note: get("note") };
}

/** The year's result is assessed within the year or after it (a late entry), never in the future. */
export function assessedOnError(date: Date, year: number, today: Date): string | undefined {
  if (date > today) return `Ngày đánh giá không được sau ngày hôm nay (${formatDay(today)}).`;
  if (date < utcDate(year, 1, 1)) return `Ngày đánh giá kết quả năm ${year} không được trước ngày 01/01/${year}.`;
  return undefined;
}

const RECOGNITION_KINDS = Object.values(RecognitionKind) as [RecognitionKind, ...RecognitionKind[]];
const YEAR_MIN = 1990;
const YEAR_MAX = 2100;

export const RecognitionInput = z
  .object({
    kind: choice(RECOGNITION_KINDS, "Vui lòng chọn lần công nhận (lần đầu hoặc công nhận lại)."),
    periodFrom: requiredInt("năm bắt đầu giai đoạn", YEAR_MIN, YEAR_MAX),
    periodTo: requiredInt("năm kết thúc giai đoạn", YEAR_MIN, YEAR_MAX),
    issuer: requiredText("cơ quan ra quyết định", 200),
    number: requiredText("số quyết định", 50),
    decidedOn: requiredDate("ngày quyết định"),
    note: optionalText("ghi chú", 1000),
  })
  .superRefine((v, ctx) => {
    // Zod runs object refinements even when a field failed (an out-of-range year still arrives as a number);
    // compare only years that passed their own checks.
    const ok = (y: unknown) => Number.isInteger(y) && (y as number) >= YEAR_MIN && (y as number) <= YEAR_MAX;
    if (ok(v.periodFrom) && ok(v.periodTo) && v.periodTo < v.periodFrom) {
      ctx.addIssue({ code: "custom", path: ["periodTo"], message: `Năm kết thúc (${v.periodTo}) không được trước năm bắt đầu (${v.periodFrom}).` });
    }
  });
export type RecognitionInput = z.infer<typeof RecognitionInput>;

/** A recognition is decided once its period has ended (from 31/12 of its last year), and not in the future. */
export function decidedOnError(decidedOn: Date, periodTo: number, today: Date): string | undefined {
  if (decidedOn > today) return `Ngày quyết định không được sau ngày hôm nay (${formatDay(today)}).`;
  if (decidedOn < utcDate(periodTo, 12, 31)) {
    return `Ngày quyết định không được trước khi giai đoạn công nhận kết thúc (31/12/${periodTo}).`;
  }
  return undefined;
}
