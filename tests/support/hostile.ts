import fc from "fast-check";

// Hostile inputs for the property tests: what an attacker, a broken client or a careless paste sends. Strings are
// kept free of the words the tests look for in messages ("undefined", "null", "Error"), so a hit there is the
// app's own text, never an echo.

const HUGE = 100_000;

/** Built once: 100k-character strings of different kinds. */
export const HUGE_STRINGS = [
  "a".repeat(HUGE),
  "Nguyễn Văn Ấn ".repeat(HUGE / 14),
  "<".repeat(HUGE),
  "9".repeat(HUGE),
  "\u0000".repeat(1000) + "x".repeat(HUGE - 1000),
  "\uD800".repeat(HUGE),
  "\n".repeat(HUGE),
];

export const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u0007\u0008\u001b[31m",
  "\r\n\t",
  "\uD800",
  "x\uDFFFy",
  "\uFEFF\u200B\u202Etxet",
  "😀👨‍👩‍👧",
  "'; DROP TABLE \"Household\"; --",
  "' OR '1'='1",
  "1; SELECT pg_sleep(5)",
  "\\' \\\" \\\\",
  "%00%27",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "{{7*7}}${7*7}",
  "../../etc/passwd",
  '=HYPERLINK("http://evil","x")',
  "+cmd|' /C calc'!A0",
  "@SUM(A1:A9)",
  "-1",
  "0",
  "-0",
  "1e309",
  "Infinity",
  "-Infinity",
  "NaN",
  "2147483648",
  "9007199254740993",
  "99999999999999999999999999",
  "0x1F",
  "1.5",
  " 12 ",
  "１２",
  "2024-02-30",
  "0000-00-00",
  "2024-13-01",
  "2024-00-10",
  "9999-12-31",
  "2024-1-1",
  "2024-02-29T00:00:00Z",
  "31/12/2024",
  "__proto__",
  "constructor",
  "toString",
  "ADMIN",
  "HAMLET_HEAD",
  "ACHIEVED",
  "E5",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "3F2504E0-4F89-11D3-9A0C-0305E82C3301",
  "3f2504e0-4f89-11d3-9a0c-0305e82c3301\n",
  "not-a-uuid",
  "register:00000000-0000-0000-0000-000000000000",
  "unregister:",
  "all ",
  "on",
  "true",
];

/** A hostile string: a known attack, a random one (any code units, lone surrogates included), or a 100k monster. */
export function hostileString(extra: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS, ...extra) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), maxLength: 8 }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_STRINGS, ...extra), fc.string({ maxLength: 10 })).map(([a, b]) => a + b) },
    { weight: 1, arbitrary: fc.constantFrom(...HUGE_STRINGS) },
  );
}

const hostileNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 31) - 1, 1e300, Number.MIN_VALUE, 2024),
  fc.integer(),
  fc.double(),
);

/** Any value of the wrong kind: numbers, booleans, nulls, arrays, nested objects, dates, bigints, hostile strings. */
export function hostileValue(extra: readonly string[] = []): fc.Arbitrary<unknown> {
  const str = hostileString(extra);
  return fc.oneof(
    { weight: 4, arbitrary: str },
    { weight: 2, arbitrary: hostileNumber },
    { weight: 1, arbitrary: fc.constantFrom(true, false, null, undefined, 10n ** 30n, new Date(NaN), new Date("2024-02-30"), new Date(8.64e15)) },
    { weight: 1, arbitrary: fc.array(str, { maxLength: 5 }) },
    { weight: 1, arbitrary: fc.constantFrom(
      [], {}, [[[[[["deep"]]]]]], { __proto__: { isAdmin: true } }, Object.create(null), { toString: "x", valueOf: 1 },
      JSON.parse('{"__proto__": {"polluted": 1}}'), Array.from({ length: 2000 }, () => "a"),
    ) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
  );
}

/** A plain object with (some of) `keys`, each holding a hostile value, plus sometimes an unknown key. */
export function hostileRecord(keys: readonly string[], extra: readonly string[] = []): fc.Arbitrary<Record<string, unknown>> {
  const value = hostileValue(extra);
  const shape = Object.fromEntries(keys.map((k) => [k, value]));
  return fc.tuple(fc.record(shape, { requiredKeys: [] }), fc.option(fc.tuple(fc.constantFrom("__proto__", "constructor", "x", ""), value)))
    .map(([rec, more]) => (more ? { ...rec, [more[0]]: more[1] } : rec));
}

/** Every string inside a value, with its path. */
export function stringsIn(value: unknown, path = "", out: { path: string; value: string }[] = [], seen = new Set<unknown>()): { path: string; value: string }[] {
  if (typeof value === "string") out.push({ path, value });
  else if (value && typeof value === "object" && !seen.has(value)) {
    seen.add(value);
    for (const [k, v] of Object.entries(value)) stringsIn(v, path ? `${path}.${k}` : k, out, seen);
  }
  return out;
}

/** Text that would tell an attacker about the internals: stack frames, driver and database errors, JS slips. */
export const INTERNAL_TEXT = /\n\s+at |\bat [\w.$<>]+ \(|Error\b|prisma|Invalid `|invalid input syntax|violates|constraint|ECONN|\bundefined\b|\bnull\b|\[object Object\]|\bNaN\b/i;
