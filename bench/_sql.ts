import pg from "pg";
import { openBenchServer } from "./db";
async function main() {
const server = await openBenchServer();
const client = new pg.Client({ connectionString: await server.urlOf(process.argv[2] as "province") }); await client.connect();
const r = await client.query(process.argv[3]!); console.log(JSON.stringify(r.rows ?? r.command).slice(0, 3000));
await client.end(); await server.stop();
}
void main();
