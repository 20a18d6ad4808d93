import Link from "next/link";
import { AwardStatusCell } from "@/components/decisions/award-status";
import { DataTable, EmptyState } from "@/components/ui/list-controls";
import { Badge } from "@/components/ui/page-header";
import { decisionReference, issuerText } from "@/lib/decisions/labels";
import type { DecisionHamletRow } from "@/lib/decisions/queries";
import { formatNumber } from "@/lib/format";

/** "3 năm liên tục", or a dash for none (a cancelled year counts for nothing). */
export function StreakBadge({ streak }: { streak: number }) {
  if (streak <= 0) return <span className="text-slate-600">—</span>;
  return <Badge tone={streak > 1 ? "green" : "slate"}>{formatNumber(streak)} năm liên tục</Badge>;
}

/**
 * The hamlets of a "Xóm văn hóa" decision: the council's votes and the "N năm liên tục" at the decision's year;
 * once there are awards, their state, and for the officer a link to cancel an active one.
 */
export function DecisionHamlets({ rows, mode, canCancel, linkDecisions }: {
  rows: DecisionHamletRow[];
  mode: "draft" | "awards" | "cancellation";
  canCancel: boolean;
  linkDecisions: boolean;
}) {
  if (rows.length === 0) return <EmptyState>{mode === "draft" ? "Hội đồng chưa đề nghị công nhận xóm nào." : "Không có xóm nào."}</EmptyState>;
  const withCancel = mode === "awards" && canCancel;
  const head = [
    "STT", "Xóm",
    ...(mode === "cancellation" ? ["Năm", "Quyết định công nhận"] : ["Số phiếu tán thành", "Số phiếu không tán thành"]),
    mode === "draft" ? "Số năm liên tục (khi ban hành)" : "Số năm liên tục",
    ...(mode === "draft" ? [] : ["Tình trạng danh hiệu"]),
    ...(withCancel ? [""] : []),
  ];
  return (
    <DataTable head={head}>
      {rows.map((h, i) => (
        <tr key={h.award?.id ?? h.hamletId}>
          <td className="px-3 py-2 tabular-nums">{i + 1}</td>
          <td className="px-3 py-2 font-medium">{h.hamletName}</td>
          {mode === "cancellation" ? (
            <>
              <td className="px-3 py-2 tabular-nums">{h.award?.year}</td>
              <td className="px-3 py-2">
                {h.award && (linkDecisions
                  ? <Link className="text-brand-700 underline" href={`/decisions/${h.award.decision.id}`}>{decisionReference(h.award.decision)}</Link>
                  : decisionReference(h.award.decision))}
                {h.award && h.award.decision.issuer !== "" && <span className="block text-sm text-slate-600">{issuerText(h.award.decision.issuer)}</span>}
              </td>
            </>
          ) : (
            <>
              <td className="px-3 py-2 text-right tabular-nums">{h.votesFor === null ? "—" : formatNumber(h.votesFor)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{h.votesAgainst === null ? "—" : formatNumber(h.votesAgainst)}</td>
            </>
          )}
          <td className="px-3 py-2"><StreakBadge streak={h.streak} /></td>
          {mode !== "draft" && (
            <td className="px-3 py-2">
              {h.award && (
                <AwardStatusCell status={h.award.status} cancelDecision={h.award.cancelDecision} pendingCancelId={h.award.pendingCancelId} linkDecisions={linkDecisions} />
              )}
            </td>
          )}
          {withCancel && (
            <td className="px-3 py-2">
              {h.award?.status === "ACTIVE" && !h.award.pendingCancelId && (
                <Link className="inline-flex min-h-11 items-center text-sm font-medium text-red-700 underline" href={`/decisions/hamlet/cancel/new?award=${h.award.id}`}>
                  Hủy bỏ danh hiệu
                </Link>
              )}
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
