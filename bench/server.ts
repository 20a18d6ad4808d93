// `next start` on a benchmark database, and signed-in sessions for it (next-auth's credentials flow, as a browser
// does it: CSRF token, then the form post).

import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "../scripts/build-if-needed.mjs";
import { ROOT } from "../scripts/db-lib.mjs";

export type Server = { baseUrl: string; stop: () => Promise<void> };

export async function startServer(databaseUrl: string, port: number): Promise<Server> {
  if (buildIfNeeded() !== 0) throw new Error("next build failed");
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, NEXTAUTH_URL: baseUrl, NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/login`);
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error("next start did not answer within 60 s");
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    }),
  };
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** Signs `username` in and returns the Cookie header of the session. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; "), Origin: baseUrl },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: baseUrl, json: "true" }),
  });
  const session = cookiesOf(res).filter((c) => c.includes("session-token"));
  if (session.length === 0) throw new Error(`Sign-in of ${username} failed (HTTP ${res.status})`);
  return [...jar, ...session].join("; ");
}
