"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, FormFooter, useFormAction, VersionField } from "@/components/ui/form";
import { HOUSEHOLD_STATUS_LABEL, POVERTY_LABEL, RELATIONSHIP_LABEL } from "@/lib/households/labels";
import { optionsOf } from "@/lib/options";
import type { Option } from "@/lib/options";

type MemberDraft = { key: number; fullName: string; birthYear: string; relationship: string };

export type HouseholdFormValues = {
  headName: string;
  headBirthYear: string;
  address: string;
  phone: string;
  hamletId: string;
  povertyStatus: string;
  status: string;
  version?: number;
  members: { fullName: string; birthYear: string; relationship: string }[];
};

const RELATIONSHIPS = optionsOf(RELATIONSHIP_LABEL).filter((o) => o.value !== "HEAD");

/** Members as they were typed, from the echoed form values after a refused save. */
function membersFromValues(values: Record<string, string>): MemberDraft[] {
  const rows: MemberDraft[] = [];
  for (let i = 0; values[`members.${i}.fullName`] !== undefined || values[`members.${i}.relationship`] !== undefined; i++) {
    rows.push({ key: i, fullName: values[`members.${i}.fullName`] ?? "", birthYear: values[`members.${i}.birthYear`] ?? "", relationship: values[`members.${i}.relationship`] ?? "" });
  }
  return rows;
}

export function HouseholdForm({ action, initial, hamlets, cancelHref, submitLabel }: {
  action: FormActionFn<{ id: string }>;
  initial: HouseholdFormValues;
  hamlets: Option[];
  cancelHref: string;
  submitLabel: string;
}) {
  const [members, setMembers] = useState<MemberDraft[]>(() => initial.members.map((m, i) => ({ key: i, ...m })));
  const [nextKey, setNextKey] = useState(initial.members.length + 1000);
  const { formAction, pending, err, value: v, errors: fe, formKey } = useFormAction(action, initial, (values) => setMembers(membersFromValues(values)));

  return (
    <form key={formKey} action={formAction} className="space-y-5" noValidate>
      <FormErrorBanner error={err} />
      <VersionField version={initial.version} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">Thông tin hộ</legend>
        <TextField name="headName" label="Họ và tên chủ hộ" required defaultValue={v("headName")} errors={fe("headName")} autoComplete="off" />
        <TextField name="headBirthYear" label="Năm sinh chủ hộ" inputMode="numeric" defaultValue={v("headBirthYear")} errors={fe("headBirthYear")} />
        <TextField name="address" label="Địa chỉ" required defaultValue={v("address")} errors={fe("address")} hint="Ví dụ: Tổ 2, xóm Bản Lác" />
        <TextField name="phone" label="Số điện thoại" type="tel" inputMode="tel" defaultValue={v("phone")} errors={fe("phone")} />
        <SelectField name="hamletId" label="Xóm" required options={hamlets} placeholder={hamlets.length > 1 ? "— Chọn xóm —" : undefined}
          defaultValue={v("hamletId")} errors={fe("hamletId")} />
        <SelectField name="povertyStatus" label="Hộ nghèo / cận nghèo" options={optionsOf(POVERTY_LABEL)} defaultValue={v("povertyStatus")} errors={fe("povertyStatus")} />
        <SelectField name="status" label="Tình trạng hộ" options={optionsOf(HOUSEHOLD_STATUS_LABEL)} defaultValue={v("status")} errors={fe("status")} />
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="mb-1 text-base font-semibold text-slate-900">Thành viên khác trong hộ</legend>
        <p className="text-sm text-slate-600">Chủ hộ đã được tính là thành viên. Thêm vợ/chồng, con, bố mẹ… cùng sống trong hộ.</p>
        {fe("members") && <p className="text-sm text-red-700">{fe("members")?.[0]}</p>}
        {members.length === 0 && <p className="text-sm italic text-slate-500">Chưa có thành viên nào khác.</p>}
        <ol className="space-y-3">
          {members.map((m, index) => (
            <li key={m.key} className="rounded-md border border-slate-200 bg-slate-50 p-3" aria-label={`Thành viên ${index + 1}`}>
              <div className="mb-2 flex items-center justify-between">
                <span className="text-sm font-semibold text-slate-700">Thành viên {index + 1}</span>
                <button type="button" className="min-h-11 px-2 text-sm font-medium text-red-700 underline"
                  onClick={() => setMembers((rows) => rows.filter((r) => r.key !== m.key))}>
                  Bỏ thành viên {index + 1}
                </button>
              </div>
              <div className="grid gap-3 sm:grid-cols-3">
                <TextField name={`members.${index}.fullName`} label="Họ và tên" required value={m.fullName} errors={fe(`members.${index}.fullName`)}
                  onChange={(e) => setMembers((rows) => rows.map((r) => (r.key === m.key ? { ...r, fullName: e.target.value } : r)))} />
                <TextField name={`members.${index}.birthYear`} label="Năm sinh" inputMode="numeric" value={m.birthYear} errors={fe(`members.${index}.birthYear`)}
                  onChange={(e) => setMembers((rows) => rows.map((r) => (r.key === m.key ? { ...r, birthYear: e.target.value } : r)))} />
                <SelectField name={`members.${index}.relationship`} label="Quan hệ với chủ hộ" required options={RELATIONSHIPS} placeholder="— Chọn —"
                  value={m.relationship} errors={fe(`members.${index}.relationship`)}
                  onChange={(e) => setMembers((rows) => rows.map((r) => (r.key === m.key ? { ...r, relationship: e.target.value } : r)))} />
              </div>
            </li>
          ))}
        </ol>
        <Button type="button" variant="secondary" onClick={() => { setMembers((rows) => [...rows, { key: nextKey, fullName: "", birthYear: "", relationship: "" }]); setNextKey((k) => k + 1); }}>
          + Thêm thành viên
        </Button>
      </fieldset>

      <FormFooter pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
