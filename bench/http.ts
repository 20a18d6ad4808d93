// Against a real `next start`: HTTP load with autocannon (signed-in users on the dashboard) and the hamlet head's
// meeting page on a throttled phone profile with Lighthouse in Debian's Chromium.

import autocannon from "autocannon";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "../scripts/db-lib.mjs";
import { BENCH_PASSWORD } from "./data";
import { BENCH_USERS, CURRENT_YEAR } from "./generate";
import { median } from "./measure";
import { signIn } from "./server";
import type { Figure } from "./cases";

export async function loadCase(baseUrl: string, size: string, seconds: number, connections = BENCH_USERS): Promise<Figure[]> {
  const cookies: string[] = [];
  for (let i = 1; i <= connections; i++) cookies.push(await signIn(baseUrl, `bench${String(i).padStart(3, "0")}`, BENCH_PASSWORD));
  // Warm the server (first renders compile nothing in production, but fill caches and the pool).
  for (const c of cookies.slice(0, 5)) await fetch(`${baseUrl}/dashboard?year=${CURRENT_YEAR}`, { headers: { Cookie: c } });
  let next = 0;
  const latencies: number[] = [];
  let finished!: (result: autocannon.Result) => void;
  let failed!: (error: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finished = resolve), (failed = reject)));
  const instance = autocannon({
    url: `${baseUrl}/dashboard?year=${CURRENT_YEAR}`,
    connections,
    duration: seconds,
    // One signed-in user per connection.
    requests: [{
      setupRequest: (req: autocannon.Request, context: object) => {
        const connection = context as { cookie?: string };
        connection.cookie ??= cookies[next++ % cookies.length];
        return { ...req, headers: { ...req.headers, Cookie: connection.cookie! } };
      },
    }],
  }, (error, result) => (error ? failed(error) : finished(result)));
  // Every response's time, for exact percentiles (autocannon's own summary has no p95).
  instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  const result = await done;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0;
  const errors = result.errors + result.timeouts + result.non2xx;
  const base = { size, floor_ms: null, ratio: null, runs: 1, note: `${connections} signed-in users, ${seconds} s, ${result.requests.total} requests` };
  return [
    { ...base, name: "dashboard under load: requests/s", median_ms: result.requests.average, goal: ">0", unit: "req/s" },
    { ...base, name: "dashboard under load: p50 latency", median_ms: pct(50), goal: ">0", unit: "ms" },
    { ...base, name: "dashboard under load: p95 latency", median_ms: pct(95), goal: ">0", unit: "ms" },
    { ...base, name: "dashboard under load: p99 latency", median_ms: pct(99), goal: ">0", unit: "ms" },
    { ...base, name: "dashboard under load: errors", median_ms: errors, goal: "==0", unit: "count" },
  ];
}

type LighthouseRun = { finalUrl: string; score: number; fcp: number; lcp: number; tbt: number; si: number; cls: number; ttfb: number; jsKb: number; scripts: { url: string; kb: number }[] };

function lighthouseOnce(url: string, cookie: string): LighthouseRun {
  const child = spawnSync(process.execPath, [path.join(ROOT, "bench", "lighthouse.mjs"), url, cookie], { encoding: "utf8", maxBuffer: 16 << 20 });
  if (child.status !== 0) throw new Error(`Lighthouse failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as LighthouseRun;
}

/** Lighthouse 12's mobile profile (simulated slow 4G, 4× CPU slowdown): median of `runs`. */
export async function lighthouseCase(baseUrl: string, size: string, pagePath: string, username: string, runs: number): Promise<Figure[]> {
  const cookie = await signIn(baseUrl, username, BENCH_PASSWORD);
  const all: LighthouseRun[] = [];
  for (let i = 0; i < runs; i++) all.push(lighthouseOnce(`${baseUrl}${pagePath}`, cookie));
  if (!all[0]!.finalUrl.endsWith(pagePath)) throw new Error(`Lighthouse landed on ${all[0]!.finalUrl}, not ${pagePath}`);
  console.log(`  Lighthouse: ${all.map((r) => JSON.stringify({ score: r.score, fcp: Math.round(r.fcp), lcp: Math.round(r.lcp), tbt: Math.round(r.tbt), si: Math.round(r.si), cls: r.cls, ttfb: Math.round(r.ttfb) })).join(" ")}`);
  console.log(`  scripts of ${pagePath.replace(/[0-9a-f-]{36}/, "<xóm>")}: ${all[0]!.scripts.map((s) => `${s.url.split("/").pop()} ${s.kb} KB`).join(", ")}`);
  const base = { size, floor_ms: null, ratio: null, runs, note: pagePath.replace(/[0-9a-f-]{36}/, "<xóm>") };
  return [
    { ...base, name: "meeting page on a phone: Lighthouse performance", median_ms: median(all.map((r) => r.score)), goal: ">=90", unit: "score" },
    { ...base, name: "meeting page on a phone: LCP", median_ms: median(all.map((r) => r.lcp)), goal: "<=2500", unit: "ms" },
    { ...base, name: "meeting page on a phone: JS transferred", median_ms: median(all.map((r) => r.jsKb)), goal: "<=150", unit: "KB gzip" },
  ];
}
