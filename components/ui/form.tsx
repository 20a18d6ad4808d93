"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import type { ActionResult } from "@/lib/result";

/** A server action as a form calls it: the previous result and the submitted fields in, the outcome out. */
export type FormActionFn<T = unknown> = (prev: ActionResult | null, form: FormData) => Promise<ActionResult<T>>;

/** The names of the fields of `V` that hold text. */
type TextKey<V> = { [K in keyof V]-?: V[K] extends string ? K : never }[keyof V] & string;

/**
 * Runs a server action from a form. After a refused save, `err` is the failure, `value(name)` is what the user had
 * typed (or else the initial value) and `errors(name)` the messages for that field; `onRefused` gets the echoed
 * values so client-side state can follow them. `formKey` changes with every
 * outcome: keying the <form> with it re-mounts the fields, so they show the echoed values (React resets a form after
 * its action, and a select or a controlled field whose value did not change would otherwise keep the reset value).
 */
export function useFormAction<T, V extends object = Record<never, string>>(
  action: FormActionFn<T>,
  initial?: V,
  onRefused?: (values: Record<string, string>) => void,
) {
  const [state, formAction, pending] = useActionState(action, null);
  const err = state?.ok === false ? state : undefined;
  const value = (name: TextKey<V>): string => err?.values?.[name] ?? String(initial?.[name] ?? "");
  const errors = (name: string) => err?.fieldErrors?.[name];
  const [seen, setSeen] = useState(state);
  const [formKey, setFormKey] = useState(0);
  if (state !== seen) {
    setSeen(state);
    setFormKey((k) => k + 1);
    // Client-side state of the form (added rows, a picked role) follows what the user had submitted.
    if (state?.ok === false && state.values) onRefused?.(state.values);
  }
  return { state, formAction, pending, err, value, errors, formKey };
}

/** The message of a refused save, above the fields; focus moves to the first field to fix (or to the message). */
export function FormErrorBanner({ error }: { error?: { message: string } }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!error) return;
    const firstInvalid = ref.current?.closest("form")?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (firstInvalid ?? ref.current)?.focus();
  }, [error]);
  return error ? <div ref={ref} tabIndex={-1} className="outline-none"><Alert>{error.message}</Alert></div> : null;
}

/** The version the user is editing, for the optimistic lock; absent when creating. */
export function VersionField({ version }: { version?: number }) {
  return version !== undefined ? <input type="hidden" name="version" value={version} /> : null;
}

type ButtonVariant = "primary" | "secondary" | "danger";

/** A submit button that reads "Đang lưu…" and is disabled while the action runs. */
export function SubmitButton({ pending, label, variant }: { pending: boolean; label: string; variant?: ButtonVariant }) {
  return <Button type="submit" variant={variant} disabled={pending}>{pending ? "Đang lưu…" : label}</Button>;
}

/** Save and "Hủy" (back to `cancelHref`) below a form. */
export function FormFooter({ pending, submitLabel, cancelHref }: { pending: boolean; submitLabel: string; cancelHref: string }) {
  return (
    <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-4">
      <SubmitButton pending={pending} label={submitLabel} />
      <ButtonLink href={cancelHref} variant="secondary">Hủy</ButtonLink>
    </div>
  );
}
