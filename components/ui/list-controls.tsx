import Link from "next/link";
import type { ReactNode } from "react";
import { formatNumber } from "@/lib/format";
import type { Option } from "@/lib/options";

type Query = Record<string, string | undefined>;

function href(base: string, query: Query, page: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}

/** A GET form: search text and filters go into the URL, so the server pages and filters. */
export function SearchForm({ action, q, placeholder, children }: { action: string; q?: string; placeholder: string; children?: ReactNode }) {
  return (
    <form action={action} method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1 basis-60">
        <label htmlFor="search-q" className="sr-only">Tìm kiếm</label>
        <input id="search-q" type="search" name="q" defaultValue={q} placeholder={placeholder}
          className="block w-full min-h-11 rounded-md border border-slate-300 bg-white px-3 py-2 text-base" />
      </div>
      {children}
      <button className="min-h-11 rounded-md bg-slate-800 px-4 text-sm font-semibold text-white hover:bg-slate-900">Tìm</button>
    </form>
  );
}

/** A filter for a GET form: "all" first, then the options; the choice goes into the URL as `name`. */
export function FilterSelect({ name, label, all, options, value, showLabel = false }: {
  name: string; label: string; all: string; options: Option[]; value?: string; showLabel?: boolean;
}) {
  const id = `filter-${name}`;
  return (
    <div className={showLabel ? "min-w-0 flex-1 basis-48 space-y-1" : undefined}>
      <label htmlFor={id} className={showLabel ? "block text-sm font-medium text-slate-800" : "sr-only"}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} className="min-h-11 w-full rounded-md border border-slate-300 bg-white px-2 text-base">
        <option value="">{all}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

export function Pagination({ base, query, page, pageCount, total }: { base: string; query: Query; page: number; pageCount: number; total: number }) {
  return (
    <nav aria-label="Phân trang" className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
      <span>Tổng số: <strong>{formatNumber(total)}</strong> · Trang {formatNumber(page)}/{formatNumber(pageCount)}</span>
      <span className="flex gap-2">
        {page > 1 ? <Link className="rounded border border-slate-300 bg-white px-3 py-2" href={href(base, query, page - 1)}>‹ Trang trước</Link> : null}
        {page < pageCount ? <Link className="rounded border border-slate-300 bg-white px-3 py-2" href={href(base, query, page + 1)}>Trang sau ›</Link> : null}
      </span>
    </nav>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">{children}</div>;
}

/** A table that scrolls sideways on a phone rather than squeezing the columns. */
export function DataTable({ head, children }: { head: string[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>{head.map((h) => <th key={h} scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
