"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/result";

/** "Khóa tài khoản" for an active account, "Mở khóa" for a locked one. */
export function UserStatusForm({ action, isActive }: {
  action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;
  isActive: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const err = state?.ok === false ? state : undefined;
  return (
    <form action={formAction} className="space-y-3">
      {err && <Alert>{err.message}</Alert>}
      <p className="text-sm text-slate-700">
        {isActive
          ? "Người dùng bị khóa sẽ không đăng nhập được nữa và mất quyền truy cập ngay ở lần thao tác tiếp theo. Dữ liệu họ đã nhập vẫn được giữ nguyên."
          : "Tài khoản đang bị khóa. Mở khóa để người dùng đăng nhập lại bằng mật khẩu hiện có."}
      </p>
      <Button type="submit" variant={isActive ? "danger" : "primary"} disabled={pending}>
        {pending ? "Đang lưu…" : isActive ? "Khóa tài khoản" : "Mở khóa"}
      </Button>
    </form>
  );
}
