import type {
  AssessmentResult, BallotMethod, CancellationGround, Comparator, DecisionStatus, ObjectionOutcome, ReviewEventKind, ViolationCategory,
} from "@/lib/generated/prisma/enums";

export const RESULT_LABEL: Record<AssessmentResult, string> = {
  ACHIEVED: "Đạt",
  NOT_ACHIEVED: "Không đạt",
  EXCLUDED: "Không xét",
};

export const BALLOT_METHOD_LABEL: Record<BallotMethod, string> = {
  SHOW_OF_HANDS: "Biểu quyết giơ tay",
  SECRET_BALLOT: "Bỏ phiếu kín",
  CONSENSUS: "Thống nhất trong cuộc họp (không biểu quyết từng hộ)",
};

export const COMPARATOR_LABEL: Record<Comparator, string> = {
  GT: "trên (>)",
  GTE: "từ … trở lên (≥)",
  LT: "dưới (<)",
  LTE: "không quá (≤)",
};

export const CATEGORY_LABEL: Record<ViolationCategory, string> = {
  E1: "E1 – Bị truy cứu trách nhiệm hình sự",
  E2: "E2 – Không hoàn thành nghĩa vụ quân sự, nghĩa vụ nộp thuế",
  E3: "E3 – Xử phạt hành chính về tảo hôn, hôn nhân một vợ một chồng",
  E4: "E4 – Xử phạt hành chính về trật tự công cộng, cờ bạc, tệ nạn, PCCC, bạo lực gia đình",
};

export const OBJECTION_OUTCOME_LABEL: Record<ObjectionOutcome, string> = {
  PENDING: "Đang xem xét",
  UPHELD: "Chấp nhận (hộ chuyển sang không đạt)",
  REJECTED: "Không chấp nhận",
};

export const REVIEW_EVENT_LABEL: Record<ReviewEventKind, string> = {
  MEETING_OPENED: "Ghi biên bản họp bình xét",
  NOTICE_POSTED: "Niêm yết công khai",
  MEETING_REOPENED: "Mở lại biên bản để sửa",
  SUBMITTED: "Nộp hồ sơ lên xã",
  RETURNED: "Xã trả lại hồ sơ",
  ACCEPTED: "Xã tiếp nhận hồ sơ",
  DECIDED: "Có quyết định công nhận",
};

export const DECISION_STATUS_LABEL: Record<DecisionStatus, string> = {
  DRAFT: "Dự thảo",
  ISSUED: "Đã ban hành",
};

/** Luật Thi đua, khen thưởng 2022, Chương VII, khoản 2. */
export const CANCEL_GROUND_LABEL: Record<CancellationGround, string> = {
  A: "a) Kê khai gian dối thành tích",
  B: "b) Cung cấp thông tin sai sự thật, giả mạo hồ sơ",
  C: "c) Thẩm định, xét, đề nghị khen thưởng sai quy định",
  D: "d) Cơ quan có thẩm quyền kết luận có vi phạm trong thời gian tính thành tích",
};
