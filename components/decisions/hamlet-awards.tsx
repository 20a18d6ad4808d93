import Link from "next/link";
import { AwardStatusCell, AwardsHeading } from "@/components/decisions/award-status";
import { StreakBadge } from "@/components/decisions/decision-hamlets";
import { DataTable } from "@/components/ui/list-controls";
import { currentStreak, hamletAwardHistory } from "@/lib/awards/queries";
import { decisionReference, issuerText } from "@/lib/decisions/labels";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

/**
 * A hamlet's "Xóm văn hóa" titles over the years with the decision, its state and the streak at each year
 * (cancelled years break it). For the hamlet detail page; the officer can start a cancellation from an active one.
 */
export async function HamletAwards({ hamletId }: { hamletId: string }) {
  const actor = await requireActor();
  const history = await hamletAwardHistory(actor, hamletId);
  const commune = { communeId: actor.communeId };
  const canReadDecisions = can(actor, "decision.read", commune);
  const canCancel = can(actor, "decision.draft", commune);
  const streak = currentStreak(history);

  return (
    <section aria-labelledby="hamlet-awards">
      <AwardsHeading id="hamlet-awards" title="Danh hiệu “Xóm văn hóa”" streak={streak} />
      {history.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">Xóm chưa được công nhận danh hiệu năm nào.</p>
      ) : (
        <DataTable head={["Năm", "Quyết định công nhận", "Tình trạng", "Số năm liên tục", ...(canCancel ? [""] : [])]}>
          {history.map((a) => {
            const ref = decisionReference(a.decision);
            return (
              <tr key={a.id}>
                <td className="px-3 py-2 tabular-nums">{a.year}</td>
                <td className="px-3 py-2">
                  {canReadDecisions ? <Link className="text-brand-700 underline" href={`/decisions/${a.decision.id}`}>{ref}</Link> : ref}
                  <span className="block text-sm text-slate-600">{issuerText(a.decision.issuer)}</span>
                </td>
                <td className="px-3 py-2">
                  <AwardStatusCell status={a.status} cancelDecision={a.cancelDecision} pendingCancelId={a.pendingCancelId} linkDecisions={canReadDecisions} />
                </td>
                <td className="px-3 py-2"><StreakBadge streak={a.streak} /></td>
                {canCancel && (
                  <td className="px-3 py-2">
                    {a.status === "ACTIVE" && !a.pendingCancelId && (
                      <Link className="inline-flex min-h-11 items-center text-sm font-medium text-red-700 underline" href={`/decisions/hamlet/cancel/new?award=${a.id}`}>
                        Hủy bỏ danh hiệu
                      </Link>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
