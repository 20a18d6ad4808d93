// Response-header and request-origin rules (pure, no next/*): proxy.ts applies them per request and next.config.ts
// applies the static ones to every response, static files included.

/**
 * The page policy. Scripts run only with this response's nonce; 'strict-dynamic' lets those scripts load Next's own
 * chunks, so no host list is needed ('self' only matters to browsers without CSP 3).
 *
 * Styles: <style> and <link> need 'self' or the nonce, but style ATTRIBUTES are allowed inline (style-src-attr
 * 'unsafe-inline'): React's `style={…}` props — recharts positions every bar, label and tooltip that way, Next's
 * route announcer hides itself that way — cannot carry a nonce, and an injected style attribute can restyle a page
 * but not run code. 'unsafe-eval' only in development, where React rebuilds server error stacks with eval.
 */
export function contentSecurityPolicy(options: { nonce: string; isDev: boolean; isHttps: boolean }): string {
  const { nonce, isDev, isHttps } = options;
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(isDev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", `'nonce-${nonce}'`],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "blob:", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(isHttps ? ([["upgrade-insecure-requests"]] as [string][]) : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Headers every response carries (next.config.ts), whatever produced it. */
export const STATIC_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // frame-ancestors 'none' in the CSP says the same to current browsers; this covers responses without a CSP.
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

/** HSTS, sent only when the reverse proxy says the request came over HTTPS (browsers ignore it over HTTP anyway). */
export const HSTS_HEADER = { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" } as const;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type WriteRequest = {
  method: string;
  /** The Origin header, null when absent. */
  origin: string | null;
  /** The host the client addressed: X-Forwarded-Host (first entry) when behind a proxy, else Host. */
  host: string | null;
  /** Sec-Fetch-Site, null when absent. */
  fetchSite: string | null;
  /** A server action call (Next-Action header). */
  isServerAction: boolean;
};

/**
 * True for a state-changing request that another site made a browser send (cross-site request forgery).
 * Browsers put Origin on every cross-origin POST, and on every fetch() POST: so a foreign or opaque ("null") Origin
 * is refused, and so is a server action call without one (only a browser's fetch makes those) or any write the
 * browser itself labels cross-site. Reads (GET, HEAD, OPTIONS) are never refused here.
 */
export function isForeignWrite(request: WriteRequest): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  if (request.fetchSite === "cross-site") return true;
  if (request.origin === null) return request.isServerAction;
  if (!request.host) return true;
  let originHost: string;
  try {
    originHost = new URL(request.origin).host;
  } catch {
    return true;
  }
  return originHost.toLowerCase() !== request.host.toLowerCase();
}

/** The host a request was addressed to: the first X-Forwarded-Host entry, else Host. */
export function requestHost(forwardedHost: string | null, host: string | null): string | null {
  const first = forwardedHost?.split(",")[0]?.trim();
  return first || host?.trim() || null;
}
