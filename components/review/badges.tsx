import type { ReactNode } from "react";
import type { AssessmentResult, ReviewStatus } from "@/lib/generated/prisma/enums";
import { RESULT_LABEL } from "@/lib/review/labels";
import { REVIEW_STATUS_LABEL } from "@/lib/review/rules";
import { Pill, type PillTone } from "@/components/ui/pill";

// States by colour, word and icon (never colour alone): đạt green, không đạt red, không xét grey with a lock,
// waiting amber, returned orange.

function LockIcon() {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" fill="currentColor" aria-hidden>
      <path d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 6H6V4.5a2 2 0 1 1 4 0V7Z" />
    </svg>
  );
}

const RESULT_STYLE: Record<AssessmentResult, { tone: PillTone; icon: ReactNode }> = {
  ACHIEVED: { tone: "green", icon: "✓" },
  NOT_ACHIEVED: { tone: "red", icon: "✗" },
  EXCLUDED: { tone: "grey", icon: <LockIcon /> },
};

export function ResultBadge({ result }: { result: AssessmentResult | null }) {
  if (!result) return <Pill tone="slate" icon="…">Chưa bình xét</Pill>;
  const style = RESULT_STYLE[result];
  return <Pill tone={style.tone} icon={style.icon}>{RESULT_LABEL[result]}</Pill>;
}

const STATUS_STYLE: Record<ReviewStatus, { tone: PillTone; icon: string }> = {
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
