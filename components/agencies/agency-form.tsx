"use client";
import { SelectField, TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, FormFooter, useFormAction, VersionField } from "@/components/ui/form";
import { AGENCY_KIND_LABEL } from "@/lib/agencies/labels";
import { optionsOf } from "@/lib/options";

export type AgencyFormValues = {
  name: string;
  kind: string;
  headName: string;
  tradeUnionName: string;
  headcount: string;
  version?: number;
};

const KINDS = optionsOf(AGENCY_KIND_LABEL);

export function AgencyForm({ action, initial, cancelHref, submitLabel }: {
  action: FormActionFn<{ id: string }>;
  initial: AgencyFormValues;
  cancelHref: string;
  submitLabel: string;
}) {
  const { formAction, pending, err, value: v, errors: fe, formKey } = useFormAction(action, initial);

  return (
    <form key={formKey} action={formAction} className="space-y-5" noValidate>
      <FormErrorBanner error={err} />
      <VersionField version={initial.version} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <TextField name="name" label="Tên cơ quan, đơn vị, doanh nghiệp" required defaultValue={v("name")} errors={fe("name")}
            autoComplete="off" hint="Ghi đầy đủ, ví dụ: Trường Tiểu học Kim Phượng" />
        </div>
        <SelectField name="kind" label="Loại hình" required options={KINDS} placeholder="— Chọn loại hình —"
          defaultValue={v("kind")} errors={fe("kind")} />
        <TextField name="headName" label="Thủ trưởng / người đứng đầu" required defaultValue={v("headName")} errors={fe("headName")}
          autoComplete="off" />
        <TextField name="tradeUnionName" label="Công đoàn cơ sở" defaultValue={v("tradeUnionName")} errors={fe("tradeUnionName")}
          autoComplete="off" hint="Để trống nếu đơn vị chưa có công đoàn cơ sở" />
        <TextField name="headcount" label="Số lao động" required inputMode="numeric" pattern="[0-9]*" defaultValue={v("headcount")}
          errors={fe("headcount")} autoComplete="off" />
      </div>
      <FormFooter pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
