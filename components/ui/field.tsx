import type { ComponentProps, ReactNode } from "react";
import type { Option } from "@/lib/options";

type Common = { name: string; label: string; errors?: string[]; hint?: string; required?: boolean };

const INPUT = "block w-full min-h-11 rounded-md border bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600 border-slate-300";

function Wrapper({ name, label, errors, hint, required, children, id }: Common & { children: ReactNode; id: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {required && <span className="text-red-700" aria-hidden> *</span>}
      </label>
      {children}
      {hint && !errors?.length && <p id={`${id}-hint`} className="text-xs text-slate-600">{hint}</p>}
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-red-700" data-field-error={name}>
        {errors?.[0] ?? ""}
      </p>
    </div>
  );
}

const idOf = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;

function described(id: string, errors?: string[], hint?: string) {
  return errors?.length ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

export function TextField({ name, label, errors, hint, required, className = "", ...props }: Common & Omit<ComponentProps<"input">, "name">) {
  const id = props.id ?? idOf(name);
  return (
    <Wrapper name={name} label={label} errors={errors} hint={hint} required={required} id={id}>
      <input id={id} name={name} required={required} aria-invalid={errors?.length ? true : undefined}
        aria-describedby={described(id, errors, hint)} className={`${INPUT} ${className}`} {...props} />
    </Wrapper>
  );
}

export function TextAreaField({ name, label, errors, hint, required, className = "", ...props }: Common & Omit<ComponentProps<"textarea">, "name">) {
  const id = props.id ?? idOf(name);
  return (
    <Wrapper name={name} label={label} errors={errors} hint={hint} required={required} id={id}>
      <textarea id={id} name={name} required={required} aria-invalid={errors?.length ? true : undefined}
        aria-describedby={described(id, errors, hint)} className={`${INPUT} ${className}`} {...props} />
    </Wrapper>
  );
}

export function SelectField({ name, label, errors, hint, required, options, placeholder, className = "", ...props }:
  Common & Omit<ComponentProps<"select">, "name"> & { options: Option[]; placeholder?: string }) {
  const id = props.id ?? idOf(name);
  return (
    <Wrapper name={name} label={label} errors={errors} hint={hint} required={required} id={id}>
      <select id={id} name={name} required={required} aria-invalid={errors?.length ? true : undefined}
        aria-describedby={described(id, errors, hint)} className={`${INPUT} ${className}`} {...props}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Wrapper>
  );
}

export function CheckboxField({ name, label, errors, defaultChecked }: Common & { defaultChecked?: boolean }) {
  const id = idOf(name);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="flex min-h-11 items-center gap-3 text-sm font-medium text-slate-800">
        <input id={id} type="checkbox" name={name} defaultChecked={defaultChecked} className="h-5 w-5 accent-brand-700" />
        {label}
      </label>
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-red-700">{errors?.[0] ?? ""}</p>
    </div>
  );
}
