import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { redirect } from "next/navigation";
import { ROLES, type Actor } from "@/lib/policy";
import { ACTIONS } from "./authz/expectations";
import { ACTION_CELLS } from "./authz/cells";
import { buildWorld, type MatrixWorld } from "./authz/world";
import { db } from "@/lib/db";
import { changedTables, closeDbState, dropSnapshot, fingerprint, restoreSnapshot, takeSnapshot, type Fingerprint } from "../support/db-state";
import { discoverActions, discoverRoutes, ROOT } from "../support/discover";
import { ROUTES } from "./authz/expectations";
import { hostileString, hostileValue, INTERNAL_TEXT, stringsIn } from "../support/hostile";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { resetDb } from "../factories";
import "../support/outcome";

// Property tests over every server action (found in the source tree): each is called with the valid arguments of
// its authorization-matrix cell, then mutated — fields replaced by hostile strings (100k characters, NUL and control
// characters, lone surrogates, SQL and HTML, impossible dates, unknown enum values, other communes' ids), fields
// dropped or repeated, deep and prototype-named keys added, a file where text belongs, thousands of keys, and bound
// arguments (ids, years, versions) of the wrong type or out of range — by the caller allowed to act there or by one who
// is not. Properties: the action answers with an ActionResult or a Next redirect, never throws, never says INTERNAL,
// never shows internal text (stack frames, driver or database errors), and a call that failed wrote nothing.

let current: Actor | null = null;
// The session is the one stand-in: the actor under test. The rest of the module is real (signing out reads the
// session cookie through next/headers, which is stood in for below and holds none).
vi.mock("@/lib/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/session")>()),
  getActor: vi.fn(async () => current),
  requireActor: vi.fn(async () => {
    if (!current) redirect("/login");
    return current;
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));
let ip = 0;
vi.mock("next/headers", () => ({
  headers: vi.fn(async () => new Headers({ "x-forwarded-for": `203.0.113.${++ip % 250}` })),
  cookies: vi.fn(async () => ({ get: () => undefined, getAll: () => [] })),
}));

const actions = await discoverActions();
const fns = Object.fromEntries(actions.map((a) => [a.name, a.fn]));

/** Runs per action: 20 keeps the file near 40 s on an idle machine; raise FUZZ_RUNS for a longer hunt. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
/** FUZZ_SEED replays a failure's seed (printed with it); run the one action's test with `-t <action>`. */
const SEED = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {};

let w: MatrixWorld;
let cases = 0;
let rebuilds = 0;
let ids: string[] = [];

beforeAll(async () => {
  await resetDb();
  w = await buildWorld();
  await takeSnapshot();
  const z = w.places.otherCommune;
  const b = w.places.otherHamlet;
  ids = [
    z.hamlet.id, z.households[0].id, z.households[0].memberId, z.y2024.id, z.agency.id, z.officer.id, z.commune.id,
    b.hamlet.id, b.households[0].id, b.households[0].memberId, randomUUID(), randomUUID().toUpperCase(),
  ];
}, 120_000);

afterAll(async () => {
  console.info(`[action-fuzz] ${cases} hostile calls to ${actions.length} server actions (${rebuilds} rebuilds after an accepted call)`);
  await dropSnapshot();
  await closeDbState();
});

type Captured = { name: string; args: unknown[] };

/** The valid calls of an action's matrix cell at the caller's own hamlet, as argument lists (nothing is called). */
async function validCalls(name: string): Promise<Captured[]> {
  const captured: Captured[] = [];
  const capture = new Proxy({}, {
    get: (_t, prop: string) => async (...args: unknown[]) => {
      captured.push({ name: prop, args });
      return undefined;
    },
  }) as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const built = await ACTION_CELLS[name]!(w.places.ownHamlet, w, capture);
  for (const c of Array.isArray(built) ? built : [built]) await c.call();
  return captured;
}

type Mutation =
  | { kind: "field"; index: number; value: string }
  | { kind: "allFields"; value: string }
  | { kind: "drop"; index: number }
  | { kind: "repeat"; index: number; value: string }
  | { kind: "add"; key: string; value: string }
  | { kind: "file"; index: number }
  | { kind: "manyKeys" }
  | { kind: "bound"; index: number; value: unknown }
  | { kind: "notAForm"; value: unknown };

const KEYS = [
  "members.999.fullName", "members.0.relationship", "members.-1.fullName", "members.0.fullName.x", "criteria.__proto__.value",
  "criteria.constructor.isMet", "criteria.I.1.isMet", "votes.__proto__.votesFor", "reviewIds", "awardIds", "hamletAwardIds", "intent", "version",
  "year", "mode", "hamletId", "householdId", "memberId", "agencyId", "role", "communeId", "status", "$ACTION_ID_0123", "__proto__", "constructor",
  "k".repeat(5000),
];

function mutation(): fc.Arbitrary<Mutation> {
  const value = hostileString(ids);
  const index = fc.nat({ max: 40 });
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant("field" as const), index, value }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("allFields" as const), value }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("drop" as const), index }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("repeat" as const), index, value }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("add" as const), key: fc.constantFrom(...KEYS), value }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("file" as const), index }) },
    { weight: 1, arbitrary: fc.constant({ kind: "manyKeys" as const }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("bound" as const), index, value: fc.oneof(hostileValue(ids), fc.constantFrom(...ids)) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("notAForm" as const), value: hostileValue(ids) }) },
  );
}

function apply(args: unknown[], mutations: Mutation[]): unknown[] {
  const out = args.map((a) => {
    if (!(a instanceof FormData)) return a;
    const copy = new FormData();
    for (const [k, v] of a.entries()) copy.append(k, v);
    return copy;
  });
  const formAt = out.findIndex((a) => a instanceof FormData);
  const bound = out.map((a, i) => i).filter((i) => !(out[i] instanceof FormData) && out[i] !== null);
  for (const m of mutations) {
    const form = formAt >= 0 && out[formAt] instanceof FormData ? out[formAt] : null;
    const entries = form ? [...form.entries()] : [];
    const rebuild = (next: [string, FormDataEntryValue][]) => {
      const f = new FormData();
      for (const [k, v] of next) f.append(k, v);
      out[formAt] = f;
    };
    switch (m.kind) {
      case "field":
        if (entries.length > 0) rebuild(entries.map(([k, v], i) => [k, i === m.index % entries.length ? m.value : v]));
        break;
      case "allFields":
        if (form) rebuild(entries.map(([k]) => [k, m.value]));
        break;
      case "drop":
        if (entries.length > 0) rebuild(entries.filter((_e, i) => i !== m.index % entries.length));
        break;
      case "repeat":
        if (form && entries.length > 0) form.append(entries[m.index % entries.length]![0], m.value);
        break;
      case "add":
        form?.append(m.key, m.value);
        break;
      case "file":
        if (entries.length > 0) rebuild(entries.map(([k, v], i) => [k, i === m.index % entries.length ? new File(["=1+1"], "x.xlsx") : v]));
        break;
      case "manyKeys":
        for (let i = 0; i < 3000; i++) form?.append(`members.${i % 1000}.fullName`, "Lò Văn A");
        break;
      case "bound":
        if (bound.length > 0) out[bound[m.index % bound.length]!] = m.value;
        break;
      case "notAForm":
        if (formAt >= 0) out[formAt] = m.value;
        break;
    }
  }
  return out;
}

/** The roles the table lets act on the caller's own hamlet or commune (nobody for a public action). */
function allowedRoles(name: string): (string | null)[] {
  const e = ACTIONS[name]!;
  if (e.isPublic) return [null];
  return Object.entries(e.allow).filter(([, targets]) => targets.includes("ownHamlet") || targets.includes("own")).map(([role]) => role);
}

/** fast-check's report with every long string cut: a 100k-character counterexample would bury the failure. */
function shortReport<T>(details: fc.RunDetails<T>) {
  if (!details.failed) return;
  const cut = (text: string) => text.replace(/"((?:[^"\\]|\\.){120})(?:[^"\\]|\\.)*"/g, '"$1…"');
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`${cut(cause).slice(0, 1500)}\n${cut(fc.defaultReportMessage(details) ?? "").slice(0, 2500)}`);
}

/**
 * A message may quote what the caller typed ("Tiêu chuẩn NaN không có trong bộ…" for a tampered code "NaN"): that is
 * the caller's own text, not the app's internals. Cut the injected values out before looking for internal text.
 */
function withoutEchoes(text: string, mutations: Mutation[]): string {
  const injected = mutations.flatMap((m) => ("value" in m && typeof m.value === "string" ? [m.value, m.value.trim()] : []));
  return injected.filter((v) => v.length >= 2).reduce((rest, v) => rest.split(v).join(""), text);
}

const ERROR_CODES = ["INVALID_INPUT", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "RULE_VIOLATION"];

/**
 * An accepted import confirmation keeps writing in the background of this process (as in the server): wait for it
 * to end before the snapshot comes back, or its late writes would land in the restored database.
 */
async function settleThenRestore() {
  for (let i = 0; i < 400 && (await db.householdImport.count({ where: { status: "RUNNING" } })) > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await restoreSnapshot();
}

describe("every server action under hostile input", () => {
  it("has a valid call to start from", () => {
    expect(actions.filter((a) => !ACTION_CELLS[a.name] || !ACTIONS[a.name]).map((a) => a.name)).toEqual([]);
  });

  for (const { name } of actions) {
    it(name, async () => {
      const mine = allowedRoles(name);
      const callers = [...mine, ...mine, ...mine, ...ROLES.filter((r) => !mine.includes(r)), null];
      let dirty = true;
      let calls: Captured[] = [];
      let before: Fingerprint = {};
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.array(mutation(), { minLength: 1, maxLength: 3 }), fc.constantFrom(...callers), async (pick, mutations, role) => {
          if (dirty) {
            rebuilds++;
            await settleThenRestore();
            calls = await validCalls(name);
            before = await fingerprint();
            dirty = false;
          }
          const base = calls[pick % calls.length]!;
          const args = apply(base.args, mutations);
          cases++;
          current = role === null ? null : w.actors[role]!;
          let value: unknown;
          try {
            value = await fns[base.name]!(...args);
          } catch (error) {
            current = null;
            if (isRedirectError(error)) {
              dirty = true;
              return;
            }
            throw new Error(`${name} threw ${(error as Error)?.name}: ${(error as Error)?.message}`);
          } finally {
            current = null;
          }
          const result = value as { ok?: unknown; code?: unknown; message?: unknown; fieldErrors?: unknown };
          expect(typeof result?.ok, `${name} returned ${JSON.stringify(value)?.slice(0, 200)}`).toBe("boolean");
          if (result.ok) {
            dirty = true;
            return;
          }
          expect(ERROR_CODES, `${name} answered ${String(result.code)}: ${String(result.message)}`).toContain(result.code);
          const texts = [String(result.message), ...stringsIn(result.fieldErrors).map((s) => s.value)];
          const own = texts.map((t) => withoutEchoes(t, mutations));
          expect(texts.filter((_t, i) => INTERNAL_TEXT.test(own[i]!)), `${name}: internal text in the answer: ${texts.join(" | ").slice(0, 300)}`).toEqual([]);
          expect(changedTables(before, await fingerprint()), `${name}: a failed call (${String(result.code)}) wrote`).toEqual([]);
        }),
        { numRuns: RUNS, endOnFailure: true, reporter: shortReport, ...SEED },
      );
    }, 120_000);
  }
});

describe("every data route under hostile URLs", () => {
  const routes = discoverRoutes().filter((r) => { const e = ROUTES[r.key]; return e && !("excluded" in e); });
  for (const route of routes) {
    it(route.key, async () => {
      const mod = (await import(/* @vite-ignore */ `${ROOT}/${route.file}`)) as Record<string, (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>>;
      const params = [...route.path.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
      const value = fc.oneof(hostileString(ids), fc.constantFrom(...ids, "2024", "99999999999", "0000"));
      await fc.assert(
        fc.asyncProperty(fc.tuple(...params.map(() => value)), fc.option(fc.tuple(fc.constantFrom("format", "year", "page"), value)), fc.constantFrom("OFFICER", "HAMLET_HEAD", "COMMITTEE", null), async (values, query, role) => {
          cases++;
          const url = new URL(`http://localhost${route.path.replace(/\[[^\]]+\]/g, "x")}`);
          if (query) url.searchParams.set(query[0], query[1]);
          current = role === null ? null : w.actors[role]!;
          let response: Response;
          try {
            response = await mod[route.method]!(new Request(url), { params: Promise.resolve(Object.fromEntries(params.map((p, i) => [p, values[i]!]))) });
          } finally {
            current = null;
          }
          expect(response.status, `${route.key} answered ${response.status}`).toBeLessThan(500);
          if (response.status >= 400) {
            const body = await response.text();
            // The JSON API answers { "error": "<message>" }: the key is not a leak, the message is what is read.
            const message = response.headers.get("content-type")?.includes("json") ? String((JSON.parse(body) as { error?: unknown }).error) : body;
            expect(message, `${route.key} ${response.status}`).not.toMatch(INTERNAL_TEXT);
          }
        }),
        { numRuns: 15, reporter: shortReport },
      );
    }, 60_000);
  }
});

describe("regressions found by the fuzzer", () => {
  async function asCaller<T>(role: string | null, work: () => Promise<T>): Promise<T> {
    current = role === null ? null : w.actors[role]!;
    try {
      return await work();
    } finally {
      current = null;
    }
  }

  /**
   * Calls every action's valid calls with one argument replaced by each of `values` (at the positions `positions`
   * picks), as a role allowed to call it; `refused` judges each answer. Nothing may be written. Answers the failures.
   */
  async function everyActionWith(
    values: unknown[], positions: (args: unknown[]) => number[], refused: (result: unknown) => boolean,
  ): Promise<string[]> {
    const failures: string[] = [];
    for (const { name } of actions) {
      await settleThenRestore();
      const calls = await validCalls(name);
      const before = await fingerprint();
      for (const call of calls) {
        for (const at of positions(call.args)) {
          for (const value of values) {
            const args = call.args.map((a, i) => (i === at ? value : a));
            const result = await asCaller(allowedRoles(name)[0] ?? null, () =>
              fns[call.name]!(...args).catch((e: unknown) => ({ threw: isRedirectError(e) ? "REDIRECT" : (e as Error).message })));
            if (!refused(result)) failures.push(`${name} argument ${at}: ${JSON.stringify(result).slice(0, 200)}`);
          }
        }
      }
      const changed = changedTables(before, await fingerprint());
      if (changed.length > 0) failures.push(`${name}: wrote to ${changed.join(", ")}`);
    }
    return failures;
  }
  const codeOf = (result: unknown) => (result as { code?: string }).code;

  // React decodes a server action's arguments from the request with whatever types the caller sent: a string where
  // the form belongs threw a TypeError (a 500) in every action before it read a field.
  it("every action answers a value that is not a FormData where its form belongs with INVALID_INPUT, writing nothing", async () => {
    const failures = await everyActionWith(
      ["x", null, {}, [["headName", "x"]], 42],
      (args) => args.flatMap((a, i) => (a instanceof FormData ? [i] : [])),
      (result) => codeOf(result) === "INVALID_INPUT",
    );
    expect(failures).toEqual([]);
  }, 120_000);

  // A bound year that could not become a string passed the use case (which never read it) and threw in the redirect
  // after the write had committed. Every bound argument of every action, in turn, gets values no template can print.
  it("every bound argument that cannot become a string is refused before anything is written", async () => {
    const failures = await everyActionWith(
      [Object.create(null), { toString: "x", valueOf: 1 }],
      (args) => args.flatMap((a, i) => (a === null || a instanceof FormData ? [] : [i])),
      (result) => codeOf(result) !== undefined && codeOf(result) !== "INTERNAL",
    );
    expect(failures).toEqual([]);
  }, 180_000);

  // An id bound by the page came back as an array or an object: isUuid stringified it (["<uuid>"] passed) and Prisma
  // or String() threw inside the use case, answered INTERNAL.
  it.each([
    ["an array holding a real id", (id: string) => [id]],
    ["an object that cannot become a string", () => ({ toString: "x", valueOf: 1 })],
    ["a number", () => 12],
  ])("an id bound as %s names no row", async (_label, as) => {
    await settleThenRestore();
    const p = w.places.ownHamlet;
    const calls = await validCalls("publishCriteriaSetAction");
    const setId = calls[0]!.args[0] as string;
    const before = await fingerprint();
    const results = await asCaller("OFFICER", async () => [
      await fns.publishCriteriaSetAction!(as(setId)),
      await fns.updateHouseholdAction!(as(p.households[0].id), null, new FormData()),
      await fns.deleteViolationAction!(as(p.households[0].id)),
      await fns.updateHamletAction!(as(p.hamlet.id), null, Object.assign(new FormData(), {})),
    ]);
    for (const r of results) expect((r as { code: string }).code).not.toBe("INTERNAL");
    expect((results[0] as { code: string }).code).toBe("NOT_FOUND");
    expect((results[2] as { code: string }).code).toBe("NOT_FOUND");
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });

  // A version or a year beyond PostgreSQL's integer range reached a where clause: the driver threw (INTERNAL).
  it("a row version beyond the integer range is an invalid field with a Vietnamese message, not an internal error", async () => {
    await settleThenRestore();
    const p = w.places.ownHamlet;
    const form = new FormData();
    for (const [k, v] of Object.entries({ name: "Xóm Đổi Tên", kind: "XOM", version: "2147483648" })) form.append(k, v);
    const before = await fingerprint();
    const result = (await asCaller("OFFICER", () => fns.updateHamletAction!(p.hamlet.id, null, form))) as { code: string; fieldErrors: Record<string, string[]> };
    expect(result.code).toBe("INVALID_INPUT");
    // The version is a hidden field: its error has no field of its own to sit next to.
    expect(result.fieldErrors._form).toEqual(["Phiên bản dữ liệu của trang không hợp lệ, vui lòng tải lại trang."]);
    const unregister = (await asCaller("OFFICER", () => fns.unregisterAgencyAction!(2024, p.agency.id, 2 ** 31, null, new FormData()))) as { code: string };
    expect(unregister.code).toBe("INVALID_INPUT");
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });

  // A year bound as something that is no number at all (an object without a prototype cannot even become a string)
  // reached the schema builder for the meeting date and threw there (INTERNAL).
  it.each<[string, unknown]>([
    ["2147483648", 2 ** 31],
    ["-2147483649", -(2 ** 31) - 1],
    ["1e300", 1e300],
    ["2^53", 2 ** 53],
    ["an object without a prototype", Object.create(null)],
    ["the string \"2024\"", "2024"],
    ["2024.5", 2024.5],
  ])("a bound year of %s finds no campaign year", async (_label, year) => {
    await settleThenRestore();
    const p = w.places.ownHamlet;
    const form = (fields: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.append(k, v);
      return f;
    };
    const before = await fingerprint();
    const results = await asCaller("OFFICER", async () => [
      await fns.registerHamletAction!(year, p.hamlet.id, null, form({ registeredOn: "2024-02-01" })),
      await fns.saveCouncilAction!(year, null, form({ meetingDate: "2024-12-10", meetingPlace: "Hội trường", chairName: "A", secretaryName: "B", membersTotal: "9", membersPresent: "7" })),
      await fns.registerAgencyAction!(year, null, form({ agencyId: p.agency.id, registeredOn: "2024-02-01" })),
      await fns.saveMeetingAction!(year, p.hamlet.id, null, form({
        meetingDate: "2024-11-05", meetingPlace: "Nhà văn hóa", chairName: "A", secretaryName: "B", invitedCount: "20", presentCount: "15", ballotMethod: "SHOW_OF_HANDS",
      })).catch((e: unknown) => ({ code: isRedirectError(e) ? "REDIRECT" : "THREW" })),
    ]);
    expect(results.map((r) => (r as { code: string }).code)).toEqual(["NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"]);
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });
});
