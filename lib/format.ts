// Vietnamese formatting (vi-VN, Asia/Ho_Chi_Minh): 1.234 · 90,5 % · 28/11/2026 · 14:05.

const TIME_ZONE = "Asia/Ho_Chi_Minh";
const numberFormat = new Intl.NumberFormat("vi-VN");
const dateFormat = new Intl.DateTimeFormat("vi-VN", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat("vi-VN", {
  timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hour12: false,
});

export const formatNumber = (n: number): string => numberFormat.format(n);

// toLocaleString with options builds a new formatter on every call (tens of µs); a dashboard formats hundreds.
const fixedFormats = new Map<number, Intl.NumberFormat>();

/** "90,5": `value` with exactly `digits` decimals, Vietnamese separators. */
export function formatFixed(value: number, digits = 1): string {
  let format = fixedFormats.get(digits);
  if (!format) fixedFormats.set(digits, (format = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return format.format(value);
}

export function formatPercent(part: number, whole: number, digits = 1): string {
  if (whole === 0) return "—";
  return `${formatFixed((part / whole) * 100, digits)} %`;
}

export const formatDate = (d: Date | string | null | undefined): string => (d ? dateFormat.format(new Date(d)) : "");

/** "28/11/2026 14:05" (the Intl output puts the time first in vi-VN; put the date first as people write it). */
export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return "";
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(new Date(d)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}
