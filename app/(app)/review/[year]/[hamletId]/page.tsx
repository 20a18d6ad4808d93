import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { AcceptForm, BulkAssessForm, ReturnForm, SubmitDossierForm } from "@/components/review/action-forms";
import { ResultBadge, ReviewStatusBadge } from "@/components/review/badges";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/list-controls";
import { Card, DetailList, PageHeader } from "@/components/ui/page-header";
import { formatDay, todayInVietnam } from "@/lib/dates";
import { formatDateTime, formatNumber } from "@/lib/format";
import { can } from "@/lib/policy";
import { acceptReviewAction, assessRemainingAction, returnReviewAction, submitReviewAction } from "@/lib/review/actions";
import { BALLOT_METHOD_LABEL, OBJECTION_OUTCOME_LABEL, REVIEW_EVENT_LABEL } from "@/lib/review/labels";
import { canReadReviews, getReviewHub } from "@/lib/review/queries";
import { canReviewDo, firstSubmitDay } from "@/lib/review/rules";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Hồ sơ bình xét của xóm" };

const SAVED: Record<string, string> = {
  meeting: "Đã lưu biên bản họp.",
  assessments: "Đã lưu. Không còn hộ nào chưa bình xét.",
};

export default async function ReviewHubPage({ params, searchParams }: {
  params: Promise<{ year: string; hamletId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const actor = await requireActor();
  if (!canReadReviews(actor)) forbidden();
  const { year: yearParam, hamletId } = await params;
  const hub = /^\d{4}$/.test(yearParam) ? await getReviewHub(actor, Number(yearParam), hamletId) : null;
  if (!hub) notFound();
  const { saved } = await searchParams;
  const { year, hamlet, review, counts } = hub;
  const at = { communeId: hamlet.communeId, hamletId: hamlet.id };
  const canWrite = can(actor, "review.write", at);
  const canVerify = can(actor, "review.verify", at);
  const base = `/review/${year.year}/${hamlet.id}`;
  const today = todayInVietnam();
  const status = review?.status ?? null;
  const may = (event: Parameters<typeof canReviewDo>[1]) => status !== null && canReviewDo(status, event);
  const remaining = counts.active - counts.assessedActive;
  const meetingLate = review ? review.meetingDate > year.meetingDeadline : today > year.meetingDeadline;
  const reviewLate = today > year.reviewDeadline && (!review || ["MEETING", "NOTICE", "RETURNED"].includes(review.status));
  const pendingObjections = hub.objections.filter((o) => o.outcome === "PENDING").length;
  const assessedOptions = hub.households.filter((h) => h.result !== null).map((h) => ({ value: h.id, label: h.headName }));

  return (
    <>
      <PageHeader title={`Xóm ${hamlet.name} · Bình xét năm ${year.year}`}
        subtitle={<span className="inline-flex flex-wrap items-center gap-2">Trạng thái: <ReviewStatusBadge status={status} /></span>}
        actions={<>
          <ButtonLink href={`${base}/registration`} variant="secondary">Đăng ký</ButtonLink>
          {actor.role !== "HAMLET_HEAD" && <ButtonLink href={`/review/${year.year}`} variant="secondary">Các xóm</ButtonLink>}
        </>} />
      <div className="mx-auto max-w-4xl space-y-4">
        {saved && SAVED[saved] && <Alert tone="success">{SAVED[saved]}</Alert>}
        {hub.lastReturn && (
          <div className="rounded-md border-2 border-orange-400 bg-orange-50 p-4 text-orange-950" role="status">
            <p className="font-semibold">↩ Xã trả lại hồ sơ ngày {formatDateTime(hub.lastReturn.createdAt)} ({hub.lastReturn.actorName})</p>
            <p className="mt-1">Lý do: {hub.lastReturn.reason}</p>
            {hub.lastReturn.householdName && <p className="mt-1">Về hộ: <strong>{hub.lastReturn.householdName}</strong></p>}
            <p className="mt-2 text-sm">Sửa biên bản, kết quả hoặc ý kiến phản ánh, rồi nộp lại.</p>
          </div>
        )}
        {review && !review.isQuorate && (
          <div className="rounded-md border-2 border-red-400 bg-red-50 p-4 text-red-950" role="alert">
            <p className="font-semibold">Cuộc họp không đủ điều kiện tiến hành</p>
            <p className="mt-1">{review.quorumNote}</p>
          </div>
        )}

        <Card>
          <h2 className="mb-3 text-lg font-semibold">Thời hạn</h2>
          <DetailList items={[
            { label: "Hạn họp bình xét ở xóm", value: <span className={meetingLate ? "font-semibold text-red-800" : ""}>{formatDay(year.meetingDeadline)}{meetingLate && (review ? " — đã họp sau hạn" : " — đã quá hạn")}</span> },
            { label: "Hạn hoàn thành bình xét", value: <span className={reviewLate ? "font-semibold text-red-800" : ""}>{formatDay(year.reviewDeadline)}{reviewLate && " — đã quá hạn"}</span> },
          ]} />
        </Card>

        <Card>
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-lg font-semibold">Cuộc họp bình xét</h2>
            {canWrite && (!review || may("saveMeeting")) && (
              <ButtonLink href={`${base}/meeting`} variant={review ? "secondary" : "primary"}>{review ? "Sửa biên bản họp" : "Ghi biên bản họp"}</ButtonLink>
            )}
          </div>
          {review ? (
            <>
              <DetailList items={[
                { label: "Ngày họp", value: formatDay(review.meetingDate) },
                { label: "Địa điểm", value: review.meetingPlace },
                { label: "Chủ trì", value: review.chairName },
                { label: "Thư ký", value: review.secretaryName },
                { label: "Có mặt / được mời", value: `${formatNumber(review.presentCount)} / ${formatNumber(review.invitedCount)}` },
                { label: "Hình thức biểu quyết", value: BALLOT_METHOD_LABEL[review.ballotMethod] },
              ]} />
              {review.isQuorate && <p className="mt-3 text-sm text-slate-700">{review.quorumNote}</p>}
            </>
          ) : (
            <EmptyState>Chưa có cuộc họp bình xét năm {year.year}.{canWrite ? " Bấm “Ghi biên bản họp” để bắt đầu." : ""}</EmptyState>
          )}
        </Card>

        {review && (
          <Card>
            <h2 className="mb-2 text-lg font-semibold">Bình xét từng hộ</h2>
            <p className="text-base font-semibold" data-testid="review-progress">
              Đã bình xét {formatNumber(counts.assessedActive)}/{formatNumber(counts.active)} hộ
              {remaining > 0 && <span className="font-normal text-slate-600"> · còn {formatNumber(remaining)} hộ chưa bình xét</span>}
            </p>
            <div className="mt-2 h-3 overflow-hidden rounded bg-slate-200" aria-hidden>
              <div className="h-full bg-brand-600" style={{ width: `${counts.active ? Math.round((counts.assessedActive / counts.active) * 100) : 0}%` }} />
            </div>
            <p className="mt-2 text-sm text-slate-700">
              Đạt {formatNumber(counts.achieved)} · Không đạt {formatNumber(counts.notAchieved)} · Không xét {formatNumber(counts.excluded)} · Đã đăng ký {formatNumber(counts.registered)}
            </p>
            {canWrite && may("saveAssessment") && review.isQuorate && remaining > 0 && (
              <div className="mt-4 space-y-4">
                {hub.firstUnassessedId && (
                  <ButtonLink href={`${base}/households/${hub.firstUnassessedId}`} className="min-h-12 w-full text-base sm:w-auto">Tiếp tục bình xét</ButtonLink>
                )}
                <details className="rounded-md border border-slate-200 p-3">
                  <summary className="min-h-11 cursor-pointer py-2 font-medium">Ghi kết quả cho các hộ còn lại</summary>
                  <div className="mt-2">
                    <BulkAssessForm action={assessRemainingAction.bind(null, review.id)} remaining={remaining} present={review.presentCount}
                      consensus={review.ballotMethod === "CONSENSUS"} />
                  </div>
                </details>
              </div>
            )}
          </Card>
        )}

        {review && (
          <Card>
            <h2 className="mb-3 text-lg font-semibold">Niêm yết và nộp hồ sơ</h2>
            {review.noticePostedOn && review.noticeEndsOn ? (
              <p>Niêm yết từ {formatDay(review.noticePostedOn)} đến hết ngày {formatDay(review.noticeEndsOn)} ({review.noticeChannel}).</p>
            ) : (
              <p className="text-slate-600">Chưa niêm yết danh sách.</p>
            )}
            {hub.objections.length > 0 && (
              <p className="mt-1 text-sm">Ý kiến phản ánh: {hub.objections.length}{pendingObjections > 0 && <strong className="text-amber-800"> (còn {pendingObjections} chưa giải quyết)</strong>}</p>
            )}
            {review.submittedAt && <p className="mt-1 text-sm">Nộp hồ sơ lúc {formatDateTime(review.submittedAt)}.</p>}
            {review.acceptedAt && <p className="mt-1 text-sm">Xã tiếp nhận lúc {formatDateTime(review.acceptedAt)}.</p>}
            <div className="mt-3 flex flex-wrap gap-2">
              <ButtonLink href={`${base}/notice`} variant={may("postNotice") && remaining === 0 ? "primary" : "secondary"}>
                {may("postNotice") && canWrite ? "Niêm yết danh sách" : "Niêm yết và ý kiến phản ánh"}
              </ButtonLink>
              {review.noticePostedOn && <ButtonLink href={`${base}/notice/print`} variant="secondary">In thông báo niêm yết</ButtonLink>}
            </div>
            {canWrite && may("submit") && (
              <div className="mt-4 border-t border-slate-200 pt-4">
                {review.noticeEndsOn && today <= review.noticeEndsOn && (
                  <p className="mb-2 text-sm text-slate-700">Có thể nộp hồ sơ từ ngày {formatDay(firstSubmitDay(review.noticeEndsOn))}.</p>
                )}
                <SubmitDossierForm action={submitReviewAction.bind(null, review.id)} />
              </div>
            )}
            {canVerify && may("accept") && (
              <div className="mt-4 grid gap-4 border-t border-slate-200 pt-4 sm:grid-cols-2">
                <div>
                  <h3 className="mb-2 font-semibold">Kiểm tra hồ sơ</h3>
                  <p className="mb-3 text-sm text-slate-700">Hồ sơ đủ: {formatNumber(counts.achieved)} hộ đạt được đưa vào dự thảo quyết định.</p>
                  <AcceptForm action={acceptReviewAction.bind(null, review.id)} />
                </div>
                <ReturnForm action={returnReviewAction.bind(null, review.id)} households={assessedOptions} />
              </div>
            )}
            <div className="mt-4 flex flex-wrap gap-x-4 gap-y-2 border-t border-slate-200 pt-4 text-sm">
              <a className="font-medium text-brand-700 underline" href={`/api/documents/minutes/${review.id}`}>Biên bản họp (Mẫu 03)</a>
              <a className="font-medium text-brand-700 underline" href={`/api/documents/proposal/${review.id}`}>Văn bản đề nghị và bảng tổng hợp</a>
            </div>
          </Card>
        )}

        <section>
          <h2 className="mb-2 text-lg font-semibold">Danh sách hộ ({formatNumber(hub.households.length)})</h2>
          {hub.households.length === 0 ? (
            <EmptyState>Xóm chưa có hộ đang cư trú.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white">
              {hub.households.map((h) => {
                const inner = (
                  <>
                    <span className="flex flex-wrap items-center justify-between gap-2">
                      <span className="font-semibold text-slate-900">{h.headName}</span>
                      <ResultBadge result={h.result} />
                    </span>
                    <span className="mt-0.5 flex flex-wrap gap-2 text-sm text-slate-600">
                      <span>{h.address}</span>
                      {!h.isRegistered && <span className="text-amber-800">· Chưa đăng ký</span>}
                      {!h.isActive && <span>· Đã chuyển đi</span>}
                      {h.votesFor !== null && <span>· Tán thành {h.votesFor}</span>}
                    </span>
                    {h.reason && <span className="mt-0.5 block text-sm text-slate-700">{h.reason}</span>}
                  </>
                );
                return (
                  <li key={h.id}>
                    {review ? (
                      <Link href={`${base}/households/${h.id}`} className="block min-h-11 px-3 py-2 hover:bg-slate-50 active:bg-slate-100">{inner}</Link>
                    ) : (
                      <div className="px-3 py-2">{inner}</div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        {hub.objections.length > 0 && (
          <section>
            <h2 className="mb-2 text-lg font-semibold">Ý kiến phản ánh</h2>
            <ul className="space-y-2">
              {hub.objections.map((o) => (
                <li key={o.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                  <p className="font-semibold">{o.householdName} · {OBJECTION_OUTCOME_LABEL[o.outcome]}</p>
                  <p className="text-slate-700">{formatDay(o.receivedOn)} — {o.raisedBy}: {o.content}</p>
                  {o.resolution && <p className="text-slate-700">Giải quyết {o.resolvedOn ? formatDay(o.resolvedOn) : ""}: {o.resolution}</p>}
                </li>
              ))}
            </ul>
          </section>
        )}

        {hub.events.length > 0 && (
          <section>
            <h2 className="mb-2 text-lg font-semibold">Lịch sử hồ sơ</h2>
            <ol className="space-y-2">
              {hub.events.map((e) => (
                <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                  <p><span className="tabular-nums text-slate-600">{formatDateTime(e.createdAt)}</span> · <strong>{REVIEW_EVENT_LABEL[e.kind]}</strong> · {e.actorName}</p>
                  {e.reason && <p className="text-slate-700">Lý do: {e.reason}</p>}
                  {e.householdName && <p className="text-slate-700">Hộ: {e.householdName}</p>}
                </li>
              ))}
            </ol>
          </section>
        )}
        {status === "DECIDED" && <Alert tone="info">Kết quả năm này đã có quyết định công nhận và đã khóa.</Alert>}
      </div>
    </>
  );
}
