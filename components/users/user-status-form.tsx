"use client";
import { type FormActionFn, FormErrorBanner, SubmitButton, useFormAction } from "@/components/ui/form";

/** "Khóa tài khoản" for an active account, "Mở khóa" for a locked one. */
export function UserStatusForm({ action, isActive }: {
  action: FormActionFn;
  isActive: boolean;
}) {
  const { formAction, pending, err, formKey } = useFormAction(action);
  return (
    <form key={formKey} action={formAction} className="space-y-3">
      <FormErrorBanner error={err} />
      <p className="text-sm text-slate-700">
        {isActive
          ? "Người dùng bị khóa sẽ không đăng nhập được nữa và mất quyền truy cập ngay ở lần thao tác tiếp theo. Dữ liệu họ đã nhập vẫn được giữ nguyên."
          : "Tài khoản đang bị khóa. Mở khóa để người dùng đăng nhập lại bằng mật khẩu hiện có."}
      </p>
      <SubmitButton pending={pending} label={isActive ? "Khóa tài khoản" : "Mở khóa"} variant={isActive ? "danger" : "primary"} />
    </form>
  );
}
