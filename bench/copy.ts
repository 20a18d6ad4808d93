// COPY … FROM STDIN in PostgreSQL's text format: the bulk path of the data generator and of the import floor.

import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export type Cell = string | number | boolean | null | undefined | Date | readonly (string | number)[];

const escapeText = (s: string) => s.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));

/** One cell in COPY text format: NULL is \N, dates are ISO timestamps, arrays are `{a,b}` of plain codes. */
export function cell(value: Cell): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "string") return escapeText(value);
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (value instanceof Date) return value.toISOString();
  return `{${value.map((v) => String(v)).join(",")}}`;
}

export const line = (values: readonly Cell[]): string => `${values.map(cell).join("\t")}\n`;

/** Streams `lines` into `table (columns)` with one COPY; returns how many rows went in. */
export async function copyLines(client: pg.ClientBase, table: string, columns: readonly string[], lines: Iterable<string> | AsyncIterable<string>): Promise<number> {
  let rows = 0;
  const counted = async function* () {
    let batch = "";
    for await (const l of lines) {
      rows++;
      batch += l;
      if (batch.length > 1 << 16) {
        yield batch;
        batch = "";
      }
    }
    if (batch) yield batch;
  };
  const sql = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
  await pipeline(Readable.from(counted()), client.query(copyFrom(sql)));
  return rows;
}
