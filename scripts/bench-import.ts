// Measures the household import against PostgreSQL's COPY of the same rows:
//   npm run bench:import -- [--households 100000] [--runs 3]
// Starts its own embedded PostgreSQL in .data/pg-bench (port $VANHOA_BENCH_PG_PORT, default 54359; wiped at every
// start), generates a deterministic .xlsx in the commune's layout (cached in .data/bench/), then per run:
// stage (check) and commit (write) through lib/household-import/service.ts, export the imported rows, TRUNCATE,
// and COPY the same rows back in one transaction. Prints households/s, peak RSS and the ratio to COPY.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ROOT, applyMigrations, startEmbedded } from "./db-lib.mjs";
import type { Actor } from "../lib/policy";
import type { ImportRow } from "../lib/household-import/template";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const HOUSEHOLDS = option("households", 100_000);
const RUNS = option("runs", 3);
const HAMLETS = 50;
const PORT = Number(process.env.VANHOA_BENCH_PG_PORT ?? 54359);

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Ma", "Lò", "Hà", "Vi", "Nông", "Đinh", "Lường", "Triệu", "Đàm", "Mông"];
const MIDDLE_M = ["Văn", "Đức", "Quang", "Minh", "Xuân", "Hữu"];
const MIDDLE_F = ["Thị", "Thu", "Ngọc", "Thanh", "Hồng"];
const GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hùng", "Khánh", "Lan", "Mai", "Nam", "Oanh", "Phúc", "Quyên", "Sơn", "Thắng", "Uyên", "Việt", "Xuân", "Yến", "Ánh", "Ễnh", "Ặng"];
const HAMLET_NAMES = Array.from({ length: HAMLETS }, (_, i) => `Xóm Thử ${String(i + 1).padStart(2, "0")}`);

/** A small deterministic generator (mulberry32), so every run imports the same file. */
function random(seed: number) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

function* generate(households: number): Generator<ImportRow> {
  const rnd = random(20_250_701);
  const pick = <T,>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
  for (let i = 0; i < households; i++) {
    const family = pick(FAMILY);
    const hamlet = HAMLET_NAMES[i % HAMLETS]!;
    // The household number keeps head + address unique in its hamlet, as a real register is.
    yield {
      hamlet, fullName: `${family} ${pick(MIDDLE_M)} ${pick(GIVEN)}`, relationship: "Chủ hộ", birthYear: 1940 + Math.floor(rnd() * 60),
      address: `Số ${i + 1}, tổ ${1 + (i % 12)}, ${hamlet}`, phone: rnd() < 0.7 ? `09${String(Math.floor(rnd() * 1e8)).padStart(8, "0")}` : null,
      poverty: rnd() < 0.05 ? "Nghèo" : rnd() < 0.06 ? "Cận nghèo" : null,
    };
    const members = Math.floor(rnd() * 7); // 0–6, three on average
    for (let m = 0; m < members; m++) {
      const relationship = m === 0 ? "Vợ" : m < 4 ? "Con" : pick(["Cháu", "Bố/Mẹ", "Con dâu/Con rể"]);
      yield { fullName: `${m === 0 ? pick(FAMILY) : family} ${pick(m % 2 ? MIDDLE_M : MIDDLE_F)} ${pick(GIVEN)}`, relationship, birthYear: 1950 + Math.floor(rnd() * 70) };
    }
  }
}

/** Peak resident memory while `work` runs, sampled every 50 ms. */
async function measure<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  const started = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - started, peakRssMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024) };
  } finally {
    clearInterval(timer);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const db = await startEmbedded({ dataDir: path.join(ROOT, ".data", "pg-bench"), port: PORT, database: "vanhoa_bench" });
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  try {
    await admin.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public");
    await applyMigrations(db.url);
    process.env.DATABASE_URL = db.url;
    process.env.VANHOA_DATA_DIR = path.join(ROOT, ".data", "bench");
    const { stageHouseholdImport, commitHouseholdImport } = await import("../lib/household-import/service");
    const { writeHouseholdWorkbook } = await import("../lib/household-import/template");
    const { db: prisma } = await import("../lib/db");

    const file = path.join(ROOT, ".data", "bench", `households-${HOUSEHOLDS}.xlsx`);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const generated = await measure(() => writeHouseholdWorkbook(file, generate(HOUSEHOLDS)));
      console.log(`generated ${path.relative(ROOT, file)} in ${(generated.ms / 1000).toFixed(1)} s (${(fs.statSync(file).size / 1e6).toFixed(1)} MB)`);
    }

    const commune = await prisma.commune.create({ data: { name: "Xã Đo Tốc Độ", province: "Thái Nguyên", validFrom: new Date("2025-07-01") } });
    await prisma.hamlet.createMany({ data: HAMLET_NAMES.map((name) => ({ communeId: commune.id, name, searchText: name.toLowerCase() })) });
    const user = await prisma.user.create({
      data: { communeId: commune.id, username: "bench", fullName: "Người Đo", passwordHash: "-", role: "OFFICER" },
    });
    const actor: Actor = { id: user.id, username: user.username, fullName: user.fullName, role: "OFFICER", communeId: commune.id, hamletId: null };

    // COPY reads server-side files: a folder the database's own user can read.
    const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), "vanhoa-bench-copy-"));
    fs.chmodSync(copyDir, 0o777);
    const results: { stageMs: number; commitMs: number; copyMs: number; stageRss: number; commitRss: number; households: number; members: number }[] = [];
    for (let run = 1; run <= RUNS; run++) {
      await admin.query(`TRUNCATE "Household", "HouseholdMember", "HouseholdImport", "AuditLog" CASCADE`);
      await admin.query("VACUUM ANALYZE");
      const stage = await measure(() => stageHouseholdImport(actor, { fileName: path.basename(file), path: file }));
      if (stage.value.errorCount) throw new Error(`the generated file has errors: ${JSON.stringify(stage.value.errors.slice(0, 3))}`);
      const commit = await measure(() => commitHouseholdImport(actor, stage.value.id));

      const households = path.join(copyDir, "households.csv");
      const members = path.join(copyDir, "members.csv");
      await admin.query(`COPY "Household" TO '${households}' WITH (FORMAT csv)`);
      await admin.query(`COPY "HouseholdMember" TO '${members}' WITH (FORMAT csv)`);
      await admin.query(`TRUNCATE "Household", "HouseholdMember" CASCADE`);
      await admin.query("VACUUM ANALYZE");
      const copy = await measure(async () => {
        await admin.query("BEGIN");
        await admin.query(`COPY "Household" FROM '${households}' WITH (FORMAT csv)`);
        await admin.query(`COPY "HouseholdMember" FROM '${members}' WITH (FORMAT csv)`);
        await admin.query("COMMIT");
      });
      const counted = (await admin.query<{ h: string; m: string }>(`SELECT (SELECT count(*) FROM "Household") h, (SELECT count(*) FROM "HouseholdMember") m`)).rows[0]!;
      if (Number(counted.h) !== commit.value.households || Number(counted.m) !== commit.value.members) throw new Error("COPY did not restore the same rows");
      results.push({ stageMs: stage.ms, commitMs: commit.ms, copyMs: copy.ms, stageRss: stage.peakRssMb, commitRss: commit.peakRssMb, ...commit.value });
      console.log(
        `run ${run}: ${commit.value.households} households, ${commit.value.members} members · stage ${(stage.ms / 1000).toFixed(2)} s ` +
        `(${Math.round(HOUSEHOLDS / (stage.ms / 1000))}/s, peak RSS ${stage.peakRssMb} MB) · commit ${(commit.ms / 1000).toFixed(2)} s ` +
        `(${Math.round(HOUSEHOLDS / (commit.ms / 1000))}/s, peak RSS ${commit.peakRssMb} MB) · COPY ${(copy.ms / 1000).toFixed(2)} s · ` +
        `ratio ${(copy.ms / (stage.ms + commit.ms)).toFixed(2)}`,
      );
    }
    fs.rmSync(copyDir, { recursive: true, force: true });

    const stageMs = median(results.map((r) => r.stageMs));
    const commitMs = median(results.map((r) => r.commitMs));
    const totalMs = median(results.map((r) => r.stageMs + r.commitMs));
    const copyMs = median(results.map((r) => r.copyMs));
    console.log(`\nmedian of ${RUNS} runs, ${HOUSEHOLDS} households (${results[0]!.members} members):`);
    console.log(`  stage  ${(stageMs / 1000).toFixed(2)} s  ${Math.round(HOUSEHOLDS / (stageMs / 1000))} households/s  peak RSS ${Math.max(...results.map((r) => r.stageRss))} MB`);
    console.log(`  commit ${(commitMs / 1000).toFixed(2)} s  ${Math.round(HOUSEHOLDS / (commitMs / 1000))} households/s  peak RSS ${Math.max(...results.map((r) => r.commitRss))} MB`);
    console.log(`  stage + commit ${(totalMs / 1000).toFixed(2)} s  ${Math.round(HOUSEHOLDS / (totalMs / 1000))} households/s`);
    console.log(`  COPY   ${(copyMs / 1000).toFixed(2)} s  ${Math.round(HOUSEHOLDS / (copyMs / 1000))} households/s`);
    // The ratio of each run (both sides measured under the same load), then their median.
    const ratio = median(results.map((r) => r.copyMs / (r.stageMs + r.commitMs)));
    console.log(`  throughput ratio (import / COPY), median of the runs' ratios: ${ratio.toFixed(2)} (goal >= 0.25)`);
    await prisma.$disconnect();
  } finally {
    await admin.end();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
