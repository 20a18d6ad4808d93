"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { type FormActionFn, FormErrorBanner, SubmitButton, useFormAction } from "@/components/ui/form";

/** "Xóa (ghi nhầm)", confirmed in a second step that says what the removal means. */
export function DeleteViolationButton({ action, label }: { action: FormActionFn; label: string }) {
  const [confirming, setConfirming] = useState(false);
  const { formAction, pending, err, formKey } = useFormAction(action);
  if (!confirming) {
    return (
      <Button type="button" variant="secondary" onClick={() => setConfirming(true)} aria-label={`Xóa (ghi nhầm): ${label}`}>
        Xóa (ghi nhầm)
      </Button>
    );
  }
  return (
    <form key={formKey} action={formAction} className="space-y-2">
      <FormErrorBanner error={err} />
      <p className="text-sm text-slate-700">Xóa vi phạm này? Hộ sẽ không còn bị tính là trường hợp không xét tặng vì vi phạm này. Nhật ký hệ thống vẫn lưu lại bản ghi đã xóa.</p>
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} label="Xác nhận xóa" variant="danger" />
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>Thôi</Button>
      </div>
    </form>
  );
}
