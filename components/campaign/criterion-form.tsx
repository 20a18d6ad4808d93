"use client";
import { useState } from "react";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, FormFooter, useFormAction } from "@/components/ui/form";
import { CAMPAIGN_MSG, CRITERION_KIND_LABEL, RATIO_COMPARATORS } from "@/lib/campaign/schema";
import { optionsOf } from "@/lib/options";
import { CATEGORY_LABEL, COMPARATOR_LABEL } from "@/lib/review/labels";
import { METRIC_LABEL } from "@/lib/titles/rules";

export type CriterionFormValues = {
  code: string;
  groupCode: string;
  groupTitle: string;
  kind: string;
  text: string;
  category: string;
  /** "on" when checked. */
  isVerified: string;
  /** A ratio item: all three set, or all three empty. */
  metric: string;
  comparator: string;
  threshold: string;
};

const RATIO_COMPARATOR_OPTIONS = RATIO_COMPARATORS.map((value) => ({ value, label: COMPARATOR_LABEL[value] }));

export type CriterionGroup = { code: string; title: string; nextCode: string };

/**
 * One item of a draft criteria set. Picking a known group fills in its title and the next free code. Sets of the
 * hamlet, agency and enterprise titles may hold ratio items (a measured percentage against a threshold).
 */
export function CriterionForm({ action, initial, groups, allowRatio, cancelHref, submitLabel }: {
  action: FormActionFn<{ id: string }>;
  initial: CriterionFormValues;
  groups: CriterionGroup[];
  allowRatio: boolean;
  cancelHref: string;
  submitLabel: string;
}) {
  const [groupCode, setGroupCode] = useState(initial.groupCode);
  const [groupTitle, setGroupTitle] = useState(initial.groupTitle);
  const [code, setCode] = useState(initial.code);
  const [kind, setKind] = useState(initial.kind);
  const { formAction, pending, err, value: v, errors: fe, formKey } = useFormAction(action, initial, (values) => {
    setGroupCode(values.groupCode ?? "");
    setGroupTitle(values.groupTitle ?? "");
    setCode(values.code ?? "");
    setKind(values.kind ?? "");
  });
  const isVerified = err ? err.values?.isVerified === "on" : initial.isVerified === "on";

  function changeGroup(next: string) {
    const known = groups.find((g) => g.code === next.trim().toUpperCase());
    const previous = groups.find((g) => g.code === groupCode.trim().toUpperCase());
    setGroupCode(next);
    if (!known) return;
    if (groupTitle.trim() === "" || groupTitle === previous?.title) setGroupTitle(known.title);
    if (code.trim() === "" || code === previous?.nextCode) setCode(known.nextCode);
  }

  return (
    <form key={formKey} action={formAction} className="space-y-5" noValidate>
      <FormErrorBanner error={err} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="groupCode" label="Mã nhóm" required value={groupCode} onChange={(e) => changeGroup(e.target.value)} errors={fe("groupCode")}
          list="criterion-groups" autoComplete="off" hint={groups.length > 0 ? `Các nhóm đang có: ${groups.map((g) => g.code).join(", ")}` : "Một chữ cái, ví dụ A."} />
        <datalist id="criterion-groups">
          {groups.map((g) => <option key={g.code} value={g.code}>{g.title}</option>)}
        </datalist>
        <TextField name="code" label="Mã tiêu chí" required value={code} onChange={(e) => setCode(e.target.value)} errors={fe("code")} autoComplete="off"
          hint="Mã nhóm và số thứ tự, ví dụ C4, II.3 hoặc 2.1." />
        <SelectField name="kind" label="Loại tiêu chí" required options={optionsOf(CRITERION_KIND_LABEL)} value={kind} onChange={(e) => setKind(e.target.value)} errors={fe("kind")} />
        <div className="sm:col-span-3">
          <TextField name="groupTitle" label="Tên nhóm tiêu chí" required value={groupTitle} onChange={(e) => setGroupTitle(e.target.value)} errors={fe("groupTitle")} />
        </div>
        <div className="sm:col-span-3">
          <TextAreaField name="text" label="Nội dung tiêu chí" required rows={3} defaultValue={v("text")} errors={fe("text")} />
        </div>
        {kind === "EXCLUSION" && (
          <div className="sm:col-span-3">
            <SelectField name="category" label="Trường hợp vi phạm bị loại trừ" required options={optionsOf(CATEGORY_LABEL)} placeholder="— Chọn —"
              defaultValue={v("category")} errors={fe("category")} hint="Hộ có thành viên vi phạm thuộc trường hợp này thì không xét danh hiệu." />
          </div>
        )}
        {allowRatio && kind === "STANDARD" && (
          <fieldset className="grid gap-4 rounded-md border border-slate-200 p-3 sm:col-span-3 sm:grid-cols-3">
            <legend className="px-1 text-sm font-semibold text-slate-800">Chỉ tiêu tỷ lệ (nếu có)</legend>
            <p className="text-sm text-slate-600 sm:col-span-3">{CAMPAIGN_MSG.ratioIncomplete} Để trống cả ba nếu tiêu chí không đo bằng tỷ lệ.</p>
            <SelectField name="metric" label="Chỉ số" options={optionsOf(METRIC_LABEL)} placeholder="— Không —" defaultValue={v("metric")} errors={fe("metric")} />
            <SelectField name="comparator" label="Phép so sánh" options={RATIO_COMPARATOR_OPTIONS} placeholder="— Không —"
              defaultValue={v("comparator")} errors={fe("comparator")} />
            <TextField name="threshold" label="Ngưỡng (%)" inputMode="decimal" defaultValue={v("threshold")} errors={fe("threshold")}
              hint="Từ 0 đến 100, tối đa 2 chữ số thập phân, ví dụ 92,5." />
          </fieldset>
        )}
        <div className="sm:col-span-3">
          <CheckboxField name="isVerified" label="Đã đối chiếu nội dung với văn bản gốc" defaultChecked={isVerified} errors={fe("isVerified")} />
        </div>
      </div>
      <FormFooter pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
