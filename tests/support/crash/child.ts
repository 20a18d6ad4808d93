// The process the crash harness kills: runs one named use case (use-cases.ts) with the context given in
// VANHOA_CRASH_CONTEXT, as the app would, then prints DONE and exits. Started by harness.ts with
//   node --import tsx --conditions=react-server tests/support/crash/child.ts <use case>
// (`react-server` makes `server-only` resolve to its empty module, as in the Next.js server bundle).
import { db } from "@/lib/db";
import { CRASH_USE_CASES } from "./use-cases";

async function main() {
  const name = process.argv[2] ?? "";
  const runner = CRASH_USE_CASES[name];
  if (!runner) throw new Error(`Unknown crash use case "${name}"`);
  const result = await runner(JSON.parse(process.env.VANHOA_CRASH_CONTEXT ?? "{}") as never);
  process.stdout.write(`DONE ${JSON.stringify(result)}\n`);
  await db.$disconnect();
}

main().catch((error: unknown) => {
  process.stderr.write(`FAILED ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
