"use client";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, FormFooter, useFormAction, VersionField } from "@/components/ui/form";
import { HAMLET_KIND_LABEL } from "@/lib/hamlets/labels";
import { optionsOf } from "@/lib/options";

export type HamletFormValues = {
  name: string;
  kind: string;
  headName: string;
  frontTeamHeadName: string;
  hasCulturalHouse: boolean;
  version?: number;
};

const KINDS = optionsOf(HAMLET_KIND_LABEL);

export function HamletForm({ action, initial, cancelHref, submitLabel }: {
  action: FormActionFn<{ id: string }>;
  initial: HamletFormValues;
  cancelHref: string;
  submitLabel: string;
}) {
  const { formAction, pending, err, value: v, errors: fe, formKey } = useFormAction(action, initial);
  // An unticked box is absent from the form, so after a refused save its absence means "no".
  const hasCulturalHouse = err?.values ? err.values.hasCulturalHouse === "on" : initial.hasCulturalHouse;

  return (
    <form key={formKey} action={formAction} className="space-y-5" noValidate>
      <FormErrorBanner error={err} />
      <VersionField version={initial.version} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label="Tên xóm" required defaultValue={v("name")} errors={fe("name")}
          autoComplete="off" hint="Chỉ ghi tên riêng, ví dụ: Bản Lác" />
        <SelectField name="kind" label="Loại" required options={KINDS} defaultValue={v("kind")} errors={fe("kind")} />
        <TextField name="headName" label="Trưởng xóm" defaultValue={v("headName")} errors={fe("headName")}
          autoComplete="off" hint="Họ và tên trưởng xóm (để trống nếu chưa có)" />
        <TextField name="frontTeamHeadName" label="Trưởng ban công tác Mặt trận" defaultValue={v("frontTeamHeadName")} errors={fe("frontTeamHeadName")}
          autoComplete="off" />
        <CheckboxField name="hasCulturalHouse" label="Có nhà văn hóa" defaultChecked={hasCulturalHouse} errors={fe("hasCulturalHouse")} />
      </div>
      <FormFooter pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
