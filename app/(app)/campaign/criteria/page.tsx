import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmAction } from "@/components/campaign/confirm-action";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, EmptyState } from "@/components/ui/list-controls";
import { Badge, PageHeader } from "@/components/ui/page-header";
import { createCriteriaDraftForAction } from "@/lib/campaign/actions";
import { listCriteriaSets, yearsUsing } from "@/lib/campaign/queries";
import { TITLE_SUBJECT_LABEL } from "@/lib/campaign/schema";
import { formatDay } from "@/lib/dates";
import { formatDate } from "@/lib/format";
import type { TitleSubject } from "@/lib/generated/prisma/enums";
import { requireCampaignManager } from "../guard";

export const metadata: Metadata = { title: "Bộ tiêu chí" };

const SUBJECTS = Object.keys(TITLE_SUBJECT_LABEL) as TitleSubject[];

export default async function CriteriaSetsPage() {
  const actor = await requireCampaignManager();
  const sets = await listCriteriaSets(actor);
  return (
    <>
      <PageHeader title="Bộ tiêu chí"
        subtitle="Tiêu chuẩn của từng danh hiệu. Mỗi phiên bản sau khi công bố thì không sửa được nữa; các năm đã dùng phiên bản nào giữ nguyên kết quả theo phiên bản đó. Muốn thay đổi (kể cả ngưỡng tỷ lệ do tỉnh quy định), hãy tạo phiên bản mới."
        actions={<ButtonLink href="/campaign" variant="secondary">Năm thi đua</ButtonLink>} />
      <div className="space-y-8">
        {SUBJECTS.map((subject) => {
          const ofSubject = sets.filter((s) => s.subject === subject);
          const latest = ofSubject[0];
          return (
            <section key={subject} aria-labelledby={`subject-${subject}`} className="space-y-3">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <h2 id={`subject-${subject}`} className="text-lg font-semibold text-slate-900">“{TITLE_SUBJECT_LABEL[subject]}”</h2>
                <ConfirmAction action={createCriteriaDraftForAction.bind(null, subject)} label="+ Tạo phiên bản mới" variant="secondary"
                  consequence={latest
                    ? `Tạo một bản nháp mới chép toàn bộ ${latest._count.items} tiêu chí của phiên bản ${latest.version}. Phiên bản ${latest.version} giữ nguyên.`
                    : "Tạo một bản nháp từ bộ tiêu chí mặc định theo văn bản hiện hành."}
                  confirmLabel="Tạo bản nháp" />
              </div>
              {ofSubject.length === 0 ? (
                <EmptyState>Chưa có bộ tiêu chí nào. Phiên bản mặc định được tạo tự động khi tạo năm thi đua, hoặc bấm “Tạo phiên bản mới”.</EmptyState>
              ) : (
                <DataTable head={["Phiên bản", "Tên bộ tiêu chí", "Ngày áp dụng", "Tình trạng", "Số tiêu chí", "Các năm áp dụng"]}>
                  {ofSubject.map((s) => (
                    <tr key={s.id} className="hover:bg-slate-50">
                      <td className="px-3 py-2 tabular-nums"><Link className="font-semibold text-brand-700 underline-offset-2 hover:underline" href={`/campaign/criteria/${s.id}`}>Phiên bản {s.version}</Link></td>
                      <td className="px-3 py-2"><Link className="text-brand-700 underline-offset-2 hover:underline" href={`/campaign/criteria/${s.id}`}>{s.name}</Link></td>
                      <td className="px-3 py-2 tabular-nums">{formatDay(s.effectiveFrom)}</td>
                      <td className="px-3 py-2">{s.publishedAt ? <Badge tone="green">Đã công bố {formatDate(s.publishedAt)}</Badge> : <Badge tone="amber">Bản nháp</Badge>}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{s._count.items}</td>
                      <td className="px-3 py-2">{yearsUsing(s).join(", ") || <span className="text-slate-400">—</span>}</td>
                    </tr>
                  ))}
                </DataTable>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}
