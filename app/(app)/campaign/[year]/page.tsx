import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/ui/list-controls";
import { Card, DetailHeader, DetailList } from "@/components/ui/page-header";
import { getYearForActor, getYearUsage } from "@/lib/campaign/queries";
import { approvalWords, CAMPAIGN_MSG, councilApprovalWords, quorumWords, targetsText, versionText } from "@/lib/campaign/schema";
import { formatDay } from "@/lib/dates";
import { formatDateTime } from "@/lib/format";
import { BALLOT_METHOD_LABEL } from "@/lib/review/labels";
import { requireCampaignManager, yearParam } from "../guard";

export const metadata: Metadata = { title: "Năm thi đua" };

const LINK = "font-medium text-brand-700 underline underline-offset-2";

/** A criteria set's version as a link to it; empty (shown as "—") when the year has none for that title. */
const setLink = (set: { id: string; name: string; version: number } | null) =>
  set ? <Link className={LINK} href={`/campaign/criteria/${set.id}`}>{versionText(set)}</Link> : "";

export default async function CampaignYearPage({ params, searchParams }: { params: Promise<{ year: string }>; searchParams: Promise<{ saved?: string }> }) {
  const actor = await requireCampaignManager();
  const year = yearParam((await params).year);
  const row = year === undefined ? null : await getYearForActor(actor, year);
  if (!row) notFound();
  const [{ saved }, usage] = await Promise.all([searchParams, getYearUsage(actor, row.id)]);
  const plan = [row.planNumber, row.planDate ? `ngày ${formatDay(row.planDate)}` : null, row.planIssuer].filter(Boolean).join(", ");
  const standard = row.criteriaSet.items.filter((i) => i.kind === "STANDARD").length;
  return (
    <>
      <DetailHeader title={`Năm thi đua ${row.year}`} subtitle={targetsText(row)} editHref={`/campaign/${row.year}/edit`}
        listHref="/campaign" listLabel="Danh sách năm" saved={Boolean(saved)} />
      <div className="space-y-4">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Kế hoạch và chỉ tiêu</h2>
          <DetailList items={[
            { label: "Chỉ tiêu hộ gia đình văn hóa", value: `${row.targetHouseholdsPct} %` },
            { label: "Chỉ tiêu xóm văn hóa", value: `${row.targetHamletsPct} %` },
            { label: "Chỉ tiêu cơ quan, đơn vị đạt chuẩn văn hóa", value: `${row.targetAgenciesPct} %` },
            { label: "Kế hoạch của xã", value: plan },
            { label: "Trích yếu kế hoạch", value: row.planTitle },
            { label: "Cập nhật lần cuối", value: formatDateTime(row.updatedAt) },
          ]} />
        </Card>
        <section>
          <h2 className="mb-2 text-lg font-semibold">Kế hoạch cấp trên được căn cứ</h2>
          {row.planRefs.length === 0 ? (
            <p className="text-sm text-slate-600">Chưa ghi kế hoạch cấp trên nào.</p>
          ) : (
            <DataTable head={["Cơ quan ban hành", "Số", "Ngày", "Trích yếu"]}>
              {row.planRefs.map((r) => (
                <tr key={r.id}>
                  <td className="px-3 py-2">{r.issuer}</td>
                  <td className="px-3 py-2">{r.number}</td>
                  <td className="px-3 py-2 tabular-nums">{r.date ? formatDay(r.date) : ""}</td>
                  <td className="px-3 py-2">{r.title ?? ""}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Thời hạn</h2>
          <DetailList items={[
            { label: "Hạn họp bình xét ở xóm", value: formatDay(row.meetingDeadline) },
            { label: "Hạn hoàn thành bình xét", value: formatDay(row.reviewDeadline) },
            { label: "Thời gian niêm yết công khai", value: `${row.noticeDays} ngày` },
            { label: "Thời hạn ra quyết định", value: `${row.decisionDays} ngày kể từ khi nhận đủ hồ sơ` },
          ]} />
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Quy tắc và tiêu chí áp dụng</h2>
          {(usage?.reviews ?? 0) > 0 && <p className="mb-3 text-sm text-slate-600">{CAMPAIGN_MSG.setsInUse}</p>}
          <DetailList items={[
            { label: "Bộ quy tắc bình xét", value: <Link className={LINK} href="/campaign/rules">{versionText(row.ruleSet)}</Link> },
            { label: "Căn cứ", value: row.ruleSet.legalBasis },
            { label: "Điều kiện tiến hành họp", value: quorumWords(row.ruleSet) },
            { label: "Điều kiện công nhận", value: approvalWords(row.ruleSet) },
            { label: "Hình thức biểu quyết", value: BALLOT_METHOD_LABEL[row.ruleSet.ballotMethod] },
            { label: "Bộ tiêu chí “Gia đình văn hóa”", value: <Link className={LINK} href={`/campaign/criteria/${row.criteriaSet.id}`}>{versionText(row.criteriaSet)}</Link> },
            { label: "Số tiêu chí", value: `${standard} tiêu chí phải đạt, ${row.criteriaSet.items.length - standard} trường hợp loại trừ` },
          ]} />
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">“Xóm văn hóa”, cơ quan, đơn vị và doanh nghiệp</h2>
          {((usage?.hamletReports ?? 0) > 0 || (usage?.agencyResults ?? 0) > 0 || (usage?.enterpriseResults ?? 0) > 0) && (
            <p className="mb-3 text-sm text-slate-600">Bộ tiêu chí đã dùng để chấm báo cáo hoặc kết quả trong năm thì không đổi được nữa.</p>
          )}
          <DetailList items={[
            { label: "Bộ tiêu chí “Xóm văn hóa”", value: setLink(row.hamletCriteriaSet) },
            { label: "Bộ tiêu chí “Cơ quan, đơn vị đạt chuẩn văn hóa”", value: setLink(row.agencyCriteriaSet) },
            { label: "Bộ tiêu chí “Doanh nghiệp đạt chuẩn văn hóa”", value: setLink(row.enterpriseCriteriaSet) },
            { label: "Hội đồng xã công nhận “Xóm văn hóa” khi", value: councilApprovalWords(row.ruleSet) },
            { label: "Xóm phải đăng ký mới được xét", value: row.ruleSet.hamletRegistrationRequired ? "Có" : "Không" },
          ]} />
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Gia đình văn hóa tiêu biểu</h2>
          <DetailList items={[
            { label: "Số năm liên tục đạt danh hiệu", value: `${row.honourYears} năm` },
            { label: "Tỷ lệ tối đa", value: row.honourQuotaPct === null ? "Không giới hạn" : `${row.honourQuotaPct} % số hộ đạt danh hiệu trong năm` },
          ]} />
        </Card>
      </div>
    </>
  );
}
