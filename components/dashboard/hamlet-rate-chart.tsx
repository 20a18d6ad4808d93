"use client";

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatRate, type HamletRatePoint } from "@/lib/dashboard/view";

/**
 * The household rate per hamlet (server-computed, already sorted by gap) with the year's target as a line. It only
 * draws; the table next to it is its text equivalent.
 */
export function HamletRateChart({ data, target, caption }: { data: HamletRatePoint[]; target: number; caption: string }) {
  const height = Math.max(220, data.length * 34 + 60);
  return (
    <figure>
      <div style={{ height }} className="w-full" role="img" aria-label={caption}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} unit=" %" tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 12 }} interval={0} />
            <Tooltip
              formatter={(value, _name, item) => [
                (item?.payload as HamletRatePoint | undefined)?.hasRate === false ? "—" : formatRate(Number(value)),
                "Tỷ lệ Gia đình văn hóa",
              ]}
            />
            <Bar dataKey="value" name="Tỷ lệ Gia đình văn hóa" fill="#1d4ed8" isAnimationActive={false} />
            <ReferenceLine x={target} stroke="#b91c1c" strokeWidth={2} strokeDasharray="6 3"
              label={{ value: `Chỉ tiêu ${formatRate(target)}`, position: "top", fill: "#7f1d1d", fontSize: 12 }} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 text-sm text-slate-600">{caption}</figcaption>
    </figure>
  );
}
