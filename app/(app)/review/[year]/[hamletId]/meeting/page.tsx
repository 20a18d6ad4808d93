import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { MeetingForm } from "@/components/review/meeting-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/page-header";
import { toIsoDate, todayInVietnam } from "@/lib/dates";
import { can } from "@/lib/policy";
import { saveMeetingAction } from "@/lib/review/actions";
import { canReadReviews, getMeetingForm } from "@/lib/review/queries";
import { canReviewDo, reviewRefusal } from "@/lib/review/rules";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Biên bản họp bình xét" };

/** Today when it falls in the campaign year, else the meeting deadline: a sensible first date for the form. */
function defaultMeetingDay(year: number, deadline: Date): string {
  const today = todayInVietnam();
  return today.getUTCFullYear() === year ? toIsoDate(today) : toIsoDate(deadline);
}

export default async function MeetingPage({ params }: { params: Promise<{ year: string; hamletId: string }> }) {
  const actor = await requireActor();
  if (!canReadReviews(actor)) forbidden();
  const { year: yearParam, hamletId } = await params;
  const data = /^\d{4}$/.test(yearParam) ? await getMeetingForm(actor, Number(yearParam), hamletId) : null;
  if (!data) notFound();
  const { year, hamlet, review, ruleSet } = data;
  if (!can(actor, "review.write", { communeId: hamlet.communeId, hamletId: hamlet.id })) forbidden();
  const hubHref = `/review/${year.year}/${hamlet.id}`;
  const title = review ? "Sửa biên bản họp bình xét" : "Ghi biên bản họp bình xét";

  if (review && !canReviewDo(review.status, "saveMeeting")) {
    const message = reviewRefusal(review.status);
    return (
      <>
        <PageHeader title={title} subtitle={`Xóm ${hamlet.name} · năm ${year.year}`} />
        <div className="mx-auto max-w-2xl space-y-4">
          <Alert tone="warning">{message}</Alert>
          <ButtonLink href={hubHref} variant="secondary">Về hồ sơ bình xét của xóm</ButtonLink>
        </div>
      </>
    );
  }

  return (
    <>
      <PageHeader title={title} subtitle={`Xóm ${hamlet.name} · năm ${year.year} · theo ${ruleSet.name}`} />
      <div className="mx-auto max-w-2xl">
        <Card>
          <MeetingForm action={saveMeetingAction.bind(null, year.year, hamlet.id)} cancelHref={hubHref} year={year.year}
            rule={{
              quorumBase: ruleSet.quorumBase, quorumPct: ruleSet.quorumPct, quorumOp: ruleSet.quorumOp,
              approvalBase: ruleSet.approvalBase, approvalPct: ruleSet.approvalPct, approvalOp: ruleSet.approvalOp,
            }}
            totalHouseholds={data.activeHouseholds} meetingDeadline={toIsoDate(year.meetingDeadline)} assessed={data.assessed}
            initial={review ? {
              meetingDate: toIsoDate(review.meetingDate), meetingPlace: review.meetingPlace, chairName: review.chairName, secretaryName: review.secretaryName,
              invitedCount: String(review.invitedCount), presentCount: String(review.presentCount), ballotMethod: review.ballotMethod, version: review.version,
            } : {
              meetingDate: defaultMeetingDay(year.year, year.meetingDeadline), meetingPlace: `Nhà văn hóa xóm ${hamlet.name}`,
              chairName: hamlet.headName ?? "", secretaryName: "", invitedCount: "", presentCount: "", ballotMethod: ruleSet.ballotMethod,
            }} />
        </Card>
      </div>
    </>
  );
}
