import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, EmptyState, Pagination, SearchForm } from "@/components/ui/list-controls";
import { Badge, PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/format";
import { pageParam, param } from "@/lib/paging";
import { can } from "@/lib/policy";
import { ROLE_LABEL } from "@/lib/roles";
import { requireActor } from "@/lib/session";
import { statusLabel } from "@/lib/users/labels";
import { listUsers } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Người dùng" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "user.manage", { communeId: actor.communeId })) forbidden();
  const params = await searchParams;
  const q = param(params, "q");
  const result = await listUsers(actor, { q, page: pageParam(params) });

  return (
    <>
      <PageHeader title="Người dùng" subtitle="Tài khoản đăng nhập của cán bộ trong xã"
        actions={<>
          <ButtonLink href="/admin/users/new">+ Thêm người dùng</ButtonLink>
          {can(actor, "apiToken.manage", { communeId: actor.communeId }) && <ButtonLink href="/admin/api-tokens" variant="secondary">Khóa API</ButtonLink>}
        </>} />
      <SearchForm action="/admin/users" q={q} placeholder="Tìm theo tên đăng nhập hoặc họ tên" />
      {result.total === 0 ? (
        <EmptyState>{q ? "Không có người dùng nào khớp với điều kiện tìm." : "Chưa có người dùng nào."}</EmptyState>
      ) : (
        <>
          <DataTable head={["Tên đăng nhập", "Họ và tên", "Vai trò", "Xóm", "Trạng thái", "Lần đăng nhập cuối"]}>
            {result.items.map((u) => (
              <tr key={u.id} className="hover:bg-slate-50">
                <td className="px-3 py-2"><Link className="font-medium text-brand-700 underline-offset-2 hover:underline" href={`/admin/users/${u.id}`}>{u.username}</Link></td>
                <td className="px-3 py-2">{u.fullName}</td>
                <td className="px-3 py-2">{ROLE_LABEL[u.role]}</td>
                <td className="px-3 py-2">{u.hamletName ?? ""}</td>
                <td className="px-3 py-2"><Badge tone={u.isActive ? "green" : "red"}>{statusLabel(u.isActive)}</Badge></td>
                <td className="px-3 py-2 tabular-nums">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : <span className="text-slate-500">Chưa đăng nhập</span>}</td>
              </tr>
            ))}
          </DataTable>
          <Pagination base="/admin/users" query={{ q }} page={result.page} pageCount={result.pageCount} total={result.total} />
        </>
      )}
    </>
  );
}
