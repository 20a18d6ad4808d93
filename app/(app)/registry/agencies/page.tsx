import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, EmptyState, FilterSelect, Pagination, SearchForm } from "@/components/ui/list-controls";
import { PageHeader } from "@/components/ui/page-header";
import { AGENCY_KIND_LABEL } from "@/lib/agencies/labels";
import { listAgencies } from "@/lib/agencies/queries";
import { formatNumber } from "@/lib/format";
import { optionsOf, valueOf } from "@/lib/options";
import { pageParam, param } from "@/lib/paging";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Cơ quan, đơn vị, doanh nghiệp" };

const KINDS = optionsOf(AGENCY_KIND_LABEL);

export default async function AgenciesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "agency.read", { communeId: actor.communeId })) forbidden();
  const params = await searchParams;
  const q = param(params, "q");
  const kind = valueOf(AGENCY_KIND_LABEL, param(params, "kind"));
  const result = await listAgencies(actor, { q, kind, page: pageParam(params) });
  const canWrite = can(actor, "agency.write", { communeId: actor.communeId });

  return (
    <>
      <PageHeader title="Cơ quan, đơn vị, doanh nghiệp" subtitle="Các cơ quan nhà nước, đơn vị sự nghiệp và doanh nghiệp trên địa bàn xã"
        actions={canWrite ? <ButtonLink href="/registry/agencies/new">+ Thêm cơ quan, đơn vị</ButtonLink> : null} />
      <SearchForm action="/registry/agencies" q={q} placeholder="Tìm theo tên đơn vị, người đứng đầu, công đoàn cơ sở (gõ không dấu cũng được)">
        <FilterSelect name="kind" label="Lọc theo loại hình" all="Mọi loại hình" options={KINDS} value={kind} />
      </SearchForm>
      {result.total === 0 ? (
        <EmptyState>
          {q || kind ? "Không có cơ quan, đơn vị nào khớp với điều kiện tìm. Hãy thử từ khóa hoặc loại hình khác."
            : canWrite ? "Chưa có cơ quan, đơn vị nào. Bấm “Thêm cơ quan, đơn vị” để nhập đơn vị đầu tiên."
            : "Chưa có cơ quan, đơn vị nào. Công chức Văn hóa - Xã hội sẽ nhập danh sách."}
        </EmptyState>
      ) : (
        <>
          <DataTable head={["Tên cơ quan, đơn vị", "Loại hình", "Người đứng đầu", "Công đoàn cơ sở", "Số lao động"]}>
            {result.items.map((a) => (
              <tr key={a.id} className="hover:bg-slate-50">
                <td className="px-3 py-2"><Link className="font-medium text-brand-700 underline-offset-2 hover:underline" href={`/registry/agencies/${a.id}`}>{a.name}</Link></td>
                <td className="px-3 py-2">{AGENCY_KIND_LABEL[a.kind]}</td>
                <td className="px-3 py-2">{a.headName ?? ""}</td>
                <td className="px-3 py-2">{a.tradeUnionName ?? ""}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatNumber(a.headcount)}</td>
              </tr>
            ))}
          </DataTable>
          <Pagination base="/registry/agencies" query={{ q, kind }} page={result.page} pageCount={result.pageCount} total={result.total} />
        </>
      )}
    </>
  );
}
