import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound, redirect } from "next/navigation";
import { ReviewStatusBadge } from "@/components/review/badges";
import { DataTable, EmptyState, FilterSelect } from "@/components/ui/list-controls";
import { PageHeader } from "@/components/ui/page-header";
import { listYearNumbers } from "@/lib/campaign/queries";
import { todayInVietnam } from "@/lib/dates";
import { formatDate, formatNumber, formatPercent } from "@/lib/format";
import { optionsOf, valueOf } from "@/lib/options";
import { param } from "@/lib/paging";
import { canReadReviews, getReviewYear, listHamletReviews } from "@/lib/review/queries";
import { REVIEW_STATUS_LABEL } from "@/lib/review/rules";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Bình xét theo xóm" };

const STATUS_FILTER = { NONE: "Chưa họp", ...REVIEW_STATUS_LABEL };

export default async function ReviewYearPage({ params, searchParams }: {
  params: Promise<{ year: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!canReadReviews(actor)) forbidden();
  const { year: yearParam } = await params;
  const year = /^\d{4}$/.test(yearParam) ? await getReviewYear(actor, Number(yearParam)) : null;
  if (!year) notFound();
  if (actor.role === "HAMLET_HEAD" && actor.hamletId) redirect(`/review/${year.year}/${actor.hamletId}`);

  const query = await searchParams;
  const statusParam = param(query, "status");
  const status = valueOf(STATUS_FILTER, statusParam);
  const [rows, years] = await Promise.all([listHamletReviews(actor, year.id, status), listYearNumbers(actor)]);
  const today = todayInVietnam();

  return (
    <>
      <PageHeader title={`Bình xét “Gia đình văn hóa” năm ${year.year}`}
        subtitle={`Hạn họp bình xét ở xóm: ${formatDate(year.meetingDeadline)} · Hạn hoàn thành bình xét: ${formatDate(year.reviewDeadline)}`} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <FilterSelect name="status" label="Lọc theo trạng thái" all="Mọi trạng thái" options={optionsOf(STATUS_FILTER)} value={statusParam} />
        <button className="min-h-11 rounded-md bg-slate-800 px-4 text-sm font-semibold text-white hover:bg-slate-900">Lọc</button>
        {years.length > 1 && (
          <nav aria-label="Năm khác" className="ml-auto flex flex-wrap gap-2 text-sm">
            {years.map((y) => (
              <Link key={y} href={`/review/${y}`} aria-current={y === year.year ? "page" : undefined}
                className={`rounded border px-3 py-2 ${y === year.year ? "border-brand-700 bg-brand-50 font-semibold" : "border-slate-300 bg-white"}`}>{y}</Link>
            ))}
          </nav>
        )}
      </form>
      {rows.length === 0 ? (
        <EmptyState>{status ? "Không có xóm nào ở trạng thái này." : "Xã chưa có xóm nào."}</EmptyState>
      ) : (
        <DataTable head={["Xóm", "Hộ đang cư trú", "Đã đăng ký (tỷ lệ)", "Ngày họp", "Trạng thái", "Đạt", "Không đạt", "Không xét", "Hết niêm yết", "Ngày nộp"]}>
          {rows.map((r) => {
            const late = r.meetingDate ? r.meetingDate > year.meetingDeadline : today > year.meetingDeadline;
            return (
              <tr key={r.hamletId} className="hover:bg-slate-50">
                <td className="px-3 py-2 font-medium">
                  <Link className="text-brand-700 underline-offset-2 hover:underline" href={`/review/${year.year}/${r.hamletId}`}>{r.hamletName}</Link>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatNumber(r.activeHouseholds)}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatNumber(r.registered)} <span className="text-slate-500">({formatPercent(r.registered, r.activeHouseholds)})</span>
                </td>
                <td className={`px-3 py-2 tabular-nums ${late ? "font-semibold text-red-800" : ""}`}>
                  {r.meetingDate ? formatDate(r.meetingDate) : late ? "Quá hạn" : ""}
                  {r.isQuorate === false && <span className="block text-xs text-red-800">Không đủ điều kiện</span>}
                </td>
                <td className="px-3 py-2"><ReviewStatusBadge status={r.status} /></td>
                <td className="px-3 py-2 text-right tabular-nums">{r.reviewId ? formatNumber(r.achieved) : ""}</td>
                <td className="px-3 py-2 text-right tabular-nums">{r.reviewId ? formatNumber(r.notAchieved) : ""}</td>
                <td className="px-3 py-2 text-right tabular-nums">{r.reviewId ? formatNumber(r.excluded) : ""}</td>
                <td className="px-3 py-2 tabular-nums">{formatDate(r.noticeEndsOn)}</td>
                <td className="px-3 py-2 tabular-nums">{formatDate(r.submittedAt)}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </>
  );
}
