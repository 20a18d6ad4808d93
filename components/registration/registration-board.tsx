"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, useFormAction } from "@/components/ui/form";
import { Badge } from "@/components/ui/page-header";
import { formatDay, parseIsoDate } from "@/lib/dates";

export type RegistrationBoardRow = { id: string; headName: string; address: string; registeredOn: string | null };

/** "03/02/2024" from "2024-02-03". */
const dayText = (iso: string) => {
  const day = parseIsoDate(iso);
  return day ? formatDay(day) : iso;
};

function Status({ registeredOn }: { registeredOn: string | null }) {
  return registeredOn
    ? <Badge tone="green">✓ Đã đăng ký {dayText(registeredOn)}</Badge>
    : <Badge tone="amber">○ Chưa đăng ký</Badge>;
}

/**
 * The hamlet's households with their registration. With `action` (the actor may change them), one form: the date
 * at the top, "Đăng ký tất cả hộ đang cư trú", and a button per household; the pressed button posts `intent`.
 */
export function RegistrationBoard({ rows, action, defaultDate, minDate, maxDate }: {
  rows: RegistrationBoardRow[];
  action?: FormActionFn;
  defaultDate: string;
  minDate: string;
  maxDate: string;
}) {
  const missing = rows.filter((r) => !r.registeredOn).length;
  if (!action) {
    return (
      <ul className="space-y-2">
        {rows.map((r) => (
          <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-3">
            <p className="font-semibold text-slate-900">{r.headName}</p>
            <p className="text-sm text-slate-600">{r.address}</p>
            <div className="mt-1"><Status registeredOn={r.registeredOn} /></div>
          </li>
        ))}
      </ul>
    );
  }
  return <RegistrationForm rows={rows} action={action} missing={missing} defaultDate={defaultDate} minDate={minDate} maxDate={maxDate} />;
}

function RegistrationForm({ rows, action, missing, defaultDate, minDate, maxDate }: {
  rows: RegistrationBoardRow[];
  action: FormActionFn;
  missing: number;
  defaultDate: string;
  minDate: string;
  maxDate: string;
}) {
  const [date, setDate] = useState(defaultDate);
  const { state, formAction, pending, err, errors, formKey } = useFormAction(action, undefined, (values) => setDate(values.registeredOn ?? defaultDate));
  const done = state?.ok ? state.message : undefined;
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate>
      <FormErrorBanner error={err} />
      {done && <Alert tone="success">{done}</Alert>}
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <TextField name="registeredOn" label="Ngày đăng ký" type="date" required min={minDate} max={maxDate}
          value={date} onChange={(e) => setDate(e.target.value)} errors={errors("registeredOn")}
          hint="Ngày ghi vào danh sách đăng ký; dùng cho cả nút đăng ký từng hộ bên dưới." />
        <Button type="submit" name="intent" value="all" disabled={pending || missing === 0} className="w-full sm:w-auto">
          {pending ? "Đang lưu…" : missing > 0 ? `Đăng ký tất cả hộ đang cư trú (còn ${missing} hộ)` : "Tất cả hộ đang cư trú đã đăng ký"}
        </Button>
      </div>
      <ul className="space-y-2">
        {rows.map((r) => (
          <li key={r.id} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <p className="font-semibold text-slate-900">{r.headName}</p>
              <p className="text-sm text-slate-600">{r.address}</p>
              <div className="mt-1"><Status registeredOn={r.registeredOn} /></div>
            </div>
            {r.registeredOn ? (
              <Button type="submit" name="intent" value={`unregister:${r.id}`} variant="secondary" disabled={pending}
                className="w-full sm:w-auto" aria-label={`Hủy đăng ký hộ ${r.headName}`}>
                Hủy đăng ký
              </Button>
            ) : (
              <Button type="submit" name="intent" value={`register:${r.id}`} disabled={pending}
                className="w-full sm:w-auto" aria-label={`Đăng ký hộ ${r.headName}`}>
                Đăng ký
              </Button>
            )}
          </li>
        ))}
      </ul>
    </form>
  );
}
