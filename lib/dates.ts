// Calendar dates as the law counts them. A date is a Date at UTC midnight (what Prisma returns for @db.Date);
// "today" is the date in Vietnam, whatever the server's clock zone.

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Date of a "YYYY-MM-DD" string, or undefined when it names no real calendar day. */
export function parseIsoDate(value: string): Date | undefined {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return toIsoDate(date) === value.trim() ? date : undefined;
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / DAY_MS);
}

/** Today's date in Vietnam (UTC+7, no daylight saving) as a UTC-midnight Date. */
export function todayInVietnam(now: Date = new Date()): Date {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  return utcDate(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}

/** "05/01/2024": day and month zero-padded, as Vietnamese documents write dates. */
export function formatDay(date: Date): string {
  const d = String(date.getUTCDate()).padStart(2, "0");
  const m = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${d}/${m}/${date.getUTCFullYear()}`;
}
