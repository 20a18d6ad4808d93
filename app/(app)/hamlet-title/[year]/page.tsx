import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { CouncilStatusBadge, HamletResultBadge } from "@/components/hamlet-title/badges";
import { RegisterButton, UnregisterForm } from "@/components/hamlet-title/step-forms";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, EmptyState } from "@/components/ui/list-controls";
import { Card, DetailList, PageHeader } from "@/components/ui/page-header";
import { listYearNumbers } from "@/lib/campaign/queries";
import { formatDay, toIsoDate, todayInVietnam } from "@/lib/dates";
import { formatNumber, formatPercent } from "@/lib/format";
import { registerHamletAction, unregisterHamletAction } from "@/lib/hamlet-title/actions";
import { COUNCIL_STEP_LABEL } from "@/lib/hamlet-title/labels";
import { canReadCouncil, canReadHamletTitles, getTitleYear, listHamletEntries, type HamletEntryRow } from "@/lib/hamlet-title/queries";
import { can } from "@/lib/policy";
import { defaultRegistrationDay } from "@/lib/registration/rules";
import { requireActor } from "@/lib/session";
import { unregisterRefusal } from "@/lib/titles/rules";

export const metadata: Metadata = { title: "Xóm văn hóa" };

const STEPS = ["MEETING", "NOTICE", "PROPOSED", "DECIDED"] as const;

export default async function HamletTitleYearPage({ params }: { params: Promise<{ year: string }> }) {
  const actor = await requireActor();
  if (!canReadHamletTitles(actor)) forbidden();
  const { year: yearParam } = await params;
  const year = /^\d{4}$/.test(yearParam) ? await getTitleYear(actor, Number(yearParam)) : null;
  if (!year) notFound();
  const [{ rows, council, pendingComments, totalComments }, years] = await Promise.all([listHamletEntries(actor, year), listYearNumbers(actor)]);
  const today = todayInVietnam();
  const registerDay = toIsoDate(defaultRegistrationDay(year.year, today));
  const readsCouncil = canReadCouncil(actor);
  const managesCouncil = can(actor, "council.manage", { communeId: year.communeId });
  const base = `/hamlet-title/${year.year}`;
  const isHead = actor.role === "HAMLET_HEAD";
  const registered = rows.filter((r) => r.registeredOn).length;
  const reported = rows.filter((r) => r.reportedOn).length;
  const achieved = rows.filter((r) => r.result === "ACHIEVED").length;
  const stepIndex = council ? STEPS.indexOf(council.status) : -1;
  const mayWrite = (r: HamletEntryRow) => can(actor, "hamletTitle.write", { communeId: year.communeId, hamletId: r.hamletId });
  const gdvh = (r: HamletEntryRow) =>
    r.reportedOn && r.totalHouseholds !== null && r.recognisedHouseholds !== null ? formatPercent(r.recognisedHouseholds, r.totalHouseholds) : null;

  const registration = (r: HamletEntryRow) => {
    if (!mayWrite(r)) return null;
    if (!r.registeredOn) {
      return <RegisterButton action={registerHamletAction.bind(null, year.year, r.hamletId)} day={registerDay} hamletName={r.hamletName} />;
    }
    if (!unregisterRefusal({ reportedOn: r.reportedOn, votesFor: r.votesFor })) {
      return <UnregisterForm action={unregisterHamletAction.bind(null, year.year, r.hamletId)} year={year.year} />;
    }
    return null;
  };

  return (
    <>
      <PageHeader title={`Danh hiệu “Xóm văn hóa” năm ${year.year}`}
        subtitle={year.ruleSet.hamletRegistrationRequired
          ? "Chỉ xóm đã đăng ký từ đầu năm mới được gửi báo cáo thành tích."
          : "Năm này không bắt buộc đăng ký trước khi gửi báo cáo thành tích."} />
      {years.length > 1 && (
        <nav aria-label="Năm khác" className="mb-4 flex flex-wrap gap-2 text-sm">
          {years.map((y) => (
            <Link key={y} href={`/hamlet-title/${y}`} aria-current={y === year.year ? "page" : undefined}
              className={`rounded border px-3 py-2 ${y === year.year ? "border-brand-700 bg-brand-50 font-semibold" : "border-slate-300 bg-white"}`}>{y}</Link>
          ))}
        </nav>
      )}
      <div className="space-y-4">
        <Card>
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-lg font-semibold">Hội đồng thi đua, khen thưởng xã</h2>
            <CouncilStatusBadge status={council?.status ?? null} />
          </div>
          <ol className="mb-3 flex flex-wrap gap-2 text-sm" aria-label="Các bước">
            {STEPS.map((s, i) => (
              <li key={s} aria-current={i === stepIndex ? "step" : undefined}
                className={`rounded px-2 py-1 ${i < stepIndex ? "bg-green-50 text-green-900" : i === stepIndex ? "bg-brand-50 font-semibold text-brand-800" : "bg-slate-100 text-slate-600"}`}>
                {i < stepIndex ? "✓ " : `${i + 1}. `}{COUNCIL_STEP_LABEL[s]}
              </li>
            ))}
          </ol>
          {council ? (
            <DetailList items={[
              { label: "Ngày họp", value: `${formatDay(council.meetingDate)} · ${council.meetingPlace}` },
              { label: "Thành viên dự họp", value: `${formatNumber(council.membersPresent)}/${formatNumber(council.membersTotal)}` },
              {
                label: "Công khai kết quả",
                value: council.noticePostedOn && council.noticeEndsOn ? `Từ ${formatDay(council.noticePostedOn)} đến hết ngày ${formatDay(council.noticeEndsOn)}` : "",
              },
              ...(readsCouncil ? [{ label: "Ý kiến của người dân", value: totalComments ? `${totalComments} ý kiến${pendingComments ? `, còn ${pendingComments} chưa xử lý` : ""}` : "Chưa có" }] : []),
              {
                label: "Tờ trình",
                value: council.proposalNumber && council.proposalDate
                  ? `Số ${council.proposalNumber}/${council.proposalSymbol ?? ""} ngày ${formatDay(council.proposalDate)}` : "",
              },
            ]} />
          ) : (
            <p className="text-slate-600">Chưa có cuộc họp Hội đồng năm {year.year}.{managesCouncil ? " Khi các xóm đã gửi báo cáo, hãy ghi biên bản họp Hội đồng." : ""}</p>
          )}
          <div className="mt-4 flex flex-wrap gap-2">
            {readsCouncil && (
              <ButtonLink href={`${base}/council`} variant={managesCouncil && (!council || council.status === "MEETING") ? "primary" : "secondary"}>
                {council ? "Họp Hội đồng và biểu quyết" : managesCouncil ? "Ghi biên bản họp Hội đồng" : "Họp Hội đồng"}
              </ButtonLink>
            )}
            {readsCouncil && council && (
              <ButtonLink href={`${base}/notice`} variant={council.status === "NOTICE" ? "primary" : "secondary"}>Công khai và ý kiến</ButtonLink>
            )}
            {readsCouncil && council && council.status !== "MEETING" && (
              <ButtonLink href={`${base}/proposal`} variant="secondary">Tờ trình</ButtonLink>
            )}
            {council && council.status !== "MEETING" && (
              <a className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 underline" href={`/cong-khai/${council.id}`}>
                Trang công khai cho người dân
              </a>
            )}
            {council?.status === "DECIDED" && council.decisionId && (
              <a className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 underline" href={`/decisions/${council.decisionId}`}>
                Xem quyết định công nhận
              </a>
            )}
          </div>
        </Card>

        {!isHead && (
          <p className="text-sm text-slate-700" data-testid="hamlet-title-progress">
            Đã đăng ký {formatNumber(registered)}/{formatNumber(rows.length)} xóm · Đã gửi báo cáo {formatNumber(reported)} · Đạt {formatNumber(achieved)}
          </p>
        )}

        {rows.length === 0 ? (
          <EmptyState>Xã chưa có xóm nào.</EmptyState>
        ) : isHead ? (
          <ul className="space-y-3">
            {rows.map((r) => (
              <li key={r.hamletId} className="rounded-lg border border-slate-200 bg-white p-4">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Link className="text-lg font-semibold text-brand-700 underline" href={`${base}/${r.hamletId}`}>Xóm {r.hamletName}</Link>
                  <HamletResultBadge result={r.result} />
                </div>
                <p className="mt-2">{r.registeredOn ? `Đã đăng ký ngày ${formatDay(r.registeredOn)}` : "Chưa đăng ký"}</p>
                <p>{r.reportedOn ? `Đã gửi báo cáo ngày ${formatDay(r.reportedOn)} · Tỷ lệ hộ “Gia đình văn hóa” ${gdvh(r)}` : "Chưa gửi báo cáo thành tích"}</p>
                {r.reason && <p className="mt-1 text-sm text-slate-700">{r.reason}</p>}
                <div className="mt-3 flex flex-wrap gap-2">
                  <ButtonLink href={`${base}/${r.hamletId}`} className="min-h-12 w-full sm:w-auto">
                    {r.reportedOn ? "Xem, sửa báo cáo thành tích" : "Lập báo cáo thành tích"}
                  </ButtonLink>
                  {registration(r)}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <DataTable head={["Xóm", "Đăng ký", "Báo cáo (tỷ lệ hộ GĐVH)", "Tiêu chí chưa đạt", "Biểu quyết (tán thành / không)", "Kết quả", ""]}>
            {rows.map((r) => (
              <tr key={r.hamletId} className="align-top hover:bg-slate-50">
                <td className="px-3 py-2 font-medium">
                  <Link className="text-brand-700 underline-offset-2 hover:underline" href={`${base}/${r.hamletId}`}>{r.hamletName}</Link>
                </td>
                <td className="px-3 py-2 tabular-nums">{r.registeredOn ? formatDay(r.registeredOn) : <span className="text-slate-500">Chưa đăng ký</span>}</td>
                <td className="px-3 py-2 tabular-nums">
                  {r.reportedOn ? <>{formatDay(r.reportedOn)} <span className="text-slate-600">({gdvh(r)})</span></> : <span className="text-slate-500">Chưa gửi</span>}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{r.reportedOn ? (r.unmetCount === 0 ? "Không" : formatNumber(r.unmetCount)) : ""}</td>
                <td className="px-3 py-2 tabular-nums">{r.votesFor !== null ? `${r.votesFor} / ${r.votesAgainst ?? 0}` : ""}</td>
                <td className="px-3 py-2">
                  <HamletResultBadge result={r.result} />
                  {r.reason && <span className="mt-1 block max-w-xs text-xs text-slate-700">{r.reason}</span>}
                </td>
                <td className="px-3 py-2">{registration(r)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </>
  );
}
