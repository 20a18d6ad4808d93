import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { DecisionHamlets } from "@/components/decisions/decision-hamlets";
import { DecisionHouseholds } from "@/components/decisions/decision-households";
import { DecisionStepForm } from "@/components/decisions/decision-step-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/list-controls";
import { Badge, Card, DetailList, PageHeader } from "@/components/ui/page-header";
import { formatDay } from "@/lib/dates";
import { discardDecisionAction, issueDecisionAction } from "@/lib/decisions/actions";
import { DECISION_KIND_LABEL, DECISION_SUBJECT_LABEL, decisionNumberText, padNumber } from "@/lib/decisions/labels";
import { ALL_HAMLETS, getDecision } from "@/lib/decisions/queries";
import { formatDateTime, formatNumber } from "@/lib/format";
import { param } from "@/lib/paging";
import { can } from "@/lib/policy";
import { CANCEL_GROUND_LABEL, DECISION_STATUS_LABEL } from "@/lib/review/labels";
import { REVIEW_STATUS_LABEL } from "@/lib/review/rules";
import { requireActor } from "@/lib/session";
import { COUNCIL_STATUS_LABEL } from "@/lib/titles/rules";

export const metadata: Metadata = { title: "Quyết định" };

export default async function DecisionPage({ params, searchParams }: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!can(actor, "decision.read", { communeId: actor.communeId })) forbidden();
  const { id } = await params;
  const query = await searchParams;
  const decision = await getDecision(actor, id, { hamlet: param(query, "hamlet") });
  if (!decision) notFound();
  const saved = param(query, "saved");
  const issued = param(query, "issued");
  const recorded = param(query, "recorded");
  const commune = { communeId: decision.communeId };
  const isDraft = decision.status === "DRAFT";
  const isAward = decision.kind === "AWARD";
  const isHamlet = decision.subject === "HAMLET";
  const isExternal = decision.issuer !== "";
  const title = DECISION_SUBJECT_LABEL[decision.subject];
  const canDraft = can(actor, "decision.draft", commune);
  const canApprove = can(actor, "decision.approve", commune);
  const numberText = decisionNumberText(decision.number, decision.symbol);
  const households = decision.householdCount;
  const hamlets = decision.hamlets.length;
  const shown = decision.hamlets.find((h) => h.hamletId === decision.shownHamletId);
  // The STT of the shown xóm's first household in the attached list, which numbers on across the xóm.
  const firstNumber = shown ? 1 + decision.hamlets.slice(0, decision.hamlets.indexOf(shown)).reduce((sum, h) => sum + h.achieved, 0) : 1;
  const hamletHref = (hamletId: string) => `/decisions/${decision.id}?hamlet=${hamletId}`;
  const hamletCount = decision.hamletRows.length;
  const consequence = isHamlet
    ? isAward
      ? `Ban hành Quyết định số ${numberText}: ${formatNumber(hamletCount)} xóm được công nhận danh hiệu “Xóm văn hóa” năm ${decision.campaignYear.year}. Hồ sơ Hội đồng chuyển sang “${COUNCIL_STATUS_LABEL.DECIDED}” và bị khóa. Không thể hoàn tác; muốn thu hồi phải ra quyết định hủy bỏ.`
      : `Ban hành Quyết định số ${numberText}: hủy bỏ danh hiệu “Xóm văn hóa” năm ${decision.hamletRows[0]?.award?.year ?? decision.campaignYear.year} của ${formatNumber(hamletCount)} xóm. Danh hiệu được giữ lại trong lịch sử với tình trạng “Đã bị hủy bỏ” và không còn được tính vào số năm liên tục. Không thể hoàn tác.`
    : isAward
      ? `Ban hành Quyết định số ${numberText}: ${formatNumber(households)} hộ của ${formatNumber(hamlets)} xóm được tặng danh hiệu “Gia đình văn hóa” năm ${decision.campaignYear.year}. Hồ sơ các xóm chuyển sang “${REVIEW_STATUS_LABEL.DECIDED}” và bị khóa. Không thể hoàn tác; muốn thu hồi phải ra quyết định hủy bỏ.`
      : `Ban hành Quyết định số ${numberText}: hủy bỏ ${formatNumber(households)} danh hiệu “Gia đình văn hóa” năm ${decision.campaignYear.year}. Danh hiệu được giữ lại trong lịch sử với tình trạng “Đã bị hủy bỏ” và không còn được tính vào số năm liên tục. Không thể hoàn tác.`;
  const discardNote = isHamlet
    ? isAward ? "Hồ sơ “Xóm văn hóa” của năm trở lại chờ lập quyết định." : "Các danh hiệu vẫn giữ nguyên."
    : isAward ? "Hồ sơ các xóm trở lại danh sách chờ lập quyết định." : "Các danh hiệu vẫn giữ nguyên.";
  const council = decision.council;

  return (
    <>
      <PageHeader title={`Quyết định số ${numberText}`}
        subtitle={`${isHamlet && isAward ? "Công nhận danh hiệu" : DECISION_KIND_LABEL[decision.kind]} “${title}” năm ${decision.campaignYear.year}${isExternal ? ` – ${decision.issuer}` : ""}`}
        actions={<>
          {isDraft && canDraft && <ButtonLink href={`/decisions/${decision.id}/edit`}>Sửa dự thảo</ButtonLink>}
          <ButtonLink href="/decisions" variant="secondary">Danh sách quyết định</ButtonLink>
        </>} />
      {saved && <div className="mb-4"><Alert tone="success">Đã lưu dự thảo.</Alert></div>}
      {issued && <div className="mb-4"><Alert tone="success">Đã phê duyệt và ban hành quyết định.</Alert></div>}
      {recorded && <div className="mb-4"><Alert tone="success">Đã ghi nhận quyết định của {decision.issuer}.</Alert></div>}

      <div className="space-y-4">
        <Card>
          <DetailList items={[
            { label: "Trạng thái", value: <Badge tone={isDraft ? "amber" : "green"}>{isDraft ? "✎" : "✓"} {DECISION_STATUS_LABEL[decision.status]}</Badge> },
            { label: "Danh hiệu", value: `“${title}”` },
            ...(isHamlet
              ? [
                { label: "Cơ quan ban hành", value: isExternal ? `${decision.issuer} (xã ghi nhận quyết định đã nhận)` : "Ủy ban nhân dân xã" },
                { label: "Thẩm quyền quyết định", value: decision.authority || null },
              ]
              : []),
            { label: "Số, ký hiệu", value: numberText },
            { label: "Ngày ban hành", value: formatDay(decision.issuedOn) },
            { label: "Người ký", value: [decision.signerAuthority, decision.signerTitle, decision.signerName].filter(Boolean).join(" – ") },
            isHamlet
              ? { label: isAward ? "Số xóm được công nhận" : "Số danh hiệu bị hủy bỏ", value: `${formatNumber(hamletCount)} xóm` }
              : { label: isAward ? "Số hộ được tặng" : "Số danh hiệu bị hủy bỏ", value: `${formatNumber(households)} hộ, ${formatNumber(hamlets)} xóm` },
            ...(isHamlet && isAward && council
              ? [{
                label: "Hồ sơ Hội đồng",
                value: `${COUNCIL_STATUS_LABEL[council.status]}; họp ngày ${formatDay(council.meetingDate)} (${formatNumber(council.membersPresent)}/${formatNumber(council.membersTotal)} thành viên)${council.proposalNumber && council.proposalDate ? `; Tờ trình số ${decisionNumberText(council.proposalNumber, council.proposalSymbol ?? "TTr-UBND")} ngày ${formatDay(council.proposalDate)}` : ""}`,
              }]
              : []),
            ...(isExternal
              ? [{ label: "Người ghi nhận", value: decision.draftedByName ? `${decision.draftedByName} (${formatDateTime(decision.createdAt)})` : null }]
              : [
                { label: "Người lập dự thảo", value: decision.draftedByName ? `${decision.draftedByName} (${formatDateTime(decision.createdAt)})` : null },
                ...(decision.status === "ISSUED"
                  ? [{ label: "Người phê duyệt, ban hành", value: `${decision.approvedByName ?? ""} (${formatDateTime(decision.approvedAt)})` }]
                  : []),
              ]),
            ...(decision.cancelGround
              ? [
                { label: "Trường hợp hủy bỏ", value: CANCEL_GROUND_LABEL[decision.cancelGround] },
                { label: "Lý do", value: decision.cancelReason },
              ]
              : []),
          ]} />
        </Card>

        <Card>
          <h2 className="mb-2 text-base font-semibold text-slate-900">Căn cứ ban hành</h2>
          <ul className="space-y-1 text-sm italic text-slate-800">
            {decision.legalBasis.split("\n").map((line, i) => <li key={i}>{line}</li>)}
          </ul>
        </Card>

        <Card>
          <h2 className="mb-2 text-base font-semibold text-slate-900">Văn bản</h2>
          {isHamlet ? (
            isAward ? (
              <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
                <li>
                  <a className="inline-flex min-h-11 items-center font-medium text-brand-700 underline" href={`/api/documents/hamlet-decision/${decision.id}`}>
                    Quyết định công nhận &ldquo;Xóm văn hóa&rdquo; .docx
                  </a>
                  {isDraft && <span className="ml-2 text-slate-600">(bản dự thảo)</span>}
                  {isExternal && <span className="ml-2 text-slate-600">(bản sao theo quyết định đã nhận của {decision.issuer})</span>}
                </li>
              </ul>
            ) : (
              <p className="text-sm text-slate-700">
                {isExternal ? `Văn bản gốc do ${decision.issuer} ban hành; xã lưu bản đã nhận.` : "Quyết định hủy bỏ được in từ bản lưu của văn phòng xã."}
              </p>
            )
          ) : (
            <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
              <li>
                <a className="inline-flex min-h-11 items-center font-medium text-brand-700 underline" href={`/api/documents/decision/${decision.id}`}>
                  {isAward ? "Quyết định (Mẫu 10) .docx" : "Quyết định hủy bỏ .docx"}
                </a>
                {isDraft && <span className="ml-2 text-slate-600">(bản dự thảo)</span>}
              </li>
              {isAward && decision.status === "ISSUED" && (
                <li>
                  <a className="inline-flex min-h-11 items-center font-medium text-brand-700 underline" href={`/api/documents/certificates/${decision.id}`}>Giấy chứng nhận .docx</a>
                </li>
              )}
            </ul>
          )}
        </Card>

        {isDraft && (canApprove || canDraft) && (
          <Card className="space-y-4">
            {canApprove && (
              <div className="space-y-2">
                <h2 className="text-base font-semibold text-slate-900">Phê duyệt</h2>
                <p className="text-sm text-slate-700">
                  {isHamlet ? "Kiểm tra danh sách xóm bên dưới" : "Kiểm tra danh sách hộ của từng xóm bên dưới"} (hoặc bản dự thảo .docx) trước khi phê duyệt. Người lập dự thảo: {decision.draftedByName ?? "—"}.
                </p>
                <DecisionStepForm action={issueDecisionAction.bind(null, decision.id)} version={decision.version}
                  label="Phê duyệt và ban hành" confirmLabel="Xác nhận ban hành" consequence={consequence} />
              </div>
            )}
            {canDraft && (
              <DecisionStepForm action={discardDecisionAction.bind(null, decision.id)} version={decision.version} variant="danger"
                label="Hủy dự thảo" confirmLabel="Xác nhận hủy dự thảo"
                consequence={`Dự thảo Quyết định số ${numberText} sẽ bị xóa và số ${padNumber(decision.number)} có thể dùng lại. ${discardNote}`} />
            )}
          </Card>
        )}

        {isHamlet ? (
          <section>
            <h2 className="mb-2 text-lg font-semibold">
              {isAward ? (isDraft ? "Các xóm được đề nghị công nhận" : "Các xóm được công nhận “Xóm văn hóa”") : "Danh hiệu “Xóm văn hóa” bị hủy bỏ"} ({formatNumber(hamletCount)})
            </h2>
            <DecisionHamlets rows={decision.hamletRows} mode={!isAward ? "cancellation" : isDraft ? "draft" : "awards"} canCancel={canDraft} linkDecisions />
          </section>
        ) : (
          <>
            <section>
              <h2 className="mb-2 text-lg font-semibold">{isAward ? `Các xóm (${hamlets})` : `Các xóm có danh hiệu bị hủy bỏ (${hamlets})`}</h2>
              <DataTable head={isAward ? ["Xóm", "Tình trạng hồ sơ", "Số hộ đạt", "Số hộ được bình xét"] : ["Xóm", "Số danh hiệu bị hủy bỏ"]}>
                {decision.hamlets.map((h) => (
                  <tr key={h.hamletId} className={h === shown ? "bg-brand-50" : undefined}>
                    <td className="px-3 py-1">
                      <Link className="inline-flex min-h-11 items-center font-medium text-brand-700 underline-offset-2 hover:underline" href={hamletHref(h.hamletId)}
                        aria-current={h === shown ? "true" : undefined}>
                        {h.hamletName}
                      </Link>
                      {h === shown && <span className="ml-2 text-slate-600">(đang xem)</span>}
                    </td>
                    {isAward && <td className="px-3 py-2">{h.status ? REVIEW_STATUS_LABEL[h.status] : ""}</td>}
                    <td className="px-3 py-2 text-right tabular-nums">{formatNumber(h.achieved)}</td>
                    {isAward && <td className="px-3 py-2 text-right tabular-nums">{formatNumber(h.assessed)}</td>}
                  </tr>
                ))}
              </DataTable>
            </section>

            <section>
              <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  {isAward ? (isDraft ? "Danh sách hộ đạt" : "Danh sách hộ được tặng danh hiệu") : "Danh hiệu bị hủy bỏ"}
                  {shown ? ` – Xóm ${shown.hamletName} (${formatNumber(shown.achieved)}/${formatNumber(households)} hộ)` : ` (${formatNumber(households)})`}
                </h2>
                {shown && hamlets > 1 && (
                  <ButtonLink href={`/decisions/${decision.id}?hamlet=${ALL_HAMLETS}`} variant="secondary">Xem tất cả {formatNumber(households)} hộ</ButtonLink>
                )}
              </div>
              {shown && hamlets > 1 && <p className="mb-2 text-sm text-slate-600">Chọn tên xóm ở bảng trên để xem danh sách của xóm đó.</p>}
              <DecisionHouseholds households={decision.households} mode={!isAward ? "cancellation" : isDraft ? "draft" : "awards"} canCancel={canDraft}
                firstNumber={firstNumber} />
            </section>
          </>
        )}
      </div>
    </>
  );
}
