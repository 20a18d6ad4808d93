import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, EmptyState, FilterSelect, Pagination } from "@/components/ui/list-controls";
import { Badge, PageHeader } from "@/components/ui/page-header";
import { listYearNumbers } from "@/lib/campaign/queries";
import { formatDay } from "@/lib/dates";
import { DECISION_KIND_LABEL, DECISION_SUBJECT_LABEL, decisionNumberText } from "@/lib/decisions/labels";
import { listDecisions } from "@/lib/decisions/queries";
import { formatNumber } from "@/lib/format";
import { optionsOf, valueOf } from "@/lib/options";
import { pageParam, param } from "@/lib/paging";
import { can } from "@/lib/policy";
import { DECISION_STATUS_LABEL } from "@/lib/review/labels";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Quyết định" };

export default async function DecisionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const commune = { communeId: actor.communeId };
  if (!can(actor, "decision.read", commune)) forbidden();
  const params = await searchParams;
  const yearParam = param(params, "year");
  const year = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : undefined;
  const kindParam = param(params, "kind");
  const statusParam = param(params, "status");
  const subjectParam = param(params, "subject");
  const kind = valueOf(DECISION_KIND_LABEL, kindParam);
  const status = valueOf(DECISION_STATUS_LABEL, statusParam);
  const subject = valueOf(DECISION_SUBJECT_LABEL, subjectParam);
  const [result, years] = await Promise.all([
    listDecisions(actor, { year, kind, status, subject, page: pageParam(params) }),
    listYearNumbers(actor),
  ]);
  const query = { year: yearParam, kind: kindParam, status: statusParam, subject: subjectParam };
  const draftYear = year ?? years[0];

  return (
    <>
      <PageHeader title="Quyết định"
        subtitle="Quyết định tặng danh hiệu “Gia đình văn hóa” (Mẫu 10), quyết định công nhận “Xóm văn hóa” (của xã, hoặc của huyện được ghi nhận) và quyết định hủy bỏ danh hiệu"
        actions={<>
          {draftYear && <ButtonLink href={`/review/${draftYear}/honours`} variant="secondary">Hộ tiêu biểu năm {draftYear}</ButtonLink>}
          {can(actor, "decision.draft", commune) && draftYear && <ButtonLink href={`/decisions/new?year=${draftYear}`}>+ Lập quyết định tặng danh hiệu</ButtonLink>}
          {can(actor, "decision.draft", commune) && draftYear && (
            <ButtonLink href={`/decisions/hamlet/new?year=${draftYear}`}>+ Quyết định công nhận “Xóm văn hóa”</ButtonLink>
          )}
        </>} />
      {param(params, "discarded") && <div className="mb-4"><Alert tone="success">Đã hủy dự thảo; các hồ sơ trong dự thảo có thể đưa vào quyết định khác.</Alert></div>}
      <form action="/decisions" method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <FilterSelect name="year" label="Năm" all="Tất cả các năm" options={years.map((y) => ({ value: String(y), label: `Năm ${y}` }))} value={yearParam} />
        <FilterSelect name="subject" label="Danh hiệu" all="Mọi danh hiệu" options={optionsOf(DECISION_SUBJECT_LABEL)} value={subjectParam} />
        <FilterSelect name="kind" label="Loại quyết định" all="Mọi loại" options={optionsOf(DECISION_KIND_LABEL)} value={kindParam} />
        <FilterSelect name="status" label="Trạng thái" all="Mọi trạng thái" options={optionsOf(DECISION_STATUS_LABEL)} value={statusParam} />
        <button className="min-h-11 rounded-md bg-slate-800 px-4 text-sm font-semibold text-white hover:bg-slate-900">Lọc</button>
      </form>
      {result.total === 0 ? (
        <EmptyState>
          {year || kind || status || subject
            ? "Không có quyết định nào khớp với điều kiện lọc."
            : "Chưa có quyết định nào. Khi xã đã tiếp nhận hồ sơ của các xóm, bấm “Lập quyết định tặng danh hiệu”."}
        </EmptyState>
      ) : (
        <>
          <DataTable head={["Số, ký hiệu", "Danh hiệu", "Loại", "Năm xét", "Ngày ban hành", "Trạng thái", "Số xóm", "Số hộ"]}>
            {result.items.map((d) => (
              <tr key={d.id} className="hover:bg-slate-50">
                <td className="px-3 py-2">
                  <Link className="font-medium text-brand-700 underline-offset-2 hover:underline" href={`/decisions/${d.id}`}>
                    Số {decisionNumberText(d.number, d.symbol)}
                  </Link>
                  {d.issuer !== "" && <span className="block text-sm text-slate-600">{d.issuer}</span>}
                </td>
                <td className="px-3 py-2">{DECISION_SUBJECT_LABEL[d.subject]}</td>
                <td className="px-3 py-2">{DECISION_KIND_LABEL[d.kind]}</td>
                <td className="px-3 py-2 tabular-nums">{d.year}</td>
                <td className="px-3 py-2 tabular-nums">{formatDay(d.issuedOn)}</td>
                <td className="px-3 py-2">
                  <Badge tone={d.status === "ISSUED" ? "green" : "amber"}>{d.status === "ISSUED" ? "✓" : "✎"} {DECISION_STATUS_LABEL[d.status]}</Badge>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatNumber(d.hamlets)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{d.households === null ? "—" : formatNumber(d.households)}</td>
              </tr>
            ))}
          </DataTable>
          <Pagination base="/decisions" query={query} page={result.page} pageCount={result.pageCount} total={result.total} />
        </>
      )}
    </>
  );
}
