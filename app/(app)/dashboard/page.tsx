import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import type { ReactNode } from "react";
import { HamletRateChart } from "@/components/dashboard/hamlet-rate-chart";
import { YearRatesChart } from "@/components/dashboard/year-rates-chart";
import { ReviewStatusBadge } from "@/components/review/badges";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, EmptyState } from "@/components/ui/list-controls";
import { Card, PageHeader } from "@/components/ui/page-header";
import { YearNav } from "@/components/ui/year-nav";
import { listYearNumbers } from "@/lib/campaign/queries";
import { dashboardFigures } from "@/lib/dashboard/figures";
import { ratePct } from "@/lib/dashboard/rules";
import type { Gap, HamletFigures, TitleProgress } from "@/lib/dashboard/types";
import {
  NO_DATA, OFFICIAL_LABEL, PROVISIONAL_LABEL, daysLeftText, formatRate, gapText, hamletChartData, hasData, reviewStatusDate,
  scopeLabels, sensitiveCountText, sortByGap, yearChartData,
} from "@/lib/dashboard/view";
import { formatDate, formatNumber } from "@/lib/format";
import { param } from "@/lib/paging";
import { can } from "@/lib/policy";
import { COUNCIL_STATUS_LABEL } from "@/lib/titles/rules";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Bảng điều hành" };

const LINK = "text-brand-700 underline-offset-2 hover:underline";

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "review.read", { communeId: actor.communeId, hamletId: actor.hamletId })) forbidden();
  const hamletHead = actor.role === "HAMLET_HEAD";
  const years = await listYearNumbers(actor);
  const latest = years[0];
  if (latest === undefined) {
    return (
      <>
        <PageHeader title="Bảng điều hành" />
        <EmptyState>Chưa có năm thi đua nào, nên chưa có số liệu để hiển thị.</EmptyState>
      </>
    );
  }
  const yearParam = param(await searchParams, "year");
  const year = yearParam === undefined ? latest : /^\d{4}$/.test(yearParam) ? Number(yearParam) : NaN;
  if (!years.includes(year)) notFound();
  const figures = await dashboardFigures(actor.communeId, year, { hamletId: hamletHead ? (actor.hamletId ?? undefined) : undefined });
  if (!figures) notFound();

  const commune = { communeId: actor.communeId };
  const seesDecisions = can(actor, "decision.read", commune);
  const seesAgencies = can(actor, "agency.read", commune);
  const hamlets = sortByGap(figures.hamletFigures);
  const target = figures.targets.households;
  const c = figures.completeness;
  const reviewList = (status: string) => (hamletHead ? undefined : `/review/${year}?status=${status}`);
  const labels = scopeLabels(hamletHead ? (hamlets[0]?.name ?? null) : null);

  return (
    <>
      <PageHeader title={`Bảng điều hành năm ${year}`}
        subtitle={`Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” · số liệu tính đến ngày ${formatDate(figures.today)}${hamletHead && hamlets[0] ? ` · các phần theo xóm chỉ gồm xóm ${hamlets[0].name}` : ""}`}
        actions={(
          <div className="flex flex-wrap gap-2">
            <ButtonLink href={`/dashboard/print?year=${year}`} variant="secondary">Bản in cho cuộc họp</ButtonLink>
            {!hamletHead && (
              <>
                <a className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-900 hover:bg-slate-50"
                  href={`/api/documents/year-report/${year}?format=xlsx`}>Tải số liệu (.xlsx)</a>
                <a className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-900 hover:bg-slate-50"
                  href={`/api/documents/year-report/${year}?format=docx`}>Báo cáo năm (.docx)</a>
              </>
            )}
          </div>
        )} />
      <YearNav years={years} year={year} hrefOf={(y) => `/dashboard?year=${y}`} />

      <section aria-labelledby="headline" className="mb-8">
        <h2 id="headline" className="mb-3 text-lg font-semibold">Kết quả so với chỉ tiêu</h2>
        <div className="grid gap-4 lg:grid-cols-3">
          <HeadlineCard title={labels.households} unit="hộ" progress={figures.households} target={target} gap={figures.householdsGap}
            officialHref={seesDecisions ? `/decisions?year=${year}&subject=HOUSEHOLD` : undefined}
            provisionalHref={hamletHead ? undefined : `/review/${year}`}
            extra={hasData(figures.households) && (
              <dl className="mt-3 space-y-1 border-t border-slate-200 pt-3 text-sm">
                <Row label="Mẫu số chính thức: hộ đang cư trú">{formatNumber(figures.households.total)} hộ</Row>
                <Row label="Hộ đã đăng ký">{formatNumber(figures.households.registered)} hộ ({formatRate(ratePct(figures.households.registered, figures.households.total))})</Row>
                <Row label="Tỷ lệ tính trên hộ đã đăng ký">
                  {formatNumber(figures.households.recognised)}/{formatNumber(figures.households.registered)} ({formatRate(ratePct(figures.households.recognised, figures.households.registered))})
                </Row>
              </dl>
            )} />
          <HeadlineCard title={labels.hamlets} unit="xóm" progress={figures.hamlets} target={figures.targets.hamlets} gap={figures.hamletsGap}
            officialHref={seesDecisions ? `/decisions?year=${year}&subject=HAMLET` : undefined}
            provisionalHref={hamletHead ? undefined : `/hamlet-title/${year}`}
            extra={figures.council && (
              <p className="mt-3 border-t border-slate-200 pt-3 text-sm text-slate-700">
                Hội đồng xét “Xóm văn hóa”: {COUNCIL_STATUS_LABEL[figures.council.status]} (họp ngày {formatDate(figures.council.meetingDate)})
              </p>
            )} />
          <HeadlineCard title={labels.agencies} unit="đơn vị" progress={figures.agencies} target={figures.targets.agencies}
            gap={{ official: figures.agenciesGap, withProvisional: figures.agenciesGap }}
            officialHref={seesAgencies ? `/agency-title/${year}` : undefined}
            extra={<p className="mt-3 border-t border-slate-200 pt-3 text-xs text-slate-600">Cơ quan, đơn vị: kết quả đánh giá hằng năm; không có số tạm tính.</p>} />
        </div>
      </section>

      <section aria-labelledby="by-hamlet" className="mb-8">
        <h2 id="by-hamlet" className="mb-3 text-lg font-semibold">Theo xóm: tỷ lệ “Gia đình văn hóa” (chính thức), xếp theo số hộ còn thiếu</h2>
        {hamlets.length === 0 ? <EmptyState>Xã chưa có xóm nào.</EmptyState> : (
          <>
            <Card className="mb-4">
              <HamletRateChart data={hamletChartData(hamlets, target)} target={target}
                caption={`Biểu đồ: tỷ lệ hộ được công nhận “Gia đình văn hóa” của từng xóm năm ${year}; đường đỏ nét đứt là chỉ tiêu ${formatRate(target)}. Bảng dưới đây có đủ số liệu của biểu đồ.`} />
            </Card>
            <DataTable head={["Xóm", "Hộ đang cư trú", "Đã đăng ký", "Đã bình xét", "Đạt", "Không đạt", "Không xét", "Tỷ lệ chính thức", "Còn thiếu", "Trạng thái bình xét"]}>
              {hamlets.map((h) => <HamletRow key={h.id} h={h} year={year} />)}
            </DataTable>
          </>
        )}
      </section>

      <section aria-labelledby="deadlines" className="mb-8">
        <h2 id="deadlines" className="mb-3 text-lg font-semibold">Tiến độ và thời hạn</h2>
        <div className="mb-4 grid gap-4 md:grid-cols-2">
          <DeadlineCard title="Hạn họp bình xét ở xóm" deadline={c.meetingDeadline} outstanding={c.withoutMeeting} what="xóm chưa họp" />
          <DeadlineCard title="Hạn hoàn thành bình xét (nộp hồ sơ)" deadline={c.reviewDeadline} outstanding={c.notSubmitted} what="xóm chưa nộp hồ sơ" />
        </div>
        <div className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-4">
          <CountCard label="Chưa họp bình xét" count={c.withoutMeeting} of={c.hamlets} href={reviewList("NONE")} />
          {/* The list behind these counts is the step-by-step table below. */}
          <CountCard label="Chưa niêm yết" count={c.withoutNotice} of={c.hamlets} href="#buoc-theo-xom" />
          <CountCard label="Chưa nộp hồ sơ" count={c.notSubmitted} of={c.hamlets} href="#buoc-theo-xom" />
          <CountCard label="Chưa có quyết định" count={c.notDecided} of={c.hamlets} href="#buoc-theo-xom" />
        </div>
        {c.notices.length > 0 && (
          <div className="mb-4">
            <h3 className="mb-2 font-semibold">Thời hạn niêm yết (10 ngày)</h3>
            <DataTable head={["Xóm", "Hết niêm yết", "Còn lại"]}>
              {c.notices.map((n) => (
                <tr key={n.hamletId}>
                  <td className="px-3 py-2 font-medium"><Link className={LINK} href={`/review/${year}/${n.hamletId}/notice`}>{n.name}</Link></td>
                  <td className="px-3 py-2 tabular-nums">{formatDate(n.endsOn)}</td>
                  <td className="px-3 py-2">
                    {n.ended ? <span className="font-semibold text-amber-900"><span aria-hidden>⏱ </span>Đã hết niêm yết, chưa nộp ({daysLeftText(n.daysLeft)})</span> : daysLeftText(n.daysLeft)}
                  </td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
        {hamlets.length > 0 && (
          <div id="buoc-theo-xom" className="scroll-mt-4">
          <DataTable head={["Xóm", "Họp bình xét", "Niêm yết", "Nộp hồ sơ", "Quyết định"]}>
            {figures.hamletFigures.map((h) => (
              <tr key={h.id}>
                <td className="px-3 py-2 font-medium"><Link className={LINK} href={`/review/${year}/${h.id}`}>{h.name}</Link></td>
                <td className="px-3 py-2"><Step done={h.review !== null} date={h.review?.meetingDate} overdue={h.deadlines.meetingOverdue} /></td>
                <td className="px-3 py-2"><Step done={h.review?.noticePostedOn != null} date={h.review?.noticePostedOn} /></td>
                <td className="px-3 py-2"><Step done={h.review?.submittedAt != null && h.review.status !== "RETURNED"} date={h.review?.submittedAt} overdue={h.deadlines.submissionOverdue} /></td>
                <td className="px-3 py-2"><Step done={h.review?.status === "DECIDED"} date={h.review?.decidedOn} /></td>
              </tr>
            ))}
          </DataTable>
          </div>
        )}
      </section>

      <section aria-labelledby="years" className="mb-8">
        <h2 id="years" className="mb-3 text-lg font-semibold">So sánh qua các năm{labels.years}</h2>
        <Card className="mb-4">
          <YearRatesChart data={yearChartData(figures.yearOverYear)}
            caption="Biểu đồ: tỷ lệ chính thức của ba danh hiệu qua các năm (đường liền) và chỉ tiêu từng năm (đường nét đứt cùng màu). Bảng dưới đây có đủ số liệu của biểu đồ." />
        </Card>
        <DataTable head={["Năm", "Gia đình văn hóa (chỉ tiêu)", "Xóm văn hóa (chỉ tiêu)", "Cơ quan đạt chuẩn (chỉ tiêu)"]}>
          {figures.yearOverYear.map((y) => (
            <tr key={y.year}>
              <td className="px-3 py-2 font-medium"><Link className={LINK} href={`/dashboard?year=${y.year}`}>{y.year}</Link></td>
              <td className="px-3 py-2 tabular-nums">{formatRate(y.households)} ({formatRate(y.targets.households)})</td>
              <td className="px-3 py-2 tabular-nums">{formatRate(y.hamlets)} ({formatRate(y.targets.hamlets)})</td>
              <td className="px-3 py-2 tabular-nums">{formatRate(y.agencies)} ({formatRate(y.targets.agencies)})</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="failures" className="mb-8">
        <h2 id="failures" className="mb-3 text-lg font-semibold">Vì sao hộ chưa đạt</h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <div>
            <h3 className="mb-2 font-semibold">Tiêu chuẩn chưa đạt (số lượt)</h3>
            {figures.failures.unmet.length === 0 ? <EmptyState>Chưa có hộ nào bị ghi nhận chưa đạt tiêu chuẩn.</EmptyState> : (
              <CountTable head={["Mã", "Tiêu chuẩn", "Số hộ"]} rows={figures.failures.unmet} />
            )}
          </div>
          <div>
            <h3 className="mb-2 font-semibold">Không đưa vào bình xét, theo nhóm (chỉ số lượng)</h3>
            <CountTable head={["Nhóm", "Nội dung", "Số hộ"]} rows={figures.failures.exclusions}
              countText={(n) => sensitiveCountText(n, can(actor, "violation.read", { communeId: actor.communeId, hamletId: actor.hamletId }))} />
          </div>
        </div>
      </section>
    </>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-3">
      <dt className="text-slate-600">{label}</dt>
      <dd className="text-right font-medium tabular-nums">{children}</dd>
    </div>
  );
}

function MaybeLink({ href, children }: { href?: string; children: ReactNode }) {
  return href ? <Link className={LINK} href={href}>{children}</Link> : <>{children}</>;
}

function HeadlineCard({ title, unit, progress, target, gap, officialHref, provisionalHref, extra }: {
  title: string;
  unit: string;
  progress: TitleProgress;
  target: number;
  gap: Gap;
  officialHref?: string;
  provisionalHref?: string;
  extra?: ReactNode;
}) {
  const withProvisional = progress.recognised + progress.provisional;
  return (
    <Card>
      <h3 className="font-semibold text-slate-900">{title}</h3>
      <p className="text-sm text-slate-600">Chỉ tiêu năm: {formatRate(target)}</p>
      {!hasData(progress) ? (
        <p className="mt-3 text-lg font-semibold text-slate-500">{capitalize(NO_DATA)}
          {progress.total > 0 && <span className="block text-sm font-normal">Tổng số: {formatNumber(progress.total)} {unit}</span>}
        </p>
      ) : (
        <>
          <div className="mt-3">
            <p className="text-sm font-medium text-slate-700">{OFFICIAL_LABEL}</p>
            <p className="text-2xl font-bold tabular-nums text-slate-900">
              <MaybeLink href={officialHref}>{formatNumber(progress.recognised)}</MaybeLink>/{formatNumber(progress.total)} {unit}
              <span className="ml-2 text-lg">{formatRate(progress.rate)}</span>
            </p>
            <GapLine gap={gap.official} unit={unit} />
          </div>
          <div className="mt-3 rounded border border-dashed border-slate-300 p-2">
            <p className="text-sm font-medium text-slate-700">{PROVISIONAL_LABEL}</p>
            <p className="tabular-nums">
              + <MaybeLink href={provisionalHref}>{formatNumber(progress.provisional)}</MaybeLink> {unit} → {formatNumber(withProvisional)}/{formatNumber(progress.total)}
              {" "}({formatRate(ratePct(withProvisional, progress.total))})
            </p>
            <GapLine gap={gap.withProvisional} unit={unit} />
          </div>
        </>
      )}
      {extra}
    </Card>
  );
}

function GapLine({ gap, unit }: { gap: number; unit: string }) {
  return gap > 0
    ? <p className="text-sm font-semibold text-red-800"><span aria-hidden>▼ </span>{gapText(gap, unit)}</p>
    : <p className="text-sm font-semibold text-green-800"><span aria-hidden>✓ </span>{gapText(gap, unit)}</p>;
}

function Overdue() {
  return <span className="font-semibold text-red-800"><span aria-hidden>⚠ </span>Quá hạn</span>;
}

function DeadlineCard({ title, deadline, outstanding, what }: {
  title: string;
  deadline: { date: Date; daysLeft: number; overdue: boolean };
  outstanding: number;
  what: string;
}) {
  return (
    <Card className={deadline.overdue ? "border-red-300 bg-red-50" : ""}>
      <p className="text-sm text-slate-600">{title}</p>
      <p className="text-xl font-bold tabular-nums">{formatDate(deadline.date)}</p>
      <p className="text-sm">
        {deadline.overdue ? <><Overdue /> {formatNumber(-deadline.daysLeft)} ngày · </> : deadline.daysLeft >= 0 ? `${daysLeftText(deadline.daysLeft)} · ` : "Đã qua hạn · "}
        {outstanding > 0 ? `${formatNumber(outstanding)} ${what}` : "đã hoàn thành"}
      </p>
    </Card>
  );
}

function CountCard({ label, count, of, href }: { label: string; count: number; of: number; href?: string }) {
  return (
    <Card>
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-bold tabular-nums"><MaybeLink href={href}>{formatNumber(count)}</MaybeLink><span className="text-base font-normal text-slate-600">/{formatNumber(of)} xóm</span></p>
    </Card>
  );
}

function Step({ done, date, overdue = false }: { done: boolean; date?: Date | null; overdue?: boolean }) {
  if (done) return <span className="text-green-800"><span aria-hidden>✓ </span>Đã xong{date ? ` (${formatDate(date)})` : ""}</span>;
  if (overdue) return <Overdue />;
  return <span className="text-slate-600"><span aria-hidden>○ </span>Chưa</span>;
}

function HamletRow({ h, year }: { h: HamletFigures; year: number }) {
  const base = `/review/${year}/${h.id}`;
  const num = (n: number, href = base) => <Link className={LINK} href={href}>{formatNumber(n)}</Link>;
  const date = h.review ? reviewStatusDate(h.review) : null;
  return (
    <tr className="hover:bg-slate-50">
      <td className="px-3 py-2 font-medium"><Link className={LINK} href={base}>{h.name}</Link></td>
      <td className="px-3 py-2 text-right tabular-nums">{num(h.total)}</td>
      <td className="px-3 py-2 text-right tabular-nums">{num(h.registered, `${base}/registration`)}</td>
      <td className="px-3 py-2 text-right tabular-nums">{h.review ? num(h.assessed) : "—"}</td>
      <td className="px-3 py-2 text-right tabular-nums">{h.review ? num(h.achieved) : "—"}</td>
      <td className="px-3 py-2 text-right tabular-nums">{h.review ? num(h.notAchieved) : "—"}</td>
      <td className="px-3 py-2 text-right tabular-nums">{h.review ? num(h.excluded) : "—"}</td>
      <td className="px-3 py-2 text-right tabular-nums">{formatRate(h.rate)}</td>
      <td className="px-3 py-2 tabular-nums">
        {h.gap.official > 0 ? <span className="font-semibold text-red-800">{formatNumber(h.gap.official)} hộ</span> : <span className="text-green-800"><span aria-hidden>✓ </span>Đạt</span>}
        {h.gap.withProvisional !== h.gap.official && <span className="block text-xs text-slate-600">tính cả tạm tính: {formatNumber(h.gap.withProvisional)} hộ</span>}
      </td>
      <td className="px-3 py-2">
        <ReviewStatusBadge status={h.review?.status ?? null} />
        {date && <span className="ml-1 text-xs tabular-nums text-slate-600">{formatDate(date)}</span>}
        {(h.deadlines.meetingOverdue || h.deadlines.submissionOverdue) && <span className="block text-xs"><Overdue /></span>}
      </td>
    </tr>
  );
}

/** Counts by code (criteria not met, exclusion groups): code, wording, number of households. */
function CountTable({ head, rows, countText = formatNumber }: { head: string[]; rows: { code: string; text: string; count: number }[]; countText?: (n: number) => string }) {
  return (
    <DataTable head={head}>
      {rows.map((f) => (
        <tr key={f.code}>
          <td className="px-3 py-2 font-medium">{f.code}</td>
          <td className="px-3 py-2">{f.text}</td>
          <td className="px-3 py-2 text-right tabular-nums">{countText(f.count)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
