import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import type { ReactNode } from "react";
import { PrintButton } from "@/components/review/print-button";
import { listYearNumbers } from "@/lib/campaign/queries";
import { getActorCommune } from "@/lib/communes/queries";
import { dashboardFigures } from "@/lib/dashboard/figures";
import { communeName, upper } from "@/lib/documents/format";
import { ratePct } from "@/lib/dashboard/rules";
import type { Gap, TitleProgress } from "@/lib/dashboard/types";
import { NO_DATA, daysLeftText, formatRate, gapText, hasData, reviewStatusText, scopeLabels, sortByGap } from "@/lib/dashboard/view";
import { formatDate, formatNumber } from "@/lib/format";
import { param } from "@/lib/paging";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Bảng điều hành – bản in" };

// The dashboard for the steering committee's meeting: outside the app shell, A4, black on white, tables only (the
// charts' figures are all in the tables). Overdue items carry the word "Quá hạn", never a colour.
const PRINT_CSS = `
@page { size: A4; margin: 15mm 12mm 15mm 20mm; }
@media print { body { background: #fff !important; } .sheet { box-shadow: none !important; margin: 0 !important; padding: 0 !important; width: auto !important; min-height: 0 !important; } }
`;

const TH = "border border-black px-1.5 py-0.5 text-left font-bold";
const TD = "border border-black px-1.5 py-0.5";
const NUM = `${TD} text-right tabular-nums`;

export default async function DashboardPrintPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "review.read", { communeId: actor.communeId, hamletId: actor.hamletId })) forbidden();
  const hamletHead = actor.role === "HAMLET_HEAD";
  const [years, commune] = await Promise.all([listYearNumbers(actor), getActorCommune(actor)]);
  const yearParam = param(await searchParams, "year");
  const year = yearParam === undefined ? years[0] : /^\d{4}$/.test(yearParam) ? Number(yearParam) : NaN;
  if (year === undefined || !years.includes(year)) notFound();
  const figures = await dashboardFigures(actor.communeId, year, { hamletId: hamletHead ? (actor.hamletId ?? undefined) : undefined });
  if (!figures) notFound();
  const hamlets = sortByGap(figures.hamletFigures);
  const c = figures.completeness;
  // A hamlet head's households figures are their hamlet's; only the hamlet and agency titles are the commune's.
  const labels = scopeLabels(hamletHead ? (hamlets[0]?.name ?? null) : null);

  return (
    <div className="min-h-screen bg-slate-200 py-6 print:bg-white print:py-0">
      <style>{PRINT_CSS}</style>
      <div className="no-print mx-auto mb-4 flex max-w-[210mm] items-center justify-between gap-3 px-2">
        <Link href={`/dashboard?year=${year}`} className="font-medium text-brand-700 underline">‹ Về bảng điều hành</Link>
        <PrintButton label="In bảng điều hành" />
      </div>
      <article className="sheet mx-auto w-[210mm] max-w-full bg-white px-[15mm] py-[15mm] text-[11pt] leading-snug text-black shadow-lg"
        style={{ fontFamily: "'Times New Roman', Times, serif" }}>
        <header className="text-center">
          <p className="font-bold">BAN CHỈ ĐẠO PHONG TRÀO “TOÀN DÂN ĐOÀN KẾT XÂY DỰNG ĐỜI SỐNG VĂN HÓA”{commune ? ` ${upper(communeName(commune))}` : ""}</p>
          <h1 className="mt-2 text-[14pt] font-bold">KẾT QUẢ THỰC HIỆN NĂM {year}</h1>
          <p className="italic">Số liệu tính đến ngày {formatDate(figures.today)}{hamletHead && hamlets[0] ? `; phần theo xóm chỉ gồm xóm ${hamlets[0].name}` : ""}</p>
        </header>

        <H2>1. Kết quả so với chỉ tiêu</H2>
        <table className="w-full border-collapse">
          <thead>
            <tr>
              <th scope="col" className={TH}>Danh hiệu</th>
              <th scope="col" className={TH}>Chỉ tiêu</th>
              <th scope="col" className={TH}>Chính thức (đã có quyết định)</th>
              <th scope="col" className={TH}>Tạm tính (đã bình xét, chưa có quyết định)</th>
              <th scope="col" className={TH}>Đã đăng ký</th>
            </tr>
          </thead>
          <tbody>
            <TitleRow title={labels.households} unit="hộ" p={figures.households} target={figures.targets.households} gap={figures.householdsGap} />
            <TitleRow title={labels.hamlets} unit="xóm" p={figures.hamlets} target={figures.targets.hamlets} gap={figures.hamletsGap} />
            <TitleRow title={labels.agencies} unit="đơn vị" p={figures.agencies} target={figures.targets.agencies}
              gap={{ official: figures.agenciesGap, withProvisional: figures.agenciesGap }} />
          </tbody>
        </table>
        <p className="mt-1 text-[10pt] italic">
          Mẫu số chính thức của “Gia đình văn hóa” là số hộ đang cư trú ({formatNumber(figures.households.total)} hộ); tính trên hộ đã đăng ký
          ({formatNumber(figures.households.registered)} hộ): {formatRate(ratePct(figures.households.recognised, figures.households.registered))}.
        </p>

        <H2>2. Kết quả theo xóm (xếp theo số hộ còn thiếu)</H2>
        <table className="w-full border-collapse text-[10pt]">
          <thead>
            <tr>
              {["Xóm", "Hộ cư trú", "Đăng ký", "Bình xét", "Đạt", "Không đạt", "Không xét", "Tỷ lệ", "Còn thiếu", "Trạng thái"].map((h) => (
                <th key={h} scope="col" className={TH}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {hamlets.map((h) => (
              <tr key={h.id} className="break-inside-avoid">
                <td className={TD}>{h.name}</td>
                <td className={NUM}>{formatNumber(h.total)}</td>
                <td className={NUM}>{formatNumber(h.registered)}</td>
                <td className={NUM}>{h.review ? formatNumber(h.assessed) : "—"}</td>
                <td className={NUM}>{h.review ? formatNumber(h.achieved) : "—"}</td>
                <td className={NUM}>{h.review ? formatNumber(h.notAchieved) : "—"}</td>
                <td className={NUM}>{h.review ? formatNumber(h.excluded) : "—"}</td>
                <td className={NUM}>{formatRate(h.rate)}</td>
                <td className={NUM}>{h.gap.official > 0 ? formatNumber(h.gap.official) : "Đạt"}</td>
                <td className={TD}>
                  {reviewStatusText(h.review)}
                  {(h.deadlines.meetingOverdue || h.deadlines.submissionOverdue) && <strong> – Quá hạn</strong>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>

        <H2>3. Tiến độ và thời hạn</H2>
        <ul className="list-disc pl-6">
          <li>Hạn họp bình xét ở xóm {formatDate(c.meetingDeadline.date)}: {c.meetingDeadline.overdue ? <strong>Quá hạn {formatNumber(-c.meetingDeadline.daysLeft)} ngày</strong> : daysLeftText(c.meetingDeadline.daysLeft)}; chưa họp: {formatNumber(c.withoutMeeting)}/{formatNumber(c.hamlets)} xóm.</li>
          <li>Hạn hoàn thành bình xét {formatDate(c.reviewDeadline.date)}: {c.reviewDeadline.overdue ? <strong>Quá hạn {formatNumber(-c.reviewDeadline.daysLeft)} ngày</strong> : daysLeftText(c.reviewDeadline.daysLeft)}; chưa nộp hồ sơ: {formatNumber(c.notSubmitted)}/{formatNumber(c.hamlets)} xóm.</li>
          <li>Chưa niêm yết: {formatNumber(c.withoutNotice)} xóm; chưa có quyết định: {formatNumber(c.notDecided)} xóm.</li>
          {c.notices.map((n) => (
            <li key={n.hamletId}>Xóm {n.name}: niêm yết đến hết {formatDate(n.endsOn)} – {n.ended ? <strong>đã hết niêm yết, chưa nộp</strong> : daysLeftText(n.daysLeft)}.</li>
          ))}
        </ul>

        <H2>4. So sánh qua các năm{labels.years}</H2>
        <table className="w-full border-collapse">
          <thead>
            <tr>
              {["Năm", "Gia đình văn hóa (chỉ tiêu)", "Xóm văn hóa (chỉ tiêu)", "Cơ quan đạt chuẩn (chỉ tiêu)"].map((h) => <th key={h} scope="col" className={TH}>{h}</th>)}
            </tr>
          </thead>
          <tbody>
            {figures.yearOverYear.map((y) => (
              <tr key={y.year}>
                <td className={TD}>{y.year}</td>
                <td className={NUM}>{formatRate(y.households)} ({formatRate(y.targets.households)})</td>
                <td className={NUM}>{formatRate(y.hamlets)} ({formatRate(y.targets.hamlets)})</td>
                <td className={NUM}>{formatRate(y.agencies)} ({formatRate(y.targets.agencies)})</td>
              </tr>
            ))}
          </tbody>
        </table>

        <H2>5. Vì sao hộ chưa đạt</H2>
        <table className="w-full border-collapse text-[10pt]">
          <thead>
            <tr>{["Mã", "Tiêu chuẩn chưa đạt / nhóm không xét", "Số hộ"].map((h) => <th key={h} scope="col" className={TH}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {[...figures.failures.unmet, ...figures.failures.exclusions].map((f) => (
              <tr key={f.code} className="break-inside-avoid">
                <td className={TD}>{f.code}</td>
                <td className={TD}>{f.text}</td>
                <td className={NUM}>{formatNumber(f.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </article>
    </div>
  );
}

function H2({ children }: { children: ReactNode }) {
  return <h2 className="mt-5 mb-1.5 break-after-avoid text-[12pt] font-bold">{children}</h2>;
}

function TitleRow({ title, unit, p, target, gap }: { title: string; unit: string; p: TitleProgress; target: number; gap: Gap }) {
  if (!hasData(p)) {
    return (
      <tr>
        <td className={TD}>{title}</td>
        <td className={NUM}>{formatRate(target)}</td>
        <td className={TD} colSpan={3}>{NO_DATA}</td>
      </tr>
    );
  }
  const withProvisional = p.recognised + p.provisional;
  return (
    <tr>
      <td className={TD}>{title}</td>
      <td className={NUM}>{formatRate(target)}</td>
      <td className={TD}>
        {formatNumber(p.recognised)}/{formatNumber(p.total)} {unit} ({formatRate(p.rate)}); {gapText(gap.official, unit)}
      </td>
      <td className={TD}>
        +{formatNumber(p.provisional)} → {formatNumber(withProvisional)}/{formatNumber(p.total)} ({formatRate(ratePct(withProvisional, p.total))}); {gapText(gap.withProvisional, unit)}
      </td>
      <td className={NUM}>{formatNumber(p.registered)}</td>
    </tr>
  );
}
