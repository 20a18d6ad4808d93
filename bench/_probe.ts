import pg from "pg";
import { openBenchServer } from "./db";
async function main() {
  const server = await openBenchServer();
  const url = await server.urlOf("commune");
  process.env.DATABASE_URL = url;
  const { scratchCommune, scratchHamlet } = await import("./scratch");
  const { saveMeeting, assessRemaining } = await import("@/lib/review/service");
  const { utcDate } = await import("@/lib/dates");
  const client = new pg.Client({ connectionString: url }); await client.connect();
  const scratch = await scratchCommune();
  for (let i = 0; i < 6; i++) {
    const a = await scratchHamlet(client, scratch, 150);
    const r = await saveMeeting(scratch.officer, 2026, a.hamletId, undefined, { meetingDate: utcDate(2026, 11, 10), meetingPlace: "x", chairName: "x", secretaryName: "x", invitedCount: 150, presentCount: 120, ballotMethod: "SHOW_OF_HANDS" });
    const t = performance.now();
    await assessRemaining(scratch.officer, r.id, { votesFor: 115, votesAgainst: 2 });
    console.log("assessRemaining", (performance.now() - t).toFixed(1));
  }
  await client.end(); await server.stop(); process.exit(0);
}
void main();
