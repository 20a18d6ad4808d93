"use client";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ROLE_OPTIONS } from "@/lib/users/labels";
import type { ActionResult } from "@/lib/result";
import { PasswordFields } from "./password-fields";

export type UserFormValues = { username: string; fullName: string; role: string; hamletId: string };

/**
 * Creates an account (with username and password) or edits one (name, role, hamlet). The hamlet picker shows only
 * for a hamlet head, and is then required; an admin editing themselves cannot change their own role.
 */
export function UserForm({ action, initial, hamlets, cancelHref, submitLabel, isCreate, isSelf = false }: {
  action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult<{ id: string }>>;
  initial: UserFormValues;
  hamlets: { value: string; label: string }[];
  cancelHref: string;
  submitLabel: string;
  isCreate: boolean;
  isSelf?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const err = state?.ok === false ? state : undefined;
  const v = (name: keyof UserFormValues) => err?.values?.[name] ?? initial[name];
  const fe = (name: string) => err?.fieldErrors?.[name];
  const [role, setRole] = useState(initial.role);
  // After a refused save React resets the form: show the role the user had picked.
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (err?.values?.role !== undefined) setRole(err.values.role);
  }

  return (
    <form action={formAction} className="space-y-5" noValidate>
      {err && <Alert>{err.message}</Alert>}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">Thông tin tài khoản</legend>
        {isCreate && (
          <TextField name="username" label="Tên đăng nhập" required autoComplete="off" autoCapitalize="none" spellCheck={false}
            hint="3–32 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang. Ví dụ: nguyen.van.a"
            defaultValue={v("username")} errors={fe("username")} key={`u-${v("username")}`} />
        )}
        <TextField name="fullName" label="Họ và tên" required autoComplete="off" defaultValue={v("fullName")} errors={fe("fullName")} key={`n-${v("fullName")}`} />
        {isSelf ? (
          <>
            <input type="hidden" name="role" value={initial.role} />
            <SelectField name="roleShown" label="Vai trò" options={ROLE_OPTIONS} defaultValue={initial.role} disabled
              hint="Bạn không thể tự đổi vai trò của chính mình." errors={fe("role")} />
          </>
        ) : (
          <SelectField name="role" label="Vai trò" required options={ROLE_OPTIONS} placeholder="— Chọn vai trò —"
            value={role} onChange={(e) => setRole(e.target.value)} errors={fe("role")} />
        )}
        {role === "HAMLET_HEAD" && (
          <SelectField name="hamletId" label="Xóm phụ trách" required options={hamlets} placeholder="— Chọn xóm —"
            defaultValue={v("hamletId")} errors={fe("hamletId")} key={`h-${v("hamletId")}`} />
        )}
      </fieldset>

      {isCreate && (
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-base font-semibold text-slate-900">Mật khẩu</legend>
          <PasswordFields errors={err?.fieldErrors} />
        </fieldset>
      )}

      <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-4">
        <Button type="submit" disabled={pending}>{pending ? "Đang lưu…" : submitLabel}</Button>
        <ButtonLink href={cancelHref} variant="secondary">Hủy</ButtonLink>
      </div>
    </form>
  );
}
