// Paging and list filters read from the URL; the database does the paging.

export const PAGE_SIZE = 20;

export type Page<T> = { items: T[]; total: number; page: number; pageCount: number; pageSize: number };

type Params = Record<string, string | string[] | undefined>;

export function param(params: Params, key: string): string | undefined {
  const value = params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first && first.trim() !== "" ? first.trim().slice(0, 200) : undefined;
}

export function pageParam(params: Params): number {
  const n = Number(param(params, "page") ?? "1");
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

export function pageArgs(page: number, pageSize = PAGE_SIZE) {
  return { skip: (page - 1) * pageSize, take: pageSize };
}

export function toPage<T>(items: T[], total: number, page: number, pageSize = PAGE_SIZE): Page<T> {
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)), pageSize };
}
