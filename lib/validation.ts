import { z } from "@/lib/zod";
import { parseIsoDate } from "@/lib/dates";
import { cleanText } from "@/lib/text";

// Building blocks for form schemas: FormData gives strings, so each helper trims, and turns "" into undefined
// where a field is optional. Messages are Vietnamese and say how to fix the value.

export const requiredText = (label: string, max = 150) =>
  z
    .string({ error: `Vui lòng nhập ${label}.` })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .min(1, `Vui lòng nhập ${label}.`)
        .max(max, `${capitalise(label)} dài quá ${max} ký tự.`)
        .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), `${capitalise(label)} có ký tự không hợp lệ.`),
    );

export const optionalText = (label: string, max = 150) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : cleanText(v) || undefined))
    .pipe(
      z
        .string()
        .max(max, `${capitalise(label)} dài quá ${max} ký tự.`)
        .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), `${capitalise(label)} có ký tự không hợp lệ.`)
        .optional(),
    );

/** Vietnamese phone numbers: 10 digits starting with 0 (spaces, dots and dashes allowed while typing). */
export const optionalPhone = z
  .string()
  .optional()
  .transform((v) => (v ? v.replace(/[\s.\-]/g, "") : undefined) || undefined)
  .pipe(z.string().regex(/^0\d{9}$/, "Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678).").optional());

export const optionalInt = (label: string, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()))
    .pipe(
      z
        .string()
        .regex(/^\d+$/, `${capitalise(label)} phải là số nguyên.`)
        .transform(Number)
        .pipe(z.number().min(min, `${capitalise(label)} phải từ ${min} đến ${max}.`).max(max, `${capitalise(label)} phải từ ${min} đến ${max}.`))
        .optional(),
    );

export const requiredInt = (label: string, min: number, max: number) =>
  z
    .string({ error: `Vui lòng nhập ${label}.` })
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .min(1, { error: `Vui lòng nhập ${label}.`, abort: true })
        .regex(/^\d+$/, `${capitalise(label)} phải là số nguyên.`)
        .transform(Number)
        .pipe(z.number().min(min, `${capitalise(label)} phải từ ${min} đến ${max}.`).max(max, `${capitalise(label)} phải từ ${min} đến ${max}.`)),
    );

export const choice = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z.enum(values, { error: message });

export const uuid = (message: string) => z.uuid({ error: message });

/** Checkbox: present ("on"/"true") means yes. */
export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

/** An optional "YYYY-MM-DD" (what <input type="date"> posts) as a UTC-midnight Date; "" means none. */
export const optionalDate = (label: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return undefined;
      const date = parseIsoDate(v);
      if (!date || date.getUTCFullYear() < 1900 || date.getUTCFullYear() > 2100) {
        ctx.addIssue({ code: "custom", message: `${capitalise(label)} không hợp lệ (ngày/tháng/năm).` });
        return z.NEVER;
      }
      return date;
    });

export const requiredDate = (label: string) =>
  optionalDate(label).pipe(z.date({ error: `Vui lòng nhập ${label}.` }));

/**
 * A calendar year as a number (a URL segment or a server action's bound argument): without this range check, 2^31 or
 * 1e300 reaches an integer column in a where clause and the driver throws instead of finding nothing.
 */
export const isYear = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 9999;
/** A Date that holds a day (not `Invalid Date`). */
export const isDay = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

/** The largest value of a PostgreSQL integer column: a bigger number in a where clause is a driver error, not "no row". */
export const MAX_INT4 = 2_147_483_647;

const VERSION_MSG = "Phiên bản dữ liệu của trang không hợp lệ, vui lòng tải lại trang.";

/** The row version a form was read at (hidden field or bound argument): a positive integer column value. */
export const versionField = z.coerce.number({ error: VERSION_MSG }).int({ error: VERSION_MSG }).min(1, { error: VERSION_MSG }).max(MAX_INT4, { error: VERSION_MSG });

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
