import type { Metadata } from "next";
import { forbidden, redirect } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/list-controls";
import { PageHeader } from "@/components/ui/page-header";
import { listYearNumbers } from "@/lib/campaign/queries";
import { canReadHamletTitles } from "@/lib/hamlet-title/queries";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Xóm văn hóa" };

export default async function HamletTitleIndexPage() {
  const actor = await requireActor();
  if (!canReadHamletTitles(actor)) forbidden();
  const years = await listYearNumbers(actor);
  if (years.length > 0) redirect(`/hamlet-title/${years[0]}`);
  return (
    <>
      <PageHeader title="Danh hiệu “Xóm văn hóa”" />
      <EmptyState>
        <p className="font-semibold">Chưa có năm thi đua</p>
        {can(actor, "campaign.manage") ? (
          <p className="mt-3"><ButtonLink href="/campaign">Tạo năm thi đua</ButtonLink></p>
        ) : (
          <p className="mt-2">Cán bộ văn hóa xã cần tạo năm thi đua trước khi các xóm đăng ký.</p>
        )}
      </EmptyState>
    </>
  );
}
