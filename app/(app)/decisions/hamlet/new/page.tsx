import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { AuthorityRules, DecisionDatePicker } from "@/components/decisions/authority-rules";
import { DecisionForm } from "@/components/decisions/decision-form";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/list-controls";
import { Card, PageHeader } from "@/components/ui/page-header";
import { listYearNumbers } from "@/lib/campaign/queries";
import { formatDay, parseIsoDate, todayInVietnam, toIsoDate } from "@/lib/dates";
import { createHamletDecisionAction } from "@/lib/decisions/actions";
import { DECISION_MSG, decisionFormInitial, decisionNumberText, defaultHamletLegalBasis } from "@/lib/decisions/labels";
import { decisionDefaults, getHamletDecisionContext, hamletAuthorityOn, listHamletAuthorityRules } from "@/lib/decisions/queries";
import { formatNumber } from "@/lib/format";
import { param } from "@/lib/paging";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";
import { COUNCIL_STATUS_LABEL } from "@/lib/titles/rules";

export const metadata: Metadata = { title: "Quyết định công nhận “Xóm văn hóa”" };

/**
 * A "Xóm văn hóa" decision for a year whose council review is PROPOSED. The authority in force on the chosen date
 * decides the form: an upper body's decision is recorded (issued at once), the commune's is a draft for the leader.
 */
export default async function NewHamletDecisionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "decision.draft", { communeId: actor.communeId })) forbidden();
  const params = await searchParams;
  const years = await listYearNumbers(actor);
  const yearParam = param(params, "year");
  const year = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : years[0];
  const on = parseIsoDate(param(params, "on") ?? "") ?? todayInVietnam();
  const rules = await listHamletAuthorityRules(actor);
  const [context, rule] = await Promise.all([
    year ? getHamletDecisionContext(actor, year) : Promise.resolve(null),
    hamletAuthorityOn(actor, on, rules),
  ]);
  const defaults = rule ? await decisionDefaults(actor, on.getUTCFullYear(), rule.issuer) : null;
  const council = context?.council ?? null;

  let body;
  if (!context) {
    body = <EmptyState>{year ? `Chưa có năm thi đua ${year}.` : "Chưa có năm thi đua nào. Hãy tạo năm thi đua trước."}</EmptyState>;
  } else if (!council) {
    body = <EmptyState>Năm {context.campaignYear.year} chưa có hồ sơ Hội đồng Thi đua - Khen thưởng xã xét danh hiệu &ldquo;Xóm văn hóa&rdquo;.</EmptyState>;
  } else if (council.decision) {
    body = (
      <EmptyState>
        Hồ sơ năm {context.campaignYear.year} đã có trong Quyết định{" "}
        <Link className="font-medium text-brand-700 underline" href={`/decisions/${council.decision.id}`}>
          số {decisionNumberText(council.decision.number, council.decision.symbol)} ngày {formatDay(council.decision.issuedOn)}
        </Link>
        {council.decision.status === "DRAFT" ? " (dự thảo)." : "."}
      </EmptyState>
    );
  } else if (council.status !== "PROPOSED") {
    body = (
      <EmptyState>
        Hồ sơ &ldquo;Xóm văn hóa&rdquo; năm {context.campaignYear.year}: {COUNCIL_STATUS_LABEL[council.status].toLowerCase()}. Chỉ lập được quyết định sau khi hết
        thời gian công khai và đã có Tờ trình đề nghị công nhận.
      </EmptyState>
    );
  } else if (context.hamlets.length === 0) {
    body = <EmptyState>Năm {context.campaignYear.year} Hội đồng không đề nghị công nhận xóm nào.</EmptyState>;
  } else if (!rule || !defaults) {
    body = <Alert>Chưa có quy định về thẩm quyền công nhận &ldquo;Xóm văn hóa&rdquo; áp dụng cho ngày {formatDay(on)}. Hãy chọn ngày khác.</Alert>;
  } else {
    const proposal = { number: council.proposalNumber, symbol: council.proposalSymbol, date: council.proposalDate };
    const beforeProposal = council.proposalDate && on.getTime() < council.proposalDate.getTime()
      ? DECISION_MSG.beforeProposal({ number: council.proposalNumber, symbol: council.proposalSymbol, date: council.proposalDate })
      : null;
    body = (
      <Card className="space-y-4">
        {beforeProposal && <Alert tone="warning">{beforeProposal} Hãy chọn ngày ban hành khác.</Alert>}
        <DecisionForm action={createHamletDecisionAction} kind="AWARD" subject="HAMLET" year={context.campaignYear.year}
          mode={rule.isExternal ? "record" : "draft"} external={rule.isExternal ? { issuer: rule.issuer } : undefined}
          cancelHref="/decisions" submitLabel={rule.isExternal ? "Ghi nhận quyết định" : "Lưu dự thảo"}
          choices={context.hamlets.map((h) => ({
            id: h.hamletId, label: `Xóm ${h.hamletName}`,
            detail: `Tán thành ${h.votesFor === null ? "—" : formatNumber(h.votesFor)}/${formatNumber(council.membersPresent)} thành viên dự họp · ${formatNumber(h.streak)} năm liên tục khi được công nhận`,
          }))}
          selected={[]}
          initial={decisionFormInitial(defaults, on, defaultHamletLegalBasis(rule, proposal))} />
      </Card>
    );
  }

  return (
    <>
      <PageHeader title="Quyết định công nhận danh hiệu “Xóm văn hóa”"
        subtitle="Ai quyết định tùy theo ngày ban hành (bảng dưới). Quyết định của cấp trên (Ủy ban nhân dân huyện) thì xã ghi nhận số, ngày đã nhận; quyết định của xã thì công chức lập dự thảo, lãnh đạo xã phê duyệt, ban hành." />
      <div className="space-y-4">
        <Card className="space-y-4">
          <DecisionDatePicker action="/decisions/hamlet/new" on={toIsoDate(on)} year={year} years={years} />
          {rule ? (
            <p className="text-sm text-slate-800">
              Ngày {formatDay(on)}: thẩm quyền thuộc <strong>{rule.authority}</strong>.{" "}
              {rule.isExternal ? `Xã ghi nhận quyết định do ${rule.issuer} ban hành.` : "Công chức lập dự thảo để Chủ tịch (hoặc Phó Chủ tịch) xã phê duyệt, ban hành."}
            </p>
          ) : null}
          <AuthorityRules rules={rules} activeId={rule?.id ?? null} />
        </Card>
        {body}
      </div>
    </>
  );
}
