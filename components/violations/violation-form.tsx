"use client";
import { SelectField, TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, FormFooter, useFormAction } from "@/components/ui/form";
import type { Option } from "@/lib/options";
import { DOCUMENT_REF_MAX, NOTE_MAX } from "@/lib/violations/schema";

export type ViolationFormValues = { memberId: string; category: string; occurredOn: string; documentRef: string; note: string };

/** "Ghi nhận vi phạm": who, which exclusion (E1–E4), when, and the document that established it. */
export function ViolationForm({ action, members, categories, initial, maxDate, documentRefHint, cancelHref }: {
  action: FormActionFn<{ id: string }>;
  members: Option[];
  categories: Option[];
  initial: ViolationFormValues;
  maxDate: string;
  documentRefHint: string;
  cancelHref: string;
}) {
  const { formAction, pending, err, value: v, errors: fe, formKey } = useFormAction(action, initial);
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate>
      <FormErrorBanner error={err} />
      <SelectField name="memberId" label="Thành viên vi phạm" required options={members} placeholder="— Chọn thành viên —"
        defaultValue={v("memberId")} errors={fe("memberId")} />
      <SelectField name="category" label="Trường hợp không xét tặng" required options={categories} placeholder="— Chọn E1–E4 —"
        defaultValue={v("category")} errors={fe("category")} />
      <TextField name="occurredOn" label="Ngày vi phạm (ngày của văn bản xử lý)" type="date" required max={maxDate}
        defaultValue={v("occurredOn")} errors={fe("occurredOn")} />
      <TextField name="documentRef" label="Số, ngày của văn bản xử lý" required maxLength={DOCUMENT_REF_MAX} autoComplete="off"
        defaultValue={v("documentRef")} errors={fe("documentRef")} hint={documentRefHint} />
      <TextField name="note" label="Ghi chú" maxLength={NOTE_MAX} autoComplete="off" defaultValue={v("note")} errors={fe("note")} />
      <FormFooter pending={pending} submitLabel="Lưu vi phạm" cancelHref={cancelHref} />
    </form>
  );
}
