import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AuthorityRules, DecisionDatePicker } from "@/components/decisions/authority-rules";
import { AwardStatusCell } from "@/components/decisions/award-status";
import { DecisionForm } from "@/components/decisions/decision-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/list-controls";
import { Card, PageHeader } from "@/components/ui/page-header";
import { formatDay, parseIsoDate, todayInVietnam, toIsoDate } from "@/lib/dates";
import { createHamletCancellationAction } from "@/lib/decisions/actions";
import { decisionFormInitial, decisionNumberText, defaultCancellationLegalBasis } from "@/lib/decisions/labels";
import { decisionDefaults, hamletAuthorityOn, listHamletAuthorityRules, listHamletAwardsForCancellation } from "@/lib/decisions/queries";
import { param } from "@/lib/paging";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Hủy bỏ danh hiệu “Xóm văn hóa”" };

/**
 * Cancelling "Xóm văn hóa" titles (Law 2022 Chương VII khoản 2, grounds a–d) by the authority in force on the
 * cancellation's date: an upper body's decision is recorded (the titles are cancelled at once), the commune's is a
 * draft for the leader.
 */
export default async function NewHamletCancellationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "decision.draft", { communeId: actor.communeId })) forbidden();
  const params = await searchParams;
  const raw = params.award;
  const awardIds = (Array.isArray(raw) ? raw : raw ? [raw] : []).map((v) => v.trim());
  const on = parseIsoDate(param(params, "on") ?? "") ?? todayInVietnam();
  const [awards, rules] = await Promise.all([listHamletAwardsForCancellation(actor, awardIds), listHamletAuthorityRules(actor)]);
  const rule = await hamletAuthorityOn(actor, on, rules);
  const defaults = rule ? await decisionDefaults(actor, on.getUTCFullYear(), rule.issuer) : null;
  const open = awards.filter((a) => a.award?.status === "ACTIVE" && !a.award.pendingCancelId);
  const blocked = awards.filter((a) => !open.includes(a));
  const decisions = [...new Map(open.map((a) => [a.award!.decision.id, { ...a.award!.decision, year: a.award!.year }])).values()];

  return (
    <>
      <PageHeader title="Hủy bỏ danh hiệu “Xóm văn hóa”"
        subtitle="Luật Thi đua, khen thưởng 2022, Chương VII, khoản 2: quyết định bị hủy bỏ khi có một trong các trường hợp a–d. Danh hiệu bị hủy vẫn được lưu với tình trạng “Đã bị hủy bỏ” và không còn được tính vào số năm liên tục." />
      <div className="space-y-4">
        <Card className="space-y-4">
          <DecisionDatePicker action="/decisions/hamlet/cancel/new" on={toIsoDate(on)} extra={awardIds.map((id) => ({ name: "award", value: id }))} />
          {rule && (
            <p className="text-sm text-slate-800">
              Ngày {formatDay(on)}: thẩm quyền thuộc <strong>{rule.authority}</strong>.{" "}
              {rule.isExternal ? `Xã ghi nhận quyết định hủy bỏ do ${rule.issuer} ban hành.` : "Công chức lập dự thảo để lãnh đạo xã phê duyệt, ban hành."}
            </p>
          )}
          <AuthorityRules rules={rules} activeId={rule?.id ?? null} />
        </Card>
        {open.length === 0 ? (
          <EmptyState>
            Chưa chọn danh hiệu &ldquo;Xóm văn hóa&rdquo; nào còn hiệu lực để hủy bỏ. Mở quyết định công nhận (hoặc trang của xóm) và bấm &ldquo;Hủy bỏ danh hiệu&rdquo; ở dòng của xóm.
            <span className="mt-3 block"><ButtonLink href="/decisions?subject=HAMLET&kind=AWARD&status=ISSUED" variant="secondary">Các quyết định công nhận đã ban hành</ButtonLink></span>
          </EmptyState>
        ) : !rule || !defaults ? (
          <Alert>Chưa có quy định về thẩm quyền công nhận &ldquo;Xóm văn hóa&rdquo; áp dụng cho ngày {formatDay(on)}. Hãy chọn ngày khác.</Alert>
        ) : (
          <Card>
            <DecisionForm action={createHamletCancellationAction} kind="CANCELLATION" subject="HAMLET"
              mode={rule.isExternal ? "record" : "draft"} external={rule.isExternal ? { issuer: rule.issuer } : undefined}
              cancelHref="/decisions" submitLabel={rule.isExternal ? "Ghi nhận quyết định hủy bỏ" : "Lưu dự thảo"}
              choices={open.map((a) => ({
                id: a.award!.id, label: `Xóm ${a.hamletName}`,
                detail: `Năm ${a.award!.year} · QĐ số ${decisionNumberText(a.award!.decision.number, a.award!.decision.symbol)}${a.award!.decision.issuer ? ` của ${a.award!.decision.issuer}` : ""}`,
              }))}
              selected={open.map((a) => a.award!.id)}
              initial={decisionFormInitial(defaults, on, defaultCancellationLegalBasis(decisions, "HAMLET"))} />
          </Card>
        )}
        {blocked.length > 0 && (
          <section className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-2 text-base font-semibold text-slate-900">Không thể đưa vào quyết định này</h2>
            <ul className="space-y-2 text-sm">
              {blocked.map((a) => (
                <li key={a.award!.id} className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">Xóm {a.hamletName} (năm {a.award!.year})</span>
                  <AwardStatusCell status={a.award!.status} cancelDecision={a.award!.cancelDecision} pendingCancelId={a.award!.pendingCancelId} linkDecisions />
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}
