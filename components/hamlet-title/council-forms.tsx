"use client";
import { useState } from "react";
import { HamletResultBadge } from "@/components/hamlet-title/badges";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, FormFooter, useFormAction, VersionField } from "@/components/ui/form";
import { OP_SIGN } from "@/lib/review/rules";
import { attendanceErrors, councilResult, councilVoteErrors, type CouncilRule } from "@/lib/titles/rules";

// The commune emulation council's meeting (Mẫu 06 header) and its votes on the reported hamlets. The votes form posts
// every hamlet at once; the result each vote gives is shown while typing and computed again by the server.

export type CouncilFormValues = {
  meetingDate: string;
  meetingPlace: string;
  chairName: string;
  secretaryName: string;
  membersTotal: string;
  membersPresent: string;
};

export function CouncilMeetingForm({ action, initial, version, year, voted, cancelHref }: {
  action: FormActionFn<{ id: string }>;
  initial: CouncilFormValues;
  version?: number;
  year: number;
  voted: number;
  cancelHref: string;
}) {
  const [live, setLive] = useState({ membersTotal: initial.membersTotal, membersPresent: initial.membersPresent });
  const { formAction, pending, err, value: v, errors: fe, formKey } = useFormAction(action, initial,
    (values) => setLive({ membersTotal: values.membersTotal ?? "", membersPresent: values.membersPresent ?? "" }));
  const total = /^\d+$/.test(live.membersTotal) ? Number(live.membersTotal) : null;
  const present = /^\d+$/.test(live.membersPresent) ? Number(live.membersPresent) : null;
  const attendance = total !== null && present !== null ? Object.values(attendanceErrors({ membersTotal: total, membersPresent: present }))[0]?.[0] : undefined;

  return (
    <form key={formKey} action={formAction} className="space-y-5" noValidate
      onChange={(e) => {
        const t = e.target as unknown as HTMLInputElement;
        if (t.name === "membersTotal" || t.name === "membersPresent") setLive((s) => ({ ...s, [t.name]: t.value }));
      }}>
      <FormErrorBanner error={err} />
      <VersionField version={version} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="meetingDate" label="Ngày họp" type="date" required min={`${year}-01-01`} max={`${year + 1}-03-31`} defaultValue={v("meetingDate")} errors={fe("meetingDate")} />
        <TextField name="meetingPlace" label="Địa điểm họp" required defaultValue={v("meetingPlace")} errors={fe("meetingPlace")} />
        <TextField name="chairName" label="Chủ tịch Hội đồng (chủ trì)" required autoComplete="off" defaultValue={v("chairName")} errors={fe("chairName")} />
        <TextField name="secretaryName" label="Thư ký" required autoComplete="off" defaultValue={v("secretaryName")} errors={fe("secretaryName")} />
        <TextField name="membersTotal" label="Tổng số thành viên Hội đồng" required inputMode="numeric" pattern="[0-9]*" defaultValue={v("membersTotal")} errors={fe("membersTotal")} />
        <TextField name="membersPresent" label="Số thành viên dự họp" required inputMode="numeric" pattern="[0-9]*" defaultValue={v("membersPresent")} errors={fe("membersPresent")} />
      </div>
      {attendance && !fe("membersPresent") && <Alert tone="warning">{attendance}</Alert>}
      {voted > 0 && (
        <p className="text-sm text-slate-700">Đã có kết quả biểu quyết của {voted} xóm: khi lưu, kết quả được tính lại theo số thành viên dự họp mới.</p>
      )}
      <FormFooter pending={pending} submitLabel="Lưu biên bản họp Hội đồng" cancelHref={cancelHref} />
    </form>
  );
}

export type VoteRow = {
  hamletId: string;
  hamletName: string;
  /** "85,5 %" or "—". */
  recognisedRate: string;
  unmetCodes: string[];
  votesFor: number | null;
  votesAgainst: number | null;
};

const count = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s.trim()) ? Number(s.trim()) : null);

export function VotesForm({ action, version, rows, rule, membersTotal, membersPresent, cancelHref }: {
  action: FormActionFn<{ voted: number; achieved: number }>;
  version: number;
  rows: VoteRow[];
  rule: CouncilRule;
  membersTotal: number;
  membersPresent: number;
  cancelHref: string;
}) {
  const initial = Object.fromEntries(rows.flatMap((r) => [
    [`votes.${r.hamletId}.votesFor`, r.votesFor === null ? "" : String(r.votesFor)],
    [`votes.${r.hamletId}.votesAgainst`, r.votesAgainst === null ? "" : String(r.votesAgainst)],
  ]));
  const [live, setLive] = useState<Record<string, string>>(initial);
  const { formAction, pending, err, value, errors, formKey } = useFormAction<{ voted: number; achieved: number }, Record<string, string>>(
    action, initial, (values) => setLive(values));
  const base = rule.councilApprovalBase === "PRESENT" ? `${membersPresent} thành viên dự họp` : `${membersTotal} thành viên Hội đồng`;

  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate
      onChange={(e) => {
        const t = e.target as unknown as HTMLInputElement;
        if (t.name.startsWith("votes.")) setLive((s) => ({ ...s, [t.name]: t.value }));
      }}>
      <FormErrorBanner error={err} />
      <VersionField version={version} />
      <p className="text-sm text-slate-700">
        Xóm đạt khi đạt mọi tiêu chí và số phiếu tán thành {OP_SIGN[rule.councilApprovalOp]} {rule.councilApprovalPct} % trên {base}.
        Để trống cả hai ô nếu Hội đồng chưa biểu quyết xóm đó.
      </p>
      <ul className="space-y-3">
        {rows.map((r) => {
          const forName = `votes.${r.hamletId}.votesFor`;
          const againstName = `votes.${r.hamletId}.votesAgainst`;
          const votesFor = count(live[forName]);
          const votesAgainst = count(live[againstName]);
          const fits = votesFor !== null && Object.keys(councilVoteErrors(membersPresent, votesFor, votesAgainst)).length === 0;
          const preview = fits ? councilResult(rule, { membersTotal, membersPresent }, { unmetCodes: r.unmetCodes, votesFor }) : null;
          return (
            <li key={r.hamletId} className="rounded-md border border-slate-200 bg-white p-3" data-hamlet={r.hamletName}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-semibold">Xóm {r.hamletName}</p>
                {preview ? <HamletResultBadge result={preview.result} /> : <HamletResultBadge result={null} />}
              </div>
              <p className="mt-1 text-sm text-slate-700">
                Tỷ lệ hộ “Gia đình văn hóa”: {r.recognisedRate} · {r.unmetCodes.length === 0 ? "Đạt tất cả tiêu chí" : `Chưa đạt tiêu chí ${r.unmetCodes.join(", ")}`}
              </p>
              {preview?.reason && <p className="mt-1 text-sm text-red-800">{preview.reason}</p>}
              <div className="mt-2 grid grid-cols-2 gap-3 sm:max-w-md">
                <TextField name={forName} label="Số phiếu tán thành" inputMode="numeric" pattern="[0-9]*" defaultValue={value(forName)} errors={errors(forName)} />
                <TextField name={againstName} label="Số phiếu không tán thành" inputMode="numeric" pattern="[0-9]*" defaultValue={value(againstName)} errors={errors(againstName)} />
              </div>
            </li>
          );
        })}
      </ul>
      <FormFooter pending={pending} submitLabel="Lưu kết quả biểu quyết" cancelHref={cancelHref} />
    </form>
  );
}
