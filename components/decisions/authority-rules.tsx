import { DataTable } from "@/components/ui/list-controls";
import { formatDay } from "@/lib/dates";
import { issuerText } from "@/lib/decisions/labels";

type Rule = { id: string; effectiveFrom: Date; effectiveTo: Date | null; authority: string; issuer: string; legalBasis: string };

/**
 * The commune's date-effective rules on who decides "Xóm văn hóa", the one in force on `on` marked, so the officer
 * sees why the form drafts or records (DOMAIN.md §8 "District abolished").
 */
export function AuthorityRules({ rules, activeId }: { rules: Rule[]; activeId: string | null }) {
  if (rules.length === 0) {
    return <p className="text-sm text-slate-700">Xã chưa có quy định về thẩm quyền công nhận danh hiệu &ldquo;Xóm văn hóa&rdquo;.</p>;
  }
  return (
    <DataTable head={["Thời gian áp dụng", "Thẩm quyền quyết định", "Cơ quan ban hành", "Căn cứ"]}>
      {rules.map((r) => (
        <tr key={r.id} className={r.id === activeId ? "bg-brand-50" : undefined} aria-current={r.id === activeId ? "true" : undefined}>
          <td className="px-3 py-2 tabular-nums">
            Từ {formatDay(r.effectiveFrom)}{r.effectiveTo ? ` đến trước ${formatDay(r.effectiveTo)}` : ""}
            {r.id === activeId && <span className="block text-sm font-medium text-brand-700">✓ Áp dụng cho ngày đã chọn</span>}
          </td>
          <td className="px-3 py-2">{r.authority}</td>
          <td className="px-3 py-2">{issuerText(r.issuer, "Ủy ban nhân dân xã (xã lập dự thảo, lãnh đạo xã ban hành)")}</td>
          <td className="px-3 py-2 text-sm text-slate-700">{r.legalBasis}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The GET form choosing the decision's date (and year): the authority in force on it shapes the form below. */
export function DecisionDatePicker({ action, on, year, years, extra }: {
  action: string;
  on: string;
  year?: number;
  years?: number[];
  /** Parameters to keep (the awards a cancellation names). */
  extra?: { name: string; value: string }[];
}) {
  return (
    <form action={action} method="get" className="flex flex-wrap items-end gap-2">
      {extra?.map((e, i) => <input key={`${e.name}-${i}`} type="hidden" name={e.name} value={e.value} />)}
      {years && (
        <div className="min-w-0 flex-1 basis-48 space-y-1">
          <label htmlFor="pick-year" className="block text-sm font-medium text-slate-800">Năm xét công nhận</label>
          <select id="pick-year" name="year" defaultValue={year ? String(year) : ""} className="min-h-11 w-full rounded-md border border-slate-300 bg-white px-2 text-base">
            {years.map((y) => <option key={y} value={y}>Năm {y}</option>)}
          </select>
        </div>
      )}
      <div className="min-w-0 flex-1 basis-48 space-y-1">
        <label htmlFor="pick-on" className="block text-sm font-medium text-slate-800">Ngày ban hành quyết định</label>
        <input id="pick-on" type="date" name="on" defaultValue={on} required className="min-h-11 w-full rounded-md border border-slate-300 bg-white px-2 text-base" />
      </div>
      <button className="min-h-11 rounded-md bg-slate-800 px-4 text-sm font-semibold text-white hover:bg-slate-900">Xem thẩm quyền</button>
    </form>
  );
}
