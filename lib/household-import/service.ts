import "server-only";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import type { PovertyStatus, Relationship } from "@/lib/generated/prisma/enums";
import { authorize, can, householdImportScope, type Actor } from "@/lib/policy";
import { DomainError, MSG } from "@/lib/result";
import { isUuid } from "@/lib/text";
import { IMPORT_MSG, MAX_FILE_BYTES } from "./labels";
import { detectFormat, readRows } from "./parse";
import { HouseholdFileChecker, STALE_RUNNING_MS } from "./rules";
import { UploadNameInput, type RowError, type StagedHousehold } from "./schema";

// Household import, the two use cases the pages, the upload route and the benchmark call:
//
//   stageHouseholdImport(actor, { fileName, path })  checks every row of an .xlsx/.csv without writing a household,
//     keeps the file and its checked rows under ${VANHOA_DATA_DIR ?? ".data"}/imports/<id>/, and records a
//     HouseholdImport (READY when clean, INVALID with the first errors otherwise).
//   commitHouseholdImport(actor, importId, { onProgress })  writes a READY import's households in ONE transaction
//     (all or nothing), re-reading the checked rows as a stream and inserting them in multi-row batches; progress
//     goes to the HouseholdImport row as it runs. The confirm button runs it in the background (startHouseholdImport).
//
// Outside Next (a tsx script) run with `--conditions react-server` so that `server-only` resolves to its empty module.

/**
 * Households per INSERT (and their ~4,000 members per second INSERT). @prisma/adapter-pg passes every query's
 * parameters to @prisma/debug, which keeps the last 100 calls' arguments even with DEBUG off: the batch size
 * bounds that memory (~70 MB at 1,000; twice that at 2,000) while a round trip per 1,000 rows costs little.
 */
const BATCH_HOUSEHOLDS = 1000;
/** A checked file nobody confirmed is cleared after a week (it holds personal data). */
const EXPIRE_AFTER_MS = 7 * 24 * 3_600_000;
/** The one transaction may run long for a province-size file; it must not be cut off half-way. */
const TRANSACTION = { timeout: 2 * 3_600_000, maxWait: 60_000 } as const;
/** How often the progress is written to the import row (from outside the transaction, so others can read it). */
const PROGRESS_EVERY_MS = 500;

export function importsDir(): string {
  return path.resolve(process.env.VANHOA_DATA_DIR ?? ".data", "imports");
}

const folderOf = (id: string) => path.join(importsDir(), id);
const stagedRowsOf = (id: string) => path.join(folderOf(id), "rows.ndjson");

async function removeFolder(id: string): Promise<void> {
  await fs.promises.rm(folderOf(id), { recursive: true, force: true }).catch((error) => console.error("[vanhoa] could not remove import folder", error));
}

/** Who may import at all: whoever may write households (a hamlet head for their own hamlet). */
export function assertMayImport(actor: Actor): void {
  authorize(actor, "household.write", { communeId: actor.communeId, hamletId: actor.hamletId });
}

// ---------------------------------------------------------------------------------------------------------------
// Checked rows on disk: one JSON array per household and line.

type StagedLine = [
  row: number, hamletId: string, headName: string, headBirthYear: number | null, address: string, phone: string | null,
  povertyStatus: PovertyStatus, searchText: string, dedupeKey: string, members: [fullName: string, birthYear: number | null, relationship: Relationship][],
];

const toLine = (h: StagedHousehold): string =>
  `${JSON.stringify([
    h.row, h.hamletId, h.headName, h.headBirthYear, h.address, h.phone, h.povertyStatus, h.searchText, h.dedupeKey,
    h.members.map((m) => [m.fullName, m.birthYear, m.relationship]),
  ] satisfies StagedLine)}\n`;

// ---------------------------------------------------------------------------------------------------------------
// Stage

const fileError = (message: string) => new DomainError("INVALID_INPUT", message, { file: [message] });

function checkedFileName(raw: string): string {
  const name = UploadNameInput.safeParse(raw);
  if (!name.success) throw fileError(name.error.issues[0]?.message ?? IMPORT_MSG.badName);
  return name.data;
}

/**
 * The upload route's use case: receives the request body into a temporary file (refusing more than MAX_FILE_BYTES
 * as it streams, so nothing is held in memory), then stages it like stageHouseholdImport.
 */
export async function stageUploadedFile(
  actor: Actor,
  rawFileName: string,
  body: ReadableStream<Uint8Array> | null,
  declaredBytes: number | null,
): Promise<StageResult> {
  assertMayImport(actor);
  const fileName = checkedFileName(rawFileName);
  if (declaredBytes !== null && declaredBytes > MAX_FILE_BYTES) throw fileError(IMPORT_MSG.tooLarge);
  if (!body) throw fileError(IMPORT_MSG.noFile);
  const incoming = path.join(importsDir(), "incoming");
  await fs.promises.mkdir(incoming, { recursive: true });
  const temporary = path.join(incoming, randomUUID());
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > MAX_FILE_BYTES ? fileError(IMPORT_MSG.tooLarge) : null, chunk);
    },
  });
  try {
    try {
      await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>), limit, fs.createWriteStream(temporary));
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw fileError(IMPORT_MSG.incomplete);
    }
    if (bytes === 0) throw fileError(IMPORT_MSG.empty);
    return await stageHouseholdImport(actor, { fileName, path: temporary });
  } finally {
    await fs.promises.rm(temporary, { force: true });
  }
}

export type StageResult = { id: string; households: number; members: number; errorCount: number; errors: RowError[] };

/** Marks the commune's week-old unconfirmed imports EXPIRED and removes their files. */
async function expireAbandoned(communeId: string): Promise<void> {
  const old = await db.householdImport.findMany({
    where: { communeId, status: "READY", createdAt: { lt: new Date(Date.now() - EXPIRE_AFTER_MS) } },
    select: { id: true },
  });
  if (old.length === 0) return;
  await db.householdImport.updateMany({ where: { id: { in: old.map((o) => o.id) }, status: "READY" }, data: { status: "EXPIRED" } });
  await Promise.all(old.map((o) => removeFolder(o.id)));
}

/**
 * Checks an uploaded file (at `file.path`, named `file.fileName` by the user) and records it as an import of the
 * actor's commune. Nothing of the registry changes. Throws a DomainError for a file that is not a readable .xlsx or
 * .csv (type, size, encoding); row problems come back as `errors` (the first MAX_STORED_ERRORS) and `errorCount`.
 * `members` counts persons: heads and members, as the registry's "nhân khẩu".
 */
export async function stageHouseholdImport(actor: Actor, file: { fileName: string; path: string }): Promise<StageResult> {
  assertMayImport(actor);
  const fileName = checkedFileName(file.fileName);
  const size = (await fs.promises.stat(file.path)).size;
  if (size > MAX_FILE_BYTES) throw fileError(IMPORT_MSG.tooLarge);
  const format = await detectFormat(file.path, fileName);
  await expireAbandoned(actor.communeId);

  const id = randomUUID();
  const folder = folderOf(id);
  await fs.promises.mkdir(folder, { recursive: true });
  try {
    const upload = path.join(folder, format === "XLSX" ? "upload.xlsx" : "upload.csv");
    await fs.promises.copyFile(file.path, upload);

    const [hamlets, registered] = await Promise.all([
      db.hamlet.findMany({ where: { communeId: actor.communeId }, select: { id: true, name: true } }),
      db.household.findMany({ where: { communeId: actor.communeId }, select: { hamletId: true, dedupeKey: true } }),
    ]);
    // Only the keys stay for the check: one short string per household of the commune.
    const registeredKeys = new Set(registered.map((h) => `${h.hamletId}|${h.dedupeKey}`));
    registered.length = 0;

    const out = fs.createWriteStream(stagedRowsOf(id));
    let pending: string[] = [];
    const checker = new HouseholdFileChecker({
      hamlets,
      mayWrite: (hamletId) => can(actor, "household.write", { communeId: actor.communeId, hamletId }),
      ownHamletName: hamlets.find((h) => h.id === actor.hamletId)?.name ?? null,
      isRegistered: (hamletId, dedupeKey) => registeredKeys.has(`${hamletId}|${dedupeKey}`),
      // Once a row is wrong the file cannot be imported: its households need not be kept.
      onHousehold: (household) => {
        if (!checker.hasErrors) pending.push(toLine(household));
      },
    });
    const flush = async () => {
      if (pending.length === 0) return;
      const chunk = checker.hasErrors ? "" : pending.join("");
      pending = [];
      if (chunk && !out.write(chunk)) await once(out, "drain");
    };
    try {
      for await (const { row, cells } of readRows(upload, format)) {
        checker.push(row, cells);
        if (!checker.wantsMoreRows) break;
        if (pending.length >= 500) await flush();
      }
      const summary = checker.finish();
      await flush();
      out.end();
      await once(out, "close");
      const status = summary.errorCount === 0 ? "READY" : "INVALID";

      await db.$transaction(async (tx) => {
        await tx.householdImport.create({
          data: {
            id, communeId: actor.communeId, createdById: actor.id, createdByName: actor.fullName, fileName, fileFormat: format, fileSize: size,
            status, households: summary.households, members: summary.members, errorCount: summary.errorCount, errors: summary.errors,
            hamlets: summary.hamlets, progressTotal: summary.households,
          },
        });
        await recordAudit(tx, actor, {
          action: "household.import.stage",
          entityType: "HouseholdImport",
          entityId: id,
          after: { fileName, households: summary.households, members: summary.members, errorCount: summary.errorCount },
        });
      });
      // A file with errors is never imported: keep nothing of it on disk.
      if (status === "INVALID") await removeFolder(id);
      return { id, households: summary.households, members: summary.members, errorCount: summary.errorCount, errors: summary.errors };
    } finally {
      out.destroy();
    }
  } catch (error) {
    await removeFolder(id);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Commit

type Batch = {
  rows: number[]; ids: string[]; hamletIds: string[]; headNames: string[]; addresses: string[]; phones: (string | null)[];
  poverty: string[]; searchTexts: string[]; dedupeKeys: string[];
  memberIds: string[]; memberHouseholds: string[]; memberNames: string[]; memberYears: (number | null)[]; memberRelationships: string[]; memberPositions: number[];
};

const emptyBatch = (): Batch => ({
  rows: [], ids: [], hamletIds: [], headNames: [], addresses: [], phones: [], poverty: [], searchTexts: [], dedupeKeys: [],
  memberIds: [], memberHouseholds: [], memberNames: [], memberYears: [], memberRelationships: [], memberPositions: [],
});

// The households and their members as createHousehold writes them: searchText and dedupeKey from lib/text.ts,
// the head as member 0 (relationship HEAD), the others from position 1, status ACTIVE, version 1.
const INSERT_HOUSEHOLDS = `
  INSERT INTO "Household" ("id", "communeId", "hamletId", "headName", "address", "phone", "povertyStatus", "status",
                           "searchText", "dedupeKey", "importId", "version", "createdAt", "updatedAt")
  SELECT t.id, $1::uuid, t.hamlet_id, t.head_name, t.address, t.phone, t.poverty::"PovertyStatus", 'ACTIVE',
         t.search_text, t.dedupe_key, $2::uuid, 1, $3::timestamp(3), $3::timestamp(3)
  FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
       AS t(id, hamlet_id, head_name, address, phone, poverty, search_text, dedupe_key)
  ON CONFLICT ("hamletId", "dedupeKey") DO NOTHING`;

const INSERT_MEMBERS = `
  INSERT INTO "HouseholdMember" ("id", "communeId", "householdId", "fullName", "birthYear", "relationship", "position")
  SELECT t.id, $1::uuid, t.household_id, t.full_name, t.birth_year, t.relationship::"Relationship", t.position
  FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::text[], $7::int[])
       AS t(id, household_id, full_name, birth_year, relationship, position)`;

/** The first household of a batch whose dedupe key the registry gained after the file was checked. */
const FIND_TAKEN = `
  SELECT h."hamletId" AS "hamletId", h."dedupeKey" AS "dedupeKey" FROM "Household" h
  JOIN unnest($1::uuid[], $2::text[]) AS t(hamlet_id, dedupe_key) ON h."hamletId" = t.hamlet_id AND h."dedupeKey" = t.dedupe_key
  WHERE h."importId" IS DISTINCT FROM $3::uuid
  LIMIT 1`;

async function writeBatch(tx: Tx, job: { id: string; communeId: string }, at: string, batch: Batch): Promise<void> {
  const inserted = await tx.$executeRawUnsafe(
    INSERT_HOUSEHOLDS, job.communeId, job.id, at,
    batch.ids, batch.hamletIds, batch.headNames, batch.addresses, batch.phones, batch.poverty, batch.searchTexts, batch.dedupeKeys,
  );
  if (inserted !== batch.ids.length) {
    // Someone added one of these households since the file was checked: name it, and let everything roll back.
    const [taken] = await tx.$queryRawUnsafe<{ hamletId: string; dedupeKey: string }[]>(FIND_TAKEN, batch.hamletIds, batch.dedupeKeys, job.id);
    const index = taken ? batch.ids.findIndex((_, i) => batch.hamletIds[i] === taken.hamletId && batch.dedupeKeys[i] === taken.dedupeKey) : -1;
    throw new DomainError("CONFLICT", IMPORT_MSG.duplicateSinceUpload(batch.rows[index] ?? batch.rows[0]!, batch.headNames[index] ?? batch.headNames[0]!));
  }
  await tx.$executeRawUnsafe(
    INSERT_MEMBERS, job.communeId,
    batch.memberIds, batch.memberHouseholds, batch.memberNames, batch.memberYears, batch.memberRelationships, batch.memberPositions,
  );
}

type CommitOptions = {
  /** Called after each batch with the households written so far (uncommitted until the end) and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Called once the import is claimed (READY → RUNNING), before any row is written. */
  onStarted?: () => void;
};

/**
 * Imports a READY import's households into the registry in one transaction: every household and member or none.
 * Refuses an import that is not the actor's to confirm (NOT_FOUND), has errors, or was handled already ("đã được
 * xử lý"). On failure the import becomes FAILED with a Vietnamese message and the error is rethrown.
 */
export async function commitHouseholdImport(actor: Actor, importId: string, options: CommitOptions = {}): Promise<{ households: number; members: number }> {
  assertMayImport(actor);
  const job = !isUuid(importId) ? null : await db.householdImport.findFirst({
    where: { AND: [{ id: importId }, householdImportScope(actor)] },
    select: { id: true, communeId: true, status: true, fileName: true, households: true, members: true },
  });
  if (!job) throw new DomainError("NOT_FOUND", MSG.notFound);

  const claimed = await db.householdImport.updateMany({
    where: {
      id: job.id,
      OR: [{ status: "READY" }, { status: "RUNNING", updatedAt: { lt: new Date(Date.now() - STALE_RUNNING_MS) } }],
    },
    data: { status: "RUNNING", startedAt: new Date(), confirmedById: actor.id, progressDone: 0, failureMessage: null },
  });
  if (claimed.count !== 1) {
    if (job.status === "INVALID") throw new DomainError("RULE_VIOLATION", IMPORT_MSG.notReady);
    if (job.status === "EXPIRED") throw new DomainError("RULE_VIOLATION", IMPORT_MSG.expired);
    throw new DomainError("CONFLICT", IMPORT_MSG.alreadyHandled);
  }
  options.onStarted?.();

  let lastWrite = 0;
  const progress = async (done: number) => {
    options.onProgress?.(done, job.households);
    if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = Date.now();
    // Outside the transaction (another connection) so the page can read it; it touches no key column, so it does not
    // wait on the transaction's key-share lock on this row.
    await db.householdImport.update({ where: { id: job.id }, data: { progressDone: done } });
  };

  try {
    const result = await db.$transaction((tx) => writeImport(tx, actor, job, progress), TRANSACTION);
    await removeFolder(job.id);
    return result;
  } catch (error) {
    const message = error instanceof DomainError ? error.message : IMPORT_MSG.failed;
    if (!(error instanceof DomainError)) console.error("[vanhoa] household import failed", error);
    try {
      await db.householdImport.update({ where: { id: job.id }, data: { status: "FAILED", failureMessage: message, finishedAt: new Date() } });
      await removeFolder(job.id);
    } catch (recordError) {
      console.error("[vanhoa] could not record the failed household import", recordError);
    }
    throw error;
  }
}

async function writeImport(
  tx: Tx,
  actor: Actor,
  job: { id: string; communeId: string; fileName: string; households: number; members: number },
  progress: (done: number) => Promise<void>,
): Promise<{ households: number; members: number }> {
  const source = stagedRowsOf(job.id);
  if (!fs.existsSync(source)) throw new DomainError("CONFLICT", IMPORT_MSG.stagedMissing);
  // The hamlets may have changed since the check: every household's hamlet must still be in the commune and writable.
  const hamletIds = new Set((await tx.hamlet.findMany({ where: { communeId: job.communeId }, select: { id: true } })).map((h) => h.id));
  const at = new Date().toISOString();

  let households = 0;
  let members = 0;
  let batch = emptyBatch();
  const lines = readline.createInterface({ input: fs.createReadStream(source), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (!line) continue;
      const [row, hamletId, headName, headBirthYear, address, phone, poverty, searchText, dedupeKey, others] = JSON.parse(line) as StagedLine;
      if (!hamletIds.has(hamletId)) throw new DomainError("CONFLICT", IMPORT_MSG.hamletGone);
      if (!can(actor, "household.write", { communeId: job.communeId, hamletId })) throw new DomainError("FORBIDDEN", MSG.forbidden);
      const id = randomUUID();
      batch.rows.push(row);
      batch.ids.push(id);
      batch.hamletIds.push(hamletId);
      batch.headNames.push(headName);
      batch.addresses.push(address);
      batch.phones.push(phone);
      batch.poverty.push(poverty);
      batch.searchTexts.push(searchText);
      batch.dedupeKeys.push(dedupeKey);
      const people: [string, number | null, Relationship][] = [[headName, headBirthYear, "HEAD"], ...others];
      people.forEach(([fullName, birthYear, relationship], position) => {
        batch.memberIds.push(randomUUID());
        batch.memberHouseholds.push(id);
        batch.memberNames.push(fullName);
        batch.memberYears.push(birthYear);
        batch.memberRelationships.push(relationship);
        batch.memberPositions.push(position);
      });
      households++;
      members += people.length;
      if (batch.ids.length >= BATCH_HOUSEHOLDS) {
        await writeBatch(tx, job, at, batch);
        batch = emptyBatch();
        await progress(households);
      }
    }
  } finally {
    lines.close();
  }
  if (batch.ids.length > 0) {
    await writeBatch(tx, job, at, batch);
    await progress(households);
  }
  // The check counted the same rows; a difference means the staged rows are not the checked file's.
  if (households !== job.households || members !== job.members) throw new DomainError("CONFLICT", IMPORT_MSG.stagedMissing);

  await recordAudit(tx, actor, {
    action: "household.import",
    entityType: "HouseholdImport",
    entityId: job.id,
    after: { fileName: job.fileName, households, members },
  });
  // Last, and inside the transaction, so DONE commits with the rows. (No progress write may follow: it would wait on
  // this row's lock, held until the commit this function's return allows.)
  await tx.householdImport.update({
    where: { id: job.id },
    data: { status: "DONE", progressDone: households, finishedAt: new Date() },
  });
  return { households, members };
}

/**
 * Starts commitHouseholdImport in the background of the server process (the confirm button): resolves once the
 * import is claimed, rejects if it cannot be (already handled, has errors, not found). The page then follows the
 * import row's progress; a later failure is recorded on that row by commitHouseholdImport itself.
 */
export function startHouseholdImport(actor: Actor, importId: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    commitHouseholdImport(actor, importId, { onStarted: resolve }).then(
      () => undefined,
      // Before the claim this rejects the caller; after it the promise is settled and the import row says what happened.
      (error) => reject(error),
    );
  });
}
