"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, SubmitButton, useFormAction } from "@/components/ui/form";
import { API_TOKEN_MSG, API_TOKEN_NAME_MAX } from "@/lib/api-tokens/labels";

type Created = { name: string; prefix: string; token: string };

/** The new token, shown once with a copy button; it lives only in this page's memory. */
function CreatedToken({ created }: { created: Created }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
      <p className="text-sm font-semibold text-amber-900">
        Khóa “{created.name}” — {API_TOKEN_MSG.showOnce}
      </p>
      <label htmlFor="created-token" className="block text-sm text-amber-900">
        Sao chép khóa và lưu vào hệ thống sẽ gọi API. Sau khi rời trang này, không ai xem lại được khóa (kể cả quản trị viên).
      </label>
      <div className="flex flex-wrap gap-2">
        <input id="created-token" readOnly value={created.token} onFocus={(e) => e.currentTarget.select()}
          className="block min-h-11 w-full flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 sm:min-w-96" />
        <Button type="button" variant="secondary" onClick={copy}>{copied ? "Đã sao chép" : "Sao chép"}</Button>
      </div>
    </div>
  );
}

export function CreateTokenForm({ action }: { action: FormActionFn<Created> }) {
  const { state, formAction, pending, err, value, errors, formKey } = useFormAction<Created, { name: string }>(action, { name: "" });
  const created = state?.ok ? state.data : undefined;
  return (
    <div className="space-y-3">
      {state?.ok && state.message && <Alert tone="success">{state.message}</Alert>}
      {created && <CreatedToken created={created} />}
      <form key={formKey} action={formAction} noValidate className="space-y-3">
        <FormErrorBanner error={err} />
        <TextField name="name" label="Tên khóa" required maxLength={API_TOKEN_NAME_MAX} defaultValue={value("name")} errors={errors("name")}
          hint="Ghi rõ hệ thống nào dùng khóa, ví dụ: Hệ thống báo cáo của Sở Văn hóa, Thể thao và Du lịch." />
        <SubmitButton pending={pending} label="Tạo khóa API" />
      </form>
    </div>
  );
}
