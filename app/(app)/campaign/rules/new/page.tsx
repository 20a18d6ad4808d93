import type { Metadata } from "next";
import { RuleSetForm } from "@/components/campaign/rule-set-form";
import { Card, PageHeader } from "@/components/ui/page-header";
import { createRuleSetAction } from "@/lib/campaign/actions";
import { DEFAULT_RULE_SET } from "@/lib/campaign/defaults";
import { getRuleSet } from "@/lib/campaign/queries";
import { toIsoDate } from "@/lib/dates";
import { requireCampaignManager } from "../../guard";

export const metadata: Metadata = { title: "Phiên bản mới của bộ quy tắc" };

export default async function NewRuleSetPage({ searchParams }: { searchParams: Promise<{ from?: string | string[] }> }) {
  const actor = await requireCampaignManager();
  const { from } = await searchParams;
  // Prefilled from the version it is based on; without one (or an unknown one), from the default rule.
  const base = (typeof from === "string" ? await getRuleSet(actor, from) : null) ?? DEFAULT_RULE_SET;
  return (
    <>
      <PageHeader title="Phiên bản mới của bộ quy tắc bình xét"
        subtitle={"version" in base ? `Dựa trên phiên bản ${base.version}. Phiên bản cũ giữ nguyên; các năm đã dùng phiên bản cũ không thay đổi.` : "Dựa trên quy tắc mặc định theo Nghị định 59/2023."} />
      <Card>
        <RuleSetForm action={createRuleSetAction} cancelHref="/campaign/rules"
          initial={{
            name: base.name, legalBasis: base.legalBasis, effectiveFrom: toIsoDate(base.effectiveFrom),
            quorumBase: base.quorumBase, quorumPct: String(base.quorumPct), quorumOp: base.quorumOp,
            approvalBase: base.approvalBase, approvalPct: String(base.approvalPct), approvalOp: base.approvalOp,
            ballotMethod: base.ballotMethod, registrationRequired: base.registrationRequired ? "on" : "", lookbackYears: String(base.lookbackYears),
            hamletRegistrationRequired: base.hamletRegistrationRequired ? "on" : "", councilApprovalBase: base.councilApprovalBase,
            councilApprovalPct: String(base.councilApprovalPct), councilApprovalOp: base.councilApprovalOp,
          }} />
      </Card>
    </>
  );
}
