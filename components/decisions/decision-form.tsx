"use client";
import { useState } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, FormFooter, useFormAction, VersionField } from "@/components/ui/form";
import { Alert } from "@/components/ui/alert";
import { CHAIRMAN_TITLE, DEPUTY_TITLE, SIGNER_AUTHORITY_LABEL, type DecisionSubject } from "@/lib/decisions/labels";
import type { DecisionMode } from "@/lib/decisions/schema";
import { optionsOf } from "@/lib/options";
import { CANCEL_GROUND_LABEL } from "@/lib/review/labels";

export type DecisionFormValues = {
  number: string;
  symbol: string;
  issuedOn: string;
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
  legalBasis: string;
  cancelGround: string;
  cancelReason: string;
  version?: number;
};

/** A dossier (award) or an award (cancellation) the decision may include, ticked when `selected`. */
export type DecisionChoice = { id: string; label: string; detail: string };

const AUTHORITIES = optionsOf(SIGNER_AUTHORITY_LABEL);
const GROUNDS = optionsOf(CANCEL_GROUND_LABEL);

/** The list field of each kind of decision; a "Xóm văn hóa" award lists its hamlets without ticks (the council chose). */
function choiceFieldOf(kind: "AWARD" | "CANCELLATION", subject: DecisionSubject): string | null {
  if (kind === "CANCELLATION") return subject === "HAMLET" ? "hamletAwardIds" : "awardIds";
  return subject === "HAMLET" ? null : "reviewIds";
}

const CHOICE_TEXT: Record<"AWARD" | "CANCELLATION", Record<DecisionSubject, { legend: string; hint: string }>> = {
  AWARD: {
    HOUSEHOLD: {
      legend: "Hồ sơ các xóm đưa vào quyết định",
      hint: "Chỉ hồ sơ đã được xã tiếp nhận và chưa có trong quyết định nào. Bỏ dấu chọn để để lại xóm cho quyết định khác.",
    },
    HAMLET: {
      legend: "Các xóm được công nhận \u201cXóm văn hóa\u201d",
      hint: "Các xóm Hội đồng Thi đua - Khen thưởng xã đề nghị công nhận (theo Tờ trình), sau thời gian công khai lấy ý kiến.",
    },
  },
  CANCELLATION: {
    HOUSEHOLD: { legend: "Danh hiệu bị hủy bỏ", hint: "Các danh hiệu phải cùng một năm. Bỏ dấu chọn để không hủy danh hiệu đó." },
    HAMLET: { legend: "Danh hiệu \u201cXóm văn hóa\u201d bị hủy bỏ", hint: "Các danh hiệu phải cùng một năm. Bỏ dấu chọn để không hủy danh hiệu đó." },
  },
};

/**
 * The draft of a decision: which dossiers (award) or awards (cancellation) it covers, its number, date, signer and
 * căn cứ. Ticks and the signer fields are client state, so they survive a refused save. With `external`, the form
 * records an upper body's decision the commune has received (mode "record"): the same fields, copied from the paper.
 */
export function DecisionForm({ action, kind, subject = "HOUSEHOLD", mode, external, initial, choices, selected, year, cancelHref, submitLabel }: {
  action: FormActionFn<{ id: string }>;
  kind: "AWARD" | "CANCELLATION";
  subject?: DecisionSubject;
  /** For a "Xóm văn hóa" decision: draft the commune's own, or record the upper body's (sent with the form). */
  mode?: DecisionMode;
  /** The upper body whose decision is recorded. */
  external?: { issuer: string };
  initial: DecisionFormValues;
  choices: DecisionChoice[];
  selected: string[];
  /** The campaign year of a new award decision (sent with the form). */
  year?: number;
  cancelHref: string;
  submitLabel: string;
}) {
  const choiceName = choiceFieldOf(kind, subject);
  const text = CHOICE_TEXT[kind][subject];
  const [ticked, setTicked] = useState(() => new Set(selected));
  const [authority, setAuthority] = useState(initial.signerAuthority);
  const [title, setTitle] = useState(initial.signerTitle);
  const { formAction, pending, err, value: v, errors: fe, formKey } = useFormAction(action, initial, (values) => {
    setAuthority(values.signerAuthority ?? "");
    setTitle(values.signerTitle ?? "");
  });
  // A bad id is reported at its index ("reviewIds.3"); show it at the list.
  const choiceError = choiceName === null
    ? undefined
    : fe(choiceName) ?? Object.entries(err?.fieldErrors ?? {}).find(([key]) => key.startsWith(`${choiceName}.`))?.[1];

  function pickAuthority(next: string) {
    setAuthority(next);
    // Keep the usual pairing while the title is still one of the defaults.
    if (next === "KT. CHỦ TỊCH" && title.trim().toUpperCase() === CHAIRMAN_TITLE) setTitle(DEPUTY_TITLE);
    if (next === "" && title.trim().toUpperCase() === DEPUTY_TITLE) setTitle(CHAIRMAN_TITLE);
  }

  function toggle(id: string, on: boolean) {
    setTicked((set) => {
      const next = new Set(set);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  return (
    <form key={formKey} action={formAction} className="space-y-6" noValidate>
      <FormErrorBanner error={err} />
      <VersionField version={initial.version} />
      {year !== undefined && <input type="hidden" name="year" value={year} />}
      {mode !== undefined && <input type="hidden" name="mode" value={mode} />}
      {external && (
        <Alert tone="info">
          Quyết định do {external.issuer} ban hành — nhập số, ngày của quyết định đã nhận. Quyết định được ghi nhận là đã ban hành ngay khi lưu.
        </Alert>
      )}

      <fieldset className="space-y-2" aria-describedby={choiceName ? `${choiceName}-error` : undefined}>
        <legend className="mb-1 text-base font-semibold text-slate-900">{text.legend}</legend>
        <p className="text-sm text-slate-600">{text.hint}</p>
        {choiceName === null ? (
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
            {choices.map((c) => (
              <li key={c.id} className="px-3 py-2">
                <span className="block font-medium text-slate-900">{c.label}</span>
                <span className="block text-sm text-slate-600">{c.detail}</span>
              </li>
            ))}
          </ul>
        ) : (
          <>
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
              {choices.map((c) => (
                <li key={c.id}>
                  <label className="flex min-h-11 cursor-pointer items-center gap-3 px-3 py-2">
                    <input type="checkbox" name={choiceName} value={c.id} checked={ticked.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)}
                      className="h-5 w-5 accent-brand-700" />
                    <span className="flex-1">
                      <span className="block font-medium text-slate-900">{c.label}</span>
                      <span className="block text-sm text-slate-600">{c.detail}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            <p id={`${choiceName}-error`} aria-live="polite" className="text-sm text-red-700" data-field-error={choiceName}>{choiceError?.[0] ?? ""}</p>
            <p className="text-sm text-slate-700">Đã chọn {ticked.size}/{choices.length}.</p>
          </>
        )}
      </fieldset>

      {kind === "CANCELLATION" && (
        <fieldset className="space-y-4">
          <legend className="mb-1 text-base font-semibold text-slate-900">Căn cứ và lý do hủy bỏ</legend>
          <SelectField name="cancelGround" label="Trường hợp hủy bỏ (Luật Thi đua, khen thưởng 2022, Chương VII, khoản 2)" required options={GROUNDS}
            placeholder="— Chọn trường hợp —" defaultValue={v("cancelGround")} errors={fe("cancelGround")} />
          <TextAreaField name="cancelReason" label="Lý do cụ thể" required rows={3} defaultValue={v("cancelReason")} errors={fe("cancelReason")}
            hint="Ví dụ: Thành viên hộ bị xử phạt vi phạm hành chính về đánh bạc ngày 12/08/2024, trong thời gian tính thành tích." />
        </fieldset>
      )}

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-base font-semibold text-slate-900">
          {external ? "Số, ký hiệu và ngày của quyết định đã nhận" : "Số, ký hiệu và ngày ban hành"}
        </legend>
        <TextField name="number" label="Số" required inputMode="numeric" defaultValue={v("number")} errors={fe("number")}
          hint={external ? `Số in trên quyết định của ${external.issuer}.` : "Số thứ tự trong năm của ngày ban hành, ví dụ 5 (in ra là 05)."} />
        <TextField name="symbol" label="Ký hiệu" required defaultValue={v("symbol")} errors={fe("symbol")} hint="Thường là QĐ-UBND." />
        <TextField name="issuedOn" label="Ngày ban hành" type="date" required defaultValue={v("issuedOn")} errors={fe("issuedOn")} />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-base font-semibold text-slate-900">Người ký</legend>
        <SelectField name="signerAuthority" label="Hình thức ký" options={AUTHORITIES} value={authority}
          onChange={(e) => pickAuthority(e.target.value)} errors={fe("signerAuthority")} />
        <TextField name="signerTitle" label="Chức danh" required value={title} onChange={(e) => setTitle(e.target.value)} errors={fe("signerTitle")} />
        <TextField name="signerName" label="Họ và tên người ký" required defaultValue={v("signerName")} errors={fe("signerName")} autoComplete="off" />
      </fieldset>

      <TextAreaField name="legalBasis" label="Căn cứ ban hành" required rows={8} defaultValue={v("legalBasis")} errors={fe("legalBasis")}
        hint="Mỗi căn cứ một dòng, theo thứ tự in trong quyết định; dòng cuối là “Theo đề nghị của …”." />

      <FormFooter pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
