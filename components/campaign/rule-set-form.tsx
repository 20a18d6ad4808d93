"use client";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, FormFooter, useFormAction } from "@/components/ui/form";
import { APPROVAL_BASE_LABEL, COUNCIL_APPROVAL_BASE_LABEL, QUORUM_BASE_LABEL, VOTE_COMPARATORS } from "@/lib/campaign/schema";
import { optionsOf } from "@/lib/options";
import { BALLOT_METHOD_LABEL, COMPARATOR_LABEL } from "@/lib/review/labels";

export type RuleSetFormValues = {
  name: string;
  legalBasis: string;
  effectiveFrom: string;
  quorumBase: string;
  quorumPct: string;
  quorumOp: string;
  approvalBase: string;
  approvalPct: string;
  approvalOp: string;
  ballotMethod: string;
  /** "on" when checked. */
  registrationRequired: string;
  lookbackYears: string;
  /** "on" when checked. */
  hamletRegistrationRequired: string;
  councilApprovalBase: string;
  councilApprovalPct: string;
  councilApprovalOp: string;
};

export function RuleSetForm({ action, initial, cancelHref }: {
  action: FormActionFn<{ id: string; version: number }>;
  initial: RuleSetFormValues;
  cancelHref: string;
}) {
  const { formAction, pending, err, value: v, errors: fe, formKey } = useFormAction(action, initial);
  // An unchecked box is absent from the echoed values, so after a refusal its state comes from them alone.
  const registrationRequired = err ? err.values?.registrationRequired === "on" : initial.registrationRequired === "on";
  const hamletRegistrationRequired = err ? err.values?.hamletRegistrationRequired === "on" : initial.hamletRegistrationRequired === "on";
  const comparators = VOTE_COMPARATORS.map((value) => ({ value, label: COMPARATOR_LABEL[value] }));

  return (
    <form key={formKey} action={formAction} className="space-y-6" noValidate>
      <FormErrorBanner error={err} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">Bộ quy tắc</legend>
        <TextField name="name" label="Tên bộ quy tắc" required defaultValue={v("name")} errors={fe("name")} />
        <TextField name="effectiveFrom" label="Ngày áp dụng" type="date" required defaultValue={v("effectiveFrom")} errors={fe("effectiveFrom")} />
        <div className="sm:col-span-2">
          <TextField name="legalBasis" label="Căn cứ pháp lý" required defaultValue={v("legalBasis")} errors={fe("legalBasis")}
            hint="Ví dụ: Nghị định số 59/2023/NĐ-CP, Điều 3 khoản 5" />
        </div>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-base font-semibold text-slate-900">Điều kiện tiến hành cuộc họp (số người có mặt)</legend>
        <SelectField name="quorumOp" label="So sánh" required options={comparators} defaultValue={v("quorumOp")} errors={fe("quorumOp")} />
        <TextField name="quorumPct" label="Tỷ lệ (%)" required inputMode="numeric" defaultValue={v("quorumPct")} errors={fe("quorumPct")} hint="Từ 1 đến 100." />
        <SelectField name="quorumBase" label="Tính trên" required options={optionsOf(QUORUM_BASE_LABEL)} defaultValue={v("quorumBase")} errors={fe("quorumBase")} />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-base font-semibold text-slate-900">Điều kiện được công nhận (số người tán thành)</legend>
        <SelectField name="approvalOp" label="So sánh" required options={comparators} defaultValue={v("approvalOp")} errors={fe("approvalOp")} />
        <TextField name="approvalPct" label="Tỷ lệ (%)" required inputMode="numeric" defaultValue={v("approvalPct")} errors={fe("approvalPct")} hint="Từ 1 đến 100." />
        <SelectField name="approvalBase" label="Tính trên" required options={optionsOf(APPROVAL_BASE_LABEL)} defaultValue={v("approvalBase")} errors={fe("approvalBase")} />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">Cách bình xét</legend>
        <SelectField name="ballotMethod" label="Hình thức biểu quyết" required options={optionsOf(BALLOT_METHOD_LABEL)} defaultValue={v("ballotMethod")} errors={fe("ballotMethod")} />
        <TextField name="lookbackYears" label="Số năm xét vi phạm" required inputMode="numeric" defaultValue={v("lookbackYears")} errors={fe("lookbackYears")}
          hint="1 = chỉ năm thi đua; 3 = năm thi đua và 2 năm trước đó. Từ 1 đến 5." />
        <div className="sm:col-span-2">
          <CheckboxField name="registrationRequired" label="Chỉ bình xét hộ đã đăng ký đầu năm" defaultChecked={registrationRequired} errors={fe("registrationRequired")} />
        </div>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-base font-semibold text-slate-900">“Xóm văn hóa”: Hội đồng Thi đua - Khen thưởng xã bình xét</legend>
        <SelectField name="councilApprovalOp" label="So sánh" required options={comparators} defaultValue={v("councilApprovalOp")} errors={fe("councilApprovalOp")} />
        <TextField name="councilApprovalPct" label="Tỷ lệ tán thành (%)" required inputMode="numeric" defaultValue={v("councilApprovalPct")} errors={fe("councilApprovalPct")}
          hint="Từ 1 đến 100." />
        <SelectField name="councilApprovalBase" label="Tính trên" required options={optionsOf(COUNCIL_APPROVAL_BASE_LABEL)} defaultValue={v("councilApprovalBase")}
          errors={fe("councilApprovalBase")} />
        <div className="sm:col-span-3">
          <CheckboxField name="hamletRegistrationRequired" label="Xóm phải đăng ký mới được xét" defaultChecked={hamletRegistrationRequired}
            errors={fe("hamletRegistrationRequired")} />
        </div>
      </fieldset>

      <FormFooter pending={pending} submitLabel="Lưu phiên bản mới" cancelHref={cancelHref} />
    </form>
  );
}
