import { MetBadge } from "@/components/hamlet-title/badges";
import { DetailList } from "@/components/ui/page-header";
import { formatDay } from "@/lib/dates";
import { formatNumber as formatCount, formatPercent } from "@/lib/format";
import { formatNumber, isRatioCriterion, thresholdWords, type ReportFigures } from "@/lib/titles/rules";
import type { ReportCriterionView } from "./report-form";

// A saved report (Mẫu 05) read-only: for readers without the right to edit, and once the council's results are posted.

export type SavedReport = ReportFigures & {
  reportedOn: Date;
  results: { code: string; value: number | null; isMet: boolean; note: string | null }[];
};

const n = (v: number | null) => (v === null ? "" : formatCount(v));

export function ReportSummary({ report, criteria }: { report: SavedReport; criteria: ReportCriterionView[] }) {
  const resultBy = new Map(report.results.map((r) => [r.code, r]));
  const rate = report.totalHouseholds !== null && report.recognisedHouseholds !== null ? formatPercent(report.recognisedHouseholds, report.totalHouseholds) : "";
  return (
    <div className="space-y-4">
      <DetailList items={[
        { label: "Ngày báo cáo", value: formatDay(report.reportedOn) },
        { label: "Tổng số hộ", value: n(report.totalHouseholds) },
        { label: "Hộ “Gia đình văn hóa”", value: `${n(report.recognisedHouseholds)} (${rate})` },
        { label: "Hộ nghèo / cận nghèo", value: `${n(report.poorHouseholds)} / ${n(report.nearPoorHouseholds)}` },
        { label: "Trẻ em được đến trường / trong độ tuổi", value: report.schoolAgeChildren !== null ? `${n(report.childrenInSchool)} / ${n(report.schoolAgeChildren)}` : "" },
        { label: "Nhà văn hóa", value: report.hasCulturalHouse === null ? "" : report.hasCulturalHouse ? "Có" : "Chưa có" },
      ]} />
      {report.overview && (
        <div><h3 className="font-semibold">Phần I. Đặc điểm, tình hình chung</h3><p className="whitespace-pre-line text-slate-800">{report.overview}</p></div>
      )}
      <div>
        <h3 className="mb-2 font-semibold">Phần II. Kết quả thực hiện các tiêu chuẩn</h3>
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {criteria.map((c) => {
            const r = resultBy.get(c.code);
            return (
              <li key={c.code} className="flex flex-wrap items-start justify-between gap-2 px-3 py-2 text-sm">
                <span className="min-w-0 flex-1 basis-64">
                  <strong>{c.code}</strong> {c.text}
                  {isRatioCriterion(c) && (
                    <span className="block text-slate-700">Đo được: {r?.value === null || r?.value === undefined ? "—" : `${formatNumber(r.value)} %`} · Mức quy định: {thresholdWords(c)}</span>
                  )}
                  {r?.note && <span className="block text-slate-600">Ghi chú: {r.note}</span>}
                </span>
                {r ? <MetBadge isMet={r.isMet} /> : <span className="text-xs text-slate-500">Không có trong báo cáo</span>}
              </li>
            );
          })}
        </ul>
      </div>
      {report.commitments && (
        <div><h3 className="font-semibold">Phần III. Những cam kết phấn đấu</h3><p className="whitespace-pre-line text-slate-800">{report.commitments}</p></div>
      )}
    </div>
  );
}
