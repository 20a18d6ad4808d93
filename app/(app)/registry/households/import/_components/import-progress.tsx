"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { formatNumber, formatPercent } from "@/lib/format";

type Progress = { status: string; done: number; total: number; isInterrupted?: boolean };

/**
 * The import's progress bar. While the import runs it asks the server every 1.5 s (a few bytes each time) and
 * reloads the page when the import has ended; the user may leave and come back at any time.
 */
export function ImportProgress({ id, initial }: { id: string; initial: Progress }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const running = progress.status === "RUNNING" && !progress.isInterrupted;

  useEffect(() => {
    if (!running) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/household-imports/${id}`, { cache: "no-store" });
        if (!response.ok || stopped) return;
        const next = (await response.json()) as Progress;
        setProgress(next);
        if (next.status !== "RUNNING" || next.isInterrupted) router.refresh();
      } catch {
        /* a dropped connection: ask again at the next tick */
      }
    }, 1500);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [id, running, router]);

  const total = Math.max(progress.total, 1);
  const done = progress.status === "DONE" ? progress.total : Math.min(progress.done, progress.total);
  return (
    <div className="space-y-2">
      <div role="progressbar" aria-label="Tiến độ nhập" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={done}
        className="h-4 w-full overflow-hidden rounded-full bg-slate-200">
        <div className="h-full rounded-full bg-brand-700 transition-[width]" style={{ width: `${(done / total) * 100}%` }} />
      </div>
      <p className="text-sm text-slate-700" aria-live="polite">
        {running ? "Đang ghi" : "Đã ghi"} {formatNumber(done)} / {formatNumber(progress.total)} hộ ({formatPercent(done, total)})
        {running && " — có thể rời trang này, việc nhập vẫn tiếp tục."}
      </p>
    </div>
  );
}
