"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/result";
import { PasswordFields } from "./password-fields";

export function ResetPasswordForm({ action }: { action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const err = state?.ok === false ? state : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state?.ok && state.message && <Alert tone="success">{state.message}</Alert>}
      {err && <Alert>{err.message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <PasswordFields label="Mật khẩu mới" errors={err?.fieldErrors} />
      </div>
      <Button type="submit" disabled={pending}>{pending ? "Đang lưu…" : "Đặt lại mật khẩu"}</Button>
    </form>
  );
}
