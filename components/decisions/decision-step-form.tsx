"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { type FormActionFn, FormErrorBanner, SubmitButton, useFormAction } from "@/components/ui/form";

/**
 * A legal step on a decision (issue, discard): the first press shows what will happen, the second does it.
 * The version sent is the one the page showed, so a draft edited meanwhile is not approved or discarded unseen.
 */
export function DecisionStepForm({ action, version, label, confirmLabel, consequence, variant = "primary" }: {
  action: FormActionFn;
  version: number;
  label: string;
  confirmLabel: string;
  consequence: string;
  variant?: "primary" | "danger";
}) {
  const [confirming, setConfirming] = useState(false);
  const { formAction, pending, err, formKey } = useFormAction(action);
  return (
    <form key={formKey} action={formAction} className="space-y-3">
      <FormErrorBanner error={err} />
      <input type="hidden" name="version" value={version} />
      {confirming ? (
        <div className="space-y-3">
          <Alert tone="warning">{consequence}</Alert>
          <div className="flex flex-wrap gap-2">
            <SubmitButton pending={pending} label={confirmLabel} variant={variant} />
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>Quay lại</Button>
          </div>
        </div>
      ) : (
        <Button type="button" variant={variant} onClick={() => setConfirming(true)}>{label}</Button>
      )}
    </form>
  );
}
