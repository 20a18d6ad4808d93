"use client";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import type { FormActionFn } from "@/components/ui/form";
import { StepForm } from "@/components/ui/step-form";
import type { Option } from "@/lib/options";

// The small forms of the review's steps. Each shows the server's refusal above its fields (with the typed values
// kept) and its confirmation after a success; legal steps ask before they go.

export function BulkAssessForm({ action, remaining, present, consensus }: { action: FormActionFn; remaining: number; present: number; consensus: boolean }) {
  return (
    <StepForm action={action} submitLabel={`Ghi kết quả cho ${remaining} hộ còn lại`} variant="secondary"
      confirmText={`Ghi kết quả cho ${remaining} hộ chưa bình xét: đạt mọi tiêu chí, không xét các hộ có vi phạm trong hồ sơ${consensus ? "" : ", cùng một số phiếu"}. Tiếp tục?`}>
      {({ value, errors }) => (
        <>
          <p className="text-sm text-slate-600">
            Dùng khi cuộc họp thông qua chung danh sách các hộ còn lại. Mỗi hộ được ghi đạt mọi tiêu chí; hộ có vi phạm trong hồ sơ tự động
            “Không xét”. Kết quả từng hộ vẫn do hệ thống tính theo quy định.
          </p>
          {!consensus && (
            <div className="grid grid-cols-2 gap-3">
              <TextField name="votesFor" label={`Số tán thành (có mặt: ${present})`} inputMode="numeric" pattern="[0-9]*" defaultValue={value("votesFor")} errors={errors("votesFor")} />
              <TextField name="votesAgainst" label="Số không tán thành" inputMode="numeric" pattern="[0-9]*" defaultValue={value("votesAgainst")} errors={errors("votesAgainst")} />
            </div>
          )}
        </>
      )}
    </StepForm>
  );
}

export function NoticeForm({ action, today, channel }: { action: FormActionFn; today: string; channel: string }) {
  return (
    <StepForm action={action} submitLabel="Ghi nhận niêm yết" initial={{ postedOn: today, channel }}>
      {({ value, errors }) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField name="postedOn" label="Ngày niêm yết" type="date" required max={today} defaultValue={value("postedOn")} errors={errors("postedOn")} />
          <TextField name="channel" label="Nơi / hình thức niêm yết" required defaultValue={value("channel")} errors={errors("channel")} />
        </div>
      )}
    </StepForm>
  );
}

export function ReopenForm({ action }: { action: FormActionFn }) {
  return (
    <StepForm action={action} submitLabel="Mở lại biên bản" variant="secondary"
      confirmText="Mở lại biên bản sẽ hủy ngày niêm yết hiện tại; sửa xong phải niêm yết lại đủ thời hạn. Tiếp tục?">
      {({ value, errors }) => (
        <TextField name="reason" label="Lý do mở lại (không bắt buộc)" defaultValue={value("reason")} errors={errors("reason")} />
      )}
    </StepForm>
  );
}

export function ObjectionForm({ action, households, window }: { action: FormActionFn; households: Option[]; window: { from: string; to: string } }) {
  return (
    <StepForm action={action} submitLabel="Ghi ý kiến phản ánh">
      {({ value, errors }) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField name="householdId" label="Hộ được phản ánh" required options={households} placeholder="— Chọn hộ —" defaultValue={value("householdId")} errors={errors("householdId")} />
          <TextField name="raisedBy" label="Người phản ánh" required defaultValue={value("raisedBy")} errors={errors("raisedBy")} />
          <TextField name="receivedOn" label="Ngày nhận" type="date" required min={window.from} max={window.to} defaultValue={value("receivedOn")} errors={errors("receivedOn")} />
          <div className="sm:col-span-2">
            <TextAreaField name="content" label="Nội dung phản ánh" required rows={3} defaultValue={value("content")} errors={errors("content")} />
          </div>
        </div>
      )}
    </StepForm>
  );
}

const OUTCOMES: Option[] = [
  { value: "REJECTED", label: "Không chấp nhận (giữ kết quả bình xét)" },
  { value: "UPHELD", label: "Chấp nhận (hộ chuyển sang không đạt)" },
];

/** One per pending objection on a page: `idPrefix` keeps each form's field ids (and so its labels) apart. */
export function ResolveObjectionForm({ action, today, idPrefix }: { action: FormActionFn; today: string; idPrefix: string }) {
  return (
    <StepForm action={action} submitLabel="Ghi kết quả giải quyết" initial={{ resolvedOn: today }}>
      {({ value, errors }) => (
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField id={`${idPrefix}-outcome`} name="outcome" label="Kết quả" required options={OUTCOMES} placeholder="— Chọn —" defaultValue={value("outcome")} errors={errors("outcome")} />
          <TextField id={`${idPrefix}-resolution`} name="resolution" label="Nội dung giải quyết" required defaultValue={value("resolution")} errors={errors("resolution")} />
          <TextField id={`${idPrefix}-resolvedOn`} name="resolvedOn" label="Ngày giải quyết" type="date" required max={today} defaultValue={value("resolvedOn")} errors={errors("resolvedOn")} />
        </div>
      )}
    </StepForm>
  );
}

export function SubmitDossierForm({ action }: { action: FormActionFn }) {
  return <StepForm action={action} submitLabel="Nộp hồ sơ lên xã" confirmText="Nộp hồ sơ bình xét của xóm lên xã? Sau khi nộp, xóm không sửa được nữa trừ khi xã trả lại." />;
}

export function AcceptForm({ action }: { action: FormActionFn }) {
  return <StepForm action={action} submitLabel="Tiếp nhận hồ sơ" confirmText="Tiếp nhận hồ sơ này? Danh sách đạt sẽ được đưa vào dự thảo quyết định." />;
}

export function ReturnForm({ action, households }: { action: FormActionFn; households: Option[] }) {
  return (
    <StepForm action={action} submitLabel="Trả lại hồ sơ" variant="danger" confirmText="Trả lại hồ sơ cho xóm sửa?">
      {({ value, errors }) => (
        <div className="grid gap-3">
          <TextAreaField name="reason" label="Lý do trả lại" required rows={3} defaultValue={value("reason")} errors={errors("reason")} hint="Nói rõ xóm cần sửa gì (ít nhất 5 ký tự)." />
          <SelectField name="householdId" label="Về hộ (nếu chỉ liên quan một hộ)" options={households} placeholder="— Cả xóm —" defaultValue={value("householdId")} errors={errors("householdId")} />
        </div>
      )}
    </StepForm>
  );
}
