#!/usr/bin/env node
// Copied from the workplace's shared tools so the project needs nothing outside itself; patched below (vanhoa).
// Stand-in for Prisma's native schema-engine binary (set PRISMA_SCHEMA_ENGINE_BINARY to this file), for machines
// that cannot download that binary. Needs, in the project: pg, @prisma/adapter-pg, @prisma/driver-adapter-utils and
// @prisma/schema-engine-wasm (the version matching the prisma CLI). Verified with prisma 7.10.1 on PostgreSQL 15 and 17.
// Speaks the binary's JSON-RPC-over-stdio protocol and delegates to @prisma/schema-engine-wasm + @prisma/adapter-pg.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createRequire } from "node:module";

// resolve packages from the project that runs the Prisma CLI (cwd), not from this file's folder
const require = createRequire(path.join(process.cwd(), "package.json"));
const pg = require("pg");
const log = (...a) => process.stderr.write(JSON.stringify({ level: "INFO", target: "shim", fields: { message: a.join(" ") } }) + "\n");

// --- args
const argv = process.argv.slice(2);
const datamodelPaths = []; let datasource = {}; let cliCmd = null;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--datamodels") datamodelPaths.push(argv[++i]);
  else if (a === "--datasource") datasource = JSON.parse(argv[++i]);
  else if (a === "--enabled-preview-features" || a === "--extension-types") i++;
  else if (a === "--version" || a === "-V") { console.log("schema-engine-cli shim-wasm"); process.exit(0); }
  else if (a === "cli") cliCmd = argv[++i];
}
const url = datasource.url ?? process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused";

// --- pg: adapter-pg cannot map catalog types 'name'/'char'/... (prisma/orm#27403) -> report them as text
const Result = require("pg/lib/result.js");
const TEXTY = new Set([18, 19, 22, 24, 30, 194, 2205, 2206]); const TEXTY_ARR = new Set([1002, 1003]);
const origAdd = Result.prototype.addFields;
Result.prototype.addFields = function (fields) {
  for (const f of fields) { if (TEXTY.has(f.dataTypeID)) f.dataTypeID = 25; else if (TEXTY_ARR.has(f.dataTypeID)) f.dataTypeID = 1009; }
  return origAdd.call(this, fields);
};

function pgConfig(u, database) {
  const x = new URL(u);
  return { host: x.hostname, port: Number(x.port || 5432), user: decodeURIComponent(x.username), password: decodeURIComponent(x.password),
    database: database ?? decodeURIComponent(x.pathname.slice(1)), options: x.searchParams.get("schema") ? `-c search_path=${x.searchParams.get("schema")}` : undefined };
}

// --- one-shot cli commands
if (cliCmd) {
  // the CLI drops the first stderr line, then JSON-parses the rest
  process.stderr.write(JSON.stringify({ level: "INFO", target: "shim", fields: { message: `cli ${cliCmd}` } }) + "\n");
  const cfg = pgConfig(url);
  try {
    if (cliCmd === "can-connect-to-database") { const c = new pg.Client(cfg); await c.connect(); await c.end(); }
    else if (cliCmd === "create-database" || cliCmd === "drop-database") {
      const c = new pg.Client({ ...cfg, database: "postgres" }); await c.connect();
      const q = cliCmd === "create-database" ? `CREATE DATABASE "${cfg.database}"` : `DROP DATABASE IF EXISTS "${cfg.database}" WITH (FORCE)`;
      try { await c.query(q); } catch (e) { if (e.code !== "42P04") throw e; } await c.end();
    } else throw new Error(`unsupported cli command ${cliCmd}`);
    process.exit(0);
  } catch (e) {
    process.stderr.write(JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields: { message: e.message, error_code: e.code === "3D000" ? "P1003" : e.code === "ECONNREFUSED" ? "P1001" : e.code === "28P01" ? "P1000" : "P1010" } }) + "\n");
    process.exit(1);
  }
}

// --- adapter factory with a working shadow database
const { PrismaPg } = require("@prisma/adapter-pg");
const { bindMigrationAwareSqlAdapterFactory } = require("@prisma/driver-adapter-utils");
// vanhoa: adapter-pg splits scripts on every ";", which breaks function bodies in migrations; send each script whole.
{ const connect = PrismaPg.prototype.connect;
  PrismaPg.prototype.connect = async function () {
    const adapter = await connect.call(this);
    adapter.executeScript = async function (script) { try { await this.client.query(script); } catch (error) { this.onError(error); } };
    return adapter;
  }; }
const makeAdapter = () => { const base = new PrismaPg(pgConfig(url));
const factory = {
  provider: base.provider, adapterName: base.adapterName,
  connect: () => base.connect(),
  async connectToShadowDb() {
    if (datasource.shadowDatabaseUrl) return new PrismaPg(pgConfig(datasource.shadowDatabaseUrl)).connect();
    const name = `prisma_shadow_${Date.now()}_${process.pid}`;
    const admin = new pg.Client(pgConfig(url)); await admin.connect(); await admin.query(`CREATE DATABASE "${name}"`); await admin.end();
    const ad = await new PrismaPg(pgConfig(url, name)).connect();
    const origDispose = ad.dispose.bind(ad);
    ad.dispose = async () => { await origDispose(); const c = new pg.Client(pgConfig(url)); await c.connect(); await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`); await c.end(); };
    return ad;
  },
};
return bindMigrationAwareSqlAdapterFactory(factory); };

// --- load wasm engine
let lastPanic = "";
globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message(m) { lastPanic = m; process.stderr.write("wasm panic: " + m + "\n"); } };
const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
const glue = await import(path.join(pkgDir, "schema_engine_bg.js"));
const inst = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"))), { "./schema_engine_bg.js": glue });
glue.__wbg_set_wasm(inst.exports); inst.exports.__wbindgen_start();
const datamodels = datamodelPaths.map((p) => [p, fs.readFileSync(p, "utf8")]);
let enginePromise;
const getEngine = () => enginePromise ??= glue.SchemaEngine.new({ datamodels }, (m) => process.stderr.write(String(m) + "\n"), makeAdapter());

const METHOD = { getDatabaseVersion: "version" };
let nextId = 1_000_000;
const send = (o) => process.stdout.write(JSON.stringify(o) + "\n");
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on("line", async (line) => {
  let req; try { req = JSON.parse(line); } catch { return; }
  if (!req.method) return; // response to our own "print" request
  try {
    const fn = METHOD[req.method] ?? req.method;
    if (typeof glue.SchemaEngine.prototype[fn] !== "function") throw Object.assign(new Error(`method ${req.method} not supported by wasm shim`), { code: "P1000" });
    const params = req.params ?? {};
    let result;
    const files = [params.to, params.from].map((t) => t?.files).find((f) => f?.length);
    const eng0 = datamodels.length === 0 && files
      // the wasm engine needs at least one datamodel at construction (psl::validate_multi_file); `migrate diff` starts it with none
      ? await glue.SchemaEngine.new({ datamodels: files.map((f) => [f.path, f.content]) }, (m) => process.stderr.write(String(m) + "\n"), makeAdapter())
      : await getEngine();
    try { result = await eng0[fn](params); }
    catch (e) {
      // wasm engine quirk: after applyMigrations applied something, shadow-db use fails with
      // "PostgreSQL shadow DB must be provided through an external factory". Recreate the engine, prime it with devDiagnostic, retry once.
      if (!String(e?.message).includes("shadow DB must be provided") || !params.migrationsList) throw e;
      enginePromise = undefined; lastPanic = "";
      const eng = await getEngine();
      await eng.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters ?? { externalTables: [], externalEnums: [] } });
      result = await eng[fn](params);
    }
    if (req.method === "diff" && result && result.stdout != null) { send({ jsonrpc: "2.0", id: nextId++, method: "print", params: { content: result.stdout } }); result = { exitCode: result.exitCode }; }
    send({ jsonrpc: "2.0", id: req.id, result: result ?? null });
  } catch (e) {
    if (lastPanic) e = new Error(lastPanic);
    const data = e?.code ? { error_code: e.code, message: e.message, meta: e.meta ?? null, is_panic: false } : { message: String(e?.message ?? e), is_panic: false };
    send({ jsonrpc: "2.0", id: req.id, error: { code: 4466, message: "An error happened. Check the data field for details.", data } });
  }
});
rl.on("close", () => process.exit(0));
