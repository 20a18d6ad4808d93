import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { CouncilStatusBadge, HamletResultBadge } from "@/components/hamlet-title/badges";
import { ReportForm, type ReportCriterionView } from "@/components/hamlet-title/report-form";
import { ReportSummary } from "@/components/hamlet-title/report-summary";
import { RegisterForm, UnregisterForm } from "@/components/hamlet-title/step-forms";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, DetailList, PageHeader } from "@/components/ui/page-header";
import { formatDay, toIsoDate, todayInVietnam } from "@/lib/dates";
import { registerHamletAction, saveReportAction, unregisterHamletAction } from "@/lib/hamlet-title/actions";
import { HAMLET_TITLE_MSG } from "@/lib/hamlet-title/labels";
import { canReadHamletTitles, getEntryPage, getTitleYear, type EntryPage } from "@/lib/hamlet-title/queries";
import { can } from "@/lib/policy";
import { defaultRegistrationDay } from "@/lib/registration/rules";
import { requireActor } from "@/lib/session";
import { isEnteredMetric, isRatioCriterion, reportRefusal, unregisterRefusal } from "@/lib/titles/rules";

export const metadata: Metadata = { title: "Báo cáo thành tích xóm" };

const str = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));

/** The report form's first values: the saved report, else the figures on record for a new one. */
function initialValues(page: EntryPage, criteria: ReportCriterionView[], today: string): Record<string, string> {
  const { entry, prefill } = page;
  const saved = entry?.reportedOn ? entry : null;
  const resultBy = new Map((saved?.results ?? []).map((r) => [r.code, r]));
  const values: Record<string, string> = saved
    ? {
      reportedOn: toIsoDate(saved.reportedOn!), totalHouseholds: str(saved.totalHouseholds), recognisedHouseholds: str(saved.recognisedHouseholds),
      poorHouseholds: str(saved.poorHouseholds), nearPoorHouseholds: str(saved.nearPoorHouseholds), hasCulturalHouse: saved.hasCulturalHouse ? "on" : "",
      schoolAgeChildren: str(saved.schoolAgeChildren), childrenInSchool: str(saved.childrenInSchool),
      overview: saved.overview ?? "", commitments: saved.commitments ?? "",
    }
    : {
      reportedOn: today, totalHouseholds: str(prefill.totalHouseholds), recognisedHouseholds: str(prefill.recognisedHouseholds),
      poorHouseholds: str(prefill.poorHouseholds), nearPoorHouseholds: str(prefill.nearPoorHouseholds), hasCulturalHouse: prefill.hasCulturalHouse ? "on" : "",
      schoolAgeChildren: "", childrenInSchool: "", overview: "", commitments: "",
    };
  for (const c of criteria) {
    const r = resultBy.get(c.code);
    values[`criteria.${c.code}.note`] = r?.note ?? "";
    if (isRatioCriterion(c)) {
      if (isEnteredMetric(c.metric)) values[`criteria.${c.code}.value`] = r?.value === null || r?.value === undefined ? "" : String(r.value).replace(".", ",");
    } else {
      values[`criteria.${c.code}.isMet`] = r?.isMet ? "on" : "";
    }
  }
  return values;
}

export default async function HamletEntryPage({ params, searchParams }: {
  params: Promise<{ year: string; hamletId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const actor = await requireActor();
  if (!canReadHamletTitles(actor)) forbidden();
  const { year: yearParam, hamletId } = await params;
  const year = /^\d{4}$/.test(yearParam) ? await getTitleYear(actor, Number(yearParam)) : null;
  const page = year ? await getEntryPage(actor, year, hamletId) : null;
  if (!year || !page) notFound();
  const { saved } = await searchParams;
  const { hamlet, entry, council, criteriaSet } = page;
  const canWrite = can(actor, "hamletTitle.write", { communeId: hamlet.communeId, hamletId: hamlet.id });
  const today = todayInVietnam();
  const todayIso = toIsoDate(today);
  const base = `/hamlet-title/${year.year}`;
  const isRegistered = !!entry?.registeredOn;
  const hasVote = entry?.votesFor !== null && entry?.votesFor !== undefined;
  const criteria: ReportCriterionView[] = criteriaSet?.items ?? [];
  const notRegistered = year.ruleSet.hamletRegistrationRequired && !isRegistered;
  const refusal = reportRefusal(council?.status ?? null, hasVote);
  const canEditReport = canWrite && !notRegistered && !refusal && criteriaSet !== null;
  const savedReport = entry?.reportedOn ? { ...entry, reportedOn: entry.reportedOn } : null;

  return (
    <>
      <PageHeader title={`Xóm ${hamlet.name} · “Xóm văn hóa” năm ${year.year}`}
        subtitle={<span className="inline-flex flex-wrap items-center gap-2">Hội đồng xã: <CouncilStatusBadge status={council?.status ?? null} /></span>}
        actions={<ButtonLink href={base} variant="secondary">{actor.role === "HAMLET_HEAD" ? "Về trang năm" : "Các xóm"}</ButtonLink>} />
      <div className="mx-auto max-w-3xl space-y-4">
        {saved === "report" && <Alert tone="success">Đã lưu báo cáo thành tích.</Alert>}

        <Card>
          <h2 className="mb-2 text-lg font-semibold">Đăng ký xây dựng danh hiệu</h2>
          <p className="text-base">
            {isRegistered ? <>Xóm đã đăng ký ngày <strong>{formatDay(entry!.registeredOn!)}</strong>.</> : "Xóm chưa đăng ký năm này."}
          </p>
          {!isRegistered && year.ruleSet.hamletRegistrationRequired && (
            <p className="mt-1 text-sm text-slate-700">Năm này phải đăng ký trước khi gửi báo cáo thành tích.</p>
          )}
          {canWrite && !isRegistered && (
            <div className="mt-3">
              <RegisterForm action={registerHamletAction.bind(null, year.year, hamlet.id)} defaultDay={toIsoDate(defaultRegistrationDay(year.year, today))}
                min={`${year.year}-01-01`} max={todayIso < `${year.year}-12-31` ? todayIso : `${year.year}-12-31`} />
            </div>
          )}
          {canWrite && entry && isRegistered && !unregisterRefusal(entry) && (
            <div className="mt-3"><UnregisterForm action={unregisterHamletAction.bind(null, year.year, hamlet.id)} year={year.year} /></div>
          )}
        </Card>

        {hasVote && (
          <Card>
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
              <h2 className="text-lg font-semibold">Kết quả bình xét của Hội đồng</h2>
              <HamletResultBadge result={entry!.result} />
            </div>
            <DetailList items={[
              { label: "Số phiếu tán thành / không tán thành", value: `${entry!.votesFor} / ${entry!.votesAgainst ?? 0}` },
              { label: "Lý do", value: entry!.reason ?? "" },
            ]} />
          </Card>
        )}

        <Card>
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-lg font-semibold">Báo cáo thành tích (Mẫu 05)</h2>
            {entry?.reportedOn && (
              <a className="text-sm font-medium text-brand-700 underline" href={`/api/documents/hamlet-report/${entry.id}`}>Tải báo cáo (.docx)</a>
            )}
          </div>
          {criteriaSet ? (
            <p className="mb-3 text-sm text-slate-600">Theo {criteriaSet.name} (phiên bản {criteriaSet.version}).</p>
          ) : (
            <Alert tone="warning">{HAMLET_TITLE_MSG.noCriteria}</Alert>
          )}
          {canWrite && notRegistered && <Alert tone="warning">{HAMLET_TITLE_MSG.notRegistered(year.year)}</Alert>}
          {canWrite && !notRegistered && refusal && <div className="mb-3"><Alert tone="info">{refusal}</Alert></div>}
          {canEditReport ? (
            <ReportForm action={saveReportAction.bind(null, year.year, hamlet.id)} criteria={criteria} initial={initialValues(page, criteria, todayIso)}
              version={entry?.version} onRecord={page.prefill} cancelHref={base} minDay={`${year.year}-01-01`} today={todayIso} />
          ) : savedReport ? (
            <ReportSummary report={savedReport} criteria={criteria} />
          ) : (
            !canWrite && <p className="text-slate-600">Xóm chưa gửi báo cáo thành tích.</p>
          )}
        </Card>
      </div>
    </>
  );
}
