// The key that signs and encrypts session JWTs (pure check, no next/*): instrumentation.ts refuses to start a
// production server without a real one; the embedded demo (scripts/launch.mjs) generates and keeps its own.

/** 32 characters: the length of `openssl rand -base64 24`, and well below what launch.mjs generates (43). */
export const SECRET_MIN_LENGTH = 32;

/** Why this environment must not serve, or null when it may. Only production is held to it; `next dev` is not. */
export function secretProblem(env: Record<string, string | undefined>): string | null {
  if (env.NODE_ENV !== "production") return null;
  const secret = env.NEXTAUTH_SECRET?.trim() ?? "";
  if (secret.length >= SECRET_MIN_LENGTH) return null;
  const why = secret ? `quá ngắn (${secret.length} ký tự, cần ít nhất ${SECRET_MIN_LENGTH})` : "chưa được đặt";
  return (
    `[vanhoa] Không khởi động: NEXTAUTH_SECRET ${why}. Khóa này ký và mã hóa phiên đăng nhập; thiếu nó, ai cũng có thể giả phiên. ` +
    `Hãy đặt NEXTAUTH_SECRET là một chuỗi ngẫu nhiên dài (ví dụ: openssl rand -base64 32), ` +
    `hoặc chạy bản trình diễn bằng \`npm start\` (tự tạo và giữ khóa trong thư mục dữ liệu).`
  );
}
