import Link from "next/link";
import { DataTable } from "@/components/ui/list-controls";
import type { AuditChange } from "@/lib/audit-log/labels";
import type { AuditRow } from "@/lib/audit-log/queries";
import { formatDateTime } from "@/lib/format";

/** Before → after for each changed field; a row without a "before" (a creation) lists the values set. */
function ChangeList({ changes }: { changes: AuditChange[] }) {
  if (changes.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <details className="group max-w-md">
      <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700 underline-offset-2 hover:underline">
        Xem thay đổi ({changes.length})
      </summary>
      <dl className="mt-1 space-y-1">
        {changes.map((c) => (
          <div key={c.field}>
            <dt className="inline font-medium text-slate-700">{c.label}: </dt>
            <dd className="inline break-words">
              {c.before !== null && <><del className="text-red-800">{c.before}</del> <span aria-label="thành">→</span> </>}
              {c.after !== null ? <ins className="text-green-800 no-underline">{c.after}</ins> : <span className="text-slate-500">(không còn)</span>}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <DataTable head={["Thời gian", "Người thực hiện", "Thao tác", "Đối tượng", "Thay đổi"]}>
      {rows.map((r) => {
        const target = r.subject ? `${r.entityLabel}: ${r.subject}` : r.entityLabel;
        return (
          <tr key={r.id} className="align-top">
            <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatDateTime(r.createdAt)}</td>
            <td className="px-3 py-2">
              {r.actorName ? <>{r.actorName}<br /><span className="text-xs text-slate-500">{r.actorUsername}</span></> : r.actorUsername}
            </td>
            <td className="px-3 py-2">{r.actionLabel}</td>
            <td className="px-3 py-2">
              {r.href ? <Link className="font-medium text-brand-700 underline-offset-2 hover:underline" href={r.href}>{target}</Link> : target}
            </td>
            <td className="px-3 py-2"><ChangeList changes={r.changes} /></td>
          </tr>
        );
      })}
    </DataTable>
  );
}
