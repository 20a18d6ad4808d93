import type { Metadata } from "next";
import { forbidden, notFound, redirect } from "next/navigation";
import { CommentOutcomeBadge, HamletResultBadge } from "@/components/hamlet-title/badges";
import { CouncilNoticeForm, ReopenCouncilForm, ResolveCommentForm } from "@/components/hamlet-title/step-forms";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/list-controls";
import { Card, PageHeader } from "@/components/ui/page-header";
import { formatDay, toIsoDate, todayInVietnam } from "@/lib/dates";
import { formatDateTime } from "@/lib/format";
import { postCouncilNoticeAction, reopenCouncilAction, resolveCommentAction } from "@/lib/hamlet-title/actions";
import { DEFAULT_COUNCIL_NOTICE_CHANNEL, HAMLET_TITLE_MSG } from "@/lib/hamlet-title/labels";
import { canReadCouncil, getCouncilNoticePage, getTitleYear } from "@/lib/hamlet-title/queries";
import { can } from "@/lib/policy";
import { noticeEndsOn } from "@/lib/review/rules";
import { requireActor } from "@/lib/session";
import { canCouncilDo } from "@/lib/titles/rules";

export const metadata: Metadata = { title: "Công khai kết quả bình xét xóm văn hóa" };

export default async function CouncilNoticePage({ params }: { params: Promise<{ year: string }> }) {
  const actor = await requireActor();
  if (!canReadCouncil(actor)) forbidden();
  const { year: yearParam } = await params;
  const year = /^\d{4}$/.test(yearParam) ? await getTitleYear(actor, Number(yearParam)) : null;
  const page = year ? await getCouncilNoticePage(actor, year) : null;
  if (!year || !page) notFound();
  const base = `/hamlet-title/${year.year}`;
  const { council, entries, comments } = page;
  if (!council) redirect(`${base}/council`);
  const manages = can(actor, "council.manage", { communeId: year.communeId });
  const today = todayInVietnam();
  const todayIso = toIsoDate(today);
  const pending = comments.filter((c) => c.outcome === "PENDING").length;
  const canResolve = manages && council.status === "NOTICE";

  return (
    <>
      <PageHeader title={`Công khai kết quả bình xét “Xóm văn hóa” năm ${year.year}`}
        actions={<>
          {council.status !== "MEETING" && <ButtonLink href={`/cong-khai/${council.id}`} variant="secondary">Trang công khai</ButtonLink>}
          <ButtonLink href={base} variant="secondary">Về trang năm {year.year}</ButtonLink>
        </>} />
      <div className="mx-auto max-w-3xl space-y-4">
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Thời gian công khai</h2>
          {council.noticePostedOn && council.noticeEndsOn ? (
            <p className="text-base">
              Công khai từ <strong>{formatDay(council.noticePostedOn)}</strong> đến hết ngày <strong>{formatDay(council.noticeEndsOn)}</strong> trên {council.noticeChannel}.
              {today > council.noticeEndsOn ? " Đã hết thời gian công khai." : ""}
            </p>
          ) : (
            <p className="text-slate-600">
              Kết quả chưa được công khai. Thời gian công khai là {year.noticeDays} ngày kể từ ngày sau ngày công khai (ví dụ công khai hôm nay
              thì lấy ý kiến đến hết ngày {formatDay(noticeEndsOn(today, year.noticeDays))}).
            </p>
          )}
          {manages && canCouncilDo(council.status, "postNotice") && (
            <div className="mt-4 border-t border-slate-200 pt-4">
              {entries.length === 0 ? (
                <Alert tone="warning">{HAMLET_TITLE_MSG.noVotes}</Alert>
              ) : (
                <CouncilNoticeForm action={postCouncilNoticeAction.bind(null, council.id)} today={todayIso} channel={DEFAULT_COUNCIL_NOTICE_CHANNEL} version={council.version} />
              )}
            </div>
          )}
          {manages && canCouncilDo(council.status, "reopen") && (
            <div className="mt-4 border-t border-slate-200 pt-4">
              <p className="mb-2 text-sm text-slate-700">Cần sửa biên bản, báo cáo của xóm hoặc kết quả biểu quyết? Mở lại cuộc họp (ngày công khai bị hủy, phải công khai lại).</p>
              <ReopenCouncilForm action={reopenCouncilAction.bind(null, council.id)} version={council.version} />
            </div>
          )}
          {council.status === "NOTICE" && (
            <div className="mt-4 border-t border-slate-200 pt-4">
              <ButtonLink href={`${base}/proposal`} variant="secondary">Lập tờ trình</ButtonLink>
            </div>
          )}
        </Card>

        <Card>
          <h2 className="mb-3 text-lg font-semibold">Kết quả được công khai ({entries.length} xóm)</h2>
          {entries.length === 0 ? (
            <EmptyState>Hội đồng chưa biểu quyết xóm nào.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
              {entries.map((e) => (
                <li key={e.id} className="px-3 py-2">
                  <p className="flex flex-wrap items-center justify-between gap-2">
                    <span className="font-semibold">Xóm {e.hamletName}</span>
                    <HamletResultBadge result={e.result} />
                  </p>
                  <p className="text-sm text-slate-700">Tán thành {e.votesFor} / không tán thành {e.votesAgainst ?? 0}{e.reason ? ` · ${e.reason}` : ""}</p>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card>
          <h2 className="mb-3 text-lg font-semibold">
            Ý kiến của người dân ({comments.length}){pending > 0 && <span className="text-amber-800"> · còn {pending} chưa xử lý</span>}
          </h2>
          {comments.length === 0 ? (
            <EmptyState>Chưa có ý kiến nào của người dân.</EmptyState>
          ) : (
            <ul className="space-y-3">
              {comments.map((c) => (
                <li key={c.id} className="rounded-md border border-slate-200 p-3" data-comment={c.id}>
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <span className="tabular-nums text-slate-600">{formatDateTime(c.createdAt)}</span>
                    <span className="font-semibold">{c.hamletName ? `Về xóm ${c.hamletName}` : "Không nêu xóm cụ thể"}</span>
                    <CommentOutcomeBadge outcome={c.outcome} />
                  </p>
                  <p className="mt-1 text-sm text-slate-700">
                    Người gửi: {c.authorName || "Không ghi tên"}{c.contact ? ` · Liên hệ: ${c.contact}` : ""}
                  </p>
                  <p className="mt-2 whitespace-pre-line break-words">{c.content}</p>
                  {c.resolution && (
                    <p className="mt-2 text-sm text-slate-700">
                      Xử lý{c.resolvedAt ? ` ngày ${formatDateTime(c.resolvedAt)}` : ""}{c.resolvedByName ? ` (${c.resolvedByName})` : ""}: {c.resolution}
                    </p>
                  )}
                  {c.outcome === "PENDING" && canResolve && (
                    <div className="mt-3 border-t border-slate-100 pt-3">
                      <ResolveCommentForm action={resolveCommentAction.bind(null, c.id)} idPrefix={`c-${c.id}`} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
