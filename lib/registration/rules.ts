// Pure rules of registration (đăng ký thi đua): which dates are allowed, when the list may still change, and the
// order a hamlet's households are listed in.

import { formatDay, utcDate } from "@/lib/dates";
import { canReviewDo, REVIEW_STATUS_LABEL, type ReviewStatus } from "@/lib/review/rules";
import { compareVi } from "@/lib/text";

/** A registration is dated inside the campaign year and not after today. */
export function registrationDateError(date: Date, year: number, today: Date): string | undefined {
  if (date < utcDate(year, 1, 1) || date > utcDate(year, 12, 31)) {
    return `Ngày đăng ký phải nằm trong năm thi đua ${year} (từ 01/01/${year} đến 31/12/${year}).`;
  }
  if (date > today) return `Ngày đăng ký không được sau ngày hôm nay (${formatDay(today)}).`;
  return undefined;
}

/**
 * Registrations change only while the meeting's assessments may change (no review yet, MEETING or RETURNED):
 * once the list is posted, sent or decided, the set of registered households is part of the dossier.
 */
export function isRegistrationOpen(status: ReviewStatus | null | undefined): boolean {
  return !status || canReviewDo(status, "saveAssessment");
}

export function registrationLockedMessage(status: ReviewStatus): string {
  const hint = status === "NOTICE" ? " Muốn sửa, trưởng xóm cần mở lại biên bản họp bình xét trước." : "";
  return `Không thể thay đổi đăng ký thi đua: hồ sơ bình xét của xóm đang ở bước "${REVIEW_STATUS_LABEL[status]}".${hint}`;
}

/** The day a date picker offers first: today, or the last day of the year when the year is over. */
export function defaultRegistrationDay(year: number, today: Date): Date {
  const last = utcDate(year, 12, 31);
  return today > last ? last : today;
}

/** Vietnamese lists of people sort by the given name (the last word), then by the rest: "Lê Văn An" before "Bùi Thị Bình". */
export function compareViPersonName(a: string, b: string): number {
  const split = (name: string) => {
    const words = name.trim().split(/\s+/);
    return { given: words.at(-1) ?? "", rest: words.slice(0, -1).join(" ") };
  };
  const x = split(a);
  const y = split(b);
  return compareVi(x.given, y.given) || compareVi(x.rest, y.rest) || compareVi(a, b);
}
