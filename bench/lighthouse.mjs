#!/usr/bin/env node
// One Lighthouse 12 run (mobile profile, simulated throttling) in Debian's Chromium, printed as JSON.
// Plain Node on purpose: Lighthouse evaluates its functions' source in the page, which a TypeScript loader's
// rewritten functions break.
//   node bench/lighthouse.mjs URL COOKIE
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const [url, cookie] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"], extraHeaders: { Cookie: cookie } });
  const lhr = result?.lhr;
  if (!lhr) throw new Error("Lighthouse returned nothing");
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const items = lhr.audits["resource-summary"]?.details?.items ?? [];
  const scripts = (lhr.audits["network-requests"]?.details?.items ?? []).filter((i) => i.resourceType === "Script");
  process.stdout.write(JSON.stringify({
    finalUrl: lhr.finalDisplayedUrl,
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    lcp: lhr.audits["largest-contentful-paint"]?.numericValue ?? 0,
    tbt: lhr.audits["total-blocking-time"]?.numericValue ?? 0,
    fcp: lhr.audits["first-contentful-paint"]?.numericValue ?? 0,
    si: lhr.audits["speed-index"]?.numericValue ?? 0,
    cls: lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0,
    ttfb: lhr.audits["server-response-time"]?.numericValue ?? 0,
    jsKb: (items.find((i) => i.resourceType === "script")?.transferSize ?? 0) / 1024,
    scripts: scripts.map((s) => ({ url: s.url.replace(/^https?:\/\/[^/]+/, ""), kb: Math.round((s.transferSize / 1024) * 10) / 10 })),
  }));
} finally {
  await chrome.kill();
}
