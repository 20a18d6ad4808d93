"use client";
import { Alert } from "@/components/ui/alert";
import { type FormActionFn, FormErrorBanner, SubmitButton, useFormAction } from "@/components/ui/form";
import { PasswordFields } from "./password-fields";

export function ResetPasswordForm({ action }: { action: FormActionFn }) {
  const { state, formAction, pending, err, formKey } = useFormAction(action);
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate>
      {state?.ok && state.message && <Alert tone="success">{state.message}</Alert>}
      <FormErrorBanner error={err} />
      <div className="grid gap-4 sm:grid-cols-2">
        <PasswordFields label="Mật khẩu mới" errors={err?.fieldErrors} />
      </div>
      <SubmitButton pending={pending} label="Đặt lại mật khẩu" />
    </form>
  );
}
