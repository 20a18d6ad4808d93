import type { AgencyKind, RecognitionKind } from "@/lib/generated/prisma/enums";
import { formatDay } from "@/lib/dates";

// Vietnamese wording of the "Cơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa" title: kinds in the order the year's
// list groups them, result and recognition words, and the messages the services refuse with.

export const TITLE_NAME = "Cơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa";

/** The kinds in the order lists and reports group them. */
export const KIND_ORDER: readonly AgencyKind[] = ["STATE_AGENCY", "PUBLIC_UNIT", "ENTERPRISE"];

export const RECOGNITION_KIND_LABEL: Record<RecognitionKind, string> = {
  FIRST: "Công nhận lần đầu (2 năm)",
  RENEWAL: "Công nhận lại (5 năm)",
};

/** "lần đầu" / "lại", as in "Đến hạn công nhận lần đầu 2023–2024". */
export const RECOGNITION_KIND_WORD: Record<RecognitionKind, string> = { FIRST: "lần đầu", RENEWAL: "lại" };

export const AGENCY_RESULT_LABEL = { ACHIEVED: "Đạt chuẩn", NOT_ACHIEVED: "Không đạt", NONE: "Chưa nhập kết quả", UNREGISTERED: "Chưa đăng ký" } as const;

/** Where the union's recognitions usually come from (the commune can type another body). */
export const defaultIssuer = (province: string) => `Liên đoàn Lao động tỉnh ${province}`;

export const periodText = (from: number, to: number) => `${from}–${to}`;

export const AGENCY_TITLE_MSG = {
  noYear: "Không tìm thấy năm thi đua này.",
  notRegistered: (name: string, year: number) =>
    `${name} chưa đăng ký xây dựng đơn vị đạt chuẩn văn hóa năm ${year} nên không thể nhập kết quả.`,
  alreadyRegistered: (name: string, year: number, on: Date) => `${name} đã đăng ký năm ${year} (ngày ${formatDay(on)}).`,
  notRegisteredToUnregister: (name: string, year: number) => `${name} chưa đăng ký năm ${year} (có thể đã được hủy trước đó).`,
  unregisterWithResult: (name: string, year: number) =>
    `Không hủy được đăng ký: ${name} đã có kết quả năm ${year}. Kết quả đã nhập thì giữ lại để đối chiếu.`,
  noCriteria: (kindLabel: string) =>
    `Chưa có bộ tiêu chuẩn cho loại hình ${kindLabel.toLocaleLowerCase("vi")}. Hãy chọn bộ tiêu chuẩn trong trang Năm thi đua trước.`,
  unknownCriterion: (code: string) => `Tiêu chuẩn ${code} không có trong bộ tiêu chuẩn áp dụng cho đơn vị này.`,
  coveredYear: (year: number, number: string, period: string) =>
    `Năm ${year} đã được tính trong lần công nhận số ${number} (giai đoạn ${period}). Muốn ghi năm này không đạt, hãy xóa lần công nhận ghi nhầm trước.`,
  failedYearInPeriod: (years: number[]) =>
    `Trong giai đoạn này đơn vị có kết quả không đạt năm ${years.join(", ")}. Kiểm tra lại giai đoạn công nhận hoặc kết quả từng năm.`,
  recognitionExists: "Đơn vị đã có lần công nhận bắt đầu từ năm này. Vui lòng tải lại trang.",
  recognitionGone: "Lần công nhận này đã được xóa trước đó (đã được xử lý).",
} as const;
