import Link from "next/link";

/** The years a page can show, as links (`hrefOf(year)`), the current one marked; nothing when there is only one. */
export function YearNav({ years, year, hrefOf }: { years: readonly number[]; year: number; hrefOf: (year: number) => string }) {
  if (years.length <= 1) return null;
  return (
    <nav aria-label="Chọn năm" className="mb-5 flex flex-wrap gap-2 text-sm">
      {years.map((y) => (
        <Link key={y} href={hrefOf(y)} aria-current={y === year ? "page" : undefined}
          className={`rounded border px-3 py-2 ${y === year ? "border-brand-700 bg-brand-50 font-semibold" : "border-slate-300 bg-white"}`}>{y}</Link>
      ))}
    </nav>
  );
}
