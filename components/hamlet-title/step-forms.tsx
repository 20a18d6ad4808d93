"use client";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import type { FormActionFn } from "@/components/ui/form";
import { StepForm } from "@/components/ui/step-form";
import type { Option } from "@/lib/options";

// The small forms of the "Xóm văn hóa" steps: registration, notice, reopen, a comment's resolution and the Tờ trình.
// Each shows the server's refusal above its fields (typed values kept) and its confirmation after a success; legal
// steps ask before they go.

/** "Đăng ký" with the date (today by default); `idPrefix` keeps several forms on one page apart. */
export function RegisterForm({ action, defaultDay, min, max, idPrefix = "reg" }: {
  action: FormActionFn; defaultDay: string; min: string; max: string; idPrefix?: string;
}) {
  return (
    <StepForm action={action} submitLabel="Đăng ký" initial={{ registeredOn: defaultDay }} className="max-w-xs">
      {({ value, errors }) => (
        <TextField id={`${idPrefix}-registeredOn`} name="registeredOn" label="Ngày đăng ký" type="date" required min={min} max={max}
          defaultValue={value("registeredOn")} errors={errors("registeredOn")} />
      )}
    </StepForm>
  );
}

export function UnregisterForm({ action, year }: { action: FormActionFn; year: number }) {
  return (
    <StepForm action={action} submitLabel="Hủy đăng ký" variant="secondary"
      confirmText={`Hủy đăng ký xây dựng danh hiệu \u201cXóm văn hóa\u201d năm ${year} của xóm?`} />
  );
}

export function CouncilNoticeForm({ action, today, channel, version }: { action: FormActionFn; today: string; channel: string; version: number }) {
  return (
    <StepForm action={action} submitLabel="Công khai kết quả" initial={{ postedOn: today, channel }} version={version}
      confirmText="Công khai kết quả bình xét của Hội đồng? Sau khi công khai, muốn sửa biểu quyết phải mở lại cuộc họp.">
      {({ value, errors }) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField name="postedOn" label="Ngày bắt đầu công khai" type="date" required max={today} defaultValue={value("postedOn")} errors={errors("postedOn")} />
          <TextField name="channel" label="Hình thức công khai" required defaultValue={value("channel")} errors={errors("channel")} />
        </div>
      )}
    </StepForm>
  );
}

export function ReopenCouncilForm({ action, version }: { action: FormActionFn; version: number }) {
  return (
    <StepForm action={action} submitLabel="Mở lại cuộc họp" variant="secondary" version={version}
      confirmText="Mở lại cuộc họp Hội đồng sẽ hủy ngày công khai hiện tại; sửa xong phải công khai lại đủ thời hạn. Tiếp tục?" />
  );
}

const OUTCOMES: Option[] = [
  { value: "REJECTED", label: "Không chấp nhận (giữ kết quả của Hội đồng)" },
  { value: "UPHELD", label: "Chấp nhận (xóm được phản ánh chuyển sang không đạt)" },
];

/** One per pending comment on a page: `idPrefix` keeps each form's field ids (and so its labels) apart. */
export function ResolveCommentForm({ action, idPrefix }: { action: FormActionFn; idPrefix: string }) {
  return (
    <StepForm action={action} submitLabel="Ghi kết quả xử lý">
      {({ value, errors }) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField id={`${idPrefix}-outcome`} name="outcome" label="Kết quả xử lý" required options={OUTCOMES} placeholder="— Chọn —"
            defaultValue={value("outcome")} errors={errors("outcome")} />
          <TextAreaField id={`${idPrefix}-resolution`} name="resolution" label="Nội dung xử lý, trả lời" required rows={2}
            defaultValue={value("resolution")} errors={errors("resolution")} />
        </div>
      )}
    </StepForm>
  );
}

export function ProposalForm({ action, version, initial, minDay, today }: {
  action: FormActionFn; version: number; initial: { proposalNumber: string; proposalSymbol: string; proposalDate: string }; minDay: string; today: string;
}) {
  return (
    <StepForm action={action} submitLabel="Lập tờ trình" version={version} initial={initial}
      confirmText="Lập tờ trình đề nghị công nhận các xóm đạt? Sau bước này danh sách không sửa được nữa.">
      {({ value, errors }) => (
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField name="proposalNumber" label="Số tờ trình" required inputMode="numeric" pattern="[0-9]*" defaultValue={value("proposalNumber")} errors={errors("proposalNumber")} />
          <TextField name="proposalSymbol" label="Ký hiệu" defaultValue={value("proposalSymbol")} errors={errors("proposalSymbol")} hint="Ví dụ TTr-UBND" />
          <TextField name="proposalDate" label="Ngày tờ trình" type="date" required min={minDay} max={today} defaultValue={value("proposalDate")} errors={errors("proposalDate")} />
        </div>
      )}
    </StepForm>
  );
}

/** The one-tap registration of a table row: dated `day` (the entry page lets the date be changed). */
export function RegisterButton({ action, day, hamletName }: { action: FormActionFn; day: string; hamletName: string }) {
  return (
    <StepForm action={action} submitLabel="Đăng ký" variant="secondary" className="space-y-1"
      confirmText={`Đăng ký xây dựng danh hiệu \u201cXóm văn hóa\u201d cho xóm ${hamletName}, ngày đăng ký hôm nay?`}>
      {() => <input type="hidden" name="registeredOn" value={day} />}
    </StepForm>
  );
}
