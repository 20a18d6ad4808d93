import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { DataTable, EmptyState } from "@/components/ui/list-controls";
import { YearNav } from "@/components/ui/year-nav";
import { PageHeader } from "@/components/ui/page-header";
import { listProvinceYears, provinceProgress } from "@/lib/dashboard/figures";
import { gapToTarget } from "@/lib/dashboard/rules";
import type { RateFigure } from "@/lib/dashboard/types";
import { formatRate } from "@/lib/dashboard/view";
import { formatNumber } from "@/lib/format";
import { param } from "@/lib/paging";
import { provinceScope } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Toàn tỉnh" };

/** "1.068/1.250 · 85,4 %" with the target's verdict in words (never colour alone). */
function RateCell({ figure, target, unit }: { figure: RateFigure; target: number; unit: string }) {
  const gap = gapToTarget(target, figure.total, figure.recognised);
  return (
    <td className="px-3 py-2 tabular-nums">
      <span className="font-semibold">{formatRate(figure.rate)}</span>{" "}
      <span className="text-slate-600">({formatNumber(figure.recognised)}/{formatNumber(figure.total)})</span>
      <br />
      {figure.total === 0 ? <span className="text-slate-500">chưa có dữ liệu</span>
        : gap > 0 ? <span className="text-red-800">✗ còn thiếu {formatNumber(gap)} {unit}</span>
          : <span className="text-green-800">✓ đạt chỉ tiêu</span>}
    </td>
  );
}

export default async function ProvincePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const province = provinceScope(actor);
  if (!province) forbidden();
  const years = await listProvinceYears(province);
  const yearParam = param(await searchParams, "year");
  const latest = years[0];
  if (latest === undefined) {
    return (
      <>
        <PageHeader title={`Toàn tỉnh ${province}`} />
        <EmptyState>Chưa có xã nào của tỉnh lập năm thi đua, nên chưa có số liệu tổng hợp.</EmptyState>
      </>
    );
  }
  const year = yearParam === undefined ? latest : /^\d{4}$/.test(yearParam) ? Number(yearParam) : NaN;
  if (!years.includes(year)) notFound();
  const figures = await provinceProgress(province, year);
  const below = figures.communes.filter((c) => gapToTarget(c.targets.households, c.households.total, c.households.recognised) > 0).length;

  return (
    <>
      <PageHeader title={`Toàn tỉnh ${province}: kết quả năm ${year}`}
        subtitle={`Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” · ${formatNumber(figures.communes.length)} xã, phường · tỷ lệ chính thức (đã có quyết định) của ba danh hiệu · ${formatNumber(below)} xã chưa đạt chỉ tiêu “Gia đình văn hóa”`} />
      <YearNav years={years} year={year} hrefOf={(y) => `/province?year=${y}`} />
      <DataTable head={["Xã, phường", "Gia đình văn hóa", "Xóm văn hóa", "Cơ quan, đơn vị đạt chuẩn văn hóa"]}>
        {figures.communes.map((c) => (
          <tr key={c.id}>
            <th scope="row" className="px-3 py-2 text-left font-medium">{c.name}</th>
            <RateCell figure={c.households} target={c.targets.households} unit="hộ" />
            <RateCell figure={c.hamlets} target={c.targets.hamlets} unit="xóm" />
            <RateCell figure={c.agencies} target={c.targets.agencies} unit="đơn vị" />
          </tr>
        ))}
        <tr className="bg-slate-50 font-semibold">
          <th scope="row" className="px-3 py-2 text-left">Toàn tỉnh</th>
          {(["households", "hamlets", "agencies"] as const).map((k) => (
            <td key={k} className="px-3 py-2 tabular-nums">
              {formatRate(figures.totals[k].rate)} ({formatNumber(figures.totals[k].recognised)}/{formatNumber(figures.totals[k].total)})
            </td>
          ))}
        </tr>
      </DataTable>
    </>
  );
}
