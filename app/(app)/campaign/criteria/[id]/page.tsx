import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfirmAction } from "@/components/campaign/confirm-action";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Badge, Card, DetailList, PageHeader } from "@/components/ui/page-header";
import { createCriteriaDraftAction, publishCriteriaSetAction, removeCriterionAction } from "@/lib/campaign/actions";
import { getCriteriaSet, yearsUsing, type CriteriaSetDetail } from "@/lib/campaign/queries";
import { ratioWords, TITLE_SUBJECT_LABEL } from "@/lib/campaign/schema";
import { formatDay } from "@/lib/dates";
import { formatDateTime } from "@/lib/format";
import { CATEGORY_LABEL } from "@/lib/review/labels";
import { requireCampaignManager } from "../../guard";

export const metadata: Metadata = { title: "Bộ tiêu chí" };

type Item = CriteriaSetDetail["items"][number];

/** Items by group, groups in the order their first item appears. */
function groupsOf(items: Item[]): { code: string; title: string; items: Item[] }[] {
  const groups = new Map<string, { code: string; title: string; items: Item[] }>();
  for (const item of items) {
    const group = groups.get(item.groupCode) ?? { code: item.groupCode, title: item.groupTitle, items: [] };
    group.items.push(item);
    groups.set(item.groupCode, group);
  }
  return [...groups.values()];
}

export default async function CriteriaSetPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const actor = await requireCampaignManager();
  const { id } = await params;
  const set = await getCriteriaSet(actor, id);
  if (!set) notFound();
  const { saved } = await searchParams;
  const isDraft = set.publishedAt === null;
  const unverified = set.items.filter((i) => !i.isVerified).length;
  const years = yearsUsing(set);
  return (
    <>
      <PageHeader title={`Bộ tiêu chí \u201c${TITLE_SUBJECT_LABEL[set.subject]}\u201d – phiên bản ${set.version}`} subtitle={set.name}
        actions={<>
          {isDraft && <ButtonLink href={`/campaign/criteria/${set.id}/edit`}>Sửa thông tin</ButtonLink>}
          {isDraft && <ButtonLink href={`/campaign/criteria/${set.id}/items/new`} variant="secondary">+ Thêm tiêu chí</ButtonLink>}
          <ButtonLink href="/campaign/criteria" variant="secondary">Danh sách bộ tiêu chí</ButtonLink>
        </>} />
      <div className="space-y-4">
        {saved && <Alert tone="success">Đã lưu.</Alert>}
        {isDraft
          ? <Alert tone="warning">Bản nháp: có thể sửa, thêm, bỏ tiêu chí. Năm thi đua chỉ chọn được bộ tiêu chí sau khi công bố; sau khi công bố thì không sửa được nữa.</Alert>
          : <Alert tone="info">Đã công bố lúc {formatDateTime(set.publishedAt)}; bộ tiêu chí này không sửa được nữa. Muốn thay đổi, hãy tạo phiên bản mới từ bản này.</Alert>}
        <Card>
          <DetailList items={[
            { label: "Danh hiệu", value: TITLE_SUBJECT_LABEL[set.subject] },
            { label: "Tên bộ tiêu chí", value: set.name },
            { label: "Phiên bản", value: <>{set.version} {isDraft ? <Badge tone="amber">Bản nháp</Badge> : <Badge tone="green">Đã công bố</Badge>}</> },
            { label: "Căn cứ pháp lý", value: set.legalBasis },
            { label: "Ngày áp dụng", value: formatDay(set.effectiveFrom) },
            {
              label: "Các năm áp dụng",
              value: years.length === 0 ? "" : (
                <span className="flex flex-wrap gap-2">
                  {years.map((y) => <Link key={y} className="font-medium text-brand-700 underline underline-offset-2" href={`/campaign/${y}`}>{y}</Link>)}
                </span>
              ),
            },
            { label: "Cần đối chiếu văn bản gốc", value: unverified === 0 ? "Không có" : `${unverified} tiêu chí` },
          ]} />
          <div className="mt-4 flex flex-wrap gap-3 border-t border-slate-200 pt-4">
            {isDraft && (
              <ConfirmAction action={publishCriteriaSetAction.bind(null, set.id)} label="Công bố"
                consequence={`Sau khi công bố, phiên bản ${set.version} không sửa được nữa và các năm thi đua có thể chọn dùng. Công bố?`} confirmLabel="Công bố" />
            )}
            <ConfirmAction action={createCriteriaDraftAction.bind(null, set.id)} label="Tạo phiên bản mới từ bản này" variant="secondary"
              consequence={`Tạo một bản nháp mới chép toàn bộ ${set.items.length} tiêu chí của phiên bản ${set.version}. Phiên bản ${set.version} giữ nguyên.`}
              confirmLabel="Tạo bản nháp" />
          </div>
        </Card>
        {set.items.length === 0 && <p className="text-sm italic text-slate-600">Bộ tiêu chí chưa có tiêu chí nào.</p>}
        {groupsOf(set.items).map((group) => (
          <section key={group.code} aria-labelledby={`group-${group.code}`}>
            <h2 id={`group-${group.code}`} className="mb-2 text-base font-semibold text-slate-900">{group.code}. {group.title}</h2>
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
              {group.items.map((item) => (
                <li key={item.id} className="flex flex-wrap items-start justify-between gap-3 p-3">
                  <div className="min-w-0 flex-1 basis-72 space-y-1">
                    <p><span className="font-semibold tabular-nums">{item.code}.</span> {item.text}</p>
                    <p className="flex flex-wrap gap-2">
                      {item.kind === "EXCLUSION" && <Badge tone="slate">Loại trừ{item.category ? `: ${CATEGORY_LABEL[item.category]}` : ""}</Badge>}
                      {item.metric && item.comparator && item.threshold !== null && (
                        <Badge tone="sky">Chỉ tiêu tỷ lệ: {ratioWords({ metric: item.metric, comparator: item.comparator, threshold: item.threshold })}</Badge>
                      )}
                      {!item.isVerified && <Badge tone="amber">⚠ Cần đối chiếu văn bản gốc</Badge>}
                    </p>
                  </div>
                  {isDraft && (
                    <div className="flex flex-wrap items-start gap-2">
                      <ButtonLink href={`/campaign/criteria/${set.id}/items/${item.id}/edit`} variant="secondary">Sửa {item.code}</ButtonLink>
                      <ConfirmAction action={removeCriterionAction.bind(null, set.id, item.id)} label={`Bỏ ${item.code}`} variant="danger"
                        consequence={`Bỏ tiêu chí ${item.code} khỏi bản nháp này?`} confirmLabel={`Bỏ ${item.code}`} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
