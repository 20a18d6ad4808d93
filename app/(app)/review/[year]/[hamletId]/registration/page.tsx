import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { RegistrationBoard } from "@/components/registration/registration-board";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/list-controls";
import { Card, PageHeader } from "@/components/ui/page-header";
import { toIsoDate, todayInVietnam, utcDate } from "@/lib/dates";
import { formatNumber, formatPercent } from "@/lib/format";
import { can } from "@/lib/policy";
import { changeRegistrationAction } from "@/lib/registration/actions";
import { getRegistrationBoard } from "@/lib/registration/queries";
import { defaultRegistrationDay, registrationLockedMessage } from "@/lib/registration/rules";
import { canReadReviews, getReviewYear } from "@/lib/review/queries";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Đăng ký thi đua" };

export default async function RegistrationPage({ params }: { params: Promise<{ year: string; hamletId: string }> }) {
  const actor = await requireActor();
  if (!canReadReviews(actor)) forbidden();
  const { year: yearParam, hamletId } = await params;
  const year = /^\d{4}$/.test(yearParam) ? await getReviewYear(actor, Number(yearParam)) : null;
  if (!year) notFound();
  const board = await getRegistrationBoard(actor, year.id, hamletId);
  if (!board) notFound();

  const canWrite = board.isOpen && can(actor, "review.write", { communeId: board.hamlet.communeId, hamletId: board.hamlet.id });
  const today = todayInVietnam();
  const firstDay = utcDate(year.year, 1, 1);
  const lastAllowed = defaultRegistrationDay(year.year, today);
  const hubHref = `/review/${year.year}/${board.hamlet.id}`;

  return (
    <>
      <PageHeader title={`Đăng ký thi đua năm ${year.year}`} subtitle={`Xóm ${board.hamlet.name}`}
        actions={<ButtonLink href={hubHref} variant="secondary">Về hồ sơ bình xét của xóm</ButtonLink>} />
      <div className="mx-auto max-w-3xl space-y-4">
        <Card>
          <p className="text-lg font-semibold text-slate-900" data-testid="registration-summary">
            Đã đăng ký {formatNumber(board.registered)}/{formatNumber(board.active)} hộ ({formatPercent(board.registered, board.active)})
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {board.active - board.registered > 0
              ? `Còn ${formatNumber(board.active - board.registered)} hộ đang cư trú chưa đăng ký.`
              : "Tất cả hộ đang cư trú đã đăng ký."}
            {" "}Chỉ tính các hộ đang cư trú trong xóm.
          </p>
        </Card>
        {board.reviewStatus && !board.isOpen && <Alert tone="warning">{registrationLockedMessage(board.reviewStatus)}</Alert>}
        {board.households.length === 0 ? (
          <EmptyState>Xóm chưa có hộ đang cư trú nào. Hãy thêm hộ trong mục Hộ gia đình trước khi đăng ký thi đua.</EmptyState>
        ) : (
          <RegistrationBoard
            rows={board.households.map((h) => ({ id: h.id, headName: h.headName, address: h.address, registeredOn: h.registeredOn ? toIsoDate(h.registeredOn) : null }))}
            action={canWrite ? changeRegistrationAction.bind(null, year.id, board.hamlet.id) : undefined}
            defaultDate={lastAllowed >= firstDay ? toIsoDate(lastAllowed) : ""}
            minDate={toIsoDate(firstDay)}
            maxDate={toIsoDate(lastAllowed >= firstDay ? lastAllowed : firstDay)} />
        )}
      </div>
    </>
  );
}
