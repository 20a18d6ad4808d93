import Link from "next/link";
import { decisionNumberText } from "@/lib/decisions/labels";
import type { DraftableReview } from "@/lib/decisions/queries";
import { DECISION_STATUS_LABEL } from "@/lib/review/labels";
import { REVIEW_STATUS_LABEL } from "@/lib/review/rules";

/** The year's dossiers that cannot go into this decision, and why (not accepted yet, or in another decision). */
export function OtherReviews({ reviews }: { reviews: DraftableReview[] }) {
  if (reviews.length === 0) return null;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-2 text-base font-semibold text-slate-900">Hồ sơ chưa thể đưa vào quyết định này ({reviews.length})</h2>
      <ul className="space-y-1 text-sm text-slate-700">
        {reviews.map((r) => (
          <li key={r.id}>
            <span className="font-medium">Xóm {r.hamletName}</span>:{" "}
            {r.decision ? (
              <>
                đã có trong{" "}
                <Link className="text-brand-700 underline" href={`/decisions/${r.decision.id}`}>
                  quyết định số {decisionNumberText(r.decision.number, r.decision.symbol)}
                </Link>{" "}
                ({DECISION_STATUS_LABEL[r.decision.status].toLowerCase()})
              </>
            ) : (
              REVIEW_STATUS_LABEL[r.status].toLowerCase()
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
