import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, EmptyState, Pagination, SearchForm } from "@/components/ui/list-controls";
import { Badge, PageHeader } from "@/components/ui/page-header";
import { formatNumber } from "@/lib/format";
import { HAMLET_KIND_LABEL } from "@/lib/hamlets/labels";
import { listHamlets } from "@/lib/hamlets/queries";
import { pageParam, param } from "@/lib/paging";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Xóm" };

export default async function HamletsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const own = { communeId: actor.communeId, hamletId: actor.hamletId };
  if (!can(actor, "hamlet.read", own)) forbidden();
  const params = await searchParams;
  const q = param(params, "q");
  const result = await listHamlets(actor, { q, page: pageParam(params) });
  const canWrite = can(actor, "hamlet.write", own);

  return (
    <>
      <PageHeader title="Xóm" subtitle="Danh sách xóm, thôn, bản, tổ dân phố của xã"
        actions={canWrite ? <ButtonLink href="/registry/hamlets/new">+ Thêm xóm</ButtonLink> : null} />
      <SearchForm action="/registry/hamlets" q={q} placeholder="Tìm theo tên xóm, trưởng xóm, trưởng ban công tác Mặt trận (gõ không dấu cũng được)" />
      {result.total === 0 ? (
        <EmptyState>
          {q ? "Không có xóm nào khớp với từ khóa. Hãy thử từ khóa khác hoặc xóa ô tìm kiếm."
            : canWrite ? "Chưa có xóm nào. Bấm “Thêm xóm” để nhập xóm đầu tiên." : "Chưa có xóm nào. Công chức Văn hóa - Xã hội sẽ nhập danh sách xóm."}
        </EmptyState>
      ) : (
        <>
          <DataTable head={["Tên xóm", "Loại", "Trưởng xóm", "Trưởng ban công tác Mặt trận", "Nhà văn hóa", "Số hộ đang cư trú"]}>
            {result.items.map((h) => (
              <tr key={h.id} className="hover:bg-slate-50">
                <td className="px-3 py-2"><Link className="font-medium text-brand-700 underline-offset-2 hover:underline" href={`/registry/hamlets/${h.id}`}>{h.name}</Link></td>
                <td className="px-3 py-2">{HAMLET_KIND_LABEL[h.kind]}</td>
                <td className="px-3 py-2">{h.headName ?? ""}</td>
                <td className="px-3 py-2">{h.frontTeamHeadName ?? ""}</td>
                <td className="px-3 py-2">{h.hasCulturalHouse ? <Badge tone="green">Có</Badge> : <Badge>Chưa có</Badge>}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatNumber(h.activeHouseholds)}</td>
              </tr>
            ))}
          </DataTable>
          <Pagination base="/registry/hamlets" query={{ q }} page={result.page} pageCount={result.pageCount} total={result.total} />
        </>
      )}
    </>
  );
}
