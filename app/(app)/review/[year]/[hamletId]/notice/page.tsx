import type { Metadata } from "next";
import { forbidden, notFound, redirect } from "next/navigation";
import { NoticeForm, ObjectionForm, ReopenForm, ResolveObjectionForm } from "@/components/review/action-forms";
import { ResultBadge } from "@/components/review/badges";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/list-controls";
import { Card, PageHeader } from "@/components/ui/page-header";
import { formatDay, toIsoDate, todayInVietnam } from "@/lib/dates";
import { can } from "@/lib/policy";
import { postNoticeAction, recordObjectionAction, reopenMeetingAction, resolveObjectionAction } from "@/lib/review/actions";
import { OBJECTION_OUTCOME_LABEL } from "@/lib/review/labels";
import { canReadReviews, getNoticePage } from "@/lib/review/queries";
import { canReviewDo, noticeEndsOn } from "@/lib/review/rules";
import { DEFAULT_NOTICE_CHANNEL, REVIEW_MSG } from "@/lib/review/schema";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Niêm yết danh sách" };

export default async function NoticePage({ params }: { params: Promise<{ year: string; hamletId: string }> }) {
  const actor = await requireActor();
  if (!canReadReviews(actor)) forbidden();
  const { year: yearParam, hamletId } = await params;
  const data = /^\d{4}$/.test(yearParam) ? await getNoticePage(actor, Number(yearParam), hamletId) : null;
  if (!data) notFound();
  const base = `/review/${data.year.year}/${data.hamlet.id}`;
  if (!data.review) redirect(base);
  const { review, year } = data;
  const canWrite = can(actor, "review.write", { communeId: data.hamlet.communeId, hamletId: data.hamlet.id });
  const today = todayInVietnam();
  const todayIso = toIsoDate(today);
  const achieved = data.households.filter((h) => h.result === "ACHIEVED").length;
  const canPost = canWrite && canReviewDo(review.status, "postNotice");
  const noticeWindow = review.noticePostedOn && review.noticeEndsOn ? { from: toIsoDate(review.noticePostedOn), to: toIsoDate(review.noticeEndsOn) } : null;
  const canObject = canWrite && canReviewDo(review.status, "recordObjection") && noticeWindow !== null;
  const options = data.households.map((h) => ({ value: h.id, label: h.headName }));

  return (
    <>
      <PageHeader title="Niêm yết công khai danh sách" subtitle={`Xóm ${data.hamlet.name} · năm ${year.year}`}
        actions={<>
          {review.noticePostedOn && <ButtonLink href={`${base}/notice/print`} variant="secondary">In thông báo</ButtonLink>}
          <ButtonLink href={base} variant="secondary">Về hồ sơ của xóm</ButtonLink>
        </>} />
      <div className="mx-auto max-w-3xl space-y-4">
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Thời gian niêm yết</h2>
          {review.noticePostedOn && review.noticeEndsOn ? (
            <p className="text-base">
              Niêm yết từ <strong>{formatDay(review.noticePostedOn)}</strong> đến hết ngày <strong>{formatDay(review.noticeEndsOn)}</strong> tại {review.noticeChannel}.
              {today > review.noticeEndsOn ? " Đã hết thời gian niêm yết." : ""}
            </p>
          ) : (
            <p className="text-slate-600">
              Danh sách chưa được niêm yết. Thời gian niêm yết là {year.noticeDays} ngày kể từ ngày sau ngày niêm yết
              (ví dụ niêm yết hôm nay thì lấy ý kiến đến hết ngày {formatDay(noticeEndsOn(today, year.noticeDays))}).
            </p>
          )}
          <p className="mt-2 text-sm text-slate-700">Danh sách niêm yết có {achieved} hộ đề nghị công nhận; {data.households.length - achieved} hộ không đủ điều kiện (không nêu tên, lý do).</p>
          {canPost && (
            <div className="mt-4 border-t border-slate-200 pt-4">
              {!review.isQuorate && <Alert>{REVIEW_MSG.inquorate}</Alert>}
              {review.isQuorate && data.missing > 0 && <Alert tone="warning">{REVIEW_MSG.missing(data.missing)}</Alert>}
              {review.isQuorate && data.missing === 0 && (
                <NoticeForm action={postNoticeAction.bind(null, review.id)} today={todayIso} channel={DEFAULT_NOTICE_CHANNEL} />
              )}
            </div>
          )}
          {canWrite && canReviewDo(review.status, "reopenMeeting") && (
            <div className="mt-4 border-t border-slate-200 pt-4">
              <p className="mb-2 text-sm text-slate-700">Cần sửa biên bản hoặc kết quả của hộ? Mở lại biên bản (ngày niêm yết sẽ bị hủy, phải niêm yết lại).</p>
              <ReopenForm action={reopenMeetingAction.bind(null, review.id)} />
            </div>
          )}
        </Card>

        <Card>
          <h2 className="mb-3 text-lg font-semibold">Ý kiến phản ánh ({data.objections.length})</h2>
          {data.objections.length === 0 ? (
            <EmptyState>Chưa có ý kiến phản ánh nào.</EmptyState>
          ) : (
            <ul className="space-y-3">
              {data.objections.map((o) => {
                const household = data.households.find((h) => h.id === o.householdId);
                return (
                  <li key={o.id} className="rounded-md border border-slate-200 p-3">
                    <p className="flex flex-wrap items-center gap-2 font-semibold">
                      {o.householdName} {household && <ResultBadge result={household.result} />}
                      <span className={`text-sm ${o.outcome === "PENDING" ? "text-amber-800" : "text-slate-700"}`}>· {OBJECTION_OUTCOME_LABEL[o.outcome]}</span>
                    </p>
                    <p className="mt-1 text-sm text-slate-700">Nhận ngày {formatDay(o.receivedOn)} từ {o.raisedBy}: {o.content}</p>
                    {o.resolution && <p className="mt-1 text-sm text-slate-700">Giải quyết ngày {o.resolvedOn ? formatDay(o.resolvedOn) : ""}: {o.resolution}</p>}
                    {o.outcome === "PENDING" && canObject && (
                      <div className="mt-3 border-t border-slate-100 pt-3">
                        <ResolveObjectionForm action={resolveObjectionAction.bind(null, o.id)} today={todayIso} idPrefix={`o-${o.id}`} />
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {canObject && noticeWindow && (
            <div className="mt-4 border-t border-slate-200 pt-4">
              <h3 className="mb-2 font-semibold">Ghi ý kiến mới</h3>
              <ObjectionForm action={recordObjectionAction.bind(null, review.id)} households={options}
                window={{ from: noticeWindow.from, to: noticeWindow.to < todayIso ? noticeWindow.to : todayIso }} />
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
