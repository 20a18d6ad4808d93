import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { HamletResultBadge } from "@/components/hamlet-title/badges";
import { CouncilMeetingForm, VotesForm } from "@/components/hamlet-title/council-forms";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, EmptyState } from "@/components/ui/list-controls";
import { Card, DetailList, PageHeader } from "@/components/ui/page-header";
import { formatDay, toIsoDate, todayInVietnam } from "@/lib/dates";
import { formatNumber, formatPercent } from "@/lib/format";
import { saveCouncilAction, saveVotesAction } from "@/lib/hamlet-title/actions";
import { canReadCouncil, getCouncilPage, getTitleYear } from "@/lib/hamlet-title/queries";
import { can } from "@/lib/policy";
import { OP_SIGN } from "@/lib/review/rules";
import { requireActor } from "@/lib/session";
import { canCouncilDo, COUNCIL_STATUS_LABEL } from "@/lib/titles/rules";

export const metadata: Metadata = { title: "Họp Hội đồng thi đua, khen thưởng xã" };

const SAVED: Record<string, string> = { meeting: "Đã lưu biên bản họp Hội đồng.", votes: "Đã lưu kết quả biểu quyết." };

export default async function CouncilPage({ params, searchParams }: {
  params: Promise<{ year: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const actor = await requireActor();
  if (!canReadCouncil(actor)) forbidden();
  const { year: yearParam } = await params;
  const year = /^\d{4}$/.test(yearParam) ? await getTitleYear(actor, Number(yearParam)) : null;
  const page = year ? await getCouncilPage(actor, year) : null;
  if (!year || !page) notFound();
  const { saved } = await searchParams;
  const { council, ruleSet, entries } = page;
  const manages = can(actor, "council.manage", { communeId: year.communeId });
  const base = `/hamlet-title/${year.year}`;
  const today = todayInVietnam();
  const isMeeting = !council || canCouncilDo(council.status, "saveMeeting");
  const voted = entries.filter((e) => council && e.councilId === council.id && e.votesFor !== null);
  const rate = (e: (typeof entries)[number]) =>
    e.totalHouseholds !== null && e.recognisedHouseholds !== null ? formatPercent(e.recognisedHouseholds, e.totalHouseholds) : "—";
  const approval = `${OP_SIGN[ruleSet.councilApprovalOp]} ${ruleSet.councilApprovalPct} % ${ruleSet.councilApprovalBase === "PRESENT" ? "số thành viên dự họp" : "tổng số thành viên Hội đồng"}`;

  return (
    <>
      <PageHeader title={`Họp Hội đồng thi đua, khen thưởng xã — năm ${year.year}`}
        subtitle={`Bình xét danh hiệu “Xóm văn hóa” theo ${ruleSet.name}: xóm đạt khi tán thành ${approval}.`}
        actions={<>
          {council && <a className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 underline" href={`/api/documents/council-minutes/${council.id}`}>Biên bản họp (Mẫu 06)</a>}
          <ButtonLink href={base} variant="secondary">Về trang năm {year.year}</ButtonLink>
        </>} />
      <div className="mx-auto max-w-4xl space-y-4">
        {saved && SAVED[saved] && <Alert tone="success">{SAVED[saved]}</Alert>}

        <Card>
          <h2 className="mb-3 text-lg font-semibold">Biên bản họp</h2>
          {manages && isMeeting ? (
            <CouncilMeetingForm action={saveCouncilAction.bind(null, year.year)} year={year.year} voted={voted.length} cancelHref={base}
              version={council?.version}
              initial={council ? {
                meetingDate: toIsoDate(council.meetingDate), meetingPlace: council.meetingPlace, chairName: council.chairName,
                secretaryName: council.secretaryName, membersTotal: String(council.membersTotal), membersPresent: String(council.membersPresent),
              } : {
                meetingDate: today.getUTCFullYear() === year.year ? toIsoDate(today) : `${year.year}-12-15`, meetingPlace: "Hội trường Ủy ban nhân dân xã",
                chairName: "", secretaryName: "", membersTotal: "", membersPresent: "",
              }} />
          ) : council ? (
            <>
              <DetailList items={[
                { label: "Ngày họp", value: formatDay(council.meetingDate) },
                { label: "Địa điểm", value: council.meetingPlace },
                { label: "Chủ tịch Hội đồng", value: council.chairName },
                { label: "Thư ký", value: council.secretaryName },
                { label: "Thành viên dự họp / tổng số", value: `${formatNumber(council.membersPresent)} / ${formatNumber(council.membersTotal)}` },
                { label: "Tình trạng", value: COUNCIL_STATUS_LABEL[council.status] },
              ]} />
              {manages && council.status === "NOTICE" && (
                <p className="mt-3 text-sm text-slate-700">Kết quả đang được công khai. Muốn sửa biên bản hoặc biểu quyết, hãy mở lại cuộc họp ở trang “Công khai và ý kiến”.</p>
              )}
            </>
          ) : (
            <EmptyState>Chưa có cuộc họp Hội đồng năm {year.year}.</EmptyState>
          )}
        </Card>

        {council && (
          <Card>
            <h2 className="mb-3 text-lg font-semibold">Biểu quyết từng xóm</h2>
            {page.registeredNotReported > 0 && (
              <p className="mb-3 text-sm text-amber-900">Còn {page.registeredNotReported} xóm đã đăng ký nhưng chưa gửi báo cáo thành tích.</p>
            )}
            {entries.length === 0 ? (
              <EmptyState>Chưa có xóm nào gửi báo cáo thành tích. Hội đồng chỉ biểu quyết các xóm đã gửi báo cáo.</EmptyState>
            ) : manages && canCouncilDo(council.status, "vote") ? (
              <VotesForm action={saveVotesAction.bind(null, year.year, council.id)} version={council.version}
                rule={ruleSet} membersTotal={council.membersTotal} membersPresent={council.membersPresent} cancelHref={base}
                rows={entries.map((e) => ({
                  hamletId: e.hamletId, hamletName: e.hamletName, recognisedRate: rate(e), unmetCodes: e.unmetCodes,
                  votesFor: e.councilId === council.id ? e.votesFor : null, votesAgainst: e.councilId === council.id ? e.votesAgainst : null,
                }))} />
            ) : (
              <DataTable head={["Xóm", "Tỷ lệ hộ GĐVH", "Tiêu chí chưa đạt", "Tán thành / không", "Kết quả", "Lý do"]}>
                {entries.map((e) => (
                  <tr key={e.id} className="align-top">
                    <td className="px-3 py-2 font-medium">{e.hamletName}</td>
                    <td className="px-3 py-2 tabular-nums">{rate(e)}</td>
                    <td className="px-3 py-2">{e.unmetCodes.join(", ") || "Không"}</td>
                    <td className="px-3 py-2 tabular-nums">{e.votesFor !== null ? `${e.votesFor} / ${e.votesAgainst ?? 0}` : ""}</td>
                    <td className="px-3 py-2"><HamletResultBadge result={e.votesFor !== null ? e.result : null} /></td>
                    <td className="px-3 py-2 text-slate-700">{e.reason}</td>
                  </tr>
                ))}
              </DataTable>
            )}
            {manages && council.status === "MEETING" && voted.length > 0 && (
              <div className="mt-4 border-t border-slate-200 pt-4">
                <p className="mb-2 text-sm text-slate-700">Đã biểu quyết {voted.length} xóm. Bước tiếp theo: công khai kết quả để lấy ý kiến người dân.</p>
                <ButtonLink href={`${base}/notice`}>Công khai kết quả</ButtonLink>
              </div>
            )}
          </Card>
        )}
      </div>
    </>
  );
}
