import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, EmptyState, FilterSelect, Pagination, SearchForm } from "@/components/ui/list-controls";
import { Badge, PageHeader } from "@/components/ui/page-header";
import { listHamletOptions } from "@/lib/hamlets/queries";
import { HOUSEHOLD_STATUS_LABEL, POVERTY_LABEL } from "@/lib/households/labels";
import { listHouseholds } from "@/lib/households/queries";
import { optionsOf, valueOf } from "@/lib/options";
import { pageParam, param } from "@/lib/paging";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";
import { isUuid } from "@/lib/text";

export const metadata: Metadata = { title: "Hộ gia đình" };


export default async function HouseholdsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const own = { communeId: actor.communeId, hamletId: actor.hamletId };
  if (!can(actor, "household.read", own)) forbidden();
  const params = await searchParams;
  const q = param(params, "q");
  const hamletId = param(params, "hamlet");
  const statusParam = param(params, "status");
  const status = valueOf(HOUSEHOLD_STATUS_LABEL, statusParam);
  const [result, hamlets] = await Promise.all([
    listHouseholds(actor, { q, hamletId: hamletId && isUuid(hamletId) ? hamletId : undefined, status, page: pageParam(params) }),
    listHamletOptions(actor),
  ]);
  const query = { q, hamlet: hamletId, status: statusParam };

  return (
    <>
      <PageHeader title="Hộ gia đình" subtitle={actor.role === "HAMLET_HEAD" ? `Các hộ của xóm ${hamlets[0]?.label ?? ""}` : "Sổ hộ gia đình của xã"}
        actions={can(actor, "household.write", own) ? (
          <>
            <ButtonLink href="/registry/households/new">+ Thêm hộ</ButtonLink>
            <ButtonLink href="/registry/households/import" variant="secondary">Nhập từ Excel</ButtonLink>
          </>
        ) : null} />
      <SearchForm action="/registry/households" q={q} placeholder="Tìm theo tên chủ hộ, địa chỉ, số điện thoại (gõ không dấu cũng được)">
        {hamlets.length > 1 && <FilterSelect name="hamlet" label="Lọc theo xóm" all="Tất cả xóm" options={hamlets} value={hamletId} />}
        <FilterSelect name="status" label="Lọc theo tình trạng" all="Mọi tình trạng" options={optionsOf(HOUSEHOLD_STATUS_LABEL)} value={statusParam} />
      </SearchForm>
      {result.total === 0 ? (
        <EmptyState>{q || hamletId || status ? "Không có hộ nào khớp với điều kiện tìm." : "Chưa có hộ nào. Bấm “Thêm hộ” để nhập hộ đầu tiên."}</EmptyState>
      ) : (
        <>
          {/* A phone gets one column of cards; a wider screen the table. */}
          <ul className="space-y-2 sm:hidden">
            {result.items.map((h) => (
              <li key={h.id}>
                <Link href={`/registry/households/${h.id}`} className="block rounded-lg border border-slate-200 bg-white p-3 active:bg-slate-50">
                  <span className="block font-semibold text-brand-700">{h.headName}</span>
                  <span className="block text-sm text-slate-600">{h.address}</span>
                  <span className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
                    {hamlets.length > 1 && <span>Xóm {h.hamletName}</span>}
                    <span>{h.memberCount} nhân khẩu</span>
                    {h.povertyStatus !== "NONE" && <Badge tone="amber">{POVERTY_LABEL[h.povertyStatus]}</Badge>}
                    {h.status !== "ACTIVE" && <Badge>{HOUSEHOLD_STATUS_LABEL[h.status]}</Badge>}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          <div className="hidden sm:block">
          <DataTable head={["Chủ hộ", "Xóm", "Địa chỉ", "Số thành viên", "Hộ nghèo", "Tình trạng"]}>
            {result.items.map((h) => (
              <tr key={h.id} className="hover:bg-slate-50">
                <td className="px-3 py-2"><Link className="font-medium text-brand-700 underline-offset-2 hover:underline" href={`/registry/households/${h.id}`}>{h.headName}</Link></td>
                <td className="px-3 py-2">{h.hamletName}</td>
                <td className="px-3 py-2">{h.address}</td>
                <td className="px-3 py-2 text-right tabular-nums">{h.memberCount}</td>
                <td className="px-3 py-2">{h.povertyStatus === "NONE" ? "" : <Badge tone="amber">{POVERTY_LABEL[h.povertyStatus]}</Badge>}</td>
                <td className="px-3 py-2"><Badge tone={h.status === "ACTIVE" ? "green" : "slate"}>{HOUSEHOLD_STATUS_LABEL[h.status]}</Badge></td>
              </tr>
            ))}
          </DataTable>
          </div>
          <Pagination base="/registry/households" query={query} page={result.page} pageCount={result.pageCount} total={result.total} />
        </>
      )}
    </>
  );
}
