import { z } from "@/lib/zod";
import { CancellationGround } from "@/lib/generated/prisma/enums";
import { cleanText } from "@/lib/text";
import { choice, requiredDate, requiredInt, requiredText, uuid } from "@/lib/validation";
import { CHAIRMAN_TITLE, DECISION_MSG, DEFAULT_SYMBOL, DEPUTY_TITLE, SIGNER_AUTHORITIES } from "./labels";

// The decision forms as the browser posts them. Ids of the chosen reviews or awards come as repeated fields.

export const MAX_BASIS_LINES = 20;
const MAX_BASIS_LINE = 500;

/** Căn cứ, one per line: each line cleaned, blank lines dropped, line breaks kept. */
const legalBasis = z
  .string({ error: "Vui lòng nhập các căn cứ ban hành." })
  .transform((v) => v.split(/\r\n|\r|\n/).map(cleanText).filter((line) => line !== ""))
  .pipe(
    z
      .array(
        z
          .string()
          .max(MAX_BASIS_LINE, `Mỗi dòng căn cứ dài tối đa ${MAX_BASIS_LINE} ký tự.`)
          .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "Căn cứ có ký tự không hợp lệ."),
      )
      .min(1, "Vui lòng nhập các căn cứ ban hành (mỗi căn cứ một dòng).")
      .max(MAX_BASIS_LINES, `Tối đa ${MAX_BASIS_LINES} dòng căn cứ.`),
  )
  .transform((lines) => lines.join("\n"));

const symbol = z
  .string()
  .optional()
  .transform((v) => cleanText(v ?? "").toUpperCase() || DEFAULT_SYMBOL)
  .pipe(
    z
      .string()
      .max(30, "Ký hiệu dài quá 30 ký tự.")
      .regex(/^[\p{Lu}\d]+(?:-[\p{Lu}\d]+)*$/u, "Ký hiệu chỉ gồm chữ in hoa, chữ số và dấu gạch nối, ví dụ QĐ-UBND."),
  );

const header = {
  number: requiredInt("số quyết định", 1, 9999),
  symbol,
  issuedOn: requiredDate("ngày ban hành"),
  signerAuthority: z.enum(SIGNER_AUTHORITIES, { error: "Vui lòng chọn hình thức ký." }),
  signerTitle: requiredText("chức danh người ký", 60).transform((v) => v.toUpperCase()),
  signerName: requiredText("họ và tên người ký", 100),
  legalBasis,
};

/** "KT. CHỦ TỊCH" goes with a deputy's title; the chairman in person signs without it (Decree 30 §II.7). */
function signerIsConsistent(v: { signerAuthority: string; signerTitle: string }, ctx: z.RefinementCtx) {
  if (v.signerAuthority === "KT. CHỦ TỊCH" && v.signerTitle === CHAIRMAN_TITLE) {
    ctx.addIssue({ code: "custom", path: ["signerTitle"], message: `Khi ký thay (KT. CHỦ TỊCH), chức danh người ký là ${DEPUTY_TITLE}.` });
  }
  if (v.signerAuthority === "" && v.signerTitle === DEPUTY_TITLE) {
    ctx.addIssue({ code: "custom", path: ["signerAuthority"], message: "Phó Chủ tịch ký thay thì chọn \u201cKT. CHỦ TỊCH\u201d." });
  }
}

const ids = (message: string) => z.array(uuid(message), { error: message }).min(1, message).max(500, message)
  .transform((list) => [...new Set(list)]);

export const AwardDecisionInput = z
  .object({ ...header, reviewIds: ids(DECISION_MSG.noReviews) })
  .superRefine(signerIsConsistent);
export type AwardDecisionInput = z.infer<typeof AwardDecisionInput>;

const cancelFields = {
  cancelGround: choice(Object.values(CancellationGround) as [CancellationGround, ...CancellationGround[]], "Vui lòng chọn căn cứ hủy bỏ (a, b, c hoặc d)."),
  cancelReason: requiredText("lý do hủy bỏ", 1000),
};

export const CancellationDecisionInput = z
  .object({ ...header, awardIds: ids(DECISION_MSG.noAwards), ...cancelFields })
  .superRefine(signerIsConsistent);
export type CancellationDecisionInput = z.infer<typeof CancellationDecisionInput>;

/** A "Xóm văn hóa" decision: the header only; the hamlets are those the council proposed (ACHIEVED). */
export const HamletDecisionInput = z.object(header).superRefine(signerIsConsistent);
export type HamletDecisionInput = z.infer<typeof HamletDecisionInput>;

/** Cancelling "Xóm văn hóa" titles: the HamletAward ids, the ground (a–d) and the reason. */
export const HamletCancellationInput = z
  .object({ ...header, hamletAwardIds: ids(DECISION_MSG.noAwards), ...cancelFields })
  .superRefine(signerIsConsistent);
export type HamletCancellationInput = z.infer<typeof HamletCancellationInput>;

export type DecisionHeaderInput = HamletDecisionInput;

/**
 * What the officer does with a "Xóm văn hóa" decision: draft the commune's own for the leader, or record one an
 * upper body issued. The service checks it against the authority in force on the decision's date.
 */
export const DecisionMode = z.enum(["draft", "record"], { error: "Vui lòng chọn lập dự thảo hoặc ghi nhận quyết định." });
export type DecisionMode = z.infer<typeof DecisionMode>;

/** The decision form as an object the schemas parse: single fields as strings, the id lists as arrays. */
export function decisionFormToObject(form: FormData): Record<string, unknown> {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  const all = (k: string) => form.getAll(k).filter((v): v is string => typeof v === "string");
  return {
    number: get("number"),
    symbol: get("symbol"),
    issuedOn: get("issuedOn"),
    signerAuthority: get("signerAuthority") ?? "",
    signerTitle: get("signerTitle"),
    signerName: get("signerName"),
    legalBasis: get("legalBasis"),
    reviewIds: all("reviewIds"),
    awardIds: all("awardIds"),
    hamletAwardIds: all("hamletAwardIds"),
    cancelGround: get("cancelGround"),
    cancelReason: get("cancelReason"),
  };
}
