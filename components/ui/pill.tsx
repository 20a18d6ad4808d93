import type { ReactNode } from "react";

// A state as a small label: colour, icon and word together (never colour alone).

const TONE = {
  green: "bg-green-100 text-green-900",
  red: "bg-red-100 text-red-900",
  grey: "bg-slate-200 text-slate-800",
  amber: "bg-amber-100 text-amber-900",
  orange: "bg-orange-100 text-orange-900",
  sky: "bg-sky-100 text-sky-900",
  slate: "bg-slate-100 text-slate-700",
} as const;

export type PillTone = keyof typeof TONE;

export function Pill({ tone, icon, children }: { tone: PillTone; icon: ReactNode; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${TONE[tone]}`}>
      <span aria-hidden className="inline-flex">{icon}</span>
      {children}
    </span>
  );
}
