import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AgencyForm } from "@/components/agencies/agency-form";
import { Card, PageHeader } from "@/components/ui/page-header";
import { createAgencyAction } from "@/lib/agencies/actions";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Thêm cơ quan, đơn vị" };

export default async function NewAgencyPage() {
  const actor = await requireActor();
  if (!can(actor, "agency.write", { communeId: actor.communeId })) forbidden();
  return (
    <>
      <PageHeader title="Thêm cơ quan, đơn vị, doanh nghiệp" />
      <Card>
        <AgencyForm action={createAgencyAction} cancelHref="/registry/agencies" submitLabel="Lưu đơn vị"
          initial={{ name: "", kind: "", headName: "", tradeUnionName: "", headcount: "" }} />
      </Card>
    </>
  );
}
