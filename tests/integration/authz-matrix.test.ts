import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { ROLES, type Actor } from "@/lib/policy";
import { getActor } from "@/lib/session";
import { ACTIONS, ROUTES, allowed, type Expectation, type Target } from "./authz/expectations";
import { ACTION_CELLS, IDOR_CASES, ROUTE_CELLS, type Case } from "./authz/cells";
import { buildWorld, UNKNOWN_ROLE, type MatrixWorld, type Place } from "./authz/world";
import { changedTables, closeDbState, dropSnapshot, fingerprint, restoreSnapshot, takeSnapshot } from "../support/db-state";
import { discoverActions, discoverRoutes, inlineServerActionFiles, ROOT } from "../support/discover";
import { outcomeOf, type Outcome } from "../support/outcome";
import { resetDb } from "../factories";

// The authorization matrix: every server action and every data route × every role (from ROLES, plus a role no grant
// knows and the anonymous caller) × the row's place (own hamlet, another hamlet, another commune), each cell called
// with valid input and checked against the hand-written table in ./authz/expectations.ts. A refused cell must be
// refused by authorization (FORBIDDEN, NOT_FOUND, a redirect to /login, forbidden()/notFound(), HTTP 401/403/404) and
// leave every table exactly as it was; an allowed cell must succeed and, for an action, write its audit row.
// Only the session is a stand-in: services, policy and PostgreSQL are the real ones.

let current: Actor | null = null;
// The session is the one stand-in: the actor under test. The rest of the module is real (signing out reads the
// session cookie through next/headers, which is stood in for below and holds none).
vi.mock("@/lib/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/session")>()),
  getActor: vi.fn(async () => current),
  // As lib/session.ts does: no actor, no entry.
  requireActor: vi.fn(async () => {
    if (!current) redirect("/login");
    return current;
  }),
}));
// Outside a Next request there is no cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));
// The public comment form reads the sender's address from the request; each call comes from its own address so the
// per-address limit (5 in 10 minutes) never decides a cell.
let ipCounter = 0;
vi.mock("next/headers", () => ({
  headers: vi.fn(async () => new Headers({ "x-forwarded-for": `198.51.100.${++ipCounter % 250}, 10.0.0.1`, "x-real-ip": "10.0.0.1" })),
  cookies: vi.fn(async () => ({ get: () => undefined, getAll: () => [] })),
}));

const discoveredActions = await discoverActions();
const discoveredRoutes = discoverRoutes();
const fns = Object.fromEntries(discoveredActions.map((a) => [a.name, a.fn]));

/** Every caller of the matrix: each role of ROLES, a role unknown to the grants, and nobody signed in. */
const CALLERS: { label: string; role: string | null }[] = [
  ...ROLES.map((role) => ({ label: role, role })),
  { label: UNKNOWN_ROLE, role: UNKNOWN_ROLE },
  { label: "anonymous", role: null },
];

let w: MatrixWorld;
const tally = { cells: 0, allowed: 0, refused: 0, idor: 0 };

beforeAll(async () => {
  await resetDb();
  w = await buildWorld();
  await takeSnapshot();
}, 120_000);

afterAll(async () => {
  console.info(`[authz-matrix] ${tally.cells} cells tested: ${tally.allowed} allowed, ${tally.refused} refused, of which ${tally.idor} IDOR attempts (${discoveredActions.length} actions, ${discoveredRoutes.length} route handlers, ${CALLERS.length} callers)`);
  await dropSnapshot();
  await closeDbState();
});

describe("the matrix covers the code", () => {
  it("lists every server action found in the source tree, and nothing else", () => {
    const found = discoveredActions.map((a) => a.name);
    expect(new Set(found).size, "two server actions share a name").toBe(found.length);
    const missing = found.filter((name) => !(name in ACTIONS)).map((name) => `${name} (${discoveredActions.find((a) => a.name === name)!.file}) is not in tests/integration/authz/expectations.ts ACTIONS`);
    const stale = Object.keys(ACTIONS).filter((name) => !found.includes(name)).map((name) => `${name} is in ACTIONS but no 'use server' module exports it`);
    const unbuilt = found.filter((name) => name in ACTIONS && !(name in ACTION_CELLS)).map((name) => `${name} has no cell builder in tests/integration/authz/cells.ts`);
    expect([...missing, ...stale, ...unbuilt]).toEqual([]);
  });

  it("finds no inline 'use server' function the matrix could not import", () => {
    expect(inlineServerActionFiles().map((f) => f.slice(ROOT.length + 1))).toEqual([]);
  });

  it("lists every route handler under app/, and nothing else", () => {
    const found = discoveredRoutes.map((r) => r.key);
    const missing = found.filter((key) => !(key in ROUTES)).map((key) => `${key} is not in tests/integration/authz/expectations.ts ROUTES`);
    const stale = Object.keys(ROUTES).filter((key) => !found.includes(key)).map((key) => `${key} is in ROUTES but no route.ts exports it`);
    const unbuilt = Object.entries(ROUTES).filter(([key, e]) => !("excluded" in e) && !(key in ROUTE_CELLS)).map(([key]) => `${key} has no cell builder`);
    expect([...missing, ...stale, ...unbuilt]).toEqual([]);
  });
});

function actorOf(role: string | null): Actor | null {
  return role === null ? null : w.actors[role]!;
}

const asList = (c: Case | Case[]) => (Array.isArray(c) ? c : [c]);

/**
 * Runs one entry of the table: for each target, the refused callers against one build (each must leave the database
 * untouched, so they can share it), then each allowed caller against a fresh build of its own.
 */
async function runEntry(name: string, e: Expectation, build: (p: Place) => Promise<Case[]>, isAction: boolean): Promise<string[]> {
  const failures: string[] = [];
  const cell = (caller: string, target: Target, c: Case) => `${name}${c.label ? ` [${c.label}]` : ""} × ${caller} × ${target}`;
  const check = (label: string, o: Outcome, expected: "allowed" | "refused") => {
    tally.cells++;
    tally[expected]++;
    if (o.kind !== expected) failures.push(`${label}: expected ${expected}, got ${o.kind} (${o.detail})`);
    return o.kind === expected;
  };
  for (const target of e.targets) {
    await restoreSnapshot();
    const p = w.places[target];
    let cases = await build(p);
    let before = await fingerprint();
    for (const caller of CALLERS) {
      if (allowed(e, caller.role, target)) continue;
      for (const c of cases) {
        current = actorOf(caller.role);
        const o = await outcomeOf(c.call, c.refusedAlso);
        current = null;
        const label = cell(caller.label, target, c);
        check(label, o, "refused");
        const changed = changedTables(before, await fingerprint());
        if (changed.length > 0) {
          failures.push(`${label}: a refused call wrote to ${changed.join(", ")}`);
          await restoreSnapshot();
          cases = await build(p);
          before = await fingerprint();
        }
      }
    }
    for (const caller of CALLERS) {
      if (!allowed(e, caller.role, target)) continue;
      const count = cases.length;
      for (let i = 0; i < count; i++) {
        await restoreSnapshot();
        const c = (await build(p))[i]!;
        const audits = await db.auditLog.count();
        current = actorOf(caller.role);
        const o = await outcomeOf(c.call, c.refusedAlso);
        current = null;
        const label = cell(caller.label, target, c);
        if (check(label, o, "allowed") && isAction && c.audited !== false && (await db.auditLog.count()) <= audits) {
          failures.push(`${label}: allowed, but no audit row was written`);
        }
      }
    }
  }
  return failures;
}

describe("server actions", () => {
  for (const [name, e] of Object.entries(ACTIONS).sort(([a], [b]) => a.localeCompare(b))) {
    it(name, async () => {
      const builder = ACTION_CELLS[name];
      if (!builder || !fns[name]) throw new Error(`${name}: no builder or no such action (see "the matrix covers the code")`);
      const failures = await runEntry(name, e, async (p) => asList(await builder(p, w, fns)), true);
      expect(failures).toEqual([]);
    }, 120_000);
  }
});

describe("data routes", () => {
  for (const [key, e] of Object.entries(ROUTES).sort(([a], [b]) => a.localeCompare(b))) {
    if ("excluded" in e) continue;
    it(key, async () => {
      const route = discoveredRoutes.find((r) => r.key === key);
      const builder = ROUTE_CELLS[key];
      if (!route || !builder) throw new Error(`${key}: no such route or no builder`);
      const mod = (await import(/* @vite-ignore */ `${ROOT}/${route.file}`)) as Record<string, unknown>;
      const handler = mod[route.method] as Parameters<typeof builder>[2];
      const failures = await runEntry(key, e, async (p) => asList(await builder(p, w, handler)), false);
      expect(failures).toEqual([]);
    }, 120_000);
  }
});

describe("IDOR: an id swapped for another hamlet's or another commune's", () => {
  for (const idor of IDOR_CASES) {
    it(idor.name, async () => {
      await restoreSnapshot();
      const c = await idor.build(w, fns);
      const before = await fingerprint();
      current = actorOf(idor.role);
      const o = await outcomeOf(c.call, c.refusedAlso);
      current = null;
      tally.cells++;
      tally.refused++;
      tally.idor++;
      expect(o.kind, o.detail).toBe("refused");
      expect(changedTables(before, await fingerprint())).toEqual([]);
    });
  }
});

// Sanity: the mock answers as the real module would for nobody signed in.
it("the session stand-in has no actor between cells", async () => {
  expect(await getActor()).toBeNull();
});
