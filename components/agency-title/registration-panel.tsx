"use client";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, SubmitButton, useFormAction } from "@/components/ui/form";

/** The id the year table's "Đăng ký" buttons name in their `form` attribute. */
export const REGISTRATION_FORM_ID = "agency-registration";

/**
 * The registration date for the year's list. The form itself holds only the date: each unregistered agency's
 * row has a button (form={REGISTRATION_FORM_ID}, name="agencyId") that submits it.
 */
export function RegistrationPanel({ action, defaultDate, minDate, maxDate }: {
  action: FormActionFn;
  defaultDate: string;
  minDate: string;
  maxDate: string;
}) {
  const { state, formAction, err, errors, value, formKey } = useFormAction(action, { registeredOn: defaultDate });
  const done = state?.ok ? state.message : undefined;
  return (
    <form key={formKey} id={REGISTRATION_FORM_ID} action={formAction} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <FormErrorBanner error={err} />
      {done && <Alert tone="success">{done}</Alert>}
      <TextField name="registeredOn" label="Ngày đăng ký" type="date" required min={minDate} max={maxDate}
        defaultValue={value("registeredOn")} errors={errors("registeredOn") ?? errors("agencyId")}
        hint="Ngày đơn vị đăng ký xây dựng đơn vị đạt chuẩn văn hóa; bấm “Đăng ký” ở dòng của đơn vị trong bảng bên dưới." />
    </form>
  );
}

/** One agency's "Đăng ký" button, submitting the registration panel's form. */
export function RegisterAgencyButton({ agencyId, name }: { agencyId: string; name: string }) {
  return (
    <button type="submit" form={REGISTRATION_FORM_ID} name="agencyId" value={agencyId}
      aria-label={`Đăng ký ${name}`}
      className="inline-flex min-h-11 items-center rounded-md border border-brand-700 bg-white px-3 text-sm font-semibold text-brand-800 hover:bg-brand-50">
      Đăng ký
    </button>
  );
}

/** The detail page's registration: the date and one button, for this agency only. */
export function RegisterOneForm({ action, agencyId, defaultDate, minDate, maxDate }: {
  action: FormActionFn;
  agencyId: string;
  defaultDate: string;
  minDate: string;
  maxDate: string;
}) {
  const { formAction, pending, err, errors, value, formKey } = useFormAction(action, { registeredOn: defaultDate });
  return (
    <form key={formKey} action={formAction} className="space-y-3" noValidate>
      <FormErrorBanner error={err} />
      <input type="hidden" name="agencyId" value={agencyId} />
      <TextField name="registeredOn" label="Ngày đăng ký" type="date" required min={minDate} max={maxDate}
        defaultValue={value("registeredOn")} errors={errors("registeredOn") ?? errors("agencyId")} />
      <SubmitButton pending={pending} label="Đăng ký năm này" />
    </form>
  );
}
