// `npm run bench:data -- --size commune|district|province [--seed N]`: builds a benchmark database
// (vanhoa_bench_<size>) from the committed migrations and fills it, deterministically from the seed, through COPY.

import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { datasetInfo, openBenchServer, resetDatabase, type DatasetInfo } from "./db";
import { SIZE_NAMES, generate, type SizeName } from "./generate";
import { afterLoad } from "./after-load";

export const BENCH_PASSWORD = "vanhoa2024";
export const DEFAULT_SEED = 20_261_203;

export function arg(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

export function sizeArg(fallback: SizeName = "commune"): SizeName {
  const size = arg("size") ?? fallback;
  if (!(SIZE_NAMES as readonly string[]).includes(size)) throw new Error(`--size must be one of ${SIZE_NAMES.join(", ")} (got "${size}")`);
  return size as SizeName;
}

function bar(done: number, of: number, width = 30): string {
  const filled = Math.round((done / of) * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
}

/** Resets the size's database and generates it; returns what was written. */
export async function buildDataset(url: string, size: SizeName, seed: number): Promise<DatasetInfo> {
  await resetDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  try {
    const hash = await hashPassword(BENCH_PASSWORD);
    const counts = await generate(client, size, seed, hash, (p) => {
      const rate = Math.round(p.rows / Math.max(p.seconds, 0.001));
      process.stderr.write(`\r${bar(p.communes, p.of)} ${p.communes}/${p.of} xã · ${p.rows.toLocaleString("en")} rows · ${rate.toLocaleString("en")} rows/s   `);
    });
    process.stderr.write("\n");
    const loaded = (Date.now() - started) / 1000;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`COPY: ${total.toLocaleString("en")} rows in ${loaded.toFixed(1)} s (${Math.round(total / loaded).toLocaleString("en")} rows/s)`);
    const after = Date.now();
    await afterLoad(client);
    console.log(`Summary tables and ANALYZE: ${((Date.now() - after) / 1000).toFixed(1)} s`);
    const info: DatasetInfo = { size, seed, generatedAt: new Date().toISOString(), counts, seconds: (Date.now() - started) / 1000 };
    await client.query(`CREATE TABLE "_bench_dataset" (info jsonb NOT NULL)`);
    await client.query(`INSERT INTO "_bench_dataset" (info) VALUES ($1)`, [JSON.stringify(info)]);
    return info;
  } finally {
    await client.end();
  }
}

async function main() {
  const size = sizeArg();
  const seed = Number(arg("seed") ?? DEFAULT_SEED);
  const server = await openBenchServer();
  try {
    const url = await server.urlOf(size);
    const before = await datasetInfo(url).catch(() => null);
    if (before) console.log(`Replacing the ${before.size} dataset of ${before.generatedAt} (seed ${before.seed}).`);
    const info = await buildDataset(url, size, seed);
    for (const [table, n] of Object.entries(info.counts)) if (n > 0) console.log(`  ${table.padEnd(18)} ${n.toLocaleString("en").padStart(11)}`);
    console.log(`Done in ${info.seconds.toFixed(1)} s. Sign in with any generated account, password ${BENCH_PASSWORD}.`);
  } finally {
    await server.stop();
  }
}

if (process.argv[1]?.endsWith("data.ts")) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
