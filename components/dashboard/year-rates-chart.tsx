"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatRate, type YearRatePoint } from "@/lib/dashboard/view";

// Solid lines are the rates, dashed lines of the same colour the targets; markers differ too (not colour alone).
const SERIES = [
  { key: "households", target: "targetHouseholds", name: "Gia đình văn hóa", color: "#1d4ed8", dot: "circle" },
  { key: "hamlets", target: "targetHamlets", name: "Xóm văn hóa", color: "#15803d", dot: "square" },
  { key: "agencies", target: "targetAgencies", name: "Cơ quan đạt chuẩn văn hóa", color: "#a16207", dot: "triangle" },
] as const;

/** The three official rates of every campaign year with their targets. The table below it is its text equivalent. */
export function YearRatesChart({ data, caption }: { data: YearRatePoint[]; caption: string }) {
  return (
    <figure>
      <div style={{ height: 320 }} className="w-full" role="img" aria-label={caption}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis domain={[0, 100]} unit=" %" tick={{ fontSize: 12 }} />
            <Tooltip formatter={(value, name) => [value === null || value === undefined ? "—" : formatRate(Number(value)), name]} />
            <Legend />
            {SERIES.map((s) => (
              <Line key={s.key} type="linear" dataKey={s.key} name={`Tỷ lệ ${s.name}`} stroke={s.color} strokeWidth={2}
                dot={{ r: 4 }} legendType={s.dot} connectNulls={false} isAnimationActive={false} />
            ))}
            {SERIES.map((s) => (
              <Line key={s.target} type="stepAfter" dataKey={s.target} name={`Chỉ tiêu ${s.name}`} stroke={s.color}
                strokeDasharray="6 3" dot={false} legendType="plainline" isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 text-sm text-slate-600">{caption}</figcaption>
    </figure>
  );
}
