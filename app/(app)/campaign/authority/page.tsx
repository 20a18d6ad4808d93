import type { Metadata } from "next";
import { AuthorityRuleForm } from "@/components/campaign/authority-rule-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, EmptyState } from "@/components/ui/list-controls";
import { Card, PageHeader } from "@/components/ui/page-header";
import { createAuthorityRuleAction } from "@/lib/campaign/actions";
import { listAuthorityRules } from "@/lib/campaign/queries";
import { issuerWords, TITLE_SUBJECT_LABEL } from "@/lib/campaign/schema";
import { formatDay } from "@/lib/dates";
import { requireCampaignManager } from "../guard";

export const metadata: Metadata = { title: "Thẩm quyền quyết định" };

export default async function AuthorityRulesPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const actor = await requireCampaignManager();
  const [rules, { saved }] = await Promise.all([listAuthorityRules(actor), searchParams]);
  return (
    <>
      <PageHeader title="Thẩm quyền quyết định công nhận danh hiệu"
        subtitle="Ai quyết định từng danh hiệu theo thời gian: trước 01/7/2025 Chủ tịch UBND huyện công nhận “Xóm văn hóa”, từ ngày đó là Chủ tịch UBND xã. Quyết định ghi theo quy định áp dụng vào ngày ký."
        actions={<ButtonLink href="/campaign" variant="secondary">Năm thi đua</ButtonLink>} />
      <div className="space-y-6">
        {saved && <Alert tone="success">Đã thêm quy định.</Alert>}
        {rules.length === 0 ? (
          <EmptyState>Chưa có quy định nào. Quy định mặc định được tạo khi tạo năm thi đua đầu tiên, hoặc thêm ở mẫu dưới đây.</EmptyState>
        ) : (
          <DataTable head={["Danh hiệu", "Áp dụng từ ngày", "Hết hiệu lực từ ngày", "Thẩm quyền quyết định", "Cơ quan ban hành", "Căn cứ pháp lý"]}>
            {rules.map((r) => (
              <tr key={r.id}>
                <td className="px-3 py-2">{TITLE_SUBJECT_LABEL[r.subject]}</td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">{formatDay(r.effectiveFrom)}</td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">{r.effectiveTo ? formatDay(r.effectiveTo) : "Không thời hạn"}</td>
                <td className="px-3 py-2">{r.authority}</td>
                <td className="px-3 py-2">
                  {issuerWords(r.issuer)}
                  {r.parentIssuer && <span className="block text-xs text-slate-600">thuộc {r.parentIssuer}</span>}
                </td>
                <td className="px-3 py-2">{r.legalBasis}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <Card>
          <h2 className="mb-1 text-lg font-semibold">Thêm quy định</h2>
          <p className="mb-4 text-sm text-slate-600">
            Thời gian của các quy định cùng một danh hiệu không được trùng nhau. Quy định đã có không sửa được ở đây.
          </p>
          <AuthorityRuleForm action={createAuthorityRuleAction} />
        </Card>
      </div>
    </>
  );
}
