// Vietnamese text helpers shared by search, duplicate detection and the seed.

/** Folds Vietnamese accents and case: "Nguyễn Văn Ả" → "nguyen van a". Used for accent-insensitive search. */
export function foldText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The folded search term, with LIKE's wildcards escaped: Prisma's `contains` builds a LIKE pattern, and a typed
 * "%" or "_" must match itself, not anything.
 */
export function searchTerm(query: string | undefined): string {
  return query ? foldText(query).replace(/[\\%_]/g, (c) => `\\${c}`) : "";
}

/** Joins the folded parts that a search should match, one space apart. */
export function searchTextOf(...parts: (string | null | undefined)[]): string {
  return parts.filter((p): p is string => !!p && p.trim() !== "").map(foldText).join(" ");
}

/** Keeps accents (Lan and Lân are different people) but ignores case and spacing. */
export function dedupeKeyOf(headName: string, address: string): string {
  const norm = (s: string) => s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  return `${norm(headName)}|${norm(address)}`;
}

/** Collapses inner whitespace and trims; NFC so composed and decomposed input compare equal. */
export function cleanText(value: string): string {
  return value.normalize("NFC").replace(/\s+/g, " ").trim();
}

const collator = new Intl.Collator("vi", { sensitivity: "base" });
export const compareVi = (a: string, b: string): number => collator.compare(a, b);

/**
 * A well-formed UUID: ids from URLs and forms are checked before they reach a uuid column. Bound arguments of a server
 * action arrive with any type, so anything but a string is not one (RegExp.test would stringify an array or object).
 */
export const isUuid = (value: unknown): value is string =>
  typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
