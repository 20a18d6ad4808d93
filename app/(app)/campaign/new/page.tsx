import type { Metadata } from "next";
import { YearForm } from "@/components/campaign/year-form";
import { Card, PageHeader } from "@/components/ui/page-header";
import { createCampaignYearAction } from "@/lib/campaign/actions";
import { DEFAULT_TARGETS, defaultDeadlines } from "@/lib/campaign/defaults";
import { listSetOptions, listYearNumbers } from "@/lib/campaign/queries";
import { toIsoDate, todayInVietnam } from "@/lib/dates";
import { requireCampaignManager } from "../guard";

export const metadata: Metadata = { title: "Tạo năm thi đua" };

export default async function NewCampaignYearPage() {
  const actor = await requireCampaignManager();
  const [options, years] = await Promise.all([listSetOptions(actor), listYearNumbers(actor)]);
  // The year after the latest on record, or this year for a commune's first.
  const year = years.length > 0 ? years[0]! + 1 : todayInVietnam().getUTCFullYear();
  const deadlines = defaultDeadlines(year);
  return (
    <>
      <PageHeader title="Tạo năm thi đua" subtitle="Các giá trị mặc định theo Nghị định 86/2023 và kế hoạch của xã; sửa lại nếu kế hoạch năm nay khác." />
      <Card>
        <YearForm action={createCampaignYearAction} ruleSets={options.ruleSets} criteriaSets={options} setsLocked={false}
          locked={{ HAMLET: false, AGENCY: false, ENTERPRISE: false }} yearLocked={false}
          cancelHref="/campaign" submitLabel="Tạo năm thi đua"
          initial={{
            year: String(year),
            targetHouseholdsPct: String(DEFAULT_TARGETS.targetHouseholdsPct),
            targetHamletsPct: String(DEFAULT_TARGETS.targetHamletsPct),
            targetAgenciesPct: String(DEFAULT_TARGETS.targetAgenciesPct),
            planNumber: "", planDate: "", planIssuer: "", planTitle: "",
            meetingDeadline: toIsoDate(deadlines.meetingDeadline),
            reviewDeadline: toIsoDate(deadlines.reviewDeadline),
            noticeDays: String(deadlines.noticeDays),
            decisionDays: String(deadlines.decisionDays),
            ruleSetId: options.ruleSets[0]?.value ?? "",
            criteriaSetId: options.HOUSEHOLD[0]?.value ?? "",
            hamletCriteriaSetId: options.HAMLET[0]?.value ?? "",
            agencyCriteriaSetId: options.AGENCY[0]?.value ?? "",
            enterpriseCriteriaSetId: options.ENTERPRISE[0]?.value ?? "",
            honourYears: "3", honourQuotaPct: "",
            planRefs: [],
          }} />
      </Card>
    </>
  );
}
