"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { AGENCY_KIND_LABEL } from "@/lib/agencies/labels";
import { optionsOf } from "@/lib/options";
import type { ActionResult } from "@/lib/result";

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
  action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult<{ id: string }>>;
  initial: AgencyFormValues;
  cancelHref: string;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const err = state?.ok === false ? state : undefined;
  const v = (name: Exclude<keyof AgencyFormValues, "version">) => err?.values?.[name] ?? initial[name];
  const fe = (name: string) => err?.fieldErrors?.[name];

  return (
    <form action={formAction} className="space-y-5" noValidate>
      {err && <Alert>{err.message}</Alert>}
      {initial.version !== undefined && <input type="hidden" name="version" value={initial.version} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <TextField name="name" label="Tên cơ quan, đơn vị, doanh nghiệp" required defaultValue={v("name")} errors={fe("name")} key={`n-${v("name")}`}
            autoComplete="off" hint="Ghi đầy đủ, ví dụ: Trường Tiểu học Kim Phượng" />
        </div>
        <SelectField name="kind" label="Loại hình" required options={KINDS} placeholder="— Chọn loại hình —"
          defaultValue={v("kind")} errors={fe("kind")} key={`k-${v("kind")}`} />
        <TextField name="headName" label="Thủ trưởng / người đứng đầu" required defaultValue={v("headName")} errors={fe("headName")}
          key={`h-${v("headName")}`} autoComplete="off" />
        <TextField name="tradeUnionName" label="Công đoàn cơ sở" defaultValue={v("tradeUnionName")} errors={fe("tradeUnionName")}
          key={`t-${v("tradeUnionName")}`} autoComplete="off" hint="Để trống nếu đơn vị chưa có công đoàn cơ sở" />
        <TextField name="headcount" label="Số lao động" required inputMode="numeric" pattern="[0-9]*" defaultValue={v("headcount")}
          errors={fe("headcount")} key={`c-${v("headcount")}`} autoComplete="off" />
      </div>
      <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-4">
        <Button type="submit" disabled={pending}>{pending ? "Đang lưu…" : submitLabel}</Button>
        <ButtonLink href={cancelHref} variant="secondary">Hủy</ButtonLink>
      </div>
    </form>
  );
}
