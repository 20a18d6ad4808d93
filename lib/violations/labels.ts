export const VIOLATION_MSG = {
  memberNotInHousehold: "Thành viên được chọn không thuộc hộ này. Vui lòng tải lại trang và chọn lại.",
  alreadyDeleted: "Vi phạm này đã được xóa (thao tác có thể đã được xử lý).",
  deleted: "Đã xóa vi phạm ghi nhầm.",
  documentRefHint: "Ví dụ: QĐ xử phạt số 12/QĐ-XPHC ngày 03/04/2024",
} as const;
