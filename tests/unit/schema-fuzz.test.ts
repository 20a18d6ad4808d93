import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { utcDate } from "@/lib/dates";
import { reportFormToObject, votesFormToObject } from "@/lib/hamlet-title/schema";
import { isYear, MAX_INT4, versionField } from "@/lib/validation";
import { CreateUserInput, ResetPasswordInput, UpdateUserInput } from "@/lib/users/schema";
import { hostileRecord, hostileString, hostileValue, stringsIn } from "../support/hostile";
import { rel, schemaFiles } from "../support/discover";

// Property tests over every zod schema exported by lib/**/schema.ts (found by reading the tree, so a new schema is
// fuzzed without anyone listing it): fed thousands of hostile values — wrong types, huge and control-character
// strings, lone surrogates, SQL and HTML, impossible dates, unknown enum values, prototype keys — safeParse never
// throws, always answers, names every problem in words, and what it accepts carries no NUL into the database
// (PostgreSQL refuses it in text, which would turn a form post into a 500).

/** Arguments for the schema factories (`…InputFor`): a new factory must be added here, or the test says so. */
const FACTORY_ARGS: Record<string, unknown[][]> = {
  meetingInputFor: [[2024]],
  councilInputFor: [[2024]],
  violationInputFor: [[utcDate(2026, 1, 1)]],
  assessmentInputFor: [[{ ballotMethod: "SHOW_OF_HANDS", presentCount: 15 }], [{ ballotMethod: "CONSENSUS", presentCount: 0, registrationRequired: true }, false]],
  objectionInputFor: [[{ postedOn: utcDate(2024, 11, 6), endsOn: utcDate(2024, 11, 16) }]],
};

/** What a message shows when it was built from a value that did not parse. */
const BROKEN_VALUE = /\bNaN\b|Invalid Date|\bundefined\b|\[object /;

/** Fields that are never stored as text (hashed or compared only). */
const NOT_STORED = /(^|\.)(password|passwordConfirm)$/;

type Target = { name: string; schema: z.ZodType };
type FormReader = { name: string; read: (form: FormData) => unknown };

async function discoverSchemas(): Promise<{ targets: Target[]; unknownFactories: string[]; readers: FormReader[] }> {
  const targets: Target[] = [];
  const unknownFactories: string[] = [];
  const readers: FormReader[] = [];
  for (const file of schemaFiles()) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      const where = `${rel(file)}#${name}`;
      if (value instanceof z.ZodType) targets.push({ name: where, schema: value });
      else if (typeof value === "function" && /FormToObject$/.test(name)) readers.push({ name: where, read: value as FormReader["read"] });
      else if (typeof value === "function" && /InputFor$/.test(name)) {
        const args = FACTORY_ARGS[name];
        if (!args) unknownFactories.push(where);
        else args.forEach((a, i) => targets.push({ name: `${where}(${i})`, schema: (value as (...x: unknown[]) => z.ZodType)(...a) }));
      }
    }
  }
  return { targets, unknownFactories, readers };
}

/** The object shape under pipes, transforms and optionals, to aim values at real field names. */
function shapeKeys(schema: z.ZodType): string[] {
  let s: unknown = schema;
  for (let i = 0; i < 10 && s; i++) {
    const def = (s as { _zod?: { def?: { type?: string; shape?: Record<string, unknown>; in?: unknown; innerType?: unknown } } })._zod?.def;
    if (!def) return [];
    if (def.type === "object" && def.shape) return Object.keys(def.shape);
    s = def.type === "pipe" ? def.in : def.innerType;
  }
  return [];
}

const { targets, unknownFactories, readers } = await discoverSchemas();
let cases = 0;

// Tuned so the whole file stays near 10 s on the shared machine: 100k strings are costly to clean and match.
const RUNS = { any: 300, shaped: 500 };

afterAll(() => {
  console.info(`[schema-fuzz] ${cases} hostile inputs fed to ${targets.length} schemas`);
});

function check(schema: z.ZodType, input: unknown) {
  cases++;
  const result = schema.safeParse(input);
  expect(typeof result.success).toBe("boolean");
  if (!result.success) {
    expect(result.error.issues.length).toBeGreaterThan(0);
    for (const issue of result.error.issues) {
      expect(typeof issue.message === "string" && issue.message.length > 0).toBe(true);
      // A refinement that runs on a field which already failed puts the broken value in words ("năm NaN"). (A type
      // mismatch is zod's own Vietnamese fallback, which names the type it received.)
      if (issue.code !== "invalid_type") expect(issue.message, `message at ${issue.path.join(".")}`).not.toMatch(BROKEN_VALUE);
    }
    return;
  }
  const withNul = stringsIn(result.data).filter((s) => s.value.includes("\u0000") && !NOT_STORED.test(s.path));
  expect(withNul.map((s) => s.path), "accepted a NUL character in a stored field").toEqual([]);
}

describe("every exported schema", () => {
  it("is found, and every schema factory has arguments to build it with", () => {
    expect(unknownFactories, "add these factories to FACTORY_ARGS").toEqual([]);
    expect(targets.length).toBeGreaterThan(25);
  });

  for (const { name, schema } of targets) {
    it(`${name}: safeParse never throws on hostile input`, () => {
      fc.assert(fc.property(hostileValue(), (v) => check(schema, v)), { numRuns: RUNS.any });
      const keys = shapeKeys(schema);
      if (keys.length > 0) fc.assert(fc.property(hostileRecord(keys), (v) => check(schema, v)), { numRuns: RUNS.shaped });
      // Strings where strings belong, one field at a time, the others valid-looking but empty.
      for (const key of keys) fc.assert(fc.property(hostileString(), (s) => check(schema, { [key]: s })), { numRuns: 10 });
    });
  }
});

/** Keys a form reader looks for, and ones it should not trip over: deep indexes, prototype names, huge keys. */
const FORM_KEYS = [
  "headName", "hamletId", "members.0.fullName", "members.999.relationship", "members.-1.fullName", "members.0.fullName.x", "members.__proto__.fullName",
  "criteria.I.1.isMet", "criteria.__proto__.value", "criteria..note", "criteria.A.B.C.D.E.note", "votes.__proto__.votesFor", "votes.x.y.votesFor",
  "votes.00000000-0000-0000-0000-000000000000.votesFor", "planRefs.0.issuer", "planRefs.1000.number", "unmet", "exclusion", "met", "reviewIds", "awardIds",
  "year", "version", "__proto__", "constructor", "$ACTION_ID_abc", "k".repeat(10_000), "a\u0000b",
];

const PROTOTYPE_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

const hostileForm = fc.array(
  fc.tuple(fc.constantFrom(...FORM_KEYS), fc.oneof(hostileString(), fc.constant(new File(["x"], "a.xlsx")))),
  { maxLength: 30 },
).map((entries) => {
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  return form;
});

describe("every form reader (…FormToObject)", () => {
  it("is found", () => expect(readers.length).toBeGreaterThan(5));
  for (const { name, read } of readers) {
    it(`${name}: never throws on a hostile form`, () => {
      fc.assert(fc.property(hostileForm, (form) => {
        cases++;
        const value = read(form);
        expect(typeof value).toBe("object");
        // A key named after Object.prototype ("criteria.__proto__.value") must not reach the prototype.
        expect(Object.getOwnPropertyNames(Object.prototype).filter((k) => !PROTOTYPE_KEYS.has(k))).toEqual([]);
      }), { numRuns: 300 });
    });
  }
});

describe("regressions found by the fuzzer", () => {
  // 2^31 as a row version or a year reached an integer column's where clause, and the driver threw.
  it.each(["2147483648", "1e30", "NaN", "0", "-1", "1.5"])("versionField refuses %s with a Vietnamese message", (v) => {
    const r = versionField.safeParse(v);
    expect(r.success).toBe(false);
    expect([...new Set(r.error!.issues.map((i) => i.message))]).toEqual(["Phiên bản dữ liệu của trang không hợp lệ, vui lòng tải lại trang."]);
  });
  it("versionField accepts a version up to the integer column's maximum", () => {
    expect(versionField.parse("7")).toBe(7);
    expect(versionField.parse(String(MAX_INT4))).toBe(MAX_INT4);
  });
  it.each([[2024, true], [1, true], [9999, true], [0, false], [10_000, false], [2 ** 31, false], [1e300, false], [2024.5, false], ["2024", false], [NaN, false]])(
    "isYear(%j) is %s",
    (v, expected) => expect(isYear(v)).toBe(expected),
  );

  // A posted key "criteria.__proto__.value" or "votes.__proto__.votesFor" set a property on Object.prototype for the
  // whole server process (every later object "had" it: a denial of service at least).
  it.each([
    ["reportFormToObject", "criteria.__proto__.value", reportFormToObject],
    ["reportFormToObject", "criteria.constructor.note", reportFormToObject],
    ["votesFormToObject", "votes.__proto__.votesFor", votesFormToObject],
  ] as const)("%s does not let %s reach Object.prototype", (_name, key, read) => {
    const form = new FormData();
    form.append(key, "polluted");
    const value = read(form) as Record<string, Record<string, unknown>>;
    expect(Object.getOwnPropertyNames(Object.prototype).filter((k) => !PROTOTYPE_KEYS.has(k))).toEqual([]);
    expect(Object.hasOwn(Object, key.split(".")[2]!)).toBe(false);
    expect(Object.keys(value.criteria ?? value.votes ?? {})).toEqual([key.split(".")[1]]);
  });

  // The account schemas' cross-field checks run on every input ("always") and read fields of a non-object.
  it.each([null, undefined, "x", 1, []])("the account schemas answer %j without throwing", (input) => {
    for (const schema of [CreateUserInput, UpdateUserInput, ResetPasswordInput]) expect(schema.safeParse(input).success).toBe(false);
  });
});
