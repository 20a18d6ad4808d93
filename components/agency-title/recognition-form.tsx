"use client";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, SubmitButton, useFormAction } from "@/components/ui/form";
import type { Option } from "@/lib/options";

export type RecognitionDefaults = { kind: string; periodFrom: string; periodTo: string; issuer: string; number: string; decidedOn: string; note: string };

/** A recognising decision as the union issued it: which recognition, the period, who, number and date. */
export function RecognitionForm({ action, kinds, initial, maxDate }: {
  action: FormActionFn;
  kinds: Option[];
  initial: RecognitionDefaults;
  maxDate: string;
}) {
  const { state, formAction, pending, err, errors, value, formKey } = useFormAction(action, initial);
  const done = state?.ok ? state.message : undefined;
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate>
      <FormErrorBanner error={err} />
      {done && <Alert tone="success">{done}</Alert>}
      <SelectField name="kind" label="Lần công nhận" required options={kinds} defaultValue={value("kind")} errors={errors("kind")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="periodFrom" label="Từ năm" inputMode="numeric" required defaultValue={value("periodFrom")} errors={errors("periodFrom")} />
        <TextField name="periodTo" label="Đến năm" inputMode="numeric" required defaultValue={value("periodTo")} errors={errors("periodTo")}
          hint="Công nhận lần đầu: 2 năm liên tục; công nhận lại: 5 năm." />
      </div>
      <TextField name="issuer" label="Cơ quan ra quyết định" required defaultValue={value("issuer")} errors={errors("issuer")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="number" label="Số quyết định" required placeholder="ví dụ 125/QĐ-LĐLĐ" defaultValue={value("number")} errors={errors("number")} />
        <TextField name="decidedOn" label="Ngày quyết định" type="date" required max={maxDate} defaultValue={value("decidedOn")} errors={errors("decidedOn")} />
      </div>
      <TextAreaField name="note" label="Ghi chú" rows={2} defaultValue={value("note")} errors={errors("note")} />
      <SubmitButton pending={pending} label="Ghi nhận quyết định công nhận" />
    </form>
  );
}
