"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ResultBadge } from "@/components/review/badges";
import type { ViolationCategory } from "@/lib/generated/prisma/enums";
import type { ActionResult } from "@/lib/result";
import { householdOutcome, householdVoteErrors, type OutcomeContext } from "@/lib/review/schema";

// One household's checklist, made for a cheap phone on a weak connection: every change is kept in localStorage
// until the server confirms the save, so a dropped connection loses nothing.

export type CriterionItem = { code: string; groupCode: string; groupTitle: string; kind: "STANDARD" | "EXCLUSION"; text: string; category: ViolationCategory | null };

type Values = { unmet: string[]; exclusions: ViolationCategory[]; votesFor: string; votesAgainst: string };
type Stored = { values: Values; savedAt: number };

export type AssessmentSave = (form: FormData) => Promise<ActionResult<{ id: string; version: number; nextHouseholdId: string | null }>>;

export const OFFLINE_MESSAGE = "Chưa lưu được do mất kết nối. Dữ liệu đã nhập vẫn được giữ trên máy — bấm Lưu lại khi có mạng.";

function readStored(key: string): Stored | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Stored;
    return stored && typeof stored.savedAt === "number" && stored.values ? stored : null;
  } catch {
    return null;
  }
}

function writeStored(key: string, values: Values) {
  try {
    window.localStorage.setItem(key, JSON.stringify({ values, savedAt: Date.now() } satisfies Stored));
  } catch {
    // Storage full or disabled: the form still works, only without the safety net.
  }
}

function clearStored(key: string) {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // ignore
  }
}

const toCount = (s: string): number | null | undefined => (s.trim() === "" ? undefined : /^\d+$/.test(s.trim()) ? Number(s.trim()) : null);

export function AssessmentForm({
  save, storageKey, criteria, recordedExclusions, context, present, isRegistered, upheldResolution, saved, householdHref, hubHref,
}: {
  save: AssessmentSave;
  storageKey: string;
  criteria: CriterionItem[];
  recordedExclusions: ViolationCategory[];
  context: OutcomeContext;
  present: number;
  isRegistered: boolean;
  upheldResolution: string | null;
  saved: { unmetCodes: string[]; exclusions: ViolationCategory[]; votesFor: number | null; votesAgainst: number | null; version: number; updatedAt: number } | null;
  /** Base of a household's page: `${householdHref}${id}`. */
  householdHref: string;
  hubHref: string;
}) {
  const router = useRouter();
  const initial: Values = saved
    ? { unmet: saved.unmetCodes, exclusions: saved.exclusions, votesFor: saved.votesFor?.toString() ?? "", votesAgainst: saved.votesAgainst?.toString() ?? "" }
    : { unmet: [], exclusions: recordedExclusions, votesFor: "", votesAgainst: "" };
  const [values, setValues] = useState<Values>(initial);
  const [version, setVersion] = useState<number | undefined>(saved?.version);
  const [restored, setRestored] = useState(false);
  const [pending, setPending] = useState(false);
  const [offline, setOffline] = useState(false);
  const [refused, setRefused] = useState<{ message: string; fieldErrors?: Record<string, string[]> } | null>(null);
  const [done, setDone] = useState(false);

  // A draft kept on this phone that is newer than the saved row comes back (after mount: the server has no storage).
  useEffect(() => {
    const stored = readStored(storageKey);
    if (stored && (!saved || stored.savedAt > saved.updatedAt)) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- one-off restore from browser storage after hydration
      setValues({ ...stored.values, exclusions: [...new Set([...stored.values.exclusions, ...recordedExclusions])].sort() as ViolationCategory[] });
      setRestored(true);
    } else if (stored) {
      clearStored(storageKey);
    }
    // Runs once per household page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);

  function change(update: (v: Values) => Values) {
    setValues((current) => {
      const next = update(current);
      writeStored(storageKey, next);
      return next;
    });
    setDone(false);
  }

  const standards = criteria.filter((c) => c.kind === "STANDARD");
  const exclusionItems = criteria.filter((c) => c.kind === "EXCLUSION" && c.category);
  const groups = [...new Map(standards.map((c) => [c.groupCode, c.groupTitle])).entries()];
  const consensus = context.method === "CONSENSUS";
  const vote = { unmetCodes: values.unmet, exclusions: values.exclusions, votesFor: toCount(values.votesFor), votesAgainst: toCount(values.votesAgainst) };
  const numbersOk = vote.votesFor !== null && vote.votesAgainst !== null;
  const liveErrors = numbersOk ? householdVoteErrors(context, present, vote, isRegistered) : {};
  const preview = numbersOk ? householdOutcome(context, vote, isRegistered, upheldResolution) : null;
  const fieldError = (name: string) => refused?.fieldErrors?.[name]?.[0] ?? (values.votesFor !== "" || values.votesAgainst !== "" ? liveErrors[name]?.[0] : undefined);

  async function submit(andNext: boolean) {
    setPending(true);
    setOffline(false);
    setRefused(null);
    const form = new FormData();
    for (const code of values.unmet) form.append("unmet", code);
    for (const c of values.exclusions) form.append("exclusion", c);
    form.set("votesFor", consensus ? "" : values.votesFor);
    form.set("votesAgainst", consensus ? "" : values.votesAgainst);
    if (version !== undefined) form.set("version", String(version));
    let result: Awaited<ReturnType<AssessmentSave>>;
    try {
      if (typeof navigator !== "undefined" && navigator.onLine === false) throw new Error("offline");
      result = await save(form);
    } catch {
      // The request never reached the server or its answer never came back: the values stay, the draft stays.
      setPending(false);
      setOffline(true);
      writeStored(storageKey, values);
      return;
    }
    setPending(false);
    if (!result.ok) {
      setRefused({ message: result.message, fieldErrors: result.fieldErrors });
      return;
    }
    clearStored(storageKey);
    setVersion(result.data!.version);
    setRestored(false);
    if (andNext) {
      const next = result.data!.nextHouseholdId;
      router.push(next ? `${householdHref}${next}?saved=1` : `${hubHref}?saved=assessments`);
    } else {
      setDone(true);
      router.refresh();
    }
  }

  return (
    <form className="space-y-5" noValidate onSubmit={(e) => { e.preventDefault(); void submit(false); }}>
      {restored && <Alert tone="info">Đã khôi phục dữ liệu chưa lưu. Kiểm tra lại rồi bấm Lưu.</Alert>}
      {offline && <Alert tone="warning">{OFFLINE_MESSAGE}</Alert>}
      {refused && <Alert>{refused.message}</Alert>}
      {done && <Alert tone="success">Đã lưu.</Alert>}

      {groups.map(([groupCode, groupTitle]) => (
        <fieldset key={groupCode} className="space-y-1">
          <legend className="mb-1 text-base font-semibold text-slate-900">{groupCode}. {groupTitle}</legend>
          {standards.filter((c) => c.groupCode === groupCode).map((c) => {
            const met = !values.unmet.includes(c.code);
            return (
              <label key={c.code} className={`flex min-h-11 items-start gap-3 rounded-md border p-3 ${met ? "border-slate-200 bg-white" : "border-red-300 bg-red-50"}`}>
                <input type="checkbox" className="mt-0.5 h-6 w-6 shrink-0 accent-brand-700" checked={met}
                  onChange={(e) => change((v) => ({ ...v, unmet: e.target.checked ? v.unmet.filter((u) => u !== c.code) : [...v.unmet, c.code].sort() }))} />
                <span className="text-sm text-slate-900"><strong>{c.code}.</strong> {c.text}{!met && <span className="ml-1 font-semibold text-red-800">(Chưa đạt)</span>}</span>
              </label>
            );
          })}
        </fieldset>
      ))}

      <fieldset className="space-y-1">
        <legend className="mb-1 text-base font-semibold text-slate-900">Trường hợp không xét tặng</legend>
        {exclusionItems.map((c) => {
          const category = c.category!;
          const onRecord = recordedExclusions.includes(category);
          const ticked = values.exclusions.includes(category);
          return (
            <label key={c.code} className={`flex min-h-11 items-start gap-3 rounded-md border p-3 ${ticked ? "border-slate-400 bg-slate-100" : "border-slate-200 bg-white"}`}>
              <input type="checkbox" className="mt-0.5 h-6 w-6 shrink-0 accent-slate-700" checked={ticked || onRecord} disabled={onRecord}
                onChange={(e) => change((v) => ({ ...v, exclusions: (e.target.checked ? [...v.exclusions, category] : v.exclusions.filter((x) => x !== category)).sort() as ViolationCategory[] }))} />
              <span className="text-sm text-slate-900">
                <strong>{c.code}.</strong> {c.text}
                {onRecord && <span className="mt-1 block text-xs font-medium text-slate-700">Đã có trong hồ sơ vi phạm của năm xét — không bỏ chọn được.</span>}
              </span>
            </label>
          );
        })}
      </fieldset>

      {!consensus && (
        <fieldset className="grid grid-cols-2 gap-3">
          <legend className="mb-1 text-base font-semibold text-slate-900">Kết quả biểu quyết (có mặt: {present})</legend>
          <VoteField name="votesFor" label="Số tán thành" value={values.votesFor} error={fieldError("votesFor")}
            onChange={(s) => change((v) => ({ ...v, votesFor: s }))} />
          <VoteField name="votesAgainst" label="Số không tán thành" value={values.votesAgainst} error={fieldError("votesAgainst")}
            onChange={(s) => change((v) => ({ ...v, votesAgainst: s }))} />
        </fieldset>
      )}

      <div aria-live="polite" className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
        <p className="flex flex-wrap items-center gap-2 font-semibold">Kết quả dự kiến: {preview ? <ResultBadge result={preview.result} /> : "—"}</p>
        {preview?.reason && <p className="mt-1 text-slate-700">{preview.reason}</p>}
        <p className="mt-1 text-xs text-slate-500">Máy chủ tính lại kết quả khi lưu.</p>
      </div>

      <div className="sticky bottom-16 z-10 grid gap-2 border-t border-slate-200 bg-white/95 py-3 sm:bottom-0 sm:flex">
        <Button type="submit" disabled={pending} className="min-h-12 text-base">{pending ? "Đang lưu…" : offline ? "Lưu lại" : "Lưu"}</Button>
        <Button type="button" variant="secondary" disabled={pending} className="min-h-12 text-base" onClick={() => void submit(true)}>
          Lưu và sang hộ tiếp theo
        </Button>
      </div>
    </form>
  );
}

function VoteField({ name, label, value, error, onChange }: { name: string; label: string; value: string; error?: string; onChange: (v: string) => void }) {
  const id = `f-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      <input id={id} name={name} inputMode="numeric" pattern="[0-9]*" autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}
        className="block min-h-12 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-lg tabular-nums aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600" />
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-red-700" data-field-error={name}>{error ?? ""}</p>
    </div>
  );
}
