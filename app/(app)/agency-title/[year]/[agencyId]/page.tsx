import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { AgencyResultBadge, StandingBadge } from "@/components/agency-title/badges";
import { RecognitionForm } from "@/components/agency-title/recognition-form";
import { RegisterOneForm } from "@/components/agency-title/registration-panel";
import { AgencyResultForm } from "@/components/agency-title/result-form";
import { ConfirmAction } from "@/components/campaign/confirm-action";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/list-controls";
import { Card, DetailList, PageHeader } from "@/components/ui/page-header";
import { AGENCY_KIND_LABEL } from "@/lib/agencies/labels";
import {
  deleteRecognitionAction, recordRecognitionAction, registerAgencyAction, saveAgencyResultAction, unregisterAgencyAction,
} from "@/lib/agency-title/actions";
import { AGENCY_TITLE_MSG, RECOGNITION_KIND_LABEL, RECOGNITION_KIND_WORD, defaultIssuer, periodText } from "@/lib/agency-title/labels";
import { canReadAgencyTitle, getAgencyTitleDetail, getAgencyTitleYear } from "@/lib/agency-title/queries";
import { toIsoDate, todayInVietnam, utcDate } from "@/lib/dates";
import { formatDate } from "@/lib/format";
import { optionsOf } from "@/lib/options";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Đơn vị đạt chuẩn văn hóa" };

const linkClass = "font-medium text-brand-700 underline-offset-2 hover:underline";

export default async function AgencyTitleAgencyPage({ params }: { params: Promise<{ year: string; agencyId: string }> }) {
  const actor = await requireActor();
  if (!canReadAgencyTitle(actor)) forbidden();
  const { year: yearParam, agencyId } = await params;
  const year = /^\d{4}$/.test(yearParam) ? await getAgencyTitleYear(actor, Number(yearParam)) : null;
  if (!year) notFound();
  const detail = await getAgencyTitleDetail(actor, year, agencyId);
  if (!detail) notFound();

  const { agency, entry, history, recognitions, standing, criteriaSet } = detail;
  const canWrite = can(actor, "agency.write", { communeId: agency.communeId });
  const today = todayInVietnam();
  const first = utcDate(year.year, 1, 1);
  const yearEnd = utcDate(year.year, 12, 31);
  const lastDay = yearEnd < today ? yearEnd : today;
  const hasStarted = first <= today;
  const next = standing?.cycle.next;

  return (
    <>
      <PageHeader title={agency.name} subtitle={`${AGENCY_KIND_LABEL[agency.kind]} · Xây dựng đơn vị đạt chuẩn văn hóa năm ${year.year}`}
        actions={<>
          <ButtonLink variant="secondary" href={`/agency-title/${year.year}`}>Danh sách năm {year.year}</ButtonLink>
          <ButtonLink variant="secondary" href={`/registry/agencies/${agency.id}`}>Hồ sơ đơn vị</ButtonLink>
        </>} />

      <div className="grid gap-5 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Năm {year.year}</h2>
          {!entry ? (
            <div className="space-y-3">
              <p><AgencyResultBadge isRegistered={false} result={null} /></p>
              <p className="text-sm text-slate-700">{AGENCY_TITLE_MSG.notRegistered(agency.name, year.year)}</p>
              {canWrite && hasStarted && (
                <RegisterOneForm action={registerAgencyAction.bind(null, year.year)} agencyId={agency.id}
                  defaultDate={toIsoDate(lastDay)} minDate={toIsoDate(first)} maxDate={toIsoDate(lastDay)} />
              )}
            </div>
          ) : (
            <div className="space-y-4">
              <DetailList items={[
                { label: "Ngày đăng ký", value: formatDate(entry.registeredOn) },
                { label: "Kết quả", value: <AgencyResultBadge isRegistered result={entry.result} /> },
                { label: "Tiêu chuẩn chưa đạt", value: entry.unmetCodes.join(", ") },
                { label: "Ngày đánh giá", value: formatDate(entry.assessedOn) },
              ]} />
              {canWrite && entry.result === null && (
                <ConfirmAction action={unregisterAgencyAction.bind(null, year.year, agency.id, entry.version)} label="Hủy đăng ký" variant="secondary"
                  consequence={`Hủy đăng ký năm ${year.year} của ${agency.name}: đơn vị sẽ không được xét kết quả năm này.`} confirmLabel="Hủy đăng ký" />
              )}
              {canWrite && criteriaSet && criteriaSet.items.length > 0 ? (
                <div className="border-t border-slate-200 pt-4">
                  <h3 className="mb-1 font-semibold">Kết quả đánh giá của Công đoàn</h3>
                  <p className="mb-3 text-xs text-slate-600">Theo {criteriaSet.name} ({criteriaSet.legalBasis}).</p>
                  <AgencyResultForm action={saveAgencyResultAction.bind(null, year.year, agency.id)}
                    standards={criteriaSet.items}
                    initialMet={entry.result ? criteriaSet.items.map((i) => i.code).filter((c) => !entry.unmetCodes.includes(c)) : []}
                    assessedOn={toIsoDate(entry.assessedOn ?? (hasStarted ? lastDay : today))}
                    note={entry.note ?? ""} version={entry.version} maxDate={toIsoDate(today)} />
                </div>
              ) : canWrite ? (
                <p className="text-sm text-amber-800">{AGENCY_TITLE_MSG.noCriteria(AGENCY_KIND_LABEL[agency.kind])}</p>
              ) : entry.note ? (
                <p className="text-sm text-slate-700">Ghi chú: {entry.note}</p>
              ) : null}
            </div>
          )}
        </Card>

        <Card>
          <h2 className="mb-3 text-lg font-semibold">Công nhận đạt chuẩn văn hóa</h2>
          {standing && next ? (
            <div className="mb-4 space-y-2 text-sm">
              <p><StandingBadge standing={standing} /></p>
              <p>
                Năm đăng ký đầu tiên: <strong>{standing.firstYear}</strong>. Lần tới: công nhận {RECOGNITION_KIND_WORD[next.kind]} giai đoạn{" "}
                <strong>{periodText(next.periodFrom, next.periodTo)}</strong>, xét từ năm <strong>{next.dueYear}</strong>.
              </p>
              {standing.cycle.gaps.length > 0 && (
                <p className="text-amber-800">Năm chưa có kết quả đạt trong giai đoạn: {standing.cycle.gaps.join(", ")}.</p>
              )}
            </div>
          ) : (
            <p className="mb-4 text-sm text-slate-600">Đơn vị chưa đăng ký năm nào đến năm {year.year}, chưa tính chu kỳ công nhận.</p>
          )}
          {recognitions.length > 0 ? (
            <ul className="mb-4 space-y-3 text-sm">
              {recognitions.map((r) => (
                <li key={r.id} className="rounded-md border border-slate-200 p-3">
                  <p className="font-semibold">{RECOGNITION_KIND_LABEL[r.kind]} — giai đoạn {periodText(r.periodFrom, r.periodTo)}</p>
                  <p className="text-slate-700">Quyết định số {r.number} ngày {formatDate(r.decidedOn)} của {r.issuer}</p>
                  {r.note && <p className="text-slate-600">{r.note}</p>}
                  {canWrite && (
                    <div className="mt-2">
                      <ConfirmAction action={deleteRecognitionAction.bind(null, r.id)} label="Xóa (ghi nhầm)" variant="secondary"
                        consequence={`Xóa lần công nhận giai đoạn ${periodText(r.periodFrom, r.periodTo)} (số ${r.number}) khỏi hồ sơ đơn vị. Chu kỳ công nhận sẽ được tính lại.`}
                        confirmLabel="Xóa" />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mb-4 text-sm text-slate-600">Chưa ghi nhận lần công nhận nào.</p>
          )}
          {canWrite && (
            <div className="border-t border-slate-200 pt-4">
              <h3 className="mb-3 font-semibold">Ghi nhận quyết định công nhận</h3>
              <RecognitionForm action={recordRecognitionAction.bind(null, agency.id)} kinds={optionsOf(RECOGNITION_KIND_LABEL)} maxDate={toIsoDate(today)}
                initial={{
                  kind: next?.kind ?? "FIRST",
                  periodFrom: next ? String(next.periodFrom) : "",
                  periodTo: next ? String(next.periodTo) : "",
                  issuer: defaultIssuer(agency.province),
                  number: "",
                  decidedOn: "",
                  note: "",
                }} />
            </div>
          )}
        </Card>
      </div>

      <h2 className="mb-2 mt-6 text-lg font-semibold">Kết quả các năm</h2>
      {history.length === 0 ? (
        <p className="text-sm text-slate-600">Chưa có năm nào.</p>
      ) : (
        <DataTable head={["Năm", "Ngày đăng ký", "Kết quả", "Tiêu chuẩn chưa đạt", "Ngày đánh giá", "Ghi chú"]}>
          {history.map((h) => (
            <tr key={h.id} className="hover:bg-slate-50">
              <td className="px-3 py-2"><Link className={linkClass} href={`/agency-title/${h.year}/${agency.id}`}>{h.year}</Link></td>
              <td className="px-3 py-2 tabular-nums">{formatDate(h.registeredOn)}</td>
              <td className="px-3 py-2"><AgencyResultBadge isRegistered result={h.result} /></td>
              <td className="px-3 py-2">{h.unmetCodes.join(", ")}</td>
              <td className="px-3 py-2 tabular-nums">{formatDate(h.assessedOn)}</td>
              <td className="px-3 py-2">{h.note ?? ""}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
