import type { ReactNode } from "react";
import type { AssessmentResult, ReviewStatus } from "@/lib/generated/prisma/enums";
import { RESULT_LABEL } from "@/lib/review/labels";
import { REVIEW_STATUS_LABEL } from "@/lib/review/rules";

// States by colour, word and icon (never colour alone): đạt green, không đạt red, không xét grey with a lock,
// waiting amber, returned orange.

const TONE = {
  green: "bg-green-100 text-green-900",
  red: "bg-red-100 text-red-900",
  grey: "bg-slate-200 text-slate-800",
  amber: "bg-amber-100 text-amber-900",
  orange: "bg-orange-100 text-orange-900",
  sky: "bg-sky-100 text-sky-900",
  slate: "bg-slate-100 text-slate-700",
} as const;

function Pill({ tone, icon, children }: { tone: keyof typeof TONE; icon: ReactNode; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${TONE[tone]}`}>
      <span aria-hidden className="inline-flex">{icon}</span>
      {children}
    </span>
  );
}

function LockIcon() {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" fill="currentColor" aria-hidden>
      <path d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 6H6V4.5a2 2 0 1 1 4 0V7Z" />
    </svg>
  );
}

const RESULT_STYLE: Record<AssessmentResult, { tone: keyof typeof TONE; icon: ReactNode }> = {
  ACHIEVED: { tone: "green", icon: "✓" },
  NOT_ACHIEVED: { tone: "red", icon: "✗" },
  EXCLUDED: { tone: "grey", icon: <LockIcon /> },
};

export function ResultBadge({ result }: { result: AssessmentResult | null }) {
  if (!result) return <Pill tone="slate" icon="…">Chưa bình xét</Pill>;
  const style = RESULT_STYLE[result];
  return <Pill tone={style.tone} icon={style.icon}>{RESULT_LABEL[result]}</Pill>;
}

const STATUS_STYLE: Record<ReviewStatus, { tone: keyof typeof TONE; icon: string }> = {
  MEETING: { tone: "amber", icon: "✎" },
  NOTICE: { tone: "sky", icon: "▣" },
  SUBMITTED: { tone: "amber", icon: "➜" },
  RETURNED: { tone: "orange", icon: "↩" },
  ACCEPTED: { tone: "green", icon: "✓" },
  DECIDED: { tone: "green", icon: "★" },
};

export function ReviewStatusBadge({ status }: { status: ReviewStatus | null }) {
  if (!status) return <Pill tone="slate" icon="○">Chưa họp</Pill>;
  const style = STATUS_STYLE[status];
  return <Pill tone={style.tone} icon={style.icon}>{REVIEW_STATUS_LABEL[status]}</Pill>;
}
