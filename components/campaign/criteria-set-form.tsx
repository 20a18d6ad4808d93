"use client";
import { TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, FormFooter, useFormAction } from "@/components/ui/form";

export type CriteriaSetFormValues = { name: string; legalBasis: string; effectiveFrom: string };

/** A draft criteria set's own details (its items are edited one by one). */
export function CriteriaSetForm({ action, initial, cancelHref }: {
  action: FormActionFn<{ id: string }>;
  initial: CriteriaSetFormValues;
  cancelHref: string;
}) {
  const { formAction, pending, err, value: v, errors: fe, formKey } = useFormAction(action, initial);
  return (
    <form key={formKey} action={formAction} className="space-y-5" noValidate>
      <FormErrorBanner error={err} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label="Tên bộ tiêu chí" required defaultValue={v("name")} errors={fe("name")} />
        <TextField name="effectiveFrom" label="Ngày áp dụng" type="date" required defaultValue={v("effectiveFrom")} errors={fe("effectiveFrom")} />
        <div className="sm:col-span-2">
          <TextField name="legalBasis" label="Căn cứ pháp lý" required defaultValue={v("legalBasis")} errors={fe("legalBasis")}
            hint="Ví dụ: Nghị định số 86/2023/NĐ-CP, Điều 6 và Phụ lục I" />
        </div>
      </div>
      <FormFooter pending={pending} submitLabel="Lưu thay đổi" cancelHref={cancelHref} />
    </form>
  );
}
