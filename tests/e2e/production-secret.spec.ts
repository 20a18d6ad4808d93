import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";

// A production server without a real NEXTAUTH_SECRET refuses to start, saying why (instrumentation.ts); with one it
// serves. Runs the built app (`next start`) as a child process on a free port, next to the suite's own server.

const ROOT = path.resolve(__dirname, "../..");
const NEXT = path.join(ROOT, "node_modules", ".bin", "next");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

type Started = { exitCode: number | null; output: string; servedLogin: boolean };

/** Starts `next start` with `secret` (undefined: unset) and reports whether it exited or answered /login. */
async function startWith(secret: string | undefined): Promise<Started> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: `http://127.0.0.1:${port}` };
  delete env.NEXTAUTH_SECRET;
  if (secret !== undefined) env.NEXTAUTH_SECRET = secret;
  // The sign-in page needs no database; a closed port proves the server does not depend on one to refuse.
  env.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:1/none";
  const child = spawn(NEXT, ["start", "-p", String(port), "-H", "127.0.0.1"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    for (let i = 0; i < 60; i++) {
      const done = await Promise.race([exited, new Promise<"running">((r) => setTimeout(() => r("running"), 500))]);
      if (done !== "running") return { exitCode: done, output, servedLogin: false };
      const answered = await fetch(`http://127.0.0.1:${port}/login`).then((r) => r.status === 200, () => false);
      if (answered) return { exitCode: null, output, servedLogin: true };
    }
    throw new Error(`next start neither exited nor served within 30 s:\n${output}`);
  } finally {
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  }
}

test("without NEXTAUTH_SECRET the production server refuses to start and says why", async () => {
  const started = await startWith(undefined);
  expect(started).toMatchObject({ exitCode: 1, servedLogin: false });
  expect(started.output).toContain("Không khởi động: NEXTAUTH_SECRET chưa được đặt");
});

test("with a short NEXTAUTH_SECRET it refuses too", async () => {
  const started = await startWith("mat-khau-ngan");
  expect(started).toMatchObject({ exitCode: 1, servedLogin: false });
  expect(started.output).toContain("NEXTAUTH_SECRET quá ngắn (13 ký tự, cần ít nhất 32)");
});

test("with a real secret the same build serves", async () => {
  const started = await startWith("mot-chuoi-ngau-nhien-du-dai-cho-khoa-phien-2025");
  expect(started).toMatchObject({ exitCode: null, servedLogin: true });
});
