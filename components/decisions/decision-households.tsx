import Link from "next/link";
import { AwardStatusCell } from "@/components/decisions/award-status";
import { Button } from "@/components/ui/button";
import { DataTable, EmptyState } from "@/components/ui/list-controls";
import { decisionReference } from "@/lib/decisions/labels";
import type { DecisionHousehold } from "@/lib/decisions/queries";
import { groupByHamlet } from "@/lib/documents/format";
import { formatNumber } from "@/lib/format";

/**
 * The households a decision covers (all, or one xóm), grouped by xóm as the attached list is printed; `firstNumber`
 * is the STT of the first row in that list. For an issued award decision the officer may tick awards and open a
 * cancellation draft for them (a GET form: nothing changes yet).
 */
export function DecisionHouseholds({ households, mode, canCancel, firstNumber = 1 }: {
  households: DecisionHousehold[];
  mode: "draft" | "awards" | "cancellation";
  canCancel: boolean;
  firstNumber?: number;
}) {
  if (households.length === 0) {
    return <EmptyState>{mode === "draft" ? "Các hồ sơ đã chọn chưa có hộ nào đạt." : "Không có hộ nào."}</EmptyState>;
  }
  const selectable = mode === "awards" && canCancel;
  const head = [
    ...(selectable ? ["Chọn"] : []),
    "STT", "Họ và tên chủ hộ", "Địa chỉ",
    ...(mode === "cancellation" ? ["Năm", "Quyết định tặng"] : ["Số phiếu tán thành"]),
    ...(mode === "draft" ? [] : ["Tình trạng danh hiệu"]),
    ...(selectable ? [""] : []),
  ];
  const groups = groupByHamlet(households.map((h) => ({ ...h, hamletKey: h.hamletId, hamletLabel: h.hamletName })));
  // STT runs on across the xóm groups, as the attached list numbers households.
  const starts = [firstNumber];
  for (const g of groups) starts.push(starts.at(-1)! + g.rows.length);
  const table = (
    <DataTable head={head}>
      {groups.map((g, gi) => [
        <tr key={`h-${g.key}`} className="bg-slate-50">
          <th scope="colgroup" colSpan={head.length} className="px-3 py-2 text-left font-semibold text-slate-800">
            Xóm {g.label} ({formatNumber(g.rows.length)} hộ)
          </th>
        </tr>,
        ...g.rows.map((h, j) => {
          const award = h.award;
          const cancellable = selectable && award?.status === "ACTIVE" && !award.pendingCancelId;
          return (
            <tr key={award?.id ?? h.householdId}>
              {selectable && (
                <td className="px-3 py-2">
                  {cancellable && (
                    <input type="checkbox" name="award" value={award!.id} aria-label={`Chọn hộ ${h.headName}`} className="h-5 w-5 accent-brand-700" />
                  )}
                </td>
              )}
              <td className="px-3 py-2 tabular-nums">{starts[gi]! + j}</td>
              <td className="px-3 py-2"><Link className="text-brand-700 underline-offset-2 hover:underline" href={`/registry/households/${h.householdId}`}>{h.headName}</Link></td>
              <td className="px-3 py-2">{h.address}</td>
              {mode === "cancellation" ? (
                <>
                  <td className="px-3 py-2 tabular-nums">{award?.year}</td>
                  <td className="px-3 py-2">
                    {award && <Link className="text-brand-700 underline" href={`/decisions/${award.decision.id}`}>{decisionReference(award.decision)}</Link>}
                  </td>
                </>
              ) : (
                <td className="px-3 py-2 text-right tabular-nums">{h.votesFor ?? "—"}</td>
              )}
              {mode !== "draft" && (
                <td className="px-3 py-2">
                  {award && <AwardStatusCell status={award.status} cancelDecision={award.cancelDecision} pendingCancelId={award.pendingCancelId} linkDecisions />}
                </td>
              )}
              {selectable && (
                <td className="px-3 py-2">
                  {cancellable && <Link className="text-sm font-medium text-red-700 underline" href={`/decisions/cancel/new?award=${award!.id}`}>Hủy bỏ</Link>}
                </td>
              )}
            </tr>
          );
        }),
      ])}
    </DataTable>
  );
  if (!selectable) return table;
  return (
    <form action="/decisions/cancel/new" method="get" className="space-y-3">
      {table}
      <Button type="submit" variant="secondary">Lập quyết định hủy bỏ danh hiệu đã chọn</Button>
    </form>
  );
}
