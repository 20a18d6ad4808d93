"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { HAMLET_KIND_LABEL } from "@/lib/hamlets/labels";
import { optionsOf } from "@/lib/options";
import type { ActionResult } from "@/lib/result";

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
  action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult<{ id: string }>>;
  initial: HamletFormValues;
  cancelHref: string;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const err = state?.ok === false ? state : undefined;
  const v = (name: Exclude<keyof HamletFormValues, "hasCulturalHouse" | "version">) => err?.values?.[name] ?? initial[name];
  const fe = (name: string) => err?.fieldErrors?.[name];
  // An unticked box is absent from the form, so after a refused save its absence means "no".
  const hasCulturalHouse = err?.values ? err.values.hasCulturalHouse === "on" : initial.hasCulturalHouse;

  return (
    <form action={formAction} className="space-y-5" noValidate>
      {err && <Alert>{err.message}</Alert>}
      {initial.version !== undefined && <input type="hidden" name="version" value={initial.version} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label="Tên xóm" required defaultValue={v("name")} errors={fe("name")} key={`n-${v("name")}`}
          autoComplete="off" hint="Chỉ ghi tên riêng, ví dụ: Bản Lác" />
        <SelectField name="kind" label="Loại" required options={KINDS} defaultValue={v("kind")} errors={fe("kind")} key={`k-${v("kind")}`} />
        <TextField name="headName" label="Trưởng xóm" defaultValue={v("headName")} errors={fe("headName")} key={`h-${v("headName")}`}
          autoComplete="off" hint="Họ và tên trưởng xóm (để trống nếu chưa có)" />
        <TextField name="frontTeamHeadName" label="Trưởng ban công tác Mặt trận" defaultValue={v("frontTeamHeadName")} errors={fe("frontTeamHeadName")}
          key={`f-${v("frontTeamHeadName")}`} autoComplete="off" />
        <CheckboxField name="hasCulturalHouse" label="Có nhà văn hóa" defaultChecked={hasCulturalHouse} errors={fe("hasCulturalHouse")} key={`c-${hasCulturalHouse}`} />
      </div>
      <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-4">
        <Button type="submit" disabled={pending}>{pending ? "Đang lưu…" : submitLabel}</Button>
        <ButtonLink href={cancelHref} variant="secondary">Hủy</ButtonLink>
      </div>
    </form>
  );
}
