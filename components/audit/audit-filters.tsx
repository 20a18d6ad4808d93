import Link from "next/link";
import { FilterSelect } from "@/components/ui/list-controls";
import type { Option } from "@/lib/options";

/** A GET form: the filters go into the URL, so the server filters and pages. */
export function AuditFilters({ entityTypes, usernames, actions, selected }: {
  entityTypes: Option[];
  usernames: Option[];
  actions: Option[];
  selected: { type?: string; user?: string; action?: string };
}) {
  const isFiltered = !!(selected.type || selected.user || selected.action);
  return (
    <form action="/audit" method="get" role="search" aria-label="Lọc nhật ký" className="mb-4 flex flex-wrap items-end gap-2">
      <FilterSelect name="type" label="Loại đối tượng" all="Tất cả đối tượng" options={entityTypes} value={selected.type} showLabel />
      <FilterSelect name="user" label="Người thực hiện" all="Tất cả người dùng" options={usernames} value={selected.user} showLabel />
      <FilterSelect name="action" label="Thao tác" all="Tất cả thao tác" options={actions} value={selected.action} showLabel />
      <button className="min-h-11 rounded-md bg-slate-800 px-4 text-sm font-semibold text-white hover:bg-slate-900">Lọc</button>
      {isFiltered && <Link href="/audit" className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 underline">Bỏ lọc</Link>}
    </form>
  );
}
