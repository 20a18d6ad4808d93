// Vietnamese wording of the API tokens page, and the token's shape (shared by the page and the server).

/** Every token starts with this, so a leaked one is easy to recognise (and to search for in logs or code). */
export const API_TOKEN_PREFIX = "vh_";
/** How many characters of the token the list shows to tell tokens apart ("vh_" and 8 more). */
export const API_TOKEN_PREFIX_LENGTH = 11;
export const API_TOKEN_NAME_MAX = 100;

export const API_TOKEN_STATUS_LABEL = { active: "Đang dùng", revoked: "Đã thu hồi" } as const;

export const API_TOKEN_MSG = {
  created: "Đã tạo khóa API. Hãy sao chép khóa ngay bây giờ: khóa chỉ hiển thị một lần, hệ thống chỉ lưu mã băm của khóa.",
  showOnce: "Chỉ hiển thị một lần",
  revoked: "Đã thu hồi khóa API. Hệ thống dùng khóa này sẽ không lấy được số liệu nữa.",
  alreadyRevoked: "Khóa API này đã bị thu hồi trước đó (đã được xử lý).",
  revokeConsequence:
    "Thu hồi khóa này? Hệ thống đang dùng khóa sẽ bị từ chối ngay ở lần gọi tiếp theo. Không thể khôi phục khóa đã thu hồi; muốn dùng lại phải tạo khóa mới.",
} as const;
