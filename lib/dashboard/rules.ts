// Pure rules of the steering committee's figures (issue 5): rates, the gap to a target, days left to a deadline.
// The database counts; these only turn counts into the numbers the dashboard, the exports and the API show.

import { daysBetween } from "@/lib/dates";

/** recognised / total in percent, rounded half up to one decimal (90.75 → 90.8); null when total is 0. */
export function ratePct(recognised: number, total: number): number | null {
  if (total <= 0) return null;
  // Round the per-mille value (an exact integer ratio) rather than the float percent, so 1/8 gives 12.5, not 12.49….
  return Math.round((recognised * 1000) / total) / 10;
}

/** How many must be recognised to reach `targetPct` of `total`: ceil(target % × total / 100), in integers. */
export function targetCount(targetPct: number, total: number): number {
  if (total <= 0 || targetPct <= 0) return 0;
  return Math.floor((targetPct * total + 99) / 100);
}

/** "Còn thiếu N hộ": how many more are needed to reach the target; 0 once it is met. */
export function gapToTarget(targetPct: number, total: number, recognised: number): number {
  return Math.max(0, targetCount(targetPct, total) - recognised);
}

/** Whole days from `today` to `deadline`: 0 on the day itself, negative once it has passed. */
export function daysLeft(today: Date, deadline: Date): number {
  return daysBetween(today, deadline);
}

/** A deadline is overdue once its day has passed and something is still outstanding. */
export function isOverdue(today: Date, deadline: Date, outstanding: number): boolean {
  return outstanding > 0 && daysLeft(today, deadline) < 0;
}
