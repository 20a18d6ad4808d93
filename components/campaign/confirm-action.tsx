"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { type FormActionFn, FormErrorBanner, SubmitButton, useFormAction } from "@/components/ui/form";

type Variant = "primary" | "secondary" | "danger";

/**
 * A one-button action that first says what it will do: the first click shows `consequence` with "Xác nhận" and
 * "Thôi", the second runs the action. A refusal shows its message above the button.
 */
export function ConfirmAction({ action, label, consequence, confirmLabel = "Xác nhận", variant = "primary" }: {
  action: FormActionFn;
  label: string;
  consequence: string;
  confirmLabel?: string;
  variant?: Variant;
}) {
  const [asking, setAsking] = useState(false);
  const { formAction, pending, err, formKey } = useFormAction(action);
  return (
    <form key={formKey} action={formAction} className="space-y-2">
      <FormErrorBanner error={err} />
      {asking ? (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
          <p className="text-sm text-amber-900">{consequence}</p>
          <div className="flex flex-wrap gap-2">
            <SubmitButton pending={pending} label={confirmLabel} variant={variant} />
            <Button type="button" variant="secondary" onClick={() => setAsking(false)} disabled={pending}>Thôi</Button>
          </div>
        </div>
      ) : (
        <Button type="button" variant={variant} onClick={() => setAsking(true)}>{label}</Button>
      )}
    </form>
  );
}
