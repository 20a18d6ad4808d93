import Link from "next/link";
import { AgencyResultBadge, StandingBadge } from "@/components/agency-title/badges";
import { Card } from "@/components/ui/page-header";
import { RECOGNITION_KIND_LABEL, periodText } from "@/lib/agency-title/labels";
import type { AgencyTitleHistory } from "@/lib/agency-title/queries";
import { formatDate } from "@/lib/format";

const linkClass = "font-medium text-brand-700 underline-offset-2 hover:underline";

/** The registry page's summary of the title: each year's result, the recognitions and the standing. */
export function AgencyTitleSection({ data, year }: { data: AgencyTitleHistory; year: number | null }) {
  const { agency, history, recognitions, standing } = data;
  return (
    <Card className="mt-5">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">Xây dựng đơn vị đạt chuẩn văn hóa</h2>
        {year !== null && <Link className={linkClass} href={`/agency-title/${year}/${agency.id}`}>Đăng ký, kết quả năm {year} ›</Link>}
      </div>
      {standing && <p className="mb-3"><StandingBadge standing={standing} /></p>}
      {history.length === 0 ? (
        <p className="text-sm text-slate-600">Đơn vị chưa đăng ký năm nào.</p>
      ) : (
        <ul className="mb-3 space-y-1 text-sm">
          {history.map((h) => (
            <li key={h.id} className="flex flex-wrap items-center gap-2">
              <Link className={linkClass} href={`/agency-title/${h.year}/${agency.id}`}>Năm {h.year}</Link>
              <AgencyResultBadge isRegistered result={h.result} />
              {h.unmetCodes.length > 0 && <span className="text-slate-600">chưa đạt tiêu chuẩn {h.unmetCodes.join(", ")}</span>}
            </li>
          ))}
        </ul>
      )}
      {recognitions.length > 0 && (
        <ul className="space-y-1 text-sm">
          {recognitions.map((r) => (
            <li key={r.id}>
              {RECOGNITION_KIND_LABEL[r.kind]} giai đoạn {periodText(r.periodFrom, r.periodTo)}: số {r.number} ngày {formatDate(r.decidedOn)} ({r.issuer})
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
