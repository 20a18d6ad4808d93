import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { DecisionForm } from "@/components/decisions/decision-form";
import { OtherReviews } from "@/components/decisions/other-reviews";
import { EmptyState, FilterSelect } from "@/components/ui/list-controls";
import { Card, PageHeader } from "@/components/ui/page-header";
import { listYearNumbers } from "@/lib/campaign/queries";
import { todayInVietnam } from "@/lib/dates";
import { createAwardDecisionAction } from "@/lib/decisions/actions";
import { DEFAULT_AWARD_LEGAL_BASIS, decisionFormInitial } from "@/lib/decisions/labels";
import { decisionDefaults, listReviewsForDecision } from "@/lib/decisions/queries";
import { formatNumber } from "@/lib/format";
import { param } from "@/lib/paging";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Lập quyết định tặng danh hiệu" };

export default async function NewAwardDecisionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "decision.draft", { communeId: actor.communeId })) forbidden();
  const params = await searchParams;
  const years = await listYearNumbers(actor);
  const yearParam = param(params, "year");
  const year = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : years[0];
  const today = todayInVietnam();
  const [reviews, defaults] = await Promise.all([
    year ? listReviewsForDecision(actor, year) : Promise.resolve(null),
    decisionDefaults(actor, today.getUTCFullYear()),
  ]);

  return (
    <>
      <PageHeader title="Lập quyết định tặng danh hiệu “Gia đình văn hóa”" subtitle="Mẫu số 10, Phụ lục IV Nghị định 86/2023/NĐ-CP. Dự thảo được Chủ tịch (hoặc Phó Chủ tịch) phê duyệt và ban hành." />
      <form action="/decisions/new" method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <FilterSelect name="year" label="Năm xét tặng" all="— Chọn năm —" options={years.map((y) => ({ value: String(y), label: `Năm ${y}` }))} value={year ? String(year) : undefined} showLabel />
        <button className="min-h-11 rounded-md bg-slate-800 px-4 text-sm font-semibold text-white hover:bg-slate-900">Xem</button>
      </form>
      {!reviews ? (
        <EmptyState>{year ? `Chưa có năm thi đua ${year}.` : "Chưa có năm thi đua nào. Hãy tạo năm thi đua trước."}</EmptyState>
      ) : reviews.available.length === 0 ? (
        <div className="space-y-4">
          <EmptyState>Năm {reviews.campaignYear.year} chưa có hồ sơ nào đã được xã tiếp nhận mà chưa có trong quyết định. Hãy tiếp nhận hồ sơ của các xóm ở mục Bình xét.</EmptyState>
          <OtherReviews reviews={reviews.others} />
        </div>
      ) : (
        <div className="space-y-4">
          <Card>
            <DecisionForm action={createAwardDecisionAction} kind="AWARD" year={reviews.campaignYear.year} cancelHref="/decisions" submitLabel="Lưu dự thảo"
              choices={reviews.available.map((r) => ({
                id: r.id, label: `Xóm ${r.hamletName}`,
                detail: `${formatNumber(r.achieved)} hộ đạt / ${formatNumber(r.assessed)} hộ được bình xét`,
              }))}
              selected={reviews.available.map((r) => r.id)}
              initial={decisionFormInitial(defaults, today, DEFAULT_AWARD_LEGAL_BASIS)} />
          </Card>
          <OtherReviews reviews={reviews.others} />
        </div>
      )}
    </>
  );
}
