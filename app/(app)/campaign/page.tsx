import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, EmptyState } from "@/components/ui/list-controls";
import { PageHeader } from "@/components/ui/page-header";
import { listYears } from "@/lib/campaign/queries";
import { targetsText, versionText } from "@/lib/campaign/schema";
import { formatDay } from "@/lib/dates";
import { requireCampaignManager } from "./guard";

export const metadata: Metadata = { title: "Năm thi đua" };

export default async function CampaignYearsPage() {
  const actor = await requireCampaignManager();
  const years = await listYears(actor);
  return (
    <>
      <PageHeader title="Năm thi đua" subtitle="Kế hoạch, chỉ tiêu, thời hạn và quy tắc bình xét của từng năm"
        actions={<>
          <ButtonLink href="/campaign/new">+ Tạo năm thi đua</ButtonLink>
          <ButtonLink href="/campaign/rules" variant="secondary">Bộ quy tắc bình xét</ButtonLink>
          <ButtonLink href="/campaign/criteria" variant="secondary">Bộ tiêu chí</ButtonLink>
          <ButtonLink href="/campaign/authority" variant="secondary">Thẩm quyền quyết định</ButtonLink>
        </>} />
      {years.length === 0 ? (
        <EmptyState>Chưa có năm thi đua nào. Bấm “Tạo năm thi đua” để nhập kế hoạch, chỉ tiêu và thời hạn của năm đầu tiên.</EmptyState>
      ) : (
        <DataTable head={["Năm", "Chỉ tiêu", "Bộ quy tắc bình xét", "Bộ tiêu chí “Gia đình văn hóa”", "Hạn họp / hạn bình xét"]}>
          {years.map((y) => (
            <tr key={y.id} className="hover:bg-slate-50">
              <td className="px-3 py-2"><Link className="font-semibold text-brand-700 underline-offset-2 hover:underline" href={`/campaign/${y.year}`}>{y.year}</Link></td>
              <td className="px-3 py-2 whitespace-nowrap">{targetsText(y)}</td>
              <td className="px-3 py-2">{versionText(y.ruleSet)}</td>
              <td className="px-3 py-2"><Link className="text-brand-700 underline-offset-2 hover:underline" href={`/campaign/criteria/${y.criteriaSet.id}`}>{versionText(y.criteriaSet)}</Link></td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{formatDay(y.meetingDeadline)} / {formatDay(y.reviewDeadline)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
