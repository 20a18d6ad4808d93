import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { DecisionForm } from "@/components/decisions/decision-form";
import { AwardStatusCell } from "@/components/decisions/award-status";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/list-controls";
import { Card, PageHeader } from "@/components/ui/page-header";
import { todayInVietnam } from "@/lib/dates";
import { createCancellationDecisionAction } from "@/lib/decisions/actions";
import { decisionFormInitial, decisionNumberText, defaultCancellationLegalBasis } from "@/lib/decisions/labels";
import { decisionDefaults, listAwardsForCancellation } from "@/lib/decisions/queries";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Lập quyết định hủy bỏ danh hiệu" };

export default async function NewCancellationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "decision.draft", { communeId: actor.communeId })) forbidden();
  const raw = (await searchParams).award;
  const awardIds = (Array.isArray(raw) ? raw : raw ? [raw] : []).map((v) => v.trim());
  const today = todayInVietnam();
  const [awards, defaults] = await Promise.all([listAwardsForCancellation(actor, awardIds), decisionDefaults(actor, today.getUTCFullYear())]);
  const open = awards.filter((a) => a.award?.status === "ACTIVE" && !a.award.pendingCancelId);
  const blocked = awards.filter((a) => !open.includes(a));
  const decisions = [...new Map(open.map((a) => [a.award!.decision.id, { ...a.award!.decision, year: a.award!.year }])).values()];

  return (
    <>
      <PageHeader title="Lập quyết định hủy bỏ danh hiệu “Gia đình văn hóa”"
        subtitle="Luật Thi đua, khen thưởng 2022, Chương VII, khoản 2: quyết định bị hủy bỏ khi có một trong các trường hợp a–d. Danh hiệu bị hủy vẫn được lưu với tình trạng “Đã bị hủy bỏ”." />
      {open.length === 0 ? (
        <EmptyState>
          Chưa chọn danh hiệu nào còn hiệu lực để hủy bỏ. Mở quyết định tặng danh hiệu (hoặc trang của hộ) và bấm “Hủy bỏ” ở dòng của hộ.
          <span className="mt-3 block"><ButtonLink href="/decisions?kind=AWARD&status=ISSUED" variant="secondary">Các quyết định tặng đã ban hành</ButtonLink></span>
        </EmptyState>
      ) : (
        <Card>
          <DecisionForm action={createCancellationDecisionAction} kind="CANCELLATION" cancelHref="/decisions" submitLabel="Lưu dự thảo"
            choices={open.map((a) => ({
              id: a.award!.id, label: a.headName,
              detail: `Xóm ${a.hamletName} · năm ${a.award!.year} · QĐ số ${decisionNumberText(a.award!.decision.number, a.award!.decision.symbol)}`,
            }))}
            selected={open.map((a) => a.award!.id)}
            initial={decisionFormInitial(defaults, today, defaultCancellationLegalBasis(decisions))} />
        </Card>
      )}
      {blocked.length > 0 && (
        <section className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-2 text-base font-semibold text-slate-900">Không thể đưa vào quyết định này</h2>
          <ul className="space-y-2 text-sm">
            {blocked.map((a) => (
              <li key={a.award!.id} className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{a.headName} (xóm {a.hamletName}, năm {a.award!.year})</span>
                <AwardStatusCell status={a.award!.status} cancelDecision={a.award!.cancelDecision} pendingCancelId={a.award!.pendingCancelId} linkDecisions />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
