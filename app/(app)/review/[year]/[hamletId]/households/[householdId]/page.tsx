import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound, redirect } from "next/navigation";
import { AssessmentForm } from "@/components/review/assessment-form";
import { ResultBadge } from "@/components/review/badges";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/page-header";
import { formatDay } from "@/lib/dates";
import { RELATIONSHIP_LABEL } from "@/lib/households/labels";
import { can } from "@/lib/policy";
import { saveAssessmentAction } from "@/lib/review/actions";
import { CATEGORY_LABEL } from "@/lib/review/labels";
import { canReadReviews, getAssessmentPage } from "@/lib/review/queries";
import { canReviewDo } from "@/lib/review/rules";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Bình xét hộ" };

// Phone first: one column, the household at the top, the checklist, the votes, two big buttons at the bottom.
export default async function HouseholdAssessmentPage({ params, searchParams }: {
  params: Promise<{ year: string; hamletId: string; householdId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const actor = await requireActor();
  if (!canReadReviews(actor)) forbidden();
  const { year: yearParam, hamletId, householdId } = await params;
  const data = /^\d{4}$/.test(yearParam) ? await getAssessmentPage(actor, Number(yearParam), hamletId, householdId) : null;
  if (!data) notFound();
  const base = `/review/${data.year.year}/${data.hamlet.id}`;
  const at = { communeId: data.hamlet.communeId, hamletId: data.hamlet.id };
  const canWrite = can(actor, "review.write", at);
  // No meeting yet: whoever records it goes to the meeting form, a reader to the hamlet's page.
  if (!data.review) redirect(canWrite ? `${base}/meeting` : base);
  const { saved } = await searchParams;
  const { review, household, ruleSet, assessment } = data;
  const editable = canWrite && canReviewDo(review.status, "saveAssessment") && review.isQuorate
    && (household.status === "ACTIVE" || assessment !== null);

  return (
    <div className="mx-auto max-w-xl space-y-4">
      <nav className="flex items-center justify-between gap-2 text-sm">
        <Link href={base} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">‹ Hồ sơ xóm {data.hamlet.name}</Link>
        <span className="text-slate-600">Hộ {data.position}/{data.rollSize} · còn {data.remaining} hộ chưa bình xét</span>
      </nav>
      {saved && <Alert tone="success">Đã lưu hộ trước. Đây là hộ tiếp theo chưa bình xét.</Alert>}

      <header className="rounded-lg border border-slate-200 bg-white p-4">
        <h1 className="text-xl font-bold text-slate-900">{household.headName}</h1>
        <p className="text-sm text-slate-600">{household.address}</p>
        <p className="mt-2 flex flex-wrap items-center gap-2">
          {household.isRegistered
            ? <Badge tone="green">✓ Đã đăng ký ngày {formatDay(household.registrations[0]!.registeredOn)}</Badge>
            : <Badge tone="amber">Chưa đăng ký</Badge>}
          {household.status !== "ACTIVE" && <Badge>Đã chuyển đi</Badge>}
          {assessment && <ResultBadge result={assessment.result} />}
        </p>
        {!household.isRegistered && ruleSet.registrationRequired && (
          <p className="mt-2 text-sm font-medium text-red-800">Năm này yêu cầu đăng ký: hộ không đăng ký sẽ không được xét.</p>
        )}
        <details className="mt-2 text-sm">
          <summary className="min-h-11 cursor-pointer py-2 font-medium">Thành viên ({household.members.length})</summary>
          <ul className="space-y-1 pb-1">
            {household.members.map((m) => (
              <li key={m.id}>{m.fullName}{m.birthYear ? ` (${m.birthYear})` : ""} — {RELATIONSHIP_LABEL[m.relationship]}</li>
            ))}
          </ul>
        </details>
      </header>

      {data.seesViolations && data.violations.length > 0 && (
        <Alert tone="warning">
          <p className="font-semibold">Vi phạm trong thời gian xét ({formatDay(data.window.from)} – {formatDay(data.window.to)}):</p>
          <ul className="mt-1 list-disc pl-5">
            {data.violations.map((v, i) => (
              <li key={i}>{formatDay(v.occurredOn)} · {v.memberName} · {CATEGORY_LABEL[v.category]} · {v.documentRef}</li>
            ))}
          </ul>
        </Alert>
      )}
      {data.upheldResolution && <Alert tone="warning">Có ý kiến phản ánh được chấp nhận: {data.upheldResolution}. Hộ được ghi là không đạt.</Alert>}
      {!review.isQuorate && <Alert>{review.quorumNote}</Alert>}

      {editable ? (
        <AssessmentForm key={household.id}
          save={saveAssessmentAction.bind(null, review.id, household.id)}
          storageKey={`vanhoa:assessment:${review.id}:${household.id}`}
          criteria={data.criteria.map((c) => ({ code: c.code, groupCode: c.groupCode, groupTitle: c.groupTitle, kind: c.kind, text: c.text, category: c.category }))}
          recordedExclusions={data.recordedExclusions}
          context={{
            rule: {
              quorumBase: ruleSet.quorumBase, quorumPct: ruleSet.quorumPct, quorumOp: ruleSet.quorumOp,
              approvalBase: ruleSet.approvalBase, approvalPct: ruleSet.approvalPct, approvalOp: ruleSet.approvalOp,
            },
            method: review.ballotMethod,
            at: { invited: review.invitedCount, present: review.presentCount },
            registrationRequired: ruleSet.registrationRequired,
            standardText: Object.fromEntries(data.criteria.filter((c) => c.kind === "STANDARD").map((c) => [c.code, c.text])),
          }}
          present={review.presentCount}
          isRegistered={household.isRegistered}
          upheldResolution={data.upheldResolution}
          saved={assessment ? {
            unmetCodes: assessment.unmetCodes, exclusions: assessment.exclusions, votesFor: assessment.votesFor, votesAgainst: assessment.votesAgainst,
            version: assessment.version, updatedAt: assessment.updatedAt.getTime(),
          } : null}
          householdHref={`${base}/households/`}
          hubHref={base} />
      ) : (
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-2 text-lg font-semibold">Kết quả bình xét</h2>
          {assessment ? (
            <>
              <p className="flex items-center gap-2"><ResultBadge result={assessment.result} />
                {assessment.votesFor !== null && <span className="text-sm text-slate-700">Tán thành {assessment.votesFor}{assessment.votesAgainst !== null ? ` · không tán thành ${assessment.votesAgainst}` : ""}</span>}
              </p>
              {assessment.reason && <p className="mt-2 text-sm text-slate-700">{assessment.reason}</p>}
            </>
          ) : (
            <p className="text-slate-600">Hộ chưa được bình xét.</p>
          )}
        </section>
      )}

      <nav aria-label="Hộ trước, hộ sau" className="flex justify-between gap-2 pb-4">
        {data.prevId ? <Link href={`${base}/households/${data.prevId}`} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium">‹ Hộ trước</Link> : <span />}
        {data.nextId ? <Link href={`${base}/households/${data.nextId}`} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium">Hộ sau ›</Link> : <span />}
      </nav>
    </div>
  );
}
