"use client";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { type FormActionFn, FormErrorBanner, SubmitButton, useFormAction, VersionField } from "@/components/ui/form";

// A small form for one step of a workflow: the server's refusal above its fields (typed values kept), its
// confirmation after a success, and a question before a legal step goes.

export type StepFields = { value: (name: string) => string; errors: (name: string) => string[] | undefined };

export function StepForm({ action, submitLabel, variant, confirmText, initial = {}, version, children, className = "" }: {
  action: FormActionFn;
  submitLabel: string;
  variant?: "primary" | "secondary" | "danger";
  confirmText?: string;
  initial?: Record<string, string>;
  version?: number;
  children?: (f: StepFields) => ReactNode;
  className?: string;
}) {
  const { state, formAction, pending, err, value, errors, formKey } = useFormAction<unknown, Record<string, string>>(action, initial);
  return (
    <form key={formKey} action={formAction} noValidate className={`space-y-3 ${className}`}
      onSubmit={(e) => { if (confirmText && !window.confirm(confirmText)) e.preventDefault(); }}>
      <FormErrorBanner error={err} />
      {state?.ok && state.message && <Alert tone="success">{state.message}</Alert>}
      <VersionField version={version} />
      {children?.({ value: (n) => value(n), errors })}
      <SubmitButton pending={pending} label={submitLabel} variant={variant} />
    </form>
  );
}
