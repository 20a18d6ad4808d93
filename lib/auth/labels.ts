import type { SessionEnd } from "@/lib/auth/service";

// What the sign-in page says when a session ended on the server; `?reason=` carries the key.

export const SESSION_END_PARAM: Record<SessionEnd, string> = { IDLE: "idle", EXPIRED: "expired", REVOKED: "ended" };

export function sessionEndMessage(reason: string | undefined, idleMinutes: number, maxHours: number): string | null {
  switch (reason) {
    case SESSION_END_PARAM.IDLE:
      return `Phiên làm việc đã hết do không hoạt động quá ${idleMinutes} phút. Vui lòng đăng nhập lại.`;
    case SESSION_END_PARAM.EXPIRED:
      return `Phiên làm việc đã quá ${maxHours} giờ kể từ khi đăng nhập. Vui lòng đăng nhập lại.`;
    case SESSION_END_PARAM.REVOKED:
      return "Phiên làm việc đã kết thúc (đăng xuất, đổi mật khẩu hoặc tài khoản bị khóa). Vui lòng đăng nhập lại.";
    default:
      return null;
  }
}
