import "server-only";
import { isApiTokenShaped, hashApiToken } from "@/lib/api-tokens/schema";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/policy";
import { getActor } from "@/lib/session";

// Who is calling the read-only JSON API (/api/v1): a signed-in commune reader (officer, leader, committee member) or
// a system presenting a commune's API token. Either way the answer is the communes the caller may read.

export const API_MSG = {
  unauthenticated: "Chưa xác thực. Hãy đăng nhập, hoặc gửi khóa API trong tiêu đề \u201cAuthorization: Bearer vh_…\u201d.",
  badToken: "Khóa API không hợp lệ hoặc đã bị thu hồi.",
  roleForbidden: "Tài khoản của bạn không được xem số liệu toàn xã qua API (chỉ cán bộ văn hóa, lãnh đạo và Ban Chỉ đạo xã).",
  communeForbidden: "Bạn không có quyền xem số liệu của xã này.",
  communeNotFound: "Không tìm thấy xã này.",
  yearInvalid: "Tham số year phải là một năm gồm 4 chữ số, ví dụ ?year=2024.",
  yearNotFound: "Xã chưa có năm thi đua này.",
  internal: "Đã có lỗi ngoài dự kiến. Vui lòng thử lại sau ít phút.",
} as const;

/** The token's lastUsedAt is written at most this often, so a busy caller does not write on every request. */
export const LAST_USED_EVERY_MS = 60_000;

export type ApiCaller =
  | { kind: "session"; actor: Actor; communeIds: string[] }
  | { kind: "token"; tokenId: string; communeIds: string[] };

export type ApiAuth = { ok: true; caller: ApiCaller } | { ok: false; response: Response };

const HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } as const;

/** A JSON response of the API: UTF-8, never cached. */
export function apiJson(status: number, body: unknown, extraHeaders: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...HEADERS, ...extraHeaders } });
}

/** A refusal: `{ error: "<Vietnamese message>" }`. 401s say how to authenticate. */
export function apiError(status: number, message: string): Response {
  return apiJson(status, { error: message }, status === 401 ? { "WWW-Authenticate": 'Bearer realm="vanhoa"' } : {});
}

/** The token of `Authorization: Bearer <token>`; null without the header, "" when the header is not a bearer token. */
function bearerOf(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (header === null) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  return match ? match[1]! : "";
}

async function callerOfToken(token: string): Promise<ApiCaller | null> {
  if (!isApiTokenShaped(token)) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) }, select: { id: true, communeId: true, revokedAt: true } });
  if (!row || row.revokedAt) return null;
  const now = new Date();
  // At most one write a minute per token; the guard in the where clause keeps concurrent requests from piling up.
  await db.apiToken.updateMany({
    where: { id: row.id, revokedAt: null, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_EVERY_MS) } }] },
    data: { lastUsedAt: now },
  });
  return { kind: "token", tokenId: row.id, communeIds: [row.communeId] };
}

/**
 * Resolves the caller of an API request. A bearer token wins over a session cookie (a system calls with its token);
 * a malformed, unknown or revoked token is 401. A session reads its own commune when it may read the yearly review
 * commune-wide: a hamlet head (one hamlet only) and the administrator (no campaign data) are refused with 403.
 */
export async function resolveApiCaller(request: Request): Promise<ApiAuth> {
  const bearer = bearerOf(request);
  if (bearer !== null) {
    const caller = await callerOfToken(bearer);
    return caller ? { ok: true, caller } : { ok: false, response: apiError(401, API_MSG.badToken) };
  }
  const actor = await getActor();
  if (!actor) return { ok: false, response: apiError(401, API_MSG.unauthenticated) };
  // Without a hamlet in the place, can() is commune-wide: a hamlet head never passes it.
  if (!can(actor, "review.read", { communeId: actor.communeId })) return { ok: false, response: apiError(403, API_MSG.roleForbidden) };
  return { ok: true, caller: { kind: "session", actor, communeIds: [actor.communeId] } };
}
