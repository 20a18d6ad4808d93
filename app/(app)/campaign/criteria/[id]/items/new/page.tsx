import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CriterionForm } from "@/components/campaign/criterion-form";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/page-header";
import { addCriterionAction } from "@/lib/campaign/actions";
import { getCriteriaSet } from "@/lib/campaign/queries";
import { CAMPAIGN_MSG, criterionGroups } from "@/lib/campaign/schema";
import { requireCampaignManager } from "../../../../guard";

export const metadata: Metadata = { title: "Thêm tiêu chí" };

export default async function NewCriterionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireCampaignManager();
  const { id } = await params;
  const set = await getCriteriaSet(actor, id);
  if (!set) notFound();
  return (
    <>
      <PageHeader title={`Thêm tiêu chí – bộ tiêu chí phiên bản ${set.version}`} subtitle={set.name} />
      <Card>
        {set.publishedAt ? <Alert>{CAMPAIGN_MSG.frozen}</Alert> : (
          <CriterionForm action={addCriterionAction.bind(null, set.id)} groups={criterionGroups(set.items)} cancelHref={`/campaign/criteria/${set.id}`}
            submitLabel="Thêm tiêu chí"
            allowRatio={set.subject !== "HOUSEHOLD"}
            initial={{ code: "", groupCode: "", groupTitle: "", kind: "STANDARD", text: "", category: "", isVerified: "on", metric: "", comparator: "", threshold: "" }} />
        )}
      </Card>
    </>
  );
}
