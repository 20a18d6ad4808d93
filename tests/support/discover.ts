import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Finds the app's entry points by reading the source tree, so a test that covers "every server action", "every data
// route" or "every schema" covers the ones added tomorrow too: a new one shows up here before anyone lists it.

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const SOURCE_DIRS = ["app", "components", "lib"];
const SKIP_DIRS = new Set(["node_modules", "generated", ".next", ".data"]);

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(ts|tsx|js|jsx|mjs)$/.test(entry.name)) out.push(full);
  }
  return out;
}

export const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

/** Every source file of the app (not tests, not generated code). */
export function sourceFiles(): string[] {
  return SOURCE_DIRS.flatMap((d) => walk(path.join(ROOT, d))).sort();
}

/** The source without its leading comments and blank lines. */
function head(text: string): string {
  let rest = text;
  for (;;) {
    const trimmed = rest.replace(/^\s+/, "");
    if (trimmed.startsWith("//")) rest = trimmed.slice(trimmed.indexOf("\n") + 1 || trimmed.length);
    else if (trimmed.startsWith("/*")) rest = trimmed.slice(trimmed.indexOf("*/") + 2);
    else return trimmed;
  }
}

const USE_SERVER = /^(["'])use server\1/;

/** Modules whose first statement is the 'use server' directive: every export is a server action (a public endpoint). */
export function serverActionFiles(): string[] {
  return sourceFiles().filter((f) => USE_SERVER.test(head(fs.readFileSync(f, "utf8"))));
}

/**
 * Files with a 'use server' directive anywhere else (an inline server action inside a component). The matrix cannot
 * import those one by one, so their existence is itself a failure the test reports by file.
 */
export function inlineServerActionFiles(): string[] {
  const modules = new Set(serverActionFiles());
  return sourceFiles().filter((f) => !modules.has(f) && /(["'])use server\1/.test(fs.readFileSync(f, "utf8")));
}

export type DiscoveredAction = { name: string; file: string; fn: (...args: unknown[]) => Promise<unknown> };

/** Imports every server-action module and returns each exported function, keyed by its name. */
export async function discoverActions(): Promise<DiscoveredAction[]> {
  const found: DiscoveredAction[] = [];
  for (const file of serverActionFiles()) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function") throw new Error(`${rel(file)} exports "${name}", which is not a function: a 'use server' module may only export async functions.`);
      found.push({ name, file: rel(file), fn: value as DiscoveredAction["fn"] });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export type DiscoveredRoute = { file: string; path: string; method: string; key: string };

/** "/api/documents/minutes/[reviewId]" for app/api/documents/minutes/[reviewId]/route.ts (route groups dropped). */
export function routePathOf(file: string): string {
  const dir = path.dirname(rel(file)).replace(/^app/, "");
  return dir.split("/").filter((s) => s !== "" && !/^\(.*\)$/.test(s)).map((s) => `/${s}`).join("") || "/";
}

/** Every HTTP handler of every app/**\/route.ts, read from the source (so a route is found without importing it). */
export function discoverRoutes(): DiscoveredRoute[] {
  const routes: DiscoveredRoute[] = [];
  for (const file of walk(path.join(ROOT, "app")).filter((f) => /\/route\.(ts|js)$/.test(f))) {
    const text = fs.readFileSync(file, "utf8");
    const methods = new Set<string>();
    for (const m of text.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g)) methods.add(m[1]!);
    for (const m of text.matchAll(/export\s*\{([^}]*)\}/g)) {
      for (const part of m[1]!.split(",")) {
        const name = part.trim().split(/\s+as\s+/).pop()?.trim();
        if (name) methods.add(name);
      }
    }
    const p = routePathOf(file);
    for (const method of [...methods].filter((m) => (HTTP_METHODS as readonly string[]).includes(m)).sort()) {
      routes.push({ file: rel(file), path: p, method, key: `${method} ${p}` });
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}

/** lib/**\/schema.ts: the modules whose zod exports are the app's input schemas. */
export function schemaFiles(): string[] {
  return walk(path.join(ROOT, "lib")).filter((f) => /\/schema\.ts$/.test(f)).sort();
}
