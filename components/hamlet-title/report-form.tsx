"use client";
import { useState } from "react";
import { MetBadge } from "@/components/hamlet-title/badges";
import { CheckboxField, TextAreaField, TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, FormFooter, useFormAction, VersionField } from "@/components/ui/form";
import {
  criterionResults, formatNumber, isEnteredMetric, isRatioCriterion, METRIC_LABEL, thresholdWords, type CriterionAnswer, type HamletFacts,
  type ReportCriterion,
} from "@/lib/titles/rules";

// The achievement report (Mẫu 05) as one column that works on a phone: the hamlet's figures (pre-filled from the
// registers, editable), Phần I, the criteria of Phần II grouped by standard, Phần III. Ratio items show the measured
// percentage and whether it meets the threshold while typing; the server computes them again on save.

export type ReportCriterionView = ReportCriterion & { groupCode: string; groupTitle: string; text: string; isVerified: boolean };

export type OnRecord = {
  totalHouseholds: number;
  recognisedHouseholds: number;
  /** True while the year's household decision is not issued: the count is the hamlet meeting's đạt. */
  recognisedProvisional?: boolean;
  poorHouseholds: number;
  nearPoorHouseholds: number;
  hasCulturalHouse: boolean;
};

const int = (s: string | undefined): number | null => (s !== undefined && /^\d+$/.test(s.trim()) ? Number(s.trim()) : null);
const pct = (s: string | undefined): number | null => {
  const t = s?.trim().replace(",", ".") ?? "";
  return /^\d{1,3}(\.\d{1,2})?$/.test(t) && Number(t) <= 100 ? Number(t) : null;
};

export function ReportForm({ action, criteria, initial, version, onRecord, cancelHref, minDay, today }: {
  action: FormActionFn<{ id: string }>;
  criteria: ReportCriterionView[];
  /** Field name → value as posted ("on" for a ticked box). */
  initial: Record<string, string>;
  version?: number;
  onRecord: OnRecord;
  cancelHref: string;
  minDay: string;
  today: string;
}) {
  const [live, setLive] = useState<Record<string, string>>(initial);
  const { formAction, pending, err, value, errors, formKey } = useFormAction<{ id: string }, Record<string, string>>(action, initial, (values) => setLive(values));
  // An unticked box is absent from the echoed values: after a refusal, trust the echo alone.
  const checked = (name: string) => (err?.values ? err.values[name] === "on" : initial[name] === "on");

  const facts: HamletFacts = {
    totalHouseholds: int(live.totalHouseholds) ?? 0,
    recognisedHouseholds: int(live.recognisedHouseholds) ?? 0,
    poorHouseholds: int(live.poorHouseholds) ?? 0,
    nearPoorHouseholds: int(live.nearPoorHouseholds) ?? 0,
    schoolAgeChildren: int(live.schoolAgeChildren),
    childrenInSchool: int(live.childrenInSchool),
  };
  const answers: Record<string, CriterionAnswer> = Object.fromEntries(
    criteria.map((c) => [c.code, { isMet: live[`criteria.${c.code}.isMet`] === "on", value: pct(live[`criteria.${c.code}.value`]) }]),
  );
  const computed = new Map(criterionResults(criteria, facts, answers).map((r) => [r.code, r]));
  const groups = [...new Map(criteria.map((c) => [c.groupCode, c.groupTitle])).entries()];
  const unmet = [...computed.values()].filter((r) => !r.isMet).length;

  const recordHint = (field: keyof OnRecord, unit = "hộ") => {
    const v = onRecord[field];
    return typeof v === "number" && String(v) !== live[field] ? `Theo dữ liệu của xã: ${formatNumber(v)} ${unit}` : undefined;
  };
  const numberField = (name: string, label: string, hint?: string, required = true) => (
    <TextField name={name} label={label} required={required} inputMode="numeric" pattern="[0-9]*" defaultValue={value(name)} errors={errors(name)} hint={hint} />
  );

  return (
    <form key={formKey} action={formAction} className="space-y-6" noValidate
      onChange={(e) => {
        const t = e.target as unknown as HTMLInputElement;
        if (!t.name) return;
        setLive((s) => ({ ...s, [t.name]: t.type === "checkbox" ? (t.checked ? "on" : "") : t.value }));
      }}>
      <FormErrorBanner error={err} />
      <VersionField version={version} />

      <section className="space-y-4">
        <h2 className="text-lg font-semibold">Số liệu của xóm</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          {numberField("totalHouseholds", "Tổng số hộ đang cư trú", recordHint("totalHouseholds"))}
          {numberField(
            "recognisedHouseholds",
            "Số hộ đạt danh hiệu \u201cGia đình văn hóa\u201d năm nay",
            [onRecord.recognisedProvisional ? "Chưa có quyết định công nhận năm nay: số liệu theo kết quả bình xét của xóm." : undefined, recordHint("recognisedHouseholds")]
              .filter(Boolean).join(" ") || undefined,
          )}
          {numberField("poorHouseholds", "Số hộ nghèo", recordHint("poorHouseholds"))}
          {numberField("nearPoorHouseholds", "Số hộ cận nghèo", recordHint("nearPoorHouseholds"))}
          {numberField("schoolAgeChildren", "Số trẻ em trong độ tuổi đi học", undefined, false)}
          {numberField("childrenInSchool", "Số trẻ em được đến trường", undefined, false)}
        </div>
        <CheckboxField name="hasCulturalHouse" label="Xóm có nhà văn hóa" defaultChecked={checked("hasCulturalHouse")} errors={errors("hasCulturalHouse")} />
        {facts.totalHouseholds > 0 && (
          <p className="text-sm text-slate-700">
            Tỷ lệ hộ “Gia đình văn hóa”: <strong>{formatNumber(Math.round((facts.recognisedHouseholds * 10000) / facts.totalHouseholds) / 100)} %</strong>
          </p>
        )}
      </section>

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Phần I. Đặc điểm, tình hình chung</h2>
        <TextAreaField name="overview" label="Đặc điểm, tình hình của xóm" rows={5} defaultValue={value("overview")} errors={errors("overview")}
          hint="Vị trí, dân số, ngành nghề, thuận lợi và khó khăn." />
      </section>

      <section className="space-y-4">
        <h2 className="text-lg font-semibold">Phần II. Kết quả thực hiện các tiêu chuẩn</h2>
        <p className="text-sm text-slate-700">
          Tiêu chí có tỷ lệ được tính từ số liệu và so với mức quy định; các tiêu chí khác đánh dấu nếu xóm đạt.
          {" "}<strong>{unmet === 0 ? "Đạt tất cả tiêu chí." : `Còn ${unmet} tiêu chí chưa đạt.`}</strong>
        </p>
        {groups.map(([groupCode, groupTitle]) => (
          <fieldset key={groupCode} className="space-y-3 rounded-md border border-slate-200 p-3">
            <legend className="px-1 font-semibold">{groupCode}. {groupTitle}</legend>
            {criteria.filter((c) => c.groupCode === groupCode).map((c) => {
              const r = computed.get(c.code)!;
              return (
                <div key={c.code} className="space-y-2 border-t border-slate-100 pt-3 first:border-t-0 first:pt-0" data-criterion={c.code}>
                  <p className="text-sm">
                    <strong>{c.code}</strong> {c.text}
                    {!c.isVerified && <span className="ml-1 text-xs text-amber-800">(nội dung cần đối chiếu văn bản gốc)</span>}
                  </p>
                  {isRatioCriterion(c) ? (
                    <>
                      {isEnteredMetric(c.metric) && (
                        <TextField name={`criteria.${c.code}.value`} label={`${METRIC_LABEL[c.metric]} (%)`} required inputMode="decimal"
                          defaultValue={value(`criteria.${c.code}.value`)} errors={errors(`criteria.${c.code}.value`)} />
                      )}
                      <p className="flex flex-wrap items-center gap-2 text-sm" aria-live="polite">
                        <span>Đo được: <strong>{r.value === null ? "—" : `${formatNumber(r.value)} %`}</strong></span>
                        <span>· Mức quy định: <strong>{thresholdWords(c)}</strong></span>
                        <MetBadge isMet={r.isMet} />
                      </p>
                    </>
                  ) : (
                    <CheckboxField name={`criteria.${c.code}.isMet`} label={`Đạt tiêu chí ${c.code}`} defaultChecked={checked(`criteria.${c.code}.isMet`)}
                      errors={errors(`criteria.${c.code}.isMet`)} />
                  )}
                  <TextField name={`criteria.${c.code}.note`} label={`Ghi chú, minh chứng (${c.code})`} defaultValue={value(`criteria.${c.code}.note`)}
                    errors={errors(`criteria.${c.code}.note`)} />
                </div>
              );
            })}
          </fieldset>
        ))}
      </section>

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Phần III. Những cam kết phấn đấu</h2>
        <TextAreaField name="commitments" label="Cam kết phấn đấu năm tới" rows={4} defaultValue={value("commitments")} errors={errors("commitments")} />
      </section>

      <div className="max-w-xs">
        <TextField name="reportedOn" label="Ngày báo cáo" type="date" required min={minDay} max={today} defaultValue={value("reportedOn")} errors={errors("reportedOn")} />
      </div>
      <FormFooter pending={pending} submitLabel="Lưu báo cáo thành tích" cancelHref={cancelHref} />
    </form>
  );
}
