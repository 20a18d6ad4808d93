import { DeleteViolationButton } from "@/components/violations/delete-violation-button";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, EmptyState } from "@/components/ui/list-controls";
import { formatDay } from "@/lib/dates";
import { CATEGORY_LABEL } from "@/lib/review/labels";
import { PUBLIC_NOT_ELIGIBLE } from "@/lib/review/rules";
import { deleteViolationAction } from "@/lib/violations/actions";
import type { ViolationListRow } from "@/lib/violations/queries";

/**
 * "Vi phạm (trường hợp không xét tặng)" on a household's page. The page renders it only for roles with
 * violation.read; `canWrite` adds recording and removal.
 */
export function ViolationSection({ householdId, rows, canWrite }: { householdId: string; rows: ViolationListRow[]; canWrite: boolean }) {
  return (
    <section id="vi-pham" aria-labelledby="vi-pham-title">
      <div className="mb-2 flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id="vi-pham-title" className="text-lg font-semibold">Vi phạm (trường hợp không xét tặng)</h2>
          <p className="text-sm text-slate-600">Thông tin cá nhân nhạy cảm: chỉ người có thẩm quyền được xem; danh sách công khai chỉ ghi “{PUBLIC_NOT_ELIGIBLE}”.</p>
        </div>
        {canWrite && <ButtonLink href={`/registry/households/${householdId}/violations/new`}>Ghi nhận vi phạm</ButtonLink>}
      </div>
      {rows.length === 0 ? (
        <EmptyState>Chưa ghi nhận vi phạm nào của thành viên trong hộ.</EmptyState>
      ) : (
        <DataTable head={["Ngày vi phạm", "Thành viên", "Trường hợp", "Văn bản xử lý", "Ghi chú", ...(canWrite ? ["Thao tác"] : [])]}>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="px-3 py-2 tabular-nums">{formatDay(r.occurredOn)}</td>
              <td className="px-3 py-2">{r.memberName}</td>
              <td className="px-3 py-2">{CATEGORY_LABEL[r.category]}</td>
              <td className="px-3 py-2">{r.documentRef}</td>
              <td className="px-3 py-2">{r.note ?? ""}</td>
              {canWrite && (
                <td className="px-3 py-2">
                  <DeleteViolationButton action={deleteViolationAction.bind(null, r.id)} label={`${r.memberName}, ${formatDay(r.occurredOn)}`} />
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
