import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { YearForm } from "@/components/campaign/year-form";
import { Card, PageHeader } from "@/components/ui/page-header";
import { updateCampaignYearAction } from "@/lib/campaign/actions";
import { getYearForActor, getYearUsage, listSetOptions } from "@/lib/campaign/queries";
import { toIsoDate } from "@/lib/dates";
import { requireCampaignManager, yearParam } from "../../guard";

export const metadata: Metadata = { title: "Sửa năm thi đua" };

const iso = (d: Date | null) => (d ? toIsoDate(d) : "");

export default async function EditCampaignYearPage({ params }: { params: Promise<{ year: string }> }) {
  const actor = await requireCampaignManager();
  const year = yearParam((await params).year);
  const row = year === undefined ? null : await getYearForActor(actor, year);
  if (!row) notFound();
  const [options, usage] = await Promise.all([listSetOptions(actor), getYearUsage(actor, row.id)]);
  return (
    <>
      <PageHeader title={`Sửa năm thi đua ${row.year}`} />
      <Card>
        <YearForm action={updateCampaignYearAction.bind(null, row.id)} ruleSets={options.ruleSets} criteriaSets={options}
          setsLocked={(usage?.reviews ?? 0) > 0} yearLocked={usage?.isYearPinned ?? false}
          locked={{ HAMLET: (usage?.hamletReports ?? 0) > 0, AGENCY: (usage?.agencyResults ?? 0) > 0, ENTERPRISE: (usage?.enterpriseResults ?? 0) > 0 }}
          cancelHref={`/campaign/${row.year}`} submitLabel="Lưu thay đổi"
          initial={{
            year: String(row.year),
            targetHouseholdsPct: String(row.targetHouseholdsPct),
            targetHamletsPct: String(row.targetHamletsPct),
            targetAgenciesPct: String(row.targetAgenciesPct),
            planNumber: row.planNumber ?? "", planDate: iso(row.planDate), planIssuer: row.planIssuer ?? "", planTitle: row.planTitle ?? "",
            meetingDeadline: iso(row.meetingDeadline), reviewDeadline: iso(row.reviewDeadline),
            noticeDays: String(row.noticeDays), decisionDays: String(row.decisionDays),
            ruleSetId: row.ruleSetId, criteriaSetId: row.criteriaSetId,
            // A year saved before the other titles had sets shows (and saves) the latest published one.
            hamletCriteriaSetId: row.hamletCriteriaSetId ?? options.HAMLET[0]?.value ?? "",
            agencyCriteriaSetId: row.agencyCriteriaSetId ?? options.AGENCY[0]?.value ?? "",
            enterpriseCriteriaSetId: row.enterpriseCriteriaSetId ?? options.ENTERPRISE[0]?.value ?? "",
            honourYears: String(row.honourYears), honourQuotaPct: row.honourQuotaPct === null ? "" : String(row.honourQuotaPct),
            version: row.version,
            planRefs: row.planRefs.map((r) => ({ issuer: r.issuer, number: r.number, date: iso(r.date), title: r.title ?? "" })),
          }} />
      </Card>
    </>
  );
}
