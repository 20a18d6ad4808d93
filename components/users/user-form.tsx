"use client";
import { useState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, FormFooter, useFormAction } from "@/components/ui/form";
import { ROLE_OPTIONS } from "@/lib/users/labels";
import { PasswordFields } from "./password-fields";
import type { Option } from "@/lib/options";

export type UserFormValues = { username: string; fullName: string; role: string; hamletId: string };

/**
 * Creates an account (with username and password) or edits one (name, role, hamlet). The hamlet picker shows only
 * for a hamlet head, and is then required; an admin editing themselves cannot change their own role.
 */
export function UserForm({ action, initial, hamlets, cancelHref, submitLabel, isCreate, isSelf = false }: {
  action: FormActionFn<{ id: string }>;
  initial: UserFormValues;
  hamlets: Option[];
  cancelHref: string;
  submitLabel: string;
  isCreate: boolean;
  isSelf?: boolean;
}) {
  const [role, setRole] = useState(initial.role);
  const { formAction, pending, err, value: v, errors: fe, formKey } = useFormAction(action, initial, (values) => {
    if (values.role !== undefined) setRole(values.role);
  });

  return (
    <form key={formKey} action={formAction} className="space-y-5" noValidate>
      <FormErrorBanner error={err} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">Thông tin tài khoản</legend>
        {isCreate && (
          <TextField name="username" label="Tên đăng nhập" required autoComplete="off" autoCapitalize="none" spellCheck={false}
            hint="3–32 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang. Ví dụ: nguyen.van.a"
            defaultValue={v("username")} errors={fe("username")} />
        )}
        <TextField name="fullName" label="Họ và tên" required autoComplete="off" defaultValue={v("fullName")} errors={fe("fullName")} />
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
            defaultValue={v("hamletId")} errors={fe("hamletId")} />
        )}
      </fieldset>

      {isCreate && (
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-base font-semibold text-slate-900">Mật khẩu</legend>
          <PasswordFields errors={err?.fieldErrors} />
        </fieldset>
      )}

      <FormFooter pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
