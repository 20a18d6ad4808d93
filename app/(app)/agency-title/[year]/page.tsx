import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { AgencyResultBadge, StandingBadge } from "@/components/agency-title/badges";
import { RegisterAgencyButton, RegistrationPanel } from "@/components/agency-title/registration-panel";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, EmptyState } from "@/components/ui/list-controls";
import { Card, PageHeader } from "@/components/ui/page-header";
import { AGENCY_KIND_LABEL } from "@/lib/agencies/labels";
import { registerAgencyAction } from "@/lib/agency-title/actions";
import { KIND_ORDER, RECOGNITION_KIND_WORD, periodText } from "@/lib/agency-title/labels";
import {
  agencyYearHeadline, canReadAgencyTitle, dueForRecognition, getAgencyTitleYear, listAgencyTitleYears, listAgencyYearRows,
} from "@/lib/agency-title/queries";
import { toIsoDate, todayInVietnam, utcDate } from "@/lib/dates";
import { formatDate, formatNumber, formatPercent } from "@/lib/format";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Cơ quan, đơn vị đạt chuẩn văn hóa" };

const linkClass = "font-medium text-brand-700 underline-offset-2 hover:underline";

export default async function AgencyTitleYearPage({ params }: { params: Promise<{ year: string }> }) {
  const actor = await requireActor();
  if (!canReadAgencyTitle(actor)) forbidden();
  const { year: yearParam } = await params;
  const year = /^\d{4}$/.test(yearParam) ? await getAgencyTitleYear(actor, Number(yearParam)) : null;
  if (!year) notFound();

  const [headline, rows, years] = await Promise.all([agencyYearHeadline(actor, year), listAgencyYearRows(actor, year), listAgencyTitleYears(actor)]);
  const due = dueForRecognition(rows);
  const canWrite = can(actor, "agency.write", { communeId: year.communeId });
  const today = todayInVietnam();
  const first = utcDate(year.year, 1, 1);
  const last = utcDate(year.year, 12, 31) < today ? utcDate(year.year, 12, 31) : today;
  const canRegister = canWrite && first <= today && rows.some((r) => !r.entry);
  const t = headline.total;
  const isTargetMet = t.total > 0 && t.achieved * 100 >= headline.targetPct * t.total;
  const base = `/api/documents/agency-list/${year.year}`;

  return (
    <>
      <PageHeader title={`Cơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa năm ${year.year}`}
        subtitle="Đơn vị đăng ký đầu năm; Công đoàn đánh giá kết quả cuối năm; công nhận lần đầu sau 2 năm, công nhận lại 5 năm một lần."
        actions={<>
          <a className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-800 hover:bg-slate-50" href={`${base}?format=docx`} download>Tải danh sách (.docx)</a>
          <a className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-800 hover:bg-slate-50" href={`${base}?format=xlsx`} download>Tải bảng tính (.xlsx)</a>
        </>} />

      {years.length > 1 && (
        <nav aria-label="Năm khác" className="mb-4 flex flex-wrap gap-2 text-sm">
          {years.map((y) => (
            <Link key={y} href={`/agency-title/${y}`} aria-current={y === year.year ? "page" : undefined}
              className={`rounded border px-3 py-2 ${y === year.year ? "border-brand-700 bg-brand-50 font-semibold" : "border-slate-300 bg-white"}`}>{y}</Link>
          ))}
        </nav>
      )}

      <Card className="mb-5">
        <p className="text-lg">
          Đạt chuẩn: <strong className="tabular-nums">{formatNumber(t.achieved)}/{formatNumber(t.total)}</strong>{" "}
          <span className="tabular-nums">({formatPercent(t.achieved, t.total)})</span> — chỉ tiêu {headline.targetPct} %{" "}
          {t.total > 0 && (isTargetMet
            ? <span className="text-sm font-semibold text-green-800">✓ đạt chỉ tiêu</span>
            : <span className="text-sm font-semibold text-amber-800">! chưa đạt chỉ tiêu</span>)}
        </p>
        <p className="mt-1 text-sm text-slate-600">
          Đã đăng ký: {formatNumber(t.registered)}/{formatNumber(t.total)} đơn vị · Đạt trên số đăng ký: {formatNumber(t.achieved)}/{formatNumber(t.registered)} ({formatPercent(t.achieved, t.registered)})
        </p>
        <div className="mt-3 overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Kết quả theo loại hình</caption>
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col" className="py-1 pr-3 font-medium">Loại hình</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Số đơn vị</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Đã đăng ký</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Đạt</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Không đạt</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Chưa nhập</th>
                <th scope="col" className="py-1 text-right font-medium">Tỷ lệ đạt</th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {headline.byKind.map((k) => (
                <tr key={k.kind} className="border-t border-slate-100">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">{AGENCY_KIND_LABEL[k.kind!]}</th>
                  <td className="py-1 pr-3 text-right">{formatNumber(k.total)}</td>
                  <td className="py-1 pr-3 text-right">{formatNumber(k.registered)}</td>
                  <td className="py-1 pr-3 text-right">{formatNumber(k.achieved)}</td>
                  <td className="py-1 pr-3 text-right">{formatNumber(k.notAchieved)}</td>
                  <td className="py-1 pr-3 text-right">{formatNumber(k.registered - k.achieved - k.notAchieved)}</td>
                  <td className="py-1 text-right">{formatPercent(k.achieved, k.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <Card className="mb-5">
        <h2 className="mb-2 text-lg font-semibold">Đơn vị đến hạn công nhận năm {year.year}</h2>
        {due.length === 0 ? (
          <p className="text-sm text-slate-600">Năm {year.year} không có đơn vị nào đến hạn công nhận.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {due.map((r) => {
              const c = r.standing!.cycle;
              return (
                <li key={r.id}>
                  <Link className={linkClass} href={`/agency-title/${year.year}/${r.id}`}>{r.name}</Link>
                  {" — "}công nhận {RECOGNITION_KIND_WORD[c.next.kind]} giai đoạn {periodText(c.next.periodFrom, c.next.periodTo)}:{" "}
                  {c.isReady
                    ? <span className="font-semibold text-green-800">✓ đủ điều kiện (đạt chuẩn tất cả các năm)</span>
                    : <span className="font-semibold text-amber-800">! năm chưa đạt: {c.gaps.join(", ")}</span>}
                </li>
              );
            })}
          </ul>
        )}
      </Card>

      {canRegister && (
        <div className="mb-4">
          <RegistrationPanel action={registerAgencyAction.bind(null, year.year)} defaultDate={toIsoDate(last)} minDate={toIsoDate(first)} maxDate={toIsoDate(last)} />
        </div>
      )}

      {rows.length === 0 ? (
        <EmptyState>
          Xã chưa có cơ quan, đơn vị nào.{" "}
          {can(actor, "agency.write", { communeId: year.communeId })
            ? <Link className={linkClass} href="/registry/agencies/new">Thêm cơ quan, đơn vị</Link>
            : "Công chức Văn hóa - Xã hội sẽ nhập danh sách."}
        </EmptyState>
      ) : (
        <DataTable head={["Tên cơ quan, đơn vị", "Đăng ký", "Kết quả", "Tiêu chuẩn chưa đạt", "Công nhận", ""]}>
          {KIND_ORDER.map((kind) => {
            const group = rows.filter((r) => r.kind === kind);
            if (group.length === 0) return null;
            return [
              <tr key={kind} className="bg-slate-50">
                <th scope="colgroup" colSpan={6} className="px-3 py-2 text-left font-semibold text-slate-800">
                  {AGENCY_KIND_LABEL[kind]} ({formatNumber(group.length)})
                </th>
              </tr>,
              ...group.map((r) => (
                <tr key={r.id} className="hover:bg-slate-50">
                  <td className="px-3 py-2"><Link className={linkClass} href={`/agency-title/${year.year}/${r.id}`}>{r.name}</Link></td>
                  <td className="px-3 py-2 tabular-nums">{r.entry ? formatDate(r.entry.registeredOn) : <span className="text-slate-500">Chưa đăng ký</span>}</td>
                  <td className="px-3 py-2"><AgencyResultBadge isRegistered={r.entry !== null} result={r.entry?.result ?? null} /></td>
                  <td className="px-3 py-2">{r.entry?.unmetCodes.join(", ") ?? ""}</td>
                  <td className="px-3 py-2"><StandingBadge standing={r.standing} /></td>
                  <td className="px-3 py-2 text-right">
                    {!r.entry && canRegister ? <RegisterAgencyButton agencyId={r.id} name={r.name} />
                      : r.entry && canWrite ? <ButtonLink variant="secondary" href={`/agency-title/${year.year}/${r.id}`}>{r.entry.result ? "Xem, sửa" : "Nhập kết quả"}</ButtonLink>
                      : null}
                  </td>
                </tr>
              )),
            ];
          })}
        </DataTable>
      )}
    </>
  );
}
