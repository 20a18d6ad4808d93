import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, isForeignWrite, newNonce, requestHost } from "@/lib/security/headers";

// Runs before every page, server action and route handler (static files are excluded by the matcher; next.config.ts
// gives them the static headers). It
//   1. gives each response a Content-Security-Policy with a fresh nonce, which Next.js puts on its own scripts;
//   2. refuses a state-changing request sent from another site (403), before any server action runs;
//   3. sends anonymous visitors of the signed-in area to /login.
// It only decides what is shown: every page, action and route checks the actor itself (lib/session.ts), including
// whether the server-side session is still alive.

/** Reachable without signing in (each checks its own caller where it has one). */
const PUBLIC_PATHS = /^\/(?:login|cong-khai|api\/auth|api\/documents|api\/v1)(?:\/|$)/;

/** Must match lib/session.ts REQUEST_PATH_HEADER (proxy.ts does not import server-only modules). */
const REQUEST_PATH_HEADER = "x-vanhoa-path";

const FOREIGN_WRITE_MESSAGE = "Yêu cầu bị từ chối: yêu cầu thay đổi dữ liệu phải được gửi từ chính trang của ứng dụng.";

const isHttpsRequest = (request: NextRequest) =>
  request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";

export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, isDev: process.env.NODE_ENV === "development", isHttps: isHttpsRequest(request) });
  const withCsp = <T extends Response>(response: T): T => {
    response.headers.set("Content-Security-Policy", csp);
    return response;
  };

  const foreign = isForeignWrite({
    method: request.method,
    origin: request.headers.get("origin"),
    host: requestHost(request.headers.get("x-forwarded-host"), request.headers.get("host")),
    fetchSite: request.headers.get("sec-fetch-site"),
    isServerAction: request.headers.has("next-action"),
  });
  if (foreign) {
    return withCsp(new NextResponse(FOREIGN_WRITE_MESSAGE, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } }));
  }

  const { pathname, search } = request.nextUrl;
  if (!PUBLIC_PATHS.test(pathname)) {
    const token = await getToken({ req: request });
    if (!token) {
      const login = new URL("/login", request.url);
      login.searchParams.set("callbackUrl", `${pathname}${search}`);
      return withCsp(NextResponse.redirect(login));
    }
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
  return withCsp(NextResponse.next({ request: { headers: requestHeaders } }));
}

export const config = {
  // The household-import upload streams up to 50 MB to disk; the proxy would buffer (and cut) such a body, so that
  // route checks its caller, Origin and Content-Type itself (app/api/household-imports/route.ts).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|api/household-imports).*)"],
};
