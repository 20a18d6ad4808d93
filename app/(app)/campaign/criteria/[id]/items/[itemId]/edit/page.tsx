import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CriterionForm } from "@/components/campaign/criterion-form";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/page-header";
import { updateCriterionAction } from "@/lib/campaign/actions";
import { getCriteriaSet } from "@/lib/campaign/queries";
import { CAMPAIGN_MSG, criterionGroups } from "@/lib/campaign/schema";
import { requireCampaignManager } from "../../../../../guard";

export const metadata: Metadata = { title: "Sửa tiêu chí" };

export default async function EditCriterionPage({ params }: { params: Promise<{ id: string; itemId: string }> }) {
  const actor = await requireCampaignManager();
  const { id, itemId } = await params;
  const set = await getCriteriaSet(actor, id);
  const item = set?.items.find((i) => i.id === itemId);
  if (!set || !item) notFound();
  return (
    <>
      <PageHeader title={`Sửa tiêu chí ${item.code} – bộ tiêu chí phiên bản ${set.version}`} subtitle={set.name} />
      <Card>
        {set.publishedAt ? <Alert>{CAMPAIGN_MSG.frozen}</Alert> : (
          <CriterionForm action={updateCriterionAction.bind(null, set.id, item.id)} groups={criterionGroups(set.items)} cancelHref={`/campaign/criteria/${set.id}`}
            submitLabel="Lưu thay đổi" allowRatio={set.subject !== "HOUSEHOLD"}
            initial={{
              code: item.code, groupCode: item.groupCode, groupTitle: item.groupTitle, kind: item.kind, text: item.text,
              category: item.category ?? "", isVerified: item.isVerified ? "on" : "",
              metric: item.metric ?? "", comparator: item.comparator ?? "", threshold: item.threshold === null ? "" : String(item.threshold).replace(".", ","),
            }} />
        )}
      </Card>
    </>
  );
}
