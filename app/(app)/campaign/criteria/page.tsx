import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, EmptyState } from "@/components/ui/list-controls";
import { Badge, PageHeader } from "@/components/ui/page-header";
import { listCriteriaSets } from "@/lib/campaign/queries";
import { formatDay } from "@/lib/dates";
import { formatDate } from "@/lib/format";
import { requireCampaignManager } from "../guard";

export const metadata: Metadata = { title: "Bộ tiêu chí" };

export default async function CriteriaSetsPage() {
  const actor = await requireCampaignManager();
  const sets = await listCriteriaSets(actor);
  return (
    <>
      <PageHeader title="Bộ tiêu chí “Gia đình văn hóa”"
        subtitle="Mỗi phiên bản sau khi công bố thì không sửa được nữa; các năm đã dùng phiên bản nào giữ nguyên kết quả theo phiên bản đó. Muốn thay đổi, mở một phiên bản và tạo bản nháp mới từ nó."
        actions={<ButtonLink href="/campaign" variant="secondary">Năm thi đua</ButtonLink>} />
      {sets.length === 0 ? (
        <EmptyState>Chưa có bộ tiêu chí nào. Phiên bản 1 theo Nghị định 86/2023 được tạo tự động khi tạo năm thi đua đầu tiên.</EmptyState>
      ) : (
        <DataTable head={["Phiên bản", "Tên bộ tiêu chí", "Ngày áp dụng", "Tình trạng", "Số tiêu chí", "Các năm áp dụng"]}>
          {sets.map((s) => (
            <tr key={s.id} className="hover:bg-slate-50">
              <td className="px-3 py-2 tabular-nums"><Link className="font-semibold text-brand-700 underline-offset-2 hover:underline" href={`/campaign/criteria/${s.id}`}>Phiên bản {s.version}</Link></td>
              <td className="px-3 py-2"><Link className="text-brand-700 underline-offset-2 hover:underline" href={`/campaign/criteria/${s.id}`}>{s.name}</Link></td>
              <td className="px-3 py-2 tabular-nums">{formatDay(s.effectiveFrom)}</td>
              <td className="px-3 py-2">{s.publishedAt ? <Badge tone="green">Đã công bố {formatDate(s.publishedAt)}</Badge> : <Badge tone="amber">Bản nháp</Badge>}</td>
              <td className="px-3 py-2 text-right tabular-nums">{s._count.items}</td>
              <td className="px-3 py-2">{s.years.map((y) => y.year).join(", ") || <span className="text-slate-400">—</span>}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
