import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { IMPORT_MSG, MAX_FILE_BYTES } from "@/lib/household-import/labels";
import { commitHouseholdImport, stageHouseholdImport, stageUploadedFile, startHouseholdImport } from "@/lib/household-import/service";
import { writeHouseholdWorkbook, type ImportRow } from "@/lib/household-import/template";
import { HOUSEHOLD_MSG } from "@/lib/households/labels";
import { createHousehold } from "@/lib/households/service";
import { MSG } from "@/lib/result";
import { dedupeKeyOf, searchTextOf } from "@/lib/text";
import { countRows, householdInput, makeHamlet, makeHousehold, makeWorld, resetDb, type HamletRow, type World } from "../factories";

// The import end to end against PostgreSQL: the check writes no household, the commit writes all of a file's
// households or none, in the columns createHousehold writes, with one audit row; scope and roles as the form's.

let dir: string;
let w: World;
let banLac: HamletRow;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vanhoa-import-test-"));
  process.env.VANHOA_DATA_DIR = path.join(dir, "data");
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await resetDb();
  fs.rmSync(path.join(dir, "data"), { recursive: true, force: true });
  w = await makeWorld();
  banLac = await makeHamlet(w.commune.id, { name: "Bản Lác" });
});

let fileCounter = 0;
async function xlsx(rows: ImportRow[]): Promise<string> {
  const file = path.join(dir, `f${++fileCounter}.xlsx`);
  await writeHouseholdWorkbook(file, rows);
  return file;
}
function csv(text: string, name = `f${++fileCounter}.csv`): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}
const stage = (actor: World["actors"][keyof World["actors"]], file: string, fileName = path.basename(file)) =>
  stageHouseholdImport(actor, { fileName, path: file });
const importFolders = () => (fs.existsSync(path.join(dir, "data", "imports")) ? fs.readdirSync(path.join(dir, "data", "imports")) : []);

/** n households in `hamlet`, each head with `membersEach` members (spouse, then children). */
function households(hamlet: string, n: number, membersEach: number, prefix = "Hộ"): ImportRow[] {
  const rows: ImportRow[] = [];
  for (let i = 1; i <= n; i++) {
    rows.push({ hamlet, fullName: `${prefix} ${i}`, relationship: "Chủ hộ", birthYear: 1950 + (i % 50), address: `Số ${i}, tổ ${1 + (i % 9)}`, phone: i % 3 ? "0912345678" : null, poverty: i % 10 === 0 ? "Nghèo" : i % 10 === 1 ? "Cận nghèo" : "" });
    for (let m = 0; m < membersEach; m++) rows.push({ fullName: `Người ${i}.${m}`, relationship: m === 0 ? "Vợ" : "Con", birthYear: 1980 + m });
  }
  return rows;
}

describe("checking a file", () => {
  it("reports each bad row with its row number and column, in Vietnamese, and writes no household", async () => {
    await makeHousehold(banLac, { headName: "Lò Văn Có", address: "Tổ 3" });
    const before = await countRows();
    const file = await xlsx([
      /* row 2 */ { hamlet: "Bản Lác", fullName: "Hà Văn Một", relationship: "Chủ hộ", birthYear: 1970, address: "Tổ 1" },
      /* row 3 */ { fullName: "Hà Thị Vợ", relationship: "Vợ", birthYear: 1850 },
      /* row 4 */ { hamlet: "Nà Pẻn", fullName: "Ma Văn Hai", relationship: "Chủ hộ", address: "Tổ 2" },
      /* row 5 */ { hamlet: "ban lac", fullName: "Hà  văn MỘT", relationship: "Chủ hộ", address: "tổ 1" },
      /* row 6 */ { hamlet: "Bản Lác", fullName: "Lò Văn Có", relationship: "Chủ hộ", address: "Tổ 3", phone: "12345" },
      /* row 7 */ { fullName: "Lò Văn Út", relationship: "Em họ xa" },
      /* row 8 */ { hamlet: "Bản Lác", fullName: "Vi Văn Ba", relationship: "Chủ hộ", address: "Tổ 4", poverty: "Khá giả" },
    ]);
    const result = await stage(w.actors.officer, file);

    expect(result.errors).toEqual([
      { row: 3, column: "Năm sinh", message: expect.stringMatching(/^Năm sinh phải từ 1900 đến \d{4}\.$/) },
      { row: 4, column: "Xóm", message: "Không có xóm \u201cNà Pẻn\u201d trong xã." },
      { row: 5, column: "Họ và tên", message: IMPORT_MSG.duplicateInFile(2) },
      { row: 6, column: "Số điện thoại", message: "Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678)." },
      { row: 6, column: "Họ và tên", message: HOUSEHOLD_MSG.duplicate("Lò Văn Có") },
      { row: 7, column: "Quan hệ với chủ hộ", message: IMPORT_MSG.relationshipUnknown("Em họ xa") },
      { row: 8, column: "Hộ nghèo", message: IMPORT_MSG.povertyUnknown("Khá giả") },
    ]);
    expect(result).toMatchObject({ errorCount: 7, households: 5, members: 6 });
    expect(await countRows()).toEqual({ ...before, audits: before.audits + 1 });
    const saved = await db.householdImport.findUniqueOrThrow({ where: { id: result.id } });
    expect(saved).toMatchObject({ status: "INVALID", errorCount: 7, communeId: w.commune.id, createdById: w.actors.officer.id, fileFormat: "XLSX" });
    expect(saved.errors).toEqual(result.errors);
    // A file that cannot be imported is not kept.
    expect(importFolders()).toEqual([]);
    await expect(commitHouseholdImport(w.actors.officer, result.id)).rejects.toMatchObject({ message: IMPORT_MSG.notReady });
    expect(await db.household.count()).toBe(before.households);
  });

  it("refuses a member row above every head, and a file without the required columns", async () => {
    const noHead = await stage(w.actors.officer, csv("Họ và tên,Quan hệ với chủ hộ,Xóm,Địa chỉ\nLò Thị Con,Con,,\n"));
    expect(noHead.errors).toEqual([{ row: 2, column: "Quan hệ với chủ hộ", message: IMPORT_MSG.memberBeforeHead }]);
    const noAddress = await stage(w.actors.officer, csv("STT,Họ và tên,Xóm\n1,Lò Văn A,Bản Lác\n"));
    expect(noAddress.errors).toEqual([{ row: 1, column: null, message: IMPORT_MSG.missingColumn("Địa chỉ") }]);
    const noHeader = await stage(w.actors.officer, csv("a,b,c\n1,2,3\n"));
    expect(noHeader.errors).toEqual([{ row: null, column: null, message: IMPORT_MSG.noHeader }]);
  });

  it("looks at the content, not the name: a text file named .xlsx, a zip named .csv, a legacy code page", async () => {
    await expect(stage(w.actors.officer, csv("Họ và tên,Xóm\n"), "danh-sach.xlsx")).rejects.toMatchObject({ code: "INVALID_INPUT", message: IMPORT_MSG.notXlsx });
    const zip = await xlsx(households("Bản Lác", 1, 0));
    await expect(stage(w.actors.officer, zip, "danh-sach.csv")).rejects.toMatchObject({ message: IMPORT_MSG.wrongContent("csv") });
    // "Xóm" in Windows-1258 is not UTF-8.
    const legacy = path.join(dir, "legacy.csv");
    fs.writeFileSync(legacy, Buffer.concat([Buffer.from("H\xd2 v\xe0 t\xean,X\xf3m\n", "latin1")]));
    await expect(stage(w.actors.officer, legacy)).rejects.toMatchObject({ message: IMPORT_MSG.notUtf8(1) });
    await expect(stage(w.actors.officer, zip, "danh-sach.pdf")).rejects.toMatchObject({ message: IMPORT_MSG.badName });
    expect(await db.householdImport.count()).toBe(0);
    expect(importFolders()).toEqual([]);
  });
});

describe("importing a clean file", () => {
  it("writes exactly the file's households and members from .xlsx, as createHousehold writes them, with one audit row", async () => {
    const rows = [...households(w.hamletA.name, 30, 3), ...households("Bản Lác", 12, 0, "Chủ")];
    const staged = await stage(w.actors.officer, await xlsx(rows));
    expect(staged).toMatchObject({ households: 42, members: 42 + 30 * 3, errorCount: 0, errors: [] });
    const beforeCommit = await db.householdImport.findUniqueOrThrow({ where: { id: staged.id } });
    expect(beforeCommit.status).toBe("READY");
    expect(beforeCommit.hamlets).toEqual([
      { hamletId: banLac.id, name: "Bản Lác", households: 12, members: 12 },
      { hamletId: w.hamletA.id, name: w.hamletA.name, households: 30, members: 120 },
    ]);

    const seen: [number, number][] = [];
    const result = await commitHouseholdImport(w.actors.officer, staged.id, { onProgress: (done, total) => seen.push([done, total]) });
    expect(result).toEqual({ households: 42, members: 132 });
    expect(seen.at(-1)).toEqual([42, 42]);
    expect(await db.household.count({ where: { importId: staged.id } })).toBe(42);
    expect(await db.household.count()).toBe(42);
    expect(await db.householdMember.count()).toBe(132);
    expect(await db.householdMember.count({ where: { relationship: "HEAD" } })).toBe(42);

    // The same household through the form, for comparison.
    const formId = (await createHousehold(w.actors.officer, householdInput(w.hamletB.id, {
      headName: "Hộ 10", headBirthYear: 1960, address: "Số 10, tổ 2", phone: "0912345678", povertyStatus: "POOR",
      members: [{ fullName: "Người 10.0", birthYear: 1980, relationship: "SPOUSE" }, { fullName: "Người 10.1", birthYear: 1981, relationship: "CHILD" }, { fullName: "Người 10.2", birthYear: 1982, relationship: "CHILD" }],
    }))).id;
    const pick = { headName: true, address: true, phone: true, povertyStatus: true, status: true, searchText: true, dedupeKey: true, version: true, communeId: true,
      members: { orderBy: { position: "asc" as const }, select: { fullName: true, birthYear: true, relationship: true, position: true, communeId: true } } };
    const imported = await db.household.findFirstOrThrow({ where: { importId: staged.id, headName: "Hộ 10" }, select: { ...pick, importId: true, hamletId: true } });
    const typed = await db.household.findUniqueOrThrow({ where: { id: formId }, select: pick });
    const { importId, hamletId, ...importedColumns } = imported;
    expect(importId).toBe(staged.id);
    expect(hamletId).toBe(w.hamletA.id);
    expect(importedColumns).toEqual(typed);
    expect(imported).toMatchObject({ searchText: searchTextOf("Hộ 10", "Số 10, tổ 2", "0912345678"), dedupeKey: dedupeKeyOf("Hộ 10", "Số 10, tổ 2"), povertyStatus: "POOR" });
    expect(imported.members.map((m) => [m.relationship, m.position])).toEqual([["HEAD", 0], ["SPOUSE", 1], ["CHILD", 2], ["CHILD", 3]]);

    const audits = await db.auditLog.findMany({ where: { action: "household.import" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      communeId: w.commune.id, actorId: w.actors.officer.id, entityType: "HouseholdImport", entityId: staged.id,
      after: { fileName: expect.stringMatching(/\.xlsx$/), households: 42, members: 132 },
    });
    expect(await db.householdImport.findUniqueOrThrow({ where: { id: staged.id } })).toMatchObject({
      status: "DONE", progressDone: 42, progressTotal: 42, confirmedById: w.actors.officer.id, finishedAt: expect.any(Date),
    });
    expect(importFolders()).toEqual([]);
  });

  it("reads a .csv (UTF-8 with BOM, ; as separator, columns in another order, headers without accents)", async () => {
    const text = "\uFEFFho ten;DIA CHI;Xom;Quan he;Nam sinh;SDT;Ho ngheo\r\n" +
      "Hoàng Văn Một;\"Tổ 1; cạnh trường\";Bản Lác;Chủ hộ;1961;912 345 678;cận nghèo\r\n" +
      "Hoàng Thị Hai;;;con dâu;12/05/1990;;\r\n" +
      "\r\n" +
      "Hoàng Văn Ba;Tổ 2;bản lác;CHỦ HỘ;;+84 987 654 321;\r\n";
    const staged = await stage(w.actors.officer, csv(text));
    expect(staged).toMatchObject({ households: 2, members: 3, errorCount: 0 });
    await commitHouseholdImport(w.actors.officer, staged.id);
    const rows = await db.household.findMany({
      where: { importId: staged.id }, orderBy: { headName: "asc" },
      select: { headName: true, address: true, phone: true, povertyStatus: true, hamletId: true, members: { orderBy: { position: "asc" }, select: { fullName: true, birthYear: true, relationship: true } } },
    });
    expect(rows).toEqual([
      { headName: "Hoàng Văn Ba", address: "Tổ 2", phone: "0987654321", povertyStatus: "NONE", hamletId: banLac.id, members: [{ fullName: "Hoàng Văn Ba", birthYear: null, relationship: "HEAD" }] },
      { headName: "Hoàng Văn Một", address: "Tổ 1; cạnh trường", phone: "0912345678", povertyStatus: "NEAR_POOR", hamletId: banLac.id, members: [
        { fullName: "Hoàng Văn Một", birthYear: 1961, relationship: "HEAD" },
        { fullName: "Hoàng Thị Hai", birthYear: 1990, relationship: "CHILD_IN_LAW" },
      ] },
    ]);
  });

  it("refuses a second confirmation of the same import and writes nothing more", async () => {
    const staged = await stage(w.actors.officer, await xlsx(households("Bản Lác", 3, 1)));
    await commitHouseholdImport(w.actors.officer, staged.id);
    const after = await countRows();
    await expect(commitHouseholdImport(w.actors.officer, staged.id)).rejects.toMatchObject({ code: "CONFLICT", message: IMPORT_MSG.alreadyHandled });
    await expect(startHouseholdImport(w.actors.officer, staged.id)).rejects.toMatchObject({ message: IMPORT_MSG.alreadyHandled });
    expect(IMPORT_MSG.alreadyHandled).toContain("đã được xử lý");
    expect(await countRows()).toEqual(after);
  });

  it("lets two confirmations race and imports once", async () => {
    const staged = await stage(w.actors.officer, await xlsx(households("Bản Lác", 5, 2)));
    const results = await Promise.allSettled([commitHouseholdImport(w.actors.officer, staged.id), commitHouseholdImport(w.actors.officer, staged.id)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.household.count()).toBe(5);
    expect(await db.auditLog.count({ where: { action: "household.import" } })).toBe(1);
  });

  it("runs in the background from startHouseholdImport and ends DONE", async () => {
    const staged = await stage(w.actors.officer, await xlsx(households("Bản Lác", 4, 1)));
    await startHouseholdImport(w.actors.officer, staged.id);
    // The claim is committed before startHouseholdImport resolves; the rows follow.
    expect(["RUNNING", "DONE"]).toContain((await db.householdImport.findUniqueOrThrow({ where: { id: staged.id } })).status);
    for (let i = 0; i < 100 && (await db.householdImport.findUniqueOrThrow({ where: { id: staged.id } })).status === "RUNNING"; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await db.householdImport.findUniqueOrThrow({ where: { id: staged.id } })).status).toBe("DONE");
    expect(await db.household.count({ where: { importId: staged.id } })).toBe(4);
  });
});

describe("all or nothing", () => {
  it("rolls every row back when a household added after the check collides late in the file", async () => {
    // Several batches (1,000 households each), so rows were already written when the collision comes.
    const rows = households("Bản Lác", 2300, 1);
    const staged = await stage(w.actors.officer, await xlsx(rows));
    expect(staged.errorCount).toBe(0);
    // Meanwhile someone enters the file's 2,290th household through the form.
    await createHousehold(w.actors.officer, householdInput(banLac.id, {
      headName: "Hộ 2290", address: "Số 2290, tổ 5", members: [],
    }));
    const before = await countRows();
    const lastRow = rows.findIndex((r) => r.fullName === "Hộ 2290") + 2;

    await expect(commitHouseholdImport(w.actors.officer, staged.id)).rejects.toMatchObject({
      code: "CONFLICT", message: IMPORT_MSG.duplicateSinceUpload(lastRow, "Hộ 2290"),
    });
    expect(await countRows()).toEqual(before);
    expect(await db.household.count({ where: { importId: staged.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "household.import" } })).toBe(0);
    expect(await db.householdImport.findUniqueOrThrow({ where: { id: staged.id } })).toMatchObject({
      status: "FAILED", failureMessage: IMPORT_MSG.duplicateSinceUpload(lastRow, "Hộ 2290"),
    });
    await expect(commitHouseholdImport(w.actors.officer, staged.id)).rejects.toMatchObject({ message: IMPORT_MSG.alreadyHandled });
  });
});

describe("who may import", () => {
  it("lets a hamlet head import only their own hamlet's rows", async () => {
    const file = await xlsx([...households(w.hamletA.name, 2, 1), ...households(w.hamletB.name, 1, 1, "Khác")]);
    const result = await stage(w.actors.headA, file);
    expect(result.errors).toEqual([{ row: 6, column: "Xóm", message: IMPORT_MSG.hamletOutOfScope(w.hamletA.name) }]);
    const own = await stage(w.actors.headA, await xlsx(households(w.hamletA.name, 2, 1)));
    await commitHouseholdImport(w.actors.headA, own.id);
    expect(await db.household.count({ where: { hamletId: w.hamletA.id } })).toBe(2);
    expect(await db.household.count({ where: { hamletId: w.hamletB.id } })).toBe(0);
  });

  it("keeps a hamlet head's import from the officer of another commune and from another hamlet head", async () => {
    const staged = await stage(w.actors.officer, await xlsx(households(w.hamletA.name, 2, 0)));
    await expect(commitHouseholdImport(w.actors.otherOfficer, staged.id)).rejects.toMatchObject({ code: "NOT_FOUND", message: MSG.notFound });
    // The hamlet head sees only their own uploads, even of their hamlet.
    await expect(commitHouseholdImport(w.actors.headA, staged.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.household.count()).toBe(0);
  });

  it.each(["committee", "leader", "admin"] as const)("refuses the %s", async (who) => {
    const file = await xlsx(households("Bản Lác", 1, 0));
    await expect(stage(w.actors[who], file)).rejects.toMatchObject({ code: "FORBIDDEN", message: MSG.forbidden });
    const staged = await stage(w.actors.officer, file);
    await expect(commitHouseholdImport(w.actors[who], staged.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.household.count()).toBe(0);
    expect((await db.householdImport.findUniqueOrThrow({ where: { id: staged.id } })).status).toBe("READY");
  });
});

describe("the upload and the import's life", () => {
  const bodyOf = (chunks: number, chunkBytes: number, fill = 0x41) =>
    new ReadableStream<Uint8Array>({
      pull(controller) {
        if (chunks-- <= 0) return controller.close();
        controller.enqueue(new Uint8Array(chunkBytes).fill(fill));
      },
    });
  const incoming = () => (fs.existsSync(path.join(dir, "data", "imports", "incoming")) ? fs.readdirSync(path.join(dir, "data", "imports", "incoming")) : []);

  it("streams an upload to disk and stages it, leaving no temporary file", async () => {
    const bytes = fs.readFileSync(await xlsx(households("Bản Lác", 3, 1)));
    const body = new ReadableStream<Uint8Array>({ start(c) { c.enqueue(new Uint8Array(bytes)); c.close(); } });
    const staged = await stageUploadedFile(w.actors.officer, "Hộ Bản Lác.xlsx", body, bytes.length);
    expect(staged).toMatchObject({ households: 3, members: 6, errorCount: 0 });
    expect(incoming()).toEqual([]);
    expect((await db.householdImport.findUniqueOrThrow({ where: { id: staged.id } })).fileName).toBe("Hộ Bản Lác.xlsx");
  });

  it("refuses more than 50 MB while it streams (without trusting Content-Length), and a declared size at once", async () => {
    await expect(stageUploadedFile(w.actors.officer, "to.csv", bodyOf(51, 1024 * 1024), null)).rejects.toMatchObject({ code: "INVALID_INPUT", message: IMPORT_MSG.tooLarge });
    await expect(stageUploadedFile(w.actors.officer, "to.csv", bodyOf(1, 10), MAX_FILE_BYTES + 1)).rejects.toMatchObject({ message: IMPORT_MSG.tooLarge });
    await expect(stageUploadedFile(w.actors.officer, "rong.csv", bodyOf(0, 0), 0)).rejects.toMatchObject({ message: IMPORT_MSG.empty });
    await expect(stageUploadedFile(w.actors.committee, "a.csv", bodyOf(1, 10), 10)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(incoming()).toEqual([]);
    expect(await db.householdImport.count()).toBe(0);
  });

  it("lets an import interrupted half-way (its server stopped) be confirmed again, and not one still moving", async () => {
    const staged = await stage(w.actors.officer, await xlsx(households("Bản Lác", 3, 0)));
    await db.$executeRawUnsafe(`UPDATE "HouseholdImport" SET status = 'RUNNING', "updatedAt" = now() - interval '1 minute' WHERE id = $1::uuid`, staged.id);
    await expect(commitHouseholdImport(w.actors.officer, staged.id)).rejects.toMatchObject({ message: IMPORT_MSG.alreadyHandled });
    await db.$executeRawUnsafe(`UPDATE "HouseholdImport" SET "updatedAt" = now() - interval '20 minutes' WHERE id = $1::uuid`, staged.id);
    expect(await commitHouseholdImport(w.actors.officer, staged.id)).toEqual({ households: 3, members: 3 });
  });

  it("expires a checked file nobody confirmed for a week, removing its files", async () => {
    const old = await stage(w.actors.officer, await xlsx(households("Bản Lác", 2, 0)));
    await db.$executeRawUnsafe(`UPDATE "HouseholdImport" SET "createdAt" = now() - interval '8 days' WHERE id = $1::uuid`, old.id);
    expect(importFolders()).toContain(old.id);
    const fresh = await stage(w.actors.officer, await xlsx(households(w.hamletA.name, 1, 0)));
    expect((await db.householdImport.findUniqueOrThrow({ where: { id: old.id } })).status).toBe("EXPIRED");
    expect(importFolders()).toEqual([fresh.id]);
    await expect(commitHouseholdImport(w.actors.officer, old.id)).rejects.toMatchObject({ message: IMPORT_MSG.expired });
  });
});
