import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AgencyTitleSection } from "@/components/agency-title/agency-title-section";
import { Card, DetailHeader, DetailList } from "@/components/ui/page-header";
import { AGENCY_KIND_LABEL } from "@/lib/agencies/labels";
import { getAgency } from "@/lib/agencies/queries";
import { getAgencyTitleHistory, listAgencyTitleYears } from "@/lib/agency-title/queries";
import { todayInVietnam } from "@/lib/dates";
import { formatDateTime, formatNumber } from "@/lib/format";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Cơ quan, đơn vị" };

export default async function AgencyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const agency = await getAgency(actor, id);
  if (!agency) notFound();
  const { saved } = await searchParams;
  const years = await listAgencyTitleYears(actor);
  const latestYear = years[0] ?? null;
  const title = await getAgencyTitleHistory(actor, agency.id, latestYear ?? todayInVietnam().getUTCFullYear());
  return (
    <>
      <DetailHeader title={agency.name} subtitle={AGENCY_KIND_LABEL[agency.kind]}
        editHref={can(actor, "agency.write", { communeId: agency.communeId }) ? `/registry/agencies/${agency.id}/edit` : undefined}
        listHref="/registry/agencies" listLabel="Danh sách cơ quan, đơn vị" saved={Boolean(saved)} />
      <Card>
        <DetailList items={[
          { label: "Tên cơ quan, đơn vị", value: agency.name },
          { label: "Loại hình", value: AGENCY_KIND_LABEL[agency.kind] },
          { label: "Thủ trưởng / người đứng đầu", value: agency.headName },
          { label: "Công đoàn cơ sở", value: agency.tradeUnionName },
          { label: "Số lao động", value: `${formatNumber(agency.headcount)} người` },
          { label: "Cập nhật lần cuối", value: formatDateTime(agency.updatedAt) },
        ]} />
      </Card>
      {title && <AgencyTitleSection data={title} year={latestYear} />}
    </>
  );
}
