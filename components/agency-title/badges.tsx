import type { AgencyStanding } from "@/lib/agency-title/rules";
import { AGENCY_RESULT_LABEL, RECOGNITION_KIND_WORD, periodText } from "@/lib/agency-title/labels";
import { Pill } from "@/components/ui/pill";

// States by colour, word and icon (never colour alone): đạt green, không đạt red, waiting amber, none grey.

/** The year's result: đạt, không đạt, chưa nhập (registered) or chưa đăng ký. */
export function AgencyResultBadge({ isRegistered, result }: { isRegistered: boolean; result: "ACHIEVED" | "NOT_ACHIEVED" | null }) {
  if (!isRegistered) return <Pill tone="slate" icon="○">{AGENCY_RESULT_LABEL.UNREGISTERED}</Pill>;
  if (result === "ACHIEVED") return <Pill tone="green" icon="✓">{AGENCY_RESULT_LABEL.ACHIEVED}</Pill>;
  if (result === "NOT_ACHIEVED") return <Pill tone="red" icon="✗">{AGENCY_RESULT_LABEL.NOT_ACHIEVED}</Pill>;
  return <Pill tone="amber" icon="…">{AGENCY_RESULT_LABEL.NONE}</Pill>;
}

/** Where the agency stands in its recognition cycle as of the year shown. */
export function StandingBadge({ standing }: { standing: AgencyStanding | null }) {
  if (!standing) return <span className="text-slate-500">—</span>;
  const { cycle, covering } = standing;
  const next = `${RECOGNITION_KIND_WORD[cycle.next.kind]} ${periodText(cycle.next.periodFrom, cycle.next.periodTo)}`;
  if (cycle.isDue && cycle.isReady) return <Pill tone="green" icon="★">Đến hạn công nhận {next}, đủ điều kiện</Pill>;
  if (cycle.isDue) return <Pill tone="amber" icon="!">Đến hạn công nhận {next}; năm chưa đạt: {cycle.gaps.join(", ")}</Pill>;
  if (covering) return <Pill tone="sky" icon="✓">Đã công nhận {periodText(covering.periodFrom, covering.periodTo)}</Pill>;
  return <Pill tone="slate" icon="…">Hướng tới công nhận {next} (xét năm {cycle.next.dueYear})</Pill>;
}
