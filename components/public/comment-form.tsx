"use client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, useFormAction } from "@/components/ui/form";
import { AUTHOR_MAX, COMMENT_MAX, CONTACT_MAX } from "@/lib/public-notice/rules";
import type { Option } from "@/lib/options";

export type CommentFormValues = { hamletId: string; authorName: string; contact: string; content: string };

const EMPTY: CommentFormValues = { hamletId: "", authorName: "", contact: "", content: "" };

/**
 * A resident's comment on the public notice. Rendered on the server, so it posts as a plain form without
 * JavaScript too; after a refusal the typed values come back, after a success the fields are cleared.
 */
export function CommentForm({ action, hamlets }: { action: FormActionFn; hamlets: Option[] }) {
  const { state, formAction, pending, err, value: v, errors: fe, formKey } = useFormAction(action, EMPTY);
  const saved = state?.ok === true ? state.message : undefined;
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate>
      {saved && <Alert tone="success">{saved}</Alert>}
      <FormErrorBanner error={err} />
      <SelectField name="hamletId" label="Ý kiến về" options={hamlets} placeholder="Ý kiến chung (không về riêng xóm nào)"
        defaultValue={v("hamletId")} errors={fe("hamletId")} />
      <TextAreaField name="content" label="Nội dung ý kiến" required rows={6} maxLength={COMMENT_MAX} defaultValue={v("content")} errors={fe("content")}
        hint={`Tối đa ${COMMENT_MAX.toLocaleString("vi-VN")} ký tự, chỉ gõ văn bản thường.`} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="authorName" label="Họ và tên (không bắt buộc)" maxLength={AUTHOR_MAX} autoComplete="name"
          defaultValue={v("authorName")} errors={fe("authorName")} />
        <TextField name="contact" label="Số điện thoại hoặc email (không bắt buộc)" maxLength={CONTACT_MAX} autoComplete="off"
          defaultValue={v("contact")} errors={fe("contact")} hint="Để Ủy ban nhân dân xã liên hệ trả lời khi cần." />
      </div>
      <p className="text-sm text-slate-600">Họ tên và thông tin liên hệ chỉ cán bộ Ủy ban nhân dân xã xem được; không hiển thị trên trang này.</p>
      <Button type="submit" disabled={pending}>{pending ? "Đang gửi…" : "Gửi ý kiến"}</Button>
    </form>
  );
}
