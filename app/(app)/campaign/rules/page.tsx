import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/list-controls";
import { Badge, Card, DetailList, PageHeader } from "@/components/ui/page-header";
import { listRuleSets } from "@/lib/campaign/queries";
import { approvalWords, councilApprovalWords, quorumWords } from "@/lib/campaign/schema";
import { formatDay } from "@/lib/dates";
import { BALLOT_METHOD_LABEL } from "@/lib/review/labels";
import { requireCampaignManager } from "../guard";

export const metadata: Metadata = { title: "Bộ quy tắc bình xét" };

export default async function RuleSetsPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const actor = await requireCampaignManager();
  const [ruleSets, { saved }] = await Promise.all([listRuleSets(actor), searchParams]);
  const savedVersion = saved && /^\d{1,4}$/.test(saved) ? saved : undefined;
  return (
    <>
      <PageHeader title="Bộ quy tắc bình xét"
        subtitle="Điều kiện tiến hành họp và tỷ lệ tán thành khi xóm họp bình xét, và tỷ lệ tán thành của Hội đồng Thi đua - Khen thưởng xã khi xét “Xóm văn hóa”. Mỗi bộ không sửa được; muốn thay đổi thì tạo phiên bản mới, các năm đã dùng vẫn giữ phiên bản cũ."
        actions={<>
          <ButtonLink href={ruleSets[0] ? `/campaign/rules/new?from=${ruleSets[0].id}` : "/campaign/rules/new"}>+ Tạo phiên bản mới</ButtonLink>
          <ButtonLink href="/campaign" variant="secondary">Năm thi đua</ButtonLink>
        </>} />
      {savedVersion && <div className="mb-4"><Alert tone="success">Đã lưu phiên bản {savedVersion}.</Alert></div>}
      {ruleSets.length === 0 ? (
        <EmptyState>Chưa có bộ quy tắc nào. Phiên bản 1 (theo Nghị định 59/2023: trên 50 %) được tạo tự động khi tạo năm thi đua đầu tiên, hoặc bấm “Tạo phiên bản mới”.</EmptyState>
      ) : (
        <ul className="space-y-4">
          {ruleSets.map((r) => (
            <li key={r.id}>
              <Card>
                <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
                  <h2 className="text-lg font-semibold">
                    Phiên bản {r.version} – {r.name}{" "}
                    {r.years.length === 0 && <Badge>Chưa năm nào dùng</Badge>}
                  </h2>
                  <ButtonLink href={`/campaign/rules/new?from=${r.id}`} variant="secondary">Tạo phiên bản mới từ bản này</ButtonLink>
                </div>
                <DetailList items={[
                  { label: "Căn cứ pháp lý", value: r.legalBasis },
                  { label: "Ngày áp dụng", value: formatDay(r.effectiveFrom) },
                  { label: "Điều kiện tiến hành họp", value: quorumWords(r) },
                  { label: "Điều kiện công nhận", value: approvalWords(r) },
                  { label: "Hình thức biểu quyết", value: BALLOT_METHOD_LABEL[r.ballotMethod] },
                  { label: "Bắt buộc đăng ký đầu năm", value: r.registrationRequired ? "Có" : "Không" },
                  { label: "Thời gian xét vi phạm", value: r.lookbackYears === 1 ? "Trong năm thi đua" : `${r.lookbackYears} năm (năm thi đua và ${r.lookbackYears - 1} năm trước)` },
                  { label: "“Xóm văn hóa”: Hội đồng xã công nhận khi", value: councilApprovalWords(r) },
                  { label: "“Xóm văn hóa”: xóm phải đăng ký mới được xét", value: r.hamletRegistrationRequired ? "Có" : "Không" },
                  {
                    label: "Các năm áp dụng",
                    value: r.years.length === 0 ? "" : (
                      <span className="flex flex-wrap gap-2">
                        {r.years.map((y) => <Link key={y.year} className="font-medium text-brand-700 underline underline-offset-2" href={`/campaign/${y.year}`}>{y.year}</Link>)}
                      </span>
                    ),
                  },
                ]} />
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
