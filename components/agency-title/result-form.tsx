"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextAreaField, TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, SubmitButton, VersionField, useFormAction } from "@/components/ui/form";

export type StandardItem = { code: string; groupTitle: string; text: string };

/**
 * The union's result for the year: one checkbox per standard ("đạt"), the assessment date and a note. The result
 * line follows the ticks (đạt only when every standard is met); the server decides again on save.
 */
export function AgencyResultForm({ action, standards, initialMet, assessedOn, note, version, maxDate }: {
  action: FormActionFn;
  standards: StandardItem[];
  initialMet: string[];
  assessedOn: string;
  note: string;
  version: number;
  maxDate: string;
}) {
  const [met, setMet] = useState<Set<string>>(() => new Set(initialMet));
  // The ticks live in this component's state, so they survive the form's re-mount after a refused save.
  const { state, formAction, pending, err, errors, value, formKey } = useFormAction(action, { assessedOn, note });
  const done = state?.ok ? state.message : undefined;
  const unmet = standards.filter((s) => !met.has(s.code));
  const toggle = (code: string, on: boolean) => setMet((prev) => {
    const next = new Set(prev);
    if (on) next.add(code);
    else next.delete(code);
    return next;
  });
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate>
      <FormErrorBanner error={err} />
      {done && <Alert tone="success">{done}</Alert>}
      <VersionField version={version} />
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">Tiêu chuẩn đạt được (đánh dấu tiêu chuẩn đơn vị đạt)</legend>
        {standards.map((s) => (
          <label key={s.code} className="flex min-h-11 items-start gap-3 rounded-md border border-slate-200 p-3 text-sm">
            <input type="checkbox" name="met" value={s.code} checked={met.has(s.code)} onChange={(e) => toggle(s.code, e.target.checked)}
              className="mt-0.5 h-5 w-5 shrink-0 accent-brand-700" />
            <span>
              <span className="font-semibold">Tiêu chuẩn {s.code}. {s.groupTitle}</span>
              <span className="block text-slate-600">{s.text}</span>
            </span>
          </label>
        ))}
        <p className="text-sm text-red-700" aria-live="polite">{errors("metCodes")?.[0] ?? ""}</p>
      </fieldset>
      <p className="text-sm" aria-live="polite">
        Kết quả:{" "}
        {unmet.length === 0
          ? <strong className="text-green-800">✓ Đạt chuẩn văn hóa</strong>
          : <strong className="text-red-800">✗ Không đạt (chưa đạt tiêu chuẩn {unmet.map((s) => s.code).join(", ")})</strong>}
      </p>
      <TextField name="assessedOn" label="Ngày đánh giá" type="date" required max={maxDate} defaultValue={value("assessedOn")} errors={errors("assessedOn")} />
      <TextAreaField name="note" label="Ghi chú" rows={2} defaultValue={value("note")} errors={errors("note")} />
      <SubmitButton pending={pending} label="Lưu kết quả" />
    </form>
  );
}
