import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { EmptyState, Pagination } from "@/components/ui/list-controls";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditEntries, listAuditFilterOptions } from "@/lib/audit-log/queries";
import { pageParam, param } from "@/lib/paging";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Nhật ký hệ thống" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "audit.read", { communeId: actor.communeId })) forbidden();
  const params = await searchParams;
  const selected = { type: param(params, "type"), user: param(params, "user"), action: param(params, "action") };
  const [result, options] = await Promise.all([
    listAuditEntries(actor, { entityType: selected.type, username: selected.user, action: selected.action, page: pageParam(params) }),
    listAuditFilterOptions(actor),
  ]);

  return (
    <>
      <PageHeader title="Nhật ký hệ thống" subtitle="Ai đã thêm, sửa gì và khi nào trong dữ liệu của xã (mới nhất ở trên)" />
      <AuditFilters {...options} selected={selected} />
      {result.total === 0 ? (
        <EmptyState>{selected.type || selected.user || selected.action ? "Không có dòng nhật ký nào khớp với bộ lọc." : "Chưa có dòng nhật ký nào."}</EmptyState>
      ) : (
        <>
          <AuditTable rows={result.items} />
          <Pagination base="/audit" query={selected} page={result.page} pageCount={result.pageCount} total={result.total} />
        </>
      )}
    </>
  );
}
