"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, FormFooter, useFormAction, VersionField } from "@/components/ui/form";
import { defaultDeadlines } from "@/lib/campaign/defaults";
import { CAMPAIGN_MSG, MAX_PLAN_REFS, TITLE_SUBJECT_LABEL } from "@/lib/campaign/schema";
import { toIsoDate } from "@/lib/dates";
import type { TitleSubject } from "@/lib/generated/prisma/enums";
import type { Option } from "@/lib/options";

type PlanRef = { issuer: string; number: string; date: string; title: string };
type PlanRefDraft = PlanRef & { key: number };

export type YearFormValues = {
  year: string;
  targetHouseholdsPct: string;
  targetHamletsPct: string;
  targetAgenciesPct: string;
  planNumber: string;
  planDate: string;
  planIssuer: string;
  planTitle: string;
  meetingDeadline: string;
  reviewDeadline: string;
  noticeDays: string;
  decisionDays: string;
  ruleSetId: string;
  criteriaSetId: string;
  hamletCriteriaSetId: string;
  agencyCriteriaSetId: string;
  enterpriseCriteriaSetId: string;
  honourYears: string;
  honourQuotaPct: string;
  version?: number;
  planRefs: PlanRef[];
};

const FULL_YEAR = /^\d{4}$/;

function deadlineStrings(year: string) {
  const d = defaultDeadlines(Number(year));
  return { meetingDeadline: toIsoDate(d.meetingDeadline), reviewDeadline: toIsoDate(d.reviewDeadline) };
}

/** Plan rows as they were typed, from the echoed form values after a refused save. */
function planRefsFromValues(values: Record<string, string>): PlanRefDraft[] {
  const rows: PlanRefDraft[] = [];
  for (let i = 0; values[`planRefs.${i}.issuer`] !== undefined || values[`planRefs.${i}.number`] !== undefined; i++) {
    rows.push({
      key: i, issuer: values[`planRefs.${i}.issuer`] ?? "", number: values[`planRefs.${i}.number`] ?? "",
      date: values[`planRefs.${i}.date`] ?? "", title: values[`planRefs.${i}.title`] ?? "",
    });
  }
  return rows;
}

/** The criteria field of each title, in the order the form shows them. */
const CRITERIA_FIELDS = [
  { subject: "HOUSEHOLD", name: "criteriaSetId", lockedHint: CAMPAIGN_MSG.setsInUse },
  { subject: "HAMLET", name: "hamletCriteriaSetId", lockedHint: CAMPAIGN_MSG.hamletSetInUse },
  { subject: "AGENCY", name: "agencyCriteriaSetId", lockedHint: CAMPAIGN_MSG.agencySetInUse },
  { subject: "ENTERPRISE", name: "enterpriseCriteriaSetId", lockedHint: CAMPAIGN_MSG.enterpriseSetInUse },
] as const satisfies readonly { subject: TitleSubject; name: keyof YearFormValues; lockedHint: string }[];

export function YearForm({ action, initial, ruleSets, criteriaSets, setsLocked, locked, yearLocked, cancelHref, submitLabel }: {
  action: FormActionFn<{ id: string; year: number }>;
  initial: YearFormValues;
  ruleSets: Option[];
  /** Published criteria sets of each title, newest first. */
  criteriaSets: Record<TitleSubject, Option[]>;
  /** A hamlet has already met for this year: the rule set and the household criteria it used stay. */
  setsLocked: boolean;
  /** Which other titles' sets are pinned (a hamlet report, an agency's or a business's result exists). */
  locked: Record<Exclude<TitleSubject, "HOUSEHOLD">, boolean>;
  /** Registrations, reviews or decisions hang on the year's number. */
  yearLocked: boolean;
  cancelHref: string;
  submitLabel: string;
}) {
  const [planRefs, setPlanRefs] = useState<PlanRefDraft[]>(() => initial.planRefs.map((r, i) => ({ key: i, ...r })));
  const [nextKey, setNextKey] = useState(initial.planRefs.length + 1000);
  // The deadlines follow the year while they still hold the defaults of the year shown before.
  const [year, setYear] = useState(initial.year);
  const [shownYear, setShownYear] = useState(initial.year);
  const [meetingDeadline, setMeetingDeadline] = useState(initial.meetingDeadline);
  const [reviewDeadline, setReviewDeadline] = useState(initial.reviewDeadline);
  const { formAction, pending, err, value: v, errors: fe, formKey } = useFormAction(action, initial, (values) => {
    setPlanRefs(planRefsFromValues(values));
    setYear(values.year ?? "");
    setMeetingDeadline(values.meetingDeadline ?? "");
    setReviewDeadline(values.reviewDeadline ?? "");
    if (FULL_YEAR.test(values.year ?? "")) setShownYear(values.year!);
  });

  function changeYear(next: string) {
    setYear(next);
    if (!FULL_YEAR.test(next) || !FULL_YEAR.test(shownYear)) return;
    const before = deadlineStrings(shownYear);
    const after = deadlineStrings(next);
    if (meetingDeadline === before.meetingDeadline) setMeetingDeadline(after.meetingDeadline);
    if (reviewDeadline === before.reviewDeadline) setReviewDeadline(after.reviewDeadline);
    setShownYear(next);
  }

  const updateRef = (key: number, field: keyof PlanRef, value: string) =>
    setPlanRefs((rows) => rows.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
  // No placeholder: a new commune gets version 1 of each set, created when the year is saved.
  const autoSet = (options: Option[], what: string) => (options.length === 0 ? `— Phiên bản 1 ${what} mặc định (tạo tự động khi lưu) —` : undefined);

  return (
    <form key={formKey} action={formAction} className="space-y-6" noValidate>
      <FormErrorBanner error={err} />
      <VersionField version={initial.version} />

      <fieldset className="grid gap-4 sm:grid-cols-4">
        <legend className="mb-2 text-base font-semibold text-slate-900">Năm và chỉ tiêu</legend>
        <TextField name="year" label="Năm thi đua" required inputMode="numeric" value={year} readOnly={yearLocked}
          onChange={(e) => changeYear(e.target.value)} errors={fe("year")}
          hint={yearLocked ? "Năm đã có dữ liệu đăng ký, bình xét hoặc quyết định nên không đổi được số năm." : "Từ 2000 đến 2100."} />
        <TextField name="targetHouseholdsPct" label="Chỉ tiêu hộ gia đình văn hóa (%)" required inputMode="numeric" defaultValue={v("targetHouseholdsPct")} errors={fe("targetHouseholdsPct")} />
        <TextField name="targetHamletsPct" label="Chỉ tiêu xóm văn hóa (%)" required inputMode="numeric" defaultValue={v("targetHamletsPct")} errors={fe("targetHamletsPct")} />
        <TextField name="targetAgenciesPct" label="Chỉ tiêu cơ quan, đơn vị đạt chuẩn (%)" required inputMode="numeric" defaultValue={v("targetAgenciesPct")} errors={fe("targetAgenciesPct")} />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-base font-semibold text-slate-900">Kế hoạch của xã</legend>
        <TextField name="planNumber" label="Số kế hoạch" defaultValue={v("planNumber")} errors={fe("planNumber")} hint="Ví dụ: 25/KH-UBND" />
        <TextField name="planDate" label="Ngày ban hành" type="date" defaultValue={v("planDate")} errors={fe("planDate")} />
        <TextField name="planIssuer" label="Cơ quan ban hành" defaultValue={v("planIssuer")} errors={fe("planIssuer")} hint="Ví dụ: UBND xã Kim Phượng" />
        <div className="sm:col-span-3">
          <TextField name="planTitle" label="Trích yếu" defaultValue={v("planTitle")} errors={fe("planTitle")}
            hint="Ví dụ: Thực hiện phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” năm 2024" />
        </div>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="mb-1 text-base font-semibold text-slate-900">Kế hoạch cấp trên được căn cứ</legend>
        <p className="text-sm text-slate-600">Các kế hoạch của Trung ương, tỉnh, huyện mà kế hoạch của xã dẫn chiếu, theo thứ tự từ trên xuống.</p>
        {fe("planRefs") && <p className="text-sm text-red-700">{fe("planRefs")?.[0]}</p>}
        {planRefs.length === 0 && <p className="text-sm italic text-slate-500">Chưa có kế hoạch cấp trên nào.</p>}
        <ol className="space-y-3">
          {planRefs.map((r, index) => (
            <li key={r.key} className="rounded-md border border-slate-200 bg-slate-50 p-3" aria-label={`Kế hoạch cấp trên ${index + 1}`}>
              <div className="mb-2 flex items-center justify-between">
                <span className="text-sm font-semibold text-slate-700">Kế hoạch cấp trên {index + 1}</span>
                <button type="button" className="min-h-11 px-2 text-sm font-medium text-red-700 underline"
                  onClick={() => setPlanRefs((rows) => rows.filter((x) => x.key !== r.key))}>
                  Bỏ kế hoạch {index + 1}
                </button>
              </div>
              <div className="grid gap-3 sm:grid-cols-3">
                <TextField name={`planRefs.${index}.issuer`} label="Cơ quan ban hành" required value={r.issuer} errors={fe(`planRefs.${index}.issuer`)}
                  onChange={(e) => updateRef(r.key, "issuer", e.target.value)} />
                <TextField name={`planRefs.${index}.number`} label="Số kế hoạch" required value={r.number} errors={fe(`planRefs.${index}.number`)}
                  onChange={(e) => updateRef(r.key, "number", e.target.value)} />
                <TextField name={`planRefs.${index}.date`} label="Ngày ban hành" type="date" value={r.date} errors={fe(`planRefs.${index}.date`)}
                  onChange={(e) => updateRef(r.key, "date", e.target.value)} />
                <div className="sm:col-span-3">
                  <TextField name={`planRefs.${index}.title`} label="Trích yếu" value={r.title} errors={fe(`planRefs.${index}.title`)}
                    onChange={(e) => updateRef(r.key, "title", e.target.value)} />
                </div>
              </div>
            </li>
          ))}
        </ol>
        {planRefs.length < MAX_PLAN_REFS && (
          <Button type="button" variant="secondary" onClick={() => { setPlanRefs((rows) => [...rows, { key: nextKey, issuer: "", number: "", date: "", title: "" }]); setNextKey((k) => k + 1); }}>
            + Thêm kế hoạch cấp trên
          </Button>
        )}
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-4">
        <legend className="mb-2 text-base font-semibold text-slate-900">Thời hạn</legend>
        <TextField name="meetingDeadline" label="Hạn họp bình xét ở xóm" type="date" required value={meetingDeadline}
          onChange={(e) => setMeetingDeadline(e.target.value)} errors={fe("meetingDeadline")} hint="Mặc định 15/11 của năm." />
        <TextField name="reviewDeadline" label="Hạn hoàn thành bình xét" type="date" required value={reviewDeadline}
          onChange={(e) => setReviewDeadline(e.target.value)} errors={fe("reviewDeadline")} hint="Mặc định 25/11 của năm." />
        <TextField name="noticeDays" label="Số ngày niêm yết công khai" required inputMode="numeric" defaultValue={v("noticeDays")} errors={fe("noticeDays")} hint="Từ 1 đến 60 ngày." />
        <TextField name="decisionDays" label="Số ngày ra quyết định" required inputMode="numeric" defaultValue={v("decisionDays")} errors={fe("decisionDays")}
          hint="Kể từ khi nhận đủ hồ sơ; từ 1 đến 60 ngày." />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">Quy tắc và tiêu chí áp dụng</legend>
        <SelectField name="ruleSetId" label="Bộ quy tắc bình xét" required options={ruleSets} placeholder={autoSet(ruleSets, "bộ quy tắc")}
          defaultValue={v("ruleSetId")} disabled={setsLocked} errors={fe("ruleSetId")} hint={setsLocked ? CAMPAIGN_MSG.setsInUse : undefined} />
        {CRITERIA_FIELDS.map(({ subject, name, lockedHint }) => {
          const isLocked = subject === "HOUSEHOLD" ? setsLocked : locked[subject];
          return (
            <SelectField key={name} name={name} label={`Bộ tiêu chí \u201c${TITLE_SUBJECT_LABEL[subject]}\u201d`} required options={criteriaSets[subject]}
              placeholder={autoSet(criteriaSets[subject], "bộ tiêu chí")} defaultValue={v(name)} disabled={isLocked} errors={fe(name)}
              hint={isLocked ? lockedHint : "Chỉ chọn được bộ tiêu chí đã công bố của danh hiệu này."} />
          );
        })}
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">Gia đình văn hóa tiêu biểu</legend>
        <TextField name="honourYears" label="Số năm liên tục đạt danh hiệu" required inputMode="numeric" defaultValue={v("honourYears")} errors={fe("honourYears")} hint="Từ 2 đến 10 năm." />
        <TextField name="honourQuotaPct" label="Tỷ lệ tối đa so với số hộ đạt danh hiệu (%)" inputMode="numeric" defaultValue={v("honourQuotaPct")} errors={fe("honourQuotaPct")}
          hint="Để trống nếu không giới hạn; từ 1 đến 100." />
      </fieldset>

      <FormFooter pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
