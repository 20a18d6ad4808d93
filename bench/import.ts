// Importing 100,000 households from a generated .xlsx through the app's own path (stageHouseholdImport: stream,
// check every row; commitHouseholdImport: one transaction) vs COPY of the same rows, on the chosen dataset: the
// import goes into 50 hamlets of the benchmark's own commune, then its rows are copied out, deleted, and COPYed back
// in one transaction (the floor), then deleted again, so the dataset is as it was.

import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import path from "node:path";
import type pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { db } from "@/lib/db";
import { commitHouseholdImport, stageHouseholdImport } from "@/lib/household-import/service";
import { writeHouseholdWorkbook, type ImportRow } from "@/lib/household-import/template";
import { Rng } from "@/lib/demo-random";
import { FAMILY_NAMES, FEMALE_GIVEN_YOUNGER, MALE_GIVEN_OLDER, MALE_MIDDLE_OLDER } from "@/lib/demo-data";
import { searchTextOf } from "@/lib/text";
import { ROOT } from "../scripts/db-lib.mjs";
import type { Figure } from "./cases";
import { median, time } from "./measure";
import { scratchCommune, type Scratch } from "./scratch";

export const IMPORT_HOUSEHOLDS = 100_000;
const HAMLETS = Array.from({ length: 50 }, (_, i) => `Xóm Nhập ${String(i + 1).padStart(2, "0")}`);

/** The commune's usual layout: a head row, then 0–6 member rows; deterministic. */
export function* importRows(households: number, seed = 20_250_701): Generator<ImportRow> {
  const rng = new Rng(seed);
  for (let i = 0; i < households; i++) {
    const family = rng.weighted(FAMILY_NAMES);
    const hamlet = HAMLETS[i % HAMLETS.length]!;
    yield {
      hamlet, fullName: `${family} ${rng.weighted(MALE_MIDDLE_OLDER)} ${rng.pick(MALE_GIVEN_OLDER)}`, relationship: "Chủ hộ", birthYear: rng.int(1940, 1999),
      address: `Số ${i + 1}, tổ ${1 + (i % 12)}, ${hamlet}`, phone: rng.chance(0.7) ? `09${String(rng.int(0, 99_999_999)).padStart(8, "0")}` : null,
      poverty: rng.chance(0.05) ? "Nghèo" : rng.chance(0.06) ? "Cận nghèo" : null,
    };
    const members = rng.int(0, 6);
    for (let m = 0; m < members; m++) {
      const relationship = m === 0 ? "Vợ" : m < 4 ? "Con" : rng.pick(["Cháu", "Bố/Mẹ", "Con dâu/Con rể"]);
      yield { fullName: `${m === 0 ? rng.weighted(FAMILY_NAMES) : family} Thị ${rng.pick(FEMALE_GIVEN_YOUNGER)}`, relationship, birthYear: rng.int(1950, 2020) };
    }
  }
}

async function ensureHamlets(scratch: Scratch): Promise<void> {
  await db.hamlet.createMany({
    data: HAMLETS.map((name) => ({ communeId: scratch.communeId, name, searchText: searchTextOf(name) })),
    skipDuplicates: true,
  });
}

async function copyOut(client: pg.ClientBase, sql: string, file: string): Promise<void> {
  await pipeline(client.query(copyTo(`COPY (${sql}) TO STDOUT`)), fs.createWriteStream(file));
}

async function copyIn(client: pg.ClientBase, table: string, file: string): Promise<void> {
  await pipeline(fs.createReadStream(file), client.query(copyFrom(`COPY "${table}" FROM STDIN`)));
}

/** Removes one import's households (members cascade); the summaries' triggers see a DELETE like any other. */
const removeImported = (client: pg.ClientBase, importId: string) => client.query(`DELETE FROM "Household" WHERE "importId" = $1`, [importId]);

export async function importCase(client: pg.ClientBase, size: string, runs: number): Promise<Figure[]> {
  const scratch = await scratchCommune();
  await ensureHamlets(scratch);
  const dir = path.join(ROOT, ".data", "bench", "import");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `households-${IMPORT_HOUSEHOLDS}.xlsx`);
  if (!fs.existsSync(file)) {
    const ms = await time(() => writeHouseholdWorkbook(file, importRows(IMPORT_HOUSEHOLDS)));
    console.log(`  generated ${path.relative(ROOT, file)} in ${(ms / 1000).toFixed(1)} s (${(fs.statSync(file).size / 1e6).toFixed(1)} MB)`);
  }
  const stageTimes: number[] = [];
  const commitTimes: number[] = [];
  const copyTimes: number[] = [];
  const ratios: number[] = [];
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  let counts = { households: 0, members: 0 };
  try {
    for (let run = 0; run < runs; run++) {
      await client.query(`VACUUM ANALYZE "Household", "HouseholdMember"`);
      let importId = "";
      const stageMs = await time(async () => {
        const staged = await stageHouseholdImport(scratch.officer, { fileName: path.basename(file), path: file });
        if (staged.errorCount > 0) throw new Error(`The generated file has row errors: ${JSON.stringify(staged.errors.slice(0, 3))}`);
        importId = staged.id;
      });
      const commitMs = await time(async () => (counts = await commitHouseholdImport(scratch.officer, importId)));
      // The floor: the same rows, COPYed back in one transaction.
      const households = path.join(dir, "households.copy");
      const members = path.join(dir, "members.copy");
      await copyOut(client, `SELECT * FROM "Household" WHERE "importId" = '${importId}'`, households);
      await copyOut(client, `SELECT m.* FROM "HouseholdMember" m JOIN "Household" h ON h."id" = m."householdId" WHERE h."importId" = '${importId}'`, members);
      await removeImported(client, importId);
      await client.query(`VACUUM ANALYZE "Household", "HouseholdMember"`);
      const copyMs = await time(async () => {
        await client.query("BEGIN");
        await copyIn(client, "Household", households);
        await copyIn(client, "HouseholdMember", members);
        await client.query("COMMIT");
      });
      const { rows } = await client.query(`SELECT (SELECT count(*)::int FROM "Household" WHERE "importId" = $1) AS h,
        (SELECT count(*)::int FROM "HouseholdMember" m JOIN "Household" x ON x."id" = m."householdId" WHERE x."importId" = $1) AS m`, [importId]);
      if (rows[0].h !== counts.households || rows[0].m !== counts.members) throw new Error("COPY did not bring back the same rows");
      await removeImported(client, importId);
      fs.rmSync(households);
      fs.rmSync(members);
      stageTimes.push(stageMs);
      commitTimes.push(commitMs);
      copyTimes.push(copyMs);
      ratios.push(copyMs / (stageMs + commitMs));
      console.log(`  import run ${run + 1}: check ${(stageMs / 1000).toFixed(1)} s, write ${(commitMs / 1000).toFixed(1)} s, COPY ${(copyMs / 1000).toFixed(1)} s → ${(ratios.at(-1)!).toFixed(2)}×`);
    }
  } finally {
    clearInterval(sampler);
  }
  const app = median(stageTimes) + median(commitTimes);
  const floor = median(copyTimes);
  const note = `${IMPORT_HOUSEHOLDS.toLocaleString("en")} households, ${counts.members.toLocaleString("en")} people, .xlsx ${(fs.statSync(file).size / 1e6).toFixed(1)} MB; peak RSS ${Math.round(peakRss / 2 ** 20)} MB`;
  const base = { size, runs, note };
  return [
    // Throughput ratio (import households/s ÷ COPY households/s) = COPY time ÷ import time; the median of the runs' ratios.
    { ...base, name: "import 100,000 households (.xlsx): throughput vs COPY", median_ms: app, floor_ms: floor, ratio: median(ratios), goal: ">=0.25", unit: "ms" },
    { ...base, name: "import: check (stream and validate)", median_ms: median(stageTimes), floor_ms: null, ratio: null, goal: ">0", unit: "ms" },
    { ...base, name: "import: write (one transaction)", median_ms: median(commitTimes), floor_ms: null, ratio: null, goal: ">0", unit: "ms" },
  ];
}
