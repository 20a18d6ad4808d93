import { z } from "@/lib/zod";

export type ErrorCode = "INVALID_INPUT" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "RULE_VIOLATION" | "INTERNAL";

export type FieldErrors = Record<string, string[]>;

export type ActionResult<T = unknown> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

export const MSG = {
  invalid: "Thông tin chưa hợp lệ, vui lòng sửa các ô được đánh dấu.",
  notFound: "Không tìm thấy dữ liệu, hoặc bạn không có quyền xem.",
  forbidden: "Bạn không có quyền thực hiện thao tác này.",
  unauthenticated: "Phiên đăng nhập đã hết, vui lòng đăng nhập lại.",
  conflict: "Dữ liệu đã thay đổi hoặc bị trùng, vui lòng tải lại trang và thử lại.",
  stale: "Dữ liệu đã thay đổi do người khác vừa cập nhật. Vui lòng tải lại trang để xem bản mới nhất.",
  internal: "Đã có lỗi ngoài dự kiến. Vui lòng thử lại sau ít phút.",
  busy: "Có người khác đang cập nhật cùng dữ liệu này nên thao tác chưa thực hiện được. Vui lòng thử lại.",
  decisionFrozen: "Quyết định đã ban hành, không thể sửa hoặc xóa. Muốn thay đổi phải ban hành quyết định hủy bỏ.",
  auditAppendOnly: "Nhật ký thao tác chỉ được ghi thêm, không thể sửa hoặc xóa.",
} as const;

/**
 * vanhoa's own SQLSTATEs, raised by the database triggers (prisma/migrations/*_issued_decisions_frozen): the database
 * refuses what no service should ever attempt, and the user reads why.
 */
const DATABASE_REFUSALS: Record<string, string> = {
  VH001: MSG.decisionFrozen,
  VH002: MSG.auditAppendOnly,
};

/** An expected failure, carrying a Vietnamese message for the user. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

type PrismaLikeError = {
  code?: unknown;
  meta?: {
    target?: unknown;
    driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown; constraint?: { index?: unknown; fields?: unknown } } };
  };
};

/** What a unique violation names: `meta.target`, or with a driver adapter the constraint's index or fields. */
function uniqueTarget(error: unknown): string {
  const meta = (error as PrismaLikeError).meta;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  return [meta?.target, constraint?.index, constraint?.fields].flat().filter((v) => v !== undefined && v !== null).map(String).join(" ");
}

function prismaCode(error: unknown): string | undefined {
  const code = (error as PrismaLikeError | null)?.code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
}

/**
 * A server action is a public endpoint whose arguments a caller can send with any type (React decodes them). An action
 * answers this to anything but a FormData where its form belongs, before reading a field.
 */
export const NOT_A_FORM: ActionResult<never> = Object.freeze({ ok: false, code: "INVALID_INPUT", message: MSG.invalid });

/** What an action answers to a bound id or year that can name no row (a non-year in the year's place, say). */
export const NOT_FOUND_RESULT: ActionResult<never> = Object.freeze({ ok: false, code: "NOT_FOUND", message: MSG.notFound });

/** The PostgreSQL SQLSTATE behind an error: through Prisma's driver adapter, or straight from `pg`. */
function sqlState(error: unknown): string | undefined {
  const e = error as PrismaLikeError | null;
  const code = e?.meta?.driverAdapterError?.cause?.originalCode ?? e?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Echoes what the user typed so a form can refill itself (files and ids of actions are left out). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

/** Field errors keyed by the dotted path of the field ("headName", "members.1.birthYear"). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

export function invalid(error: z.ZodError, form: FormData): ActionResult<never> {
  const fieldErrors = fieldErrorsOf(error);
  return { ok: false, code: "INVALID_INPUT", message: MSG.invalid, fieldErrors, values: formValues(form) };
}

/** Maps what a use case threw to an ActionResult: our messages for expected failures, a generic one otherwise. */
export async function run<T>(work: () => Promise<T>, form?: FormData, uniqueFieldMessages?: Record<string, [string, string]>): Promise<ActionResult<T>> {
  const values = form ? formValues(form) : undefined;
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof DomainError) {
      return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors, values };
    }
    const code = prismaCode(error);
    if (code === "P2002") {
      const target = uniqueTarget(error);
      const known = Object.entries(uniqueFieldMessages ?? {}).find(([key]) => target.includes(key));
      if (known) {
        const [field, message] = known[1];
        return { ok: false, code: "CONFLICT", message, fieldErrors: { [field]: [message] }, values };
      }
      return { ok: false, code: "CONFLICT", message: MSG.conflict, values };
    }
    if (code === "P2025") return { ok: false, code: "CONFLICT", message: MSG.stale, values };
    // A deadlock or serialization failure rolled the whole transaction back: nothing was written, so retrying is safe.
    // Model queries report it as P2034, raw ones as P2010 carrying the driver's TransactionWriteConflict.
    if (code === "P2034" || (error as PrismaLikeError).meta?.driverAdapterError?.cause?.kind === "TransactionWriteConflict") return { ok: false, code: "CONFLICT", message: MSG.busy, values };
    const refusal = DATABASE_REFUSALS[sqlState(error) ?? ""];
    if (refusal) {
      // A service never asks for this: either a bug or someone probing. Keep a trace, show the rule.
      console.warn("[vanhoa] refused by the database:", sqlState(error), error instanceof Error ? error.message.split("\n").at(-1) : "");
      return { ok: false, code: "RULE_VIOLATION", message: refusal, values };
    }
    console.error("[vanhoa] unexpected error", error);
    return { ok: false, code: "INTERNAL", message: MSG.internal, values };
  }
}
