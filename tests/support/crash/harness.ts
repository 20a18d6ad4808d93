import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import { ROOT } from "../../../scripts/db-lib.mjs";

// Crash harness: runs a real use case (use-cases.ts) in a child process against the integration database, waits
// until the child's transaction is provably in progress, kills something with SIGKILL, and checks that the database
// then holds all of the use case or none of it.
//
// "Provably in progress" is read from PostgreSQL itself, never from timing: the child's backend (found by its
// application_name) has a transaction with an xid (it has written), and — for a held kill — is waiting for a lock on
// the table the use case writes next while holding row-write locks on every table it has written so far. To hold the
// child there, the harness takes that table in SHARE mode first (reads go on, writes wait).
//
// Two faults: "app" kills the child (the app server dies mid-request, its transaction is never committed), and
// "database" kills the child's PostgreSQL backend (the server crashes, restarts and replays its WAL). A fault with
// no pause point kills as soon as the transaction has written, after an optional delay: where it lands varies.
//
// A new use case needs a runner in use-cases.ts and a CrashCase: prepare() builds its data and returns the JSON
// context for the runner; pausePoints list where it may be held (in the order it writes); outcome() reads the
// database and answers "all" or "none", throwing on anything in between.

export type Outcome = "all" | "none";
/** Hold the child just before it writes `before`, having written each of `written` in its transaction. */
export type PausePoint = { before: string; written: string[] };

export type CrashCase<C> = {
  /** A key of CRASH_USE_CASES. */
  name: string;
  prepare(): Promise<C>;
  pausePoints: PausePoint[];
  outcome(context: C, sql: pg.Client): Promise<Outcome>;
};

export type FaultKind = "app" | "database";
export type Fault = { kind: FaultKind; pause?: PausePoint; delayMs?: number };
export type FaultReport = {
  useCase: string;
  kind: FaultKind;
  /** Where the transaction stood when the kill came. */
  at: string;
  outcome: Outcome;
  /** Milliseconds from the child's start until the kill, and from the kill until the database was checked. */
  ms: { untilKill: number; recovery: number };
};

export type Urls = { owner: string; app: string };

const CHILD = path.join(ROOT, "tests", "support", "crash", "child.ts");
const POLL_MS = 5;
const WAIT_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A client that survives the server's crash recovery without an unhandled 'error' event. */
async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  return client;
}

/** Waits until the server accepts connections again (after a crash it replays its WAL first). */
async function connectWhenUp(url: string): Promise<pg.Client> {
  const started = Date.now();
  for (;;) {
    try {
      const client = await connect(url);
      await client.query("SELECT 1");
      return client;
    } catch (error) {
      if (Date.now() - started > WAIT_MS) throw error;
      await sleep(100);
    }
  }
}

type Child = { process: ChildProcess; exited: Promise<number | null>; output: () => string };

function startChild(useCase: string, context: unknown, appUrl: string, applicationName: string): Child {
  const url = new URL(appUrl);
  url.searchParams.set("application_name", applicationName);
  // tsx as a loader in this very process: the tsx CLI would run the code in a grandchild, which a SIGKILL of the
  // CLI leaves running (it then commits: the first version of this harness saw exactly that).
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", CHILD, useCase], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url.toString(), VANHOA_CRASH_CONTEXT: JSON.stringify(context) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { process: child, exited, output: () => output };
}

type Backend = { pid: number; hasWritten: boolean; writing: string[]; waitingFor: string | null };

/** The child's backend that is inside a transaction, with what it has written and what it waits for. */
async function childBackend(monitor: pg.Client, applicationName: string): Promise<Backend | null> {
  const { rows } = await monitor.query<Backend>(
    `SELECT a.pid,
            a.backend_xid IS NOT NULL AS "hasWritten",
            coalesce((SELECT array_agg(DISTINCT c.relname::text) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                       WHERE l.pid = a.pid AND l.granted AND l.mode = 'RowExclusiveLock'), '{}') AS writing,
            (SELECT c.relname::text FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
              WHERE l.pid = a.pid AND NOT l.granted LIMIT 1) AS "waitingFor"
       FROM pg_stat_activity a
      WHERE a.application_name = $1 AND a.xact_start IS NOT NULL AND a.backend_xid IS NOT NULL`,
    [applicationName],
  );
  return rows[0] ?? null;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, child: Child): Promise<T> {
  const started = Date.now();
  let done = false;
  void child.exited.then(() => (done = true));
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (done) throw new Error(`The child ended before ${what}:\n${child.output()}`);
    if (Date.now() - started > WAIT_MS) throw new Error(`Timed out waiting for ${what}:\n${child.output()}`);
    await sleep(POLL_MS);
  }
}

/** Waits until no backend of the child is left (its uncommitted work is rolled back by then). */
async function waitGone(url: string, applicationName: string): Promise<void> {
  const monitor = await connectWhenUp(url);
  try {
    const started = Date.now();
    while ((await monitor.query("SELECT 1 FROM pg_stat_activity WHERE application_name = $1", [applicationName])).rowCount) {
      if (Date.now() - started > WAIT_MS) throw new Error(`The child's backends did not go away (${applicationName})`);
      await sleep(20);
    }
  } finally {
    await monitor.end().catch(() => {});
  }
}

/** Whether this process may signal the database server's processes (same machine, same or privileged user). */
export async function canKillDatabaseBackends(ownerUrl: string): Promise<boolean> {
  const client = await connect(ownerUrl);
  try {
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    process.kill(rows[0]!.pid, 0);
    return true;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

/** Runs the use case in a child while injecting `fault`; returns where the kill landed and what the database holds. */
export async function injectFault<C>(crash: CrashCase<C>, context: C, fault: Fault, urls: Urls): Promise<FaultReport> {
  const applicationName = `vanhoa-crash-${crypto.randomBytes(4).toString("hex")}`;
  const holder = fault.pause ? await connect(urls.owner) : null;
  const monitor = await connect(urls.owner);
  let child: Child | null = null;
  try {
    if (holder && fault.pause) {
      await holder.query("BEGIN");
      await holder.query(`LOCK TABLE "${fault.pause.before}" IN SHARE MODE`);
    }
    const started = Date.now();
    child = startChild(crash.name, context, urls.app, applicationName);
    const pause = fault.pause;
    const backend = await waitFor(
      pause ? `the transaction waits to write ${pause.before}` : "the transaction has written",
      async () => {
        const b = await childBackend(monitor, applicationName);
        if (!b) return null;
        if (!pause) return b;
        return b.waitingFor === pause.before && pause.written.every((t) => b.writing.includes(t)) ? b : null;
      },
      child,
    );
    if (fault.delayMs) await sleep(fault.delayMs);
    const at = pause ? `before ${pause.before}, having written ${pause.written.join(", ")}` : `free-running, +${fault.delayMs ?? 0} ms after its first write`;

    const killedAt = Date.now();
    if (fault.kind === "app") child.process.kill("SIGKILL");
    else process.kill(backend.pid, "SIGKILL");
    await child.exited;
    if (holder) await holder.query("ROLLBACK").catch(() => {});
    await waitGone(urls.owner, applicationName);

    const sql = await connectWhenUp(urls.owner);
    try {
      const outcome = await crash.outcome(context, sql);
      return { useCase: crash.name, kind: fault.kind, at, outcome, ms: { untilKill: killedAt - started, recovery: Date.now() - killedAt } };
    } finally {
      await sql.end();
    }
  } finally {
    if (child && child.process.exitCode === null && child.process.signalCode === null) child.process.kill("SIGKILL");
    await holder?.end().catch(() => {});
    await monitor.end().catch(() => {});
  }
}

/** Runs the use case in a child to the end (a restarted app doing the work again); returns what the child printed. */
export async function runToCompletion<C>(crash: CrashCase<C>, context: C, urls: Urls): Promise<string> {
  const child = startChild(crash.name, context, urls.app, `vanhoa-crash-${crypto.randomBytes(4).toString("hex")}`);
  const code = await child.exited;
  if (code !== 0) throw new Error(`The use case failed (exit ${code}):\n${child.output()}`);
  return child.output();
}
