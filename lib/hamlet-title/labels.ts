import type { CouncilStatus, ObjectionOutcome } from "@/lib/generated/prisma/enums";

// Vietnamese wording of the "Xóm văn hóa" cycle: defaults the forms offer, statuses and the services' refusals.

export const TITLE_NAME = "\u201cXóm văn hóa\u201d";

/** Where the commune posts the council's results (Mẫu 06 wording of a real 2024 case). */
export const DEFAULT_COUNCIL_NOTICE_CHANNEL = "Trang thông tin điện tử của xã và bảng tin công cộng";
export const DEFAULT_PROPOSAL_SYMBOL = "TTr-UBND";

export const COMMENT_OUTCOME_LABEL: Record<ObjectionOutcome, string> = {
  PENDING: "Chờ xử lý",
  UPHELD: "Chấp nhận",
  REJECTED: "Không chấp nhận",
};

/** One-word step names for the progress line of the year page. */
export const COUNCIL_STEP_LABEL: Record<CouncilStatus, string> = {
  MEETING: "Họp Hội đồng",
  NOTICE: "Công khai",
  PROPOSED: "Tờ trình",
  DECIDED: "Quyết định",
};

export const HAMLET_TITLE_MSG = {
  noYear: "Không tìm thấy năm thi đua này.",
  noCriteria: "Năm thi đua chưa có bộ tiêu chí \u201cXóm văn hóa\u201d đã công bố. Cán bộ văn hóa xã cần chọn bộ tiêu chí trước.",
  notRegistered: (year: number) =>
    `Xóm chưa đăng ký xây dựng danh hiệu ${TITLE_NAME} năm ${year} nên chưa thể gửi báo cáo thành tích.`,
  alreadyRegistered: (on: string) => `Xóm đã đăng ký năm này từ ngày ${on} (đã được xử lý).`,
  notRegisteredYet: "Xóm chưa đăng ký năm này nên không có gì để hủy (đã được xử lý).",
  entryExists: "Báo cáo của xóm năm này vừa được người khác tạo. Vui lòng tải lại trang để xem và sửa.",
  unknownCriterion: (code: string) => `Tiêu chí ${code} không có trong bộ tiêu chí của năm này. Vui lòng tải lại trang.`,
  councilExists: "Biên bản họp Hội đồng năm này vừa được người khác tạo. Vui lòng tải lại trang.",
  noCouncil: "Chưa có cuộc họp Hội đồng thi đua, khen thưởng xã năm này.",
  noReport: "Xóm chưa gửi báo cáo thành tích nên Hội đồng chưa thể biểu quyết.",
  hamletNotInCommune: "Xóm này không thuộc xã.",
  voteRefused: (hamlet: string, detail: string) => `Chưa lưu kết quả biểu quyết — xóm ${hamlet}: ${detail}`,
  presentBelowVotes: (hamlet: string, detail: string) =>
    `Với số thành viên dự họp này, kết quả biểu quyết đã ghi của xóm ${hamlet} không còn hợp lệ: ${detail} Sửa số phiếu trước, hoặc kiểm tra lại số thành viên dự họp.`,
  noVotes: "Hội đồng chưa biểu quyết xóm nào nên chưa có kết quả để công khai.",
  noNotice: "Kết quả bình xét chưa được công khai.",
  resolveOnlyInNotice: "Chỉ xử lý ý kiến của người dân trong thời gian công khai kết quả; tờ trình đã được lập.",
  commentResolved: "Ý kiến này đã được xử lý trước đó (đã được xử lý).",
  pendingComments: (n: number) => `Còn ${n} ý kiến của người dân chưa xử lý. Cần xử lý hết các ý kiến trước khi lập tờ trình.`,
  noAchieved: "Không có xóm nào đạt kết quả bình xét nên không lập tờ trình đề nghị công nhận.",
} as const;
