import Link from "next/link";
import { Badge } from "@/components/ui/page-header";
import { formatDay } from "@/lib/dates";
import { AWARD_STATUS_LABEL, decisionNumberText } from "@/lib/decisions/labels";
import type { AwardStatus } from "@/lib/generated/prisma/enums";

type Ref = { id: string; number: number; symbol: string; issuedOn: Date };

/** An award's state in words (never colour alone): active, cancelled by which decision, or named in a draft. */
export function AwardStatusCell({ status, cancelDecision, pendingCancelId, linkDecisions }: {
  status: AwardStatus;
  cancelDecision: Ref | null;
  pendingCancelId: string | null;
  linkDecisions: boolean;
}) {
  if (status === "CANCELLED") {
    const ref = cancelDecision ? `theo QĐ số ${decisionNumberText(cancelDecision.number, cancelDecision.symbol)} ngày ${formatDay(cancelDecision.issuedOn)}` : "";
    return (
      <span className="flex flex-wrap items-center gap-2">
        <Badge tone="red">✕ {AWARD_STATUS_LABEL.CANCELLED}</Badge>
        {cancelDecision && (linkDecisions
          ? <Link className="text-sm text-brand-700 underline" href={`/decisions/${cancelDecision.id}`}>{ref}</Link>
          : <span className="text-sm text-slate-600">{ref}</span>)}
      </span>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Badge tone="green">✓ {AWARD_STATUS_LABEL.ACTIVE}</Badge>
      {pendingCancelId && (linkDecisions
        ? <Link className="text-sm text-amber-800 underline" href={`/decisions/${pendingCancelId}`}>Đang có dự thảo hủy bỏ</Link>
        : <Badge tone="amber">Đang có dự thảo hủy bỏ</Badge>)}
    </span>
  );
}

/** The heading of a title's history, with the current "N năm liên tục" when there is one. */
export function AwardsHeading({ id, title, streak }: { id: string; title: string; streak: { streak: number; from: number; to: number } | null }) {
  return (
    <div className="mb-2 flex flex-wrap items-center gap-2">
      <h2 id={id} className="text-lg font-semibold">{title}</h2>
      {streak && (
        <Badge tone="green">
          {streak.streak} năm liên tục{streak.streak > 1 ? ` (${streak.from}–${streak.to})` : ` (${streak.to})`}
        </Badge>
      )}
    </div>
  );
}
