import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { CommentForm } from "@/components/public/comment-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/page-header";
import { formatDay } from "@/lib/dates";
import { submitNoticeCommentAction } from "@/lib/public-notice/actions";
import { getPublicNotice } from "@/lib/public-notice/queries";
import { commentRefusal, noticeStateWords } from "@/lib/public-notice/rules";

export const metadata: Metadata = { title: "Thông báo công khai “Xóm văn hóa”" };

// Hamlet-level facts only: the page shows no household, no person and no reason for a refusal.
export default async function PublicNoticePage({ params }: { params: Promise<{ councilReviewId: string }> }) {
  await connection();
  const notice = await getPublicNotice((await params).councilReviewId);
  if (!notice) notFound();
  const isOpen = notice.state.kind === "OPEN";
  const closed = commentRefusal(notice.state);
  return (
    <article className="space-y-5">
      <header className="space-y-2">
        <p className="text-sm font-semibold text-slate-700">{notice.committee}</p>
        <h1 className="text-xl font-bold text-slate-900">
          Thông báo công khai danh sách xóm đề nghị công nhận danh hiệu “Xóm văn hóa” năm {notice.year}
        </h1>
        <p className="flex flex-wrap items-center gap-2 text-slate-800">
          <span>Thời gian công khai: từ ngày {formatDay(notice.postedOn)} đến hết ngày {formatDay(notice.endsOn)}</span>
          {isOpen ? <Badge tone="green">● Đang lấy ý kiến – {noticeStateWords(notice.state)}</Badge> : <Badge>■ {noticeStateWords(notice.state)}</Badge>}
        </p>
      </header>

      <p className="text-slate-800">
        Thực hiện Nghị định số 86/2023/NĐ-CP của Chính phủ, {notice.committee} thông báo công khai danh sách các xóm được Hội đồng
        Thi đua - Khen thưởng xã bình xét, đề nghị công nhận danh hiệu “Xóm văn hóa” năm {notice.year} để lấy ý kiến của Nhân dân.
      </p>

      <section aria-labelledby="danh-sach">
        <h2 id="danh-sach" className="mb-2 text-lg font-semibold text-slate-900">Danh sách xóm đề nghị công nhận ({notice.hamlets.length})</h2>
        {notice.hamlets.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">Hội đồng không đề nghị xóm nào trong năm {notice.year}.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2 text-right font-semibold text-slate-700">STT</th>
                  <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">Tên</th>
                  <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">Loại</th>
                  <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">Hội đồng tán thành</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {notice.hamlets.map((h, i) => (
                  <tr key={h.id}>
                    <td className="px-3 py-2 text-right tabular-nums">{i + 1}</td>
                    <td className="px-3 py-2 font-medium">{h.name}</td>
                    <td className="px-3 py-2">{h.kind}</td>
                    <td className="px-3 py-2 tabular-nums">
                      {h.votesFor === null ? "—" : `${h.votesFor}/${h.membersPresent} thành viên dự họp (${h.approval})`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="gop-y" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="gop-y" className="mb-3 text-lg font-semibold text-slate-900">Gửi ý kiến</h2>
        {closed ? (
          <Alert tone="info">{closed}</Alert>
        ) : (
          <CommentForm action={submitNoticeCommentAction.bind(null, notice.id)} hamlets={notice.hamlets.map((h) => ({ value: h.id, label: h.name }))} />
        )}
      </section>

      <p><Link href="/cong-khai" className="font-medium text-brand-700 underline underline-offset-2">← Các thông báo khác</Link></p>
    </article>
  );
}
