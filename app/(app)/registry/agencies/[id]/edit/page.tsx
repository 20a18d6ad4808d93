import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { AgencyForm } from "@/components/agencies/agency-form";
import { Card, PageHeader } from "@/components/ui/page-header";
import { updateAgencyAction } from "@/lib/agencies/actions";
import { getAgency } from "@/lib/agencies/queries";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Sửa cơ quan, đơn vị" };

export default async function EditAgencyPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const agency = await getAgency(actor, id);
  if (!agency) notFound();
  if (!can(actor, "agency.write", { communeId: agency.communeId })) forbidden();
  return (
    <>
      <PageHeader title={`Sửa ${agency.name}`} />
      <Card>
        <AgencyForm action={updateAgencyAction.bind(null, agency.id)} cancelHref={`/registry/agencies/${agency.id}`} submitLabel="Lưu thay đổi"
          initial={{
            name: agency.name, kind: agency.kind, headName: agency.headName ?? "", tradeUnionName: agency.tradeUnionName ?? "",
            headcount: String(agency.headcount), version: agency.version,
          }} />
      </Card>
    </>
  );
}
