import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { DecisionForm, type DecisionChoice } from "@/components/decisions/decision-form";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/page-header";
import { toIsoDate } from "@/lib/dates";
import {
  updateAwardDecisionAction, updateCancellationDecisionAction, updateHamletCancellationAction, updateHamletDecisionAction,
} from "@/lib/decisions/actions";
import { decisionNumberText } from "@/lib/decisions/labels";
import { getDecision, listDecisionHouseholds, listReviewsForDecision } from "@/lib/decisions/queries";
import { formatNumber } from "@/lib/format";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Sửa dự thảo quyết định" };

export default async function EditDecisionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  if (!can(actor, "decision.draft", { communeId: actor.communeId })) forbidden();
  const { id } = await params;
  // An award draft's form lists the dossiers, not their households; a cancellation's lists every award it names.
  const decision = await getDecision(actor, id, { households: false });
  if (!decision) notFound();
  const title = `Sửa dự thảo Quyết định số ${decisionNumberText(decision.number, decision.symbol)}`;
  if (decision.status !== "DRAFT") {
    return (
      <>
        <PageHeader title={title} />
        <Alert tone="info">Quyết định đã được ban hành, không thể sửa. Muốn thu hồi danh hiệu, hãy lập quyết định hủy bỏ.</Alert>
      </>
    );
  }
  const isAward = decision.kind === "AWARD";
  const isHamlet = decision.subject === "HAMLET";
  let choices: DecisionChoice[];
  let selected: string[];
  if (isHamlet) {
    // A "Xóm văn hóa" award lists the council's hamlets (not editable here); a cancellation the awards it names.
    choices = decision.hamletRows.map((h) => ({
      id: h.award?.id ?? h.hamletId, label: `Xóm ${h.hamletName}`,
      detail: h.award
        ? `Năm ${h.award.year} · QĐ số ${decisionNumberText(h.award.decision.number, h.award.decision.symbol)}${h.award.decision.issuer ? ` của ${h.award.decision.issuer}` : ""}`
        : `Tán thành ${h.votesFor === null ? "—" : formatNumber(h.votesFor)} · ${formatNumber(h.streak)} năm liên tục khi được công nhận`,
    }));
    selected = isAward ? [] : choices.map((c) => c.id);
  } else if (isAward) {
    const reviews = await listReviewsForDecision(actor, decision.campaignYear.year, decision.id);
    choices = (reviews?.available ?? []).map((r) => ({
      id: r.id, label: `Xóm ${r.hamletName}`, detail: `${formatNumber(r.achieved)} hộ đạt / ${formatNumber(r.assessed)} hộ được bình xét`,
    }));
    selected = decision.hamlets.map((h) => h.reviewId).filter((v): v is string => v !== null);
  } else {
    const households = await listDecisionHouseholds(decision, null);
    choices = households.filter((h) => h.award).map((h) => ({
      id: h.award!.id, label: h.headName, detail: `Xóm ${h.hamletName} · năm ${h.award!.year} · QĐ số ${decisionNumberText(h.award!.decision.number, h.award!.decision.symbol)}`,
    }));
    selected = choices.map((c) => c.id);
  }
  const action = (isHamlet
    ? (isAward ? updateHamletDecisionAction : updateHamletCancellationAction)
    : (isAward ? updateAwardDecisionAction : updateCancellationDecisionAction)).bind(null, decision.id);
  return (
    <>
      <PageHeader title={title} subtitle={`Năm xét tặng ${decision.campaignYear.year}`} />
      <Card>
        <DecisionForm action={action} kind={decision.kind} subject={decision.subject} choices={choices} selected={selected}
          cancelHref={`/decisions/${decision.id}`} submitLabel="Lưu thay đổi"
          initial={{
            number: String(decision.number), symbol: decision.symbol, issuedOn: toIsoDate(decision.issuedOn), signerAuthority: decision.signerAuthority,
            signerTitle: decision.signerTitle, signerName: decision.signerName, legalBasis: decision.legalBasis,
            cancelGround: decision.cancelGround ?? "", cancelReason: decision.cancelReason ?? "", version: decision.version,
          }} />
      </Card>
    </>
  );
}
