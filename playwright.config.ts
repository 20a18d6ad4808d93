import { defineConfig, devices } from "@playwright/test";

// E2E_PORT and E2E_PG_PORT let two checkouts on one machine run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const PG_PORT = process.env.E2E_PG_PORT ?? "54349";
const baseURL = `http://localhost:${PORT}`;

// Debian's Chromium; the flags keep it from calling out to the network, which is closed here.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: { baseURL, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh", launchOptions, trace: "off", screenshot: "only-on-failure" },
  projects: [
    { name: "desktop", use: { viewport: { width: 1366, height: 768 } }, testIgnore: /.*\.phone\.spec\.ts/ },
    { name: "phone", use: { ...devices["Pixel 5"], viewport: { width: 390, height: 844 }, launchOptions }, testMatch: /.*\.phone\.spec\.ts/ },
  ],
  webServer: {
    // A fresh embedded database for every run, seeded with the demo commune, served by `next start`.
    command: `rm -rf .data/e2e && node scripts/launch.mjs -- node_modules/.bin/next start -p ${PORT}`,
    url: `${baseURL}/login`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      DATABASE_URL: "",
      NEXTAUTH_SECRET: "",
      VANHOA_DATA_DIR: ".data/e2e",
      VANHOA_PG_PORT: PG_PORT,
      NEXTAUTH_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
