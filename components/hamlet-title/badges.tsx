import type { CouncilStatus, ObjectionOutcome } from "@/lib/generated/prisma/enums";
import { COMMENT_OUTCOME_LABEL } from "@/lib/hamlet-title/labels";
import { COUNCIL_STATUS_LABEL } from "@/lib/titles/rules";
import { Pill, type PillTone } from "@/components/ui/pill";

// States by colour, word and icon (never colour alone): đạt green, không đạt red, waiting amber, posted sky.

const COUNCIL_STYLE: Record<CouncilStatus, { tone: PillTone; icon: string }> = {
  MEETING: { tone: "amber", icon: "✎" },
  NOTICE: { tone: "sky", icon: "▣" },
  PROPOSED: { tone: "amber", icon: "➜" },
  DECIDED: { tone: "green", icon: "★" },
};

export function CouncilStatusBadge({ status }: { status: CouncilStatus | null }) {
  if (!status) return <Pill tone="slate" icon="○">Hội đồng chưa họp</Pill>;
  const style = COUNCIL_STYLE[status];
  return <Pill tone={style.tone} icon={style.icon}>{COUNCIL_STATUS_LABEL[status]}</Pill>;
}

/** The council's result for a hamlet; null before the vote. */
export function HamletResultBadge({ result }: { result: "ACHIEVED" | "NOT_ACHIEVED" | "EXCLUDED" | null }) {
  if (result === "ACHIEVED") return <Pill tone="green" icon="✓">Đạt</Pill>;
  if (result === "NOT_ACHIEVED" || result === "EXCLUDED") return <Pill tone="red" icon="✗">Không đạt</Pill>;
  return <Pill tone="slate" icon="…">Chưa biểu quyết</Pill>;
}

/** A criterion of the report: met or not. */
export function MetBadge({ isMet }: { isMet: boolean }) {
  return isMet ? <Pill tone="green" icon="✓">Đạt</Pill> : <Pill tone="red" icon="✗">Chưa đạt</Pill>;
}

const OUTCOME_STYLE: Record<ObjectionOutcome, { tone: PillTone; icon: string }> = {
  PENDING: { tone: "amber", icon: "⏳" },
  UPHELD: { tone: "red", icon: "✓" },
  REJECTED: { tone: "slate", icon: "✗" },
};

export function CommentOutcomeBadge({ outcome }: { outcome: ObjectionOutcome }) {
  const style = OUTCOME_STYLE[outcome];
  return <Pill tone={style.tone} icon={style.icon}>{COMMENT_OUTCOME_LABEL[outcome]}</Pill>;
}
