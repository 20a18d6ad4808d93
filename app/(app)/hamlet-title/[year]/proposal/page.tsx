import type { Metadata } from "next";
import { forbidden, notFound, redirect } from "next/navigation";
import { CouncilStatusBadge, HamletResultBadge } from "@/components/hamlet-title/badges";
import { ProposalForm } from "@/components/hamlet-title/step-forms";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/list-controls";
import { Card, DetailList, PageHeader } from "@/components/ui/page-header";
import { formatDay, toIsoDate, todayInVietnam } from "@/lib/dates";
import { formatPercent } from "@/lib/format";
import { proposeCouncilAction } from "@/lib/hamlet-title/actions";
import { DEFAULT_PROPOSAL_SYMBOL, HAMLET_TITLE_MSG } from "@/lib/hamlet-title/labels";
import { canReadCouncil, getProposalPage, getTitleYear } from "@/lib/hamlet-title/queries";
import { can } from "@/lib/policy";
import { firstSubmitDay, noticeOpenMessage } from "@/lib/review/rules";
import { requireActor } from "@/lib/session";
import { canCouncilDo } from "@/lib/titles/rules";

export const metadata: Metadata = { title: "Tờ trình đề nghị công nhận xóm văn hóa" };

export default async function ProposalPage({ params, searchParams }: {
  params: Promise<{ year: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const actor = await requireActor();
  if (!canReadCouncil(actor)) forbidden();
  const { year: yearParam } = await params;
  const year = /^\d{4}$/.test(yearParam) ? await getTitleYear(actor, Number(yearParam)) : null;
  const page = year ? await getProposalPage(actor, year) : null;
  if (!year || !page) notFound();
  const base = `/hamlet-title/${year.year}`;
  const { council, achieved, notAchieved, pending } = page;
  if (!council) redirect(`${base}/council`);
  const { saved } = await searchParams;
  const manages = can(actor, "council.manage", { communeId: year.communeId });
  const today = todayInVietnam();
  const todayIso = toIsoDate(today);
  const openFrom = council.noticeEndsOn ? firstSubmitDay(council.noticeEndsOn) : null;
  const blocker = !council.noticeEndsOn
    ? HAMLET_TITLE_MSG.noNotice
    : today < openFrom! ? noticeOpenMessage(council.noticeEndsOn)
      : pending > 0 ? HAMLET_TITLE_MSG.pendingComments(pending)
        : achieved.length === 0 ? HAMLET_TITLE_MSG.noAchieved : null;
  const rate = (e: (typeof achieved)[number]) =>
    e.totalHouseholds !== null && e.recognisedHouseholds !== null ? formatPercent(e.recognisedHouseholds, e.totalHouseholds) : "—";

  return (
    <>
      <PageHeader title={`Tờ trình đề nghị công nhận “Xóm văn hóa” năm ${year.year}`}
        subtitle={<span className="inline-flex flex-wrap items-center gap-2">Tình trạng: <CouncilStatusBadge status={council.status} /></span>}
        actions={<ButtonLink href={base} variant="secondary">Về trang năm {year.year}</ButtonLink>} />
      <div className="mx-auto max-w-3xl space-y-4">
        {saved && <Alert tone="success">Đã lập tờ trình. Hồ sơ chờ quyết định công nhận.</Alert>}

        <Card>
          <h2 className="mb-3 text-lg font-semibold">Các xóm đề nghị công nhận ({achieved.length})</h2>
          {achieved.length === 0 ? (
            <EmptyState>Chưa có xóm nào đạt.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
              {achieved.map((e) => (
                <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                  <span><strong>Xóm {e.hamletName}</strong> <span className="text-sm text-slate-700">· tán thành {e.votesFor} · hộ GĐVH {rate(e)}</span></span>
                  <HamletResultBadge result={e.result} />
                </li>
              ))}
            </ul>
          )}
          {notAchieved.length > 0 && (
            <p className="mt-3 text-sm text-slate-700">Không đề nghị: {notAchieved.map((e) => `${e.hamletName} (${e.reason ?? "không đạt"})`).join("; ")}.</p>
          )}
        </Card>

        <Card>
          <h2 className="mb-3 text-lg font-semibold">Tờ trình (Mẫu 04)</h2>
          {council.proposalNumber && council.proposalDate ? (
            <>
              <DetailList items={[
                { label: "Số, ký hiệu", value: `${council.proposalNumber}/${council.proposalSymbol ?? ""}` },
                { label: "Ngày", value: formatDay(council.proposalDate) },
              ]} />
              <div className="mt-4 flex flex-wrap gap-x-4 gap-y-2 text-sm">
                <a className="font-medium text-brand-700 underline" href={`/api/documents/hamlet-proposal/${council.id}`}>Tải tờ trình (.docx)</a>
                {council.status === "DECIDED" && council.decisionId && (
                  <a className="font-medium text-brand-700 underline" href={`/decisions/${council.decisionId}`}>Xem quyết định công nhận</a>
                )}
              </div>
              {council.status === "PROPOSED" && <p className="mt-3 text-sm text-slate-700">Hồ sơ đang chờ quyết định công nhận.</p>}
            </>
          ) : canCouncilDo(council.status, "propose") ? (
            <>
              {openFrom && <p className="mb-3 text-sm text-slate-700">Có thể lập tờ trình từ ngày {formatDay(openFrom)} (sau khi hết thời gian công khai).</p>}
              {blocker ? (
                <Alert tone="warning">{blocker}</Alert>
              ) : manages ? (
                <ProposalForm action={proposeCouncilAction.bind(null, year.year, council.id)} version={council.version} today={todayIso}
                  minDay={toIsoDate(openFrom!)} initial={{ proposalNumber: "", proposalSymbol: DEFAULT_PROPOSAL_SYMBOL, proposalDate: todayIso }} />
              ) : (
                <p className="text-slate-600">Chưa lập tờ trình.</p>
              )}
            </>
          ) : (
            <p className="text-slate-600">Cần công khai kết quả bình xét của Hội đồng trước khi lập tờ trình.</p>
          )}
        </Card>
      </div>
    </>
  );
}
