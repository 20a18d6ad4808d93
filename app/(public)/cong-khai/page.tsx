import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { EmptyState } from "@/components/ui/list-controls";
import { Badge } from "@/components/ui/page-header";
import { formatDay } from "@/lib/dates";
import { listPublicNotices } from "@/lib/public-notice/queries";
import { noticeStateWords } from "@/lib/public-notice/rules";

export const metadata: Metadata = { title: "Thông báo công khai" };

export default async function PublicNoticesPage() {
  // Which notices are open depends on today's date: render on every request.
  await connection();
  const notices = await listPublicNotices();
  return (
    <>
      <h1 className="text-xl font-bold text-slate-900">Thông báo công khai danh sách xóm đề nghị công nhận danh hiệu “Xóm văn hóa”</h1>
      <p className="mt-1 text-slate-700">Xem danh sách và gửi ý kiến trong thời gian công khai.</p>
      <div className="mt-5">
        {notices.length === 0 ? (
          <EmptyState>Hiện không có thông báo nào đang công khai.</EmptyState>
        ) : (
          <ul className="space-y-3">
            {notices.map((n) => (
              <li key={n.id}>
                <Link href={`/cong-khai/${n.id}`}
                  className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 focus-visible:outline-2 focus-visible:outline-brand-700">
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold text-brand-700 underline-offset-2">{n.commune} – năm {n.year}</span>
                    {n.state.kind === "OPEN" ? <Badge tone="green">● Đang lấy ý kiến</Badge> : <Badge>■ Đã kết thúc</Badge>}
                  </span>
                  <span className="mt-1 block text-sm text-slate-700">
                    Từ ngày {formatDay(n.postedOn)} đến hết ngày {formatDay(n.endsOn)} · {noticeStateWords(n.state)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
