"use client";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, SubmitButton, useFormAction } from "@/components/ui/form";
import { TITLE_SUBJECT_LABEL } from "@/lib/campaign/schema";
import { optionsOf } from "@/lib/options";

export type AuthorityRuleFormValues = {
  subject: string;
  effectiveFrom: string;
  effectiveTo: string;
  authority: string;
  issuer: string;
  parentIssuer: string;
  legalBasis: string;
};

const EMPTY: AuthorityRuleFormValues = { subject: "HAMLET", effectiveFrom: "", effectiveTo: "", authority: "", issuer: "", parentIssuer: "", legalBasis: "" };

/** A new rule of who decides a title from a date: the commune itself, or an upper body whose decision it records. */
export function AuthorityRuleForm({ action }: { action: FormActionFn<{ id: string }> }) {
  const { formAction, pending, err, value: v, errors: fe, formKey } = useFormAction(action, EMPTY);
  return (
    <form key={formKey} action={formAction} className="space-y-5" noValidate>
      <FormErrorBanner error={err} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField name="subject" label="Danh hiệu" required options={optionsOf(TITLE_SUBJECT_LABEL)} defaultValue={v("subject")} errors={fe("subject")} />
        <TextField name="effectiveFrom" label="Áp dụng từ ngày" type="date" required defaultValue={v("effectiveFrom")} errors={fe("effectiveFrom")} />
        <TextField name="effectiveTo" label="Hết hiệu lực từ ngày" type="date" defaultValue={v("effectiveTo")} errors={fe("effectiveTo")}
          hint="Ngày quy định không còn áp dụng; để trống nếu không thời hạn. Khi đó quy định không thời hạn đang áp dụng sẽ hết hiệu lực từ ngày bắt đầu của quy định mới." />
        <div className="sm:col-span-3">
          <TextField name="authority" label="Thẩm quyền quyết định" required defaultValue={v("authority")} errors={fe("authority")}
            hint="Ví dụ: Chủ tịch Ủy ban nhân dân xã Kim Phượng" />
        </div>
        <TextField name="issuer" label="Cơ quan ban hành" defaultValue={v("issuer")} errors={fe("issuer")}
          hint="Để trống nếu UBND xã tự ban hành; ghi tên cơ quan cấp trên nếu xã chỉ ghi nhận quyết định của cơ quan đó." />
        <div className="sm:col-span-2">
          <TextField name="parentIssuer" label="Cơ quan cấp trên của cơ quan ban hành" defaultValue={v("parentIssuer")} errors={fe("parentIssuer")}
            hint="Dòng trên tên cơ quan ở góc trái quyết định, ví dụ: Ủy ban nhân dân tỉnh Thái Nguyên (nếu có)." />
        </div>
        <div className="sm:col-span-3">
          <TextAreaField name="legalBasis" label="Căn cứ pháp lý" required rows={2} defaultValue={v("legalBasis")} errors={fe("legalBasis")}
            hint="Ví dụ: Nghị định số 129/2025/NĐ-CP của Chính phủ" />
        </div>
      </div>
      <div className="border-t border-slate-200 pt-4">
        <SubmitButton pending={pending} label="Thêm quy định" />
      </div>
    </form>
  );
}
