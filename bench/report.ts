// bench/results.json and the generated part of BENCHMARKS.md. Figures of other sizes stay from earlier runs, so
// running each size in turn fills the table; the hand-written part of BENCHMARKS.md (the changes and their
// before/after figures) is kept as it is.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../scripts/db-lib.mjs";
import type { Figure } from "./cases";
import type { DatasetInfo } from "./db";

const RESULTS = path.join(ROOT, "bench", "results.json");
const MARKDOWN = path.join(ROOT, "BENCHMARKS.md");
const START = "<!-- bench:generated:start -->";
const END = "<!-- bench:generated:end -->";

type Stored = { generatedAt: string; machine: Record<string, string>; datasets: Record<string, DatasetInfo & { measuredAt: string }>; figures: Figure[] };

const META = path.join(ROOT, "bench", "results.meta.json");

/** What earlier runs measured: results.meta.json keeps every figure whole (runs, notes) beside the datasets. */
export function loadStored(): Stored | null {
  if (!fs.existsSync(META)) return null;
  return JSON.parse(fs.readFileSync(META, "utf8")) as Stored;
}

export function machine(pgVersion: string): Record<string, string> {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? "?"} × ${cpus.length}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: pgVersion,
  };
}

/** Whether a figure meets its goal ("<=1.5", ">=90", "==0", ">0"): on the ratio when there is one, else the value. */
export function meets(f: Figure): boolean {
  const m = /^(<=|>=|==|<|>)(-?[\d.]+)$/.exec(f.goal);
  if (!m) return false;
  const value = f.ratio ?? f.median_ms;
  const limit = Number(m[2]);
  return m[1] === "<=" ? value <= limit : m[1] === ">=" ? value >= limit : m[1] === "==" ? value === limit : m[1] === "<" ? value < limit : value > limit;
}

const fmt = (n: number | null, digits = 1) => (n === null ? "—" : n >= 100 || Number.isInteger(n) ? Math.round(n).toLocaleString("en") : n.toFixed(digits));

function table(figures: Figure[]): string {
  const rows = figures.map((f) => `| ${f.name} | ${f.size} | ${fmt(f.median_ms)} ${f.unit} | ${f.floor_ms === null ? "—" : `${fmt(f.floor_ms)} ms`} | ${f.ratio === null ? "—" : `${f.ratio.toFixed(2)}×`} | ${f.goal} | ${meets(f) ? "đạt" : "**chưa đạt**"} | ${f.runs} | ${f.note ?? ""} |`);
  return ["| figure | size | median | floor | ratio | goal | | runs | note |", "|---|---|---|---|---|---|---|---|---|", ...rows].join("\n");
}

export function save(next: Figure[], dataset: DatasetInfo, machineInfo: Record<string, string>): Stored {
  const stored = loadStored();
  const keyOf = (f: Figure) => `${f.name}@${f.size}`;
  const fresh = new Set(next.map(keyOf));
  const figures = [...(stored?.figures ?? []).filter((f) => !fresh.has(keyOf(f))), ...next];
  const order = ["commune", "district", "province", "commune→province"];
  figures.sort((a, b) => order.indexOf(a.size) - order.indexOf(b.size) || a.name.localeCompare(b.name));
  const all: Stored = {
    generatedAt: new Date().toISOString(),
    machine: machineInfo,
    datasets: { ...(stored?.datasets ?? {}), [dataset.size]: { ...dataset, measuredAt: new Date().toISOString() } },
    figures,
  };
  fs.writeFileSync(RESULTS, `${JSON.stringify(figures.map(({ name, size, median_ms, floor_ms, ratio, goal, unit }) => ({ name, size, median_ms, floor_ms, ratio, goal, unit })), null, 2)}\n`);
  fs.writeFileSync(META, `${JSON.stringify(all, null, 2)}\n`);
  writeMarkdown(all);
  return all;
}

function writeMarkdown(all: Stored): void {
  const sizes = Object.values(all.datasets).sort((a, b) => (a.counts.Household ?? 0) - (b.counts.Household ?? 0));
  const datasetRows = sizes.map((d) => `| ${d.size} | ${(d.counts.Commune ?? 0) - 0} | ${fmt(d.counts.Hamlet ?? 0)} | ${fmt(d.counts.Household ?? 0)} | ${fmt(d.counts.HouseholdMember ?? 0)} | ${fmt(d.counts.Assessment ?? 0)} | ${fmt(d.counts.TitleAward ?? 0)} | ${fmt(Object.values(d.counts).reduce((a, b) => a + b, 0))} | ${d.seed} | ${d.seconds.toFixed(0)} s | ${d.measuredAt.slice(0, 10)} |`);
  const generated = [
    START,
    `_Written by \`npm run bench\` on ${all.generatedAt.slice(0, 16).replace("T", " ")} UTC. Medians of the runs shown; the ratio (app ÷ floor) is the figure to trust._`,
    "",
    "### Machine",
    "",
    ...Object.entries(all.machine).map(([k, v]) => `- ${k}: ${v}`),
    "",
    "### Datasets (`npm run bench:data -- --size …`)",
    "",
    "| size | communes | hamlets | households | members | assessments | awards | all rows | seed | generated in | measured |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...datasetRows,
    "",
    "### Figures",
    "",
    table(all.figures),
    END,
  ].join("\n");
  const current = fs.existsSync(MARKDOWN) ? fs.readFileSync(MARKDOWN, "utf8") : `# Benchmarks\n\n${START}\n${END}\n`;
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const updated = start >= 0 && end > start ? `${current.slice(0, start)}${generated}${current.slice(end + END.length)}` : `${current}\n${generated}\n`;
  fs.writeFileSync(MARKDOWN, updated);
}
