"use client";
import { useState } from "react";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { type FormActionFn, FormErrorBanner, FormFooter, useFormAction } from "@/components/ui/form";
import { CRITERION_KIND_LABEL } from "@/lib/campaign/schema";
import { optionsOf } from "@/lib/options";
import { CATEGORY_LABEL } from "@/lib/review/labels";

export type CriterionFormValues = {
  code: string;
  groupCode: string;
  groupTitle: string;
  kind: string;
  text: string;
  category: string;
  /** "on" when checked. */
  isVerified: string;
};

export type CriterionGroup = { code: string; title: string; nextCode: string };

/** One item of a draft criteria set. Picking a known group fills in its title and the next free code. */
export function CriterionForm({ action, initial, groups, cancelHref, submitLabel }: {
  action: FormActionFn<{ id: string }>;
  initial: CriterionFormValues;
  groups: CriterionGroup[];
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
          hint="Mã nhóm và số thứ tự, ví dụ C4." />
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
        <div className="sm:col-span-3">
          <CheckboxField name="isVerified" label="Đã đối chiếu nội dung với văn bản gốc" defaultChecked={isVerified} errors={fe("isVerified")} />
        </div>
      </div>
      <FormFooter pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
