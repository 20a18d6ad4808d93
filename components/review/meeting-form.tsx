"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, FormFooter, useFormAction, VersionField } from "@/components/ui/form";
import { formatDay, parseIsoDate } from "@/lib/dates";
import { optionsOf } from "@/lib/options";
import { BALLOT_METHOD_LABEL } from "@/lib/review/labels";
import { quorum, type VoteRule } from "@/lib/review/rules";

export type MeetingFormValues = {
  meetingDate: string;
  meetingPlace: string;
  chairName: string;
  secretaryName: string;
  invitedCount: string;
  presentCount: string;
  ballotMethod: string;
  version?: number;
};

/** The fields the live hints follow. */
const liveOf = (src: Record<string, string | number | undefined>) => ({
  meetingDate: String(src.meetingDate ?? ""), invitedCount: String(src.invitedCount ?? ""), presentCount: String(src.presentCount ?? ""),
});

/** The meeting header, with the quorum worked out while typing and a warning for a date after the deadline. */
export function MeetingForm({ action, initial, rule, totalHouseholds, meetingDeadline, year, assessed, cancelHref }: {
  action: FormActionFn<{ id: string }>;
  initial: MeetingFormValues;
  rule: VoteRule;
  totalHouseholds: number;
  /** "YYYY-MM-DD" */
  meetingDeadline: string;
  year: number;
  assessed: number;
  cancelHref: string;
}) {
  const [live, setLive] = useState(() => liveOf(initial));
  const { formAction, pending, err, value: v, errors: fe, formKey } = useFormAction(action, initial, (values) => setLive(liveOf(values)));
  const date = parseIsoDate(live.meetingDate);
  const deadline = parseIsoDate(meetingDeadline)!;
  const invited = /^\d+$/.test(live.invitedCount) ? Number(live.invitedCount) : null;
  const present = /^\d+$/.test(live.presentCount) ? Number(live.presentCount) : null;
  const preview = invited !== null && present !== null && present <= invited ? quorum(rule, { invited, present, totalHouseholds }) : null;

  return (
    <form key={formKey} action={formAction} className="space-y-5" noValidate
      onChange={(e) => {
        const t = e.target as unknown as HTMLInputElement;
        if (t.name in live) setLive((s) => ({ ...s, [t.name]: t.value }));
      }}>
      <FormErrorBanner error={err} />
      <VersionField version={initial.version} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="meetingDate" label="Ngày họp" type="date" required defaultValue={v("meetingDate")} errors={fe("meetingDate")}
          min={`${year}-01-01`} max={`${year}-12-31`} hint={`Hạn họp bình xét: ${formatDay(deadline)}`} />
        <TextField name="meetingPlace" label="Địa điểm" required defaultValue={v("meetingPlace")} errors={fe("meetingPlace")} />
        <TextField name="chairName" label="Người chủ trì" required defaultValue={v("chairName")} errors={fe("chairName")} autoComplete="off" />
        <TextField name="secretaryName" label="Thư ký" required defaultValue={v("secretaryName")} errors={fe("secretaryName")} autoComplete="off" />
        <TextField name="invitedCount" label="Số người được mời" required inputMode="numeric" pattern="[0-9]*" defaultValue={v("invitedCount")} errors={fe("invitedCount")} />
        <TextField name="presentCount" label="Số người có mặt" required inputMode="numeric" pattern="[0-9]*" defaultValue={v("presentCount")} errors={fe("presentCount")} />
        <SelectField name="ballotMethod" label="Hình thức biểu quyết" options={optionsOf(BALLOT_METHOD_LABEL)} defaultValue={v("ballotMethod")} errors={fe("ballotMethod")} />
      </div>
      {date && date > deadline && (
        <Alert tone="warning">Ngày họp sau hạn họp bình xét ({formatDay(deadline)}). Vẫn lưu được, nhưng hồ sơ sẽ bị ghi nhận là chậm.</Alert>
      )}
      {preview && <Alert tone={preview.isQuorate ? "info" : "warning"}>{preview.note}</Alert>}
      <p className="text-sm text-slate-600">
        Số hộ đang cư trú của xóm: <strong>{totalHouseholds}</strong>.
        {assessed > 0 && ` Đã có kết quả của ${assessed} hộ: khi lưu, kết quả của các hộ được tính lại theo số liệu mới.`}
      </p>
      <FormFooter pending={pending} submitLabel="Lưu biên bản họp" cancelHref={cancelHref} />
    </form>
  );
}
