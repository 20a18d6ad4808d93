import Link from "next/link";
import { AwardStatusCell, AwardsHeading } from "@/components/decisions/award-status";
import { DataTable } from "@/components/ui/list-controls";
import { awardHistory, currentStreak } from "@/lib/awards/queries";
import { decisionReference } from "@/lib/decisions/labels";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

/**
 * A household's "Gia đình văn hóa" titles over the years and its current "N năm liên tục" (cancelled years break
 * the run). For the household detail page; the officer can start a cancellation from an active award.
 */
export async function HouseholdAwards({ householdId }: { householdId: string }) {
  const actor = await requireActor();
  const history = await awardHistory(actor, householdId);
  const commune = { communeId: actor.communeId };
  const canReadDecisions = can(actor, "decision.read", commune);
  const canCancel = can(actor, "decision.draft", commune);
  const streak = currentStreak(history);

  return (
    <section aria-labelledby="household-awards">
      <AwardsHeading id="household-awards" title="Danh hiệu “Gia đình văn hóa”" streak={streak} />
      {history.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">Hộ chưa được tặng danh hiệu năm nào.</p>
      ) : (
        <DataTable head={["Năm", "Quyết định tặng", "Tình trạng", ...(canCancel ? [""] : [])]}>
          {history.map((a) => {
            const ref = decisionReference(a.decision);
            return (
              <tr key={a.id}>
                <td className="px-3 py-2 tabular-nums">{a.year}</td>
                <td className="px-3 py-2">
                  {canReadDecisions ? <Link className="text-brand-700 underline" href={`/decisions/${a.decision.id}`}>{ref}</Link> : ref}
                </td>
                <td className="px-3 py-2">
                  <AwardStatusCell status={a.status} cancelDecision={a.cancelDecision} pendingCancelId={a.pendingCancelId} linkDecisions={canReadDecisions} />
                </td>
                {canCancel && (
                  <td className="px-3 py-2">
                    {a.status === "ACTIVE" && !a.pendingCancelId && (
                      <Link className="inline-flex min-h-11 items-center text-sm font-medium text-red-700 underline" href={`/decisions/cancel/new?award=${a.id}`}>
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
