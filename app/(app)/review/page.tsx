import type { Metadata } from "next";
import { forbidden, redirect } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/list-controls";
import { PageHeader } from "@/components/ui/page-header";
import { listYearNumbers } from "@/lib/campaign/queries";
import { can } from "@/lib/policy";
import { canReadReviews } from "@/lib/review/queries";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Bình xét" };

export default async function ReviewIndexPage() {
  const actor = await requireActor();
  if (!canReadReviews(actor)) forbidden();
  const years = await listYearNumbers(actor);
  if (years.length > 0) redirect(`/review/${years[0]}`);
  return (
    <>
      <PageHeader title="Bình xét “Gia đình văn hóa”" />
      <EmptyState>
        <p className="font-semibold">Chưa có năm thi đua</p>
        {can(actor, "campaign.manage") ? (
          <p className="mt-3"><ButtonLink href="/campaign">Tạo năm thi đua</ButtonLink></p>
        ) : (
          <p className="mt-2">Cán bộ văn hóa xã cần tạo năm thi đua trước khi các xóm bình xét.</p>
        )}
      </EmptyState>
    </>
  );
}
