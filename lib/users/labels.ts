import { ROLE_LABEL } from "@/lib/roles";
import { ROLES } from "@/lib/policy";

export const USER_STATUS_LABEL = { active: "Đang hoạt động", inactive: "Đã khóa" } as const;

export const statusLabel = (isActive: boolean): string => (isActive ? USER_STATUS_LABEL.active : USER_STATUS_LABEL.inactive);

export const ROLE_OPTIONS = ROLES.map((value) => ({ value, label: ROLE_LABEL[value] }));

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;

export const USER_MSG = {
  usernameRequired: "Vui lòng nhập tên đăng nhập.",
  usernameFormat: `Tên đăng nhập dài ${USERNAME_MIN}–${USERNAME_MAX} ký tự, chỉ gồm chữ thường không dấu (a–z), chữ số, dấu chấm (.), gạch dưới (_) hoặc gạch ngang (-).`,
  usernameTaken: (username: string) => `Tên đăng nhập "${username}" đã có người dùng, vui lòng chọn tên khác.`,
  usernameTakenGeneric: "Tên đăng nhập này đã có người dùng, vui lòng chọn tên khác.",
  roleRequired: "Vui lòng chọn vai trò.",
  hamletRequired: "Tài khoản Trưởng xóm phải chọn xóm phụ trách.",
  hamletNotAllowed: "Chỉ tài khoản Trưởng xóm mới gắn với một xóm; với vai trò này hãy để trống.",
  hamletUnknown: "Xóm không tồn tại hoặc không thuộc xã của bạn.",
  passwordRequired: "Vui lòng nhập mật khẩu.",
  passwordTooShort: `Mật khẩu phải có ít nhất ${PASSWORD_MIN} ký tự.`,
  passwordTooLong: `Mật khẩu quá dài (tối đa ${PASSWORD_MAX} ký tự).`,
  passwordMismatch: "Mật khẩu nhập lại không khớp.",
  passwordReset: "Đã đặt lại mật khẩu. Hãy báo mật khẩu mới cho người dùng và nhắc họ giữ bí mật.",
  cannotDeactivateSelf: "Bạn không thể tự khóa tài khoản của chính mình.",
  cannotChangeOwnRole: "Bạn không thể tự đổi vai trò của chính mình. Hãy nhờ một quản trị viên khác.",
} as const;
