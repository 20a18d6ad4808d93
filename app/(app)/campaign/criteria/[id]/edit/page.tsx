import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CriteriaSetForm } from "@/components/campaign/criteria-set-form";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/page-header";
import { updateCriteriaSetAction } from "@/lib/campaign/actions";
import { getCriteriaSet } from "@/lib/campaign/queries";
import { CAMPAIGN_MSG } from "@/lib/campaign/schema";
import { toIsoDate } from "@/lib/dates";
import { requireCampaignManager } from "../../../guard";

export const metadata: Metadata = { title: "Sửa bộ tiêu chí" };

export default async function EditCriteriaSetPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireCampaignManager();
  const { id } = await params;
  const set = await getCriteriaSet(actor, id);
  if (!set) notFound();
  return (
    <>
      <PageHeader title={`Sửa bộ tiêu chí – phiên bản ${set.version}`} />
      <Card>
        {set.publishedAt ? <Alert>{CAMPAIGN_MSG.frozen}</Alert> : (
          <CriteriaSetForm action={updateCriteriaSetAction.bind(null, set.id)} cancelHref={`/campaign/criteria/${set.id}`}
            initial={{ name: set.name, legalBasis: set.legalBasis, effectiveFrom: toIsoDate(set.effectiveFrom) }} />
        )}
      </Card>
    </>
  );
}
