import type { Metadata } from "next";
import { forbidden, redirect } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/list-controls";
import { PageHeader } from "@/components/ui/page-header";
import { canReadAgencyTitle, listAgencyTitleYears } from "@/lib/agency-title/queries";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Cơ quan, đơn vị đạt chuẩn văn hóa" };

export default async function AgencyTitleIndexPage() {
  const actor = await requireActor();
  if (!canReadAgencyTitle(actor)) forbidden();
  const years = await listAgencyTitleYears(actor);
  if (years.length > 0) redirect(`/agency-title/${years[0]}`);
  return (
    <>
      <PageHeader title="Cơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa" />
      <EmptyState>
        <p className="font-semibold">Chưa có năm thi đua</p>
        {can(actor, "campaign.manage") ? (
          <p className="mt-3"><ButtonLink href="/campaign">Tạo năm thi đua</ButtonLink></p>
        ) : (
          <p className="mt-2">Cán bộ văn hóa xã cần tạo năm thi đua trước khi ghi đăng ký và kết quả của các đơn vị.</p>
        )}
      </EmptyState>
    </>
  );
}
