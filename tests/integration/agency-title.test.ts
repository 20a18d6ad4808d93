import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { beforeEach, describe, expect, it } from "vitest";
import { AGENCY_TITLE_MSG } from "@/lib/agency-title/labels";
import {
  agencyYearHeadline, dueForRecognition, getAgencyTitleHistory, getAgencyTitleYear, listAgencyYearRows, loadAgencyList,
} from "@/lib/agency-title/queries";
import type { RecognitionInput } from "@/lib/agency-title/schema";
import { deleteRecognition, recordRecognition, registerAgency, saveAgencyResult, unregisterAgency } from "@/lib/agency-title/service";
import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import { agencyListFilename, buildAgencyList, buildAgencyListWorkbook } from "@/lib/documents/agency-list";
import { renderDocx } from "@/lib/documents/decree30";
import type { AgencyKind } from "@/lib/generated/prisma/enums";
import { MSG } from "@/lib/result";
import { makeCampaignYear } from "../factories/cycle";
import { makeWorld, resetDb, type World } from "../factories";

// The agency title end to end against a real database: registration (required), the union's yearly result per
// standard, recognitions on the 2-then-5-year cycle, the year's SQL counts, and the .xlsx/.docx list.

const TODAY = utcDate(2025, 1, 10);
const INJECTION = '=HYPERLINK("http://x")';

let w: World;
let school: { id: string; name: string };
let police: { id: string; name: string };
let tea: { id: string; name: string };
let odd: { id: string; name: string };

async function makeAgency(name: string, kind: AgencyKind) {
  return db.agency.create({ data: { communeId: w.commune.id, name, kind, headName: "Người Đứng Đầu" }, select: { id: true, name: true } });
}

const register = (year: number, agencyId: string, day = utcDate(year, 2, 10)) => registerAgency(w.actors.officer, year, { agencyId, registeredOn: day }, TODAY);

async function versionOf(year: number, agencyId: string) {
  const row = await db.agencyYear.findFirstOrThrow({ where: { agencyId, campaignYear: { year } }, select: { version: true } });
  return row.version;
}

async function assess(year: number, agencyId: string, metCodes: string[], note?: string) {
  return saveAgencyResult(w.actors.officer, year, agencyId, await versionOf(year, agencyId), { metCodes, assessedOn: utcDate(year, 12, 15), note }, TODAY);
}

const recognition = (over: Partial<RecognitionInput> = {}): RecognitionInput => ({
  kind: "FIRST", periodFrom: 2022, periodTo: 2023, issuer: "Liên đoàn Lao động tỉnh Thái Nguyên", number: "125/QĐ-LĐLĐ",
  decidedOn: utcDate(2024, 3, 15), note: undefined, ...over,
});

async function counts() {
  const [years, recognitions, audits] = await Promise.all([db.agencyYear.count(), db.agencyRecognition.count(), db.auditLog.count()]);
  return { years, recognitions, audits };
}

async function rejection(work: Promise<unknown>) {
  return work.then(() => { throw new Error("expected a refusal"); }, (e: unknown) => e as { code: string; message: string; fieldErrors?: Record<string, string[]> });
}

beforeEach(async () => {
  await resetDb();
  w = await makeWorld();
  await db.commune.update({ where: { id: w.commune.id }, data: { name: "Kim Phượng" } });
  for (const year of [2022, 2023, 2024]) await makeCampaignYear(w.commune.id, year);
  school = await makeAgency("Trường Tiểu học Kim Phượng", "PUBLIC_UNIT");
  police = await makeAgency("Công an xã Kim Phượng", "STATE_AGENCY");
  tea = await makeAgency("Công ty TNHH Chè Kim Phượng", "ENTERPRISE");
  odd = await makeAgency(INJECTION, "ENTERPRISE");
});

/** School đạt 2022–2024, police không đạt 2023, the tea company đạt 2024 only, the odd name registered 2024 without a result. */
async function threeYears() {
  for (const year of [2022, 2023, 2024]) {
    await register(year, school.id);
    await assess(year, school.id, ["1", "2", "3"]);
    await register(year, police.id);
    await assess(year, police.id, year === 2023 ? ["1", "3"] : ["1", "2", "3"], year === 2023 ? "Có cán bộ vi phạm nếp sống văn minh" : undefined);
  }
  await register(2024, tea.id);
  await assess(2024, tea.id, ["1", "2", "3", "4"]);
  await register(2024, odd.id);
}

describe("an agency's 3-year history", () => {
  it("registers, records results, the first recognition, and works out where each agency stands", async () => {
    await threeYears();
    const audits = await db.auditLog.findMany({ orderBy: { id: "asc" }, select: { action: true, entityType: true } });
    // 2 agencies × 3 years × (register + result) + tea (2) + odd (1).
    expect(audits).toHaveLength(15);
    expect(new Set(audits.map((a) => a.action))).toEqual(new Set(["agencyTitle.register", "agencyTitle.result.create"]));

    const police2023 = await db.agencyYear.findFirstOrThrow({ where: { agencyId: police.id, campaignYear: { year: 2023 } } });
    expect(police2023).toMatchObject({ result: "NOT_ACHIEVED", unmetCodes: ["2"], assessedOn: utcDate(2023, 12, 15), note: "Có cán bộ vi phạm nếp sống văn minh", version: 2 });
    const year2023 = (await getAgencyTitleYear(w.actors.officer, 2023))!;
    expect(police2023.criteriaSetId).toBe(year2023.agencyCriteriaSetId);

    // 2024: both are due for the first recognition 2022–2023; the school is ready, the police falls short in 2023.
    const year2024 = (await getAgencyTitleYear(w.actors.officer, 2024))!;
    const due = dueForRecognition(await listAgencyYearRows(w.actors.officer, year2024));
    expect(due.map((r) => [r.name, r.standing!.cycle.isReady, r.standing!.cycle.gaps])).toEqual([
      [school.name, true, []],
      [police.name, false, [2023]],
    ]);

    const { id } = await recordRecognition(w.actors.officer, school.id, recognition(), TODAY);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: id } });
    expect(audit).toMatchObject({ action: "agencyTitle.recognition.create", entityType: "AgencyRecognition" });
    expect(audit.after).toMatchObject({ name: school.name, kind: "FIRST", period: "2022–2023", number: "125/QĐ-LĐLĐ" });

    const history = (await getAgencyTitleHistory(w.actors.officer, school.id, 2024))!;
    expect(history.history.map((h) => [h.year, h.result])).toEqual([[2024, "ACHIEVED"], [2023, "ACHIEVED"], [2022, "ACHIEVED"]]);
    expect(history.recognitions).toHaveLength(1);
    expect(history.standing!.firstYear).toBe(2022);
    expect(history.standing!.cycle).toMatchObject({ next: { kind: "RENEWAL", periodFrom: 2024, periodTo: 2028, dueYear: 2029 }, isDue: false });
    // No longer due in 2024; the police still is.
    const dueAfter = dueForRecognition(await listAgencyYearRows(w.actors.officer, year2024));
    expect(dueAfter.map((r) => r.name)).toEqual([police.name]);
    // As of 2023 the recognition decided in 2024 did not exist yet.
    const as2023 = (await getAgencyTitleHistory(w.actors.officer, school.id, 2023))!;
    expect(as2023.standing!.cycle.next.kind).toBe("FIRST");
  });

  it("refuses a recognition whose period has a không đạt year, overlaps, has the wrong length or comes too early", async () => {
    await threeYears();
    const before = await counts();
    const failed = await rejection(recordRecognition(w.actors.officer, police.id, recognition(), TODAY));
    expect(failed.fieldErrors?.periodFrom).toEqual([AGENCY_TITLE_MSG.failedYearInPeriod([2023])]);

    const long = await rejection(recordRecognition(w.actors.officer, school.id, recognition({ periodTo: 2024 }), TODAY));
    expect(long.fieldErrors?.periodTo?.[0]).toMatch(/2 năm liên tục/);
    const early = await rejection(recordRecognition(w.actors.officer, school.id, recognition({ decidedOn: utcDate(2023, 11, 20) }), TODAY));
    expect(early.fieldErrors?.decidedOn).toEqual(["Ngày quyết định không được trước khi giai đoạn công nhận kết thúc (31/12/2023)."]);
    const future = await rejection(recordRecognition(w.actors.officer, school.id, recognition({ decidedOn: utcDate(2025, 2, 1) }), TODAY));
    expect(future.fieldErrors?.decidedOn?.[0]).toMatch(/sau ngày hôm nay/);
    expect(await counts()).toEqual(before);

    await recordRecognition(w.actors.officer, school.id, recognition(), TODAY);
    const overlap = await rejection(recordRecognition(w.actors.officer, school.id, recognition({ kind: "RENEWAL", periodFrom: 2023, periodTo: 2027, decidedOn: utcDate(2028, 1, 1) }), utcDate(2028, 6, 1)));
    expect(overlap.fieldErrors?.periodTo).toEqual(["Giai đoạn 2023–2027 trùng với lần công nhận giai đoạn 2022–2023."]);
    const again = await rejection(recordRecognition(w.actors.officer, school.id, recognition({ periodFrom: 2024, periodTo: 2025, decidedOn: utcDate(2026, 1, 5) }), utcDate(2026, 6, 1)));
    expect(again.fieldErrors?.periodTo).toEqual(["Đơn vị đã được công nhận lần đầu; lần này là công nhận lại."]);
  });

  it("accepts a renewal for a history that started before the app, and a covered year cannot turn không đạt", async () => {
    await threeYears();
    // The tea company was recognised in 2018–2022 (before vanhoa): its next renewal is 2023–2027.
    await recordRecognition(w.actors.officer, tea.id, recognition({ kind: "RENEWAL", periodFrom: 2018, periodTo: 2022, number: "45/QĐ-LĐLĐ", decidedOn: utcDate(2023, 2, 1) }), TODAY);
    const tea2024 = (await getAgencyTitleHistory(w.actors.officer, tea.id, 2024))!;
    expect(tea2024.standing!.cycle.next).toMatchObject({ kind: "RENEWAL", periodFrom: 2023, periodTo: 2027, dueYear: 2028 });
    expect(tea2024.standing!.cycle.gaps).toEqual([2023]);

    const { id } = await recordRecognition(w.actors.officer, school.id, recognition(), TODAY);
    const before = await counts();
    const covered = await rejection(assess(2023, school.id, ["1"]));
    expect(covered.message).toBe(AGENCY_TITLE_MSG.coveredYear(2023, "125/QĐ-LĐLĐ", "2022–2023"));
    expect(await counts()).toEqual(before);

    // Removing the recognition entered by mistake: audited, and the year can be corrected again.
    await deleteRecognition(w.actors.officer, id);
    expect(await db.auditLog.findFirst({ where: { entityId: id, action: "agencyTitle.recognition.delete" } })).not.toBeNull();
    await assess(2023, school.id, ["1"]);
    const again = await rejection(deleteRecognition(w.actors.officer, id));
    expect(again.message).toBe(AGENCY_TITLE_MSG.recognitionGone);
  });
});

describe("concurrent writes on one agency", () => {
  it("records exactly one of two first recognitions sent at once, even with different periods", async () => {
    await threeYears();
    const before = await counts();
    const results = await Promise.allSettled([
      recordRecognition(w.actors.officer, school.id, recognition(), TODAY),
      recordRecognition(w.actors.officer, school.id, recognition({ periodFrom: 2023, periodTo: 2024, decidedOn: utcDate(2025, 1, 5) }), TODAY),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!.reason as { fieldErrors?: Record<string, string[]> };
    expect(refused.fieldErrors?.periodTo?.[0]).toMatch(/đã được công nhận lần đầu|trùng với lần công nhận/);
    expect(await counts()).toEqual({ ...before, recognitions: before.recognitions + 1, audits: before.audits + 1 });
  });

  it("never leaves a không đạt year inside a recognised period when the two are saved at once", async () => {
    await threeYears();
    const version = await versionOf(2023, school.id);
    const results = await Promise.allSettled([
      recordRecognition(w.actors.officer, school.id, recognition(), TODAY),
      saveAgencyResult(w.actors.officer, 2023, school.id, version, { metCodes: ["1"], assessedOn: utcDate(2023, 12, 20) }, TODAY),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const recognised = await db.agencyRecognition.count({ where: { agencyId: school.id } });
    const failed = await db.agencyYear.count({ where: { agencyId: school.id, result: "NOT_ACHIEVED" } });
    expect(recognised + failed).toBe(1);
  });
});

describe("registration and results", () => {
  it("refuses a result for an agency that did not register for the year, writing nothing", async () => {
    await register(2023, police.id);
    const before = await counts();
    const refused = await rejection(saveAgencyResult(w.actors.officer, 2024, police.id, 1, { metCodes: ["1", "2", "3"], assessedOn: utcDate(2024, 12, 1) }, TODAY));
    expect(refused.code).toBe("RULE_VIOLATION");
    expect(refused.message).toBe("Công an xã Kim Phượng chưa đăng ký xây dựng đơn vị đạt chuẩn văn hóa năm 2024 nên không thể nhập kết quả.");
    expect(await counts()).toEqual(before);
  });

  it("assesses an enterprise against the 4 standards of its own set and refuses codes the set lacks", async () => {
    await register(2024, tea.id);
    const { result } = await assess(2024, tea.id, ["1", "2", "3"]);
    expect(result).toBe("NOT_ACHIEVED");
    const row = await db.agencyYear.findFirstOrThrow({ where: { agencyId: tea.id } });
    const year = (await getAgencyTitleYear(w.actors.officer, 2024))!;
    expect(row).toMatchObject({ unmetCodes: ["4"], criteriaSetId: year.enterpriseCriteriaSetId });
    const unknown = await rejection(assess(2024, tea.id, ["1", "9"]));
    expect(unknown.fieldErrors?.metCodes).toEqual([AGENCY_TITLE_MSG.unknownCriterion("9")]);
    // An update is audited with its before and after.
    await assess(2024, tea.id, ["1", "2", "3", "4"]);
    const update = await db.auditLog.findFirstOrThrow({ where: { action: "agencyTitle.result.update" } });
    expect(update.before).toMatchObject({ result: "NOT_ACHIEVED", unmetCodes: ["4"] });
    expect(update.after).toMatchObject({ result: "ACHIEVED", unmetCodes: [] });
  });

  it("refuses a stale version, a date out of the year, and a second registration", async () => {
    await register(2024, school.id);
    await assess(2024, school.id, ["1", "2", "3"]);
    const stale = await rejection(saveAgencyResult(w.actors.officer, 2024, school.id, 1, { metCodes: ["1"], assessedOn: utcDate(2024, 12, 1) }, TODAY));
    expect(stale).toMatchObject({ code: "CONFLICT", message: MSG.stale });
    const lateDate = await rejection(saveAgencyResult(w.actors.officer, 2024, school.id, 2, { metCodes: ["1"], assessedOn: utcDate(2023, 12, 1) }, TODAY));
    expect(lateDate.fieldErrors?.assessedOn).toEqual(["Ngày đánh giá kết quả năm 2024 không được trước ngày 01/01/2024."]);
    const twice = await rejection(register(2024, school.id));
    expect(twice).toMatchObject({ code: "CONFLICT", message: AGENCY_TITLE_MSG.alreadyRegistered(school.name, 2024, utcDate(2024, 2, 10)) });
    const outOfYear = await rejection(register(2023, school.id, utcDate(2024, 1, 5)));
    expect(outOfYear.fieldErrors?.registeredOn?.[0]).toMatch(/phải nằm trong năm 2023/);
  });

  it("unregisters only while no result is entered", async () => {
    await register(2024, school.id);
    await register(2024, police.id);
    await assess(2024, police.id, ["1", "2", "3"]);
    const before = await counts();
    const withResult = await rejection(unregisterAgency(w.actors.officer, 2024, police.id, await versionOf(2024, police.id)));
    expect(withResult.message).toBe(AGENCY_TITLE_MSG.unregisterWithResult(police.name, 2024));
    expect(await counts()).toEqual(before);

    await unregisterAgency(w.actors.officer, 2024, school.id, 1);
    expect(await db.agencyYear.count({ where: { agencyId: school.id } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "agencyTitle.unregister" } });
    expect(audit.before).toMatchObject({ name: school.name, year: 2024 });
  });

  it("keeps other roles and communes out", async () => {
    const forbidden = await rejection(registerAgency(w.actors.leader, 2024, { agencyId: school.id, registeredOn: utcDate(2024, 2, 1) }, TODAY));
    expect(forbidden.code).toBe("FORBIDDEN");
    const otherCommune = await rejection(registerAgency(w.actors.otherOfficer, 2024, { agencyId: school.id, registeredOn: utcDate(2024, 2, 1) }, TODAY));
    expect(otherCommune.code).toBe("NOT_FOUND");
    const head = await rejection(registerAgency(w.actors.headA, 2024, { agencyId: school.id, registeredOn: utcDate(2024, 2, 1) }, TODAY));
    expect(head.code).toBe("NOT_FOUND");
    expect(await db.agencyYear.count()).toBe(0);
    // The leader reads; the other commune's officer and a hamlet head see nothing.
    expect(await getAgencyTitleYear(w.actors.leader, 2024)).not.toBeNull();
    expect(await getAgencyTitleYear(w.actors.headA, 2024)).toBeNull();
    expect(await getAgencyTitleHistory(w.actors.otherOfficer, school.id, 2024)).toBeNull();
    expect(await loadAgencyList(w.actors.otherOfficer, 2024, TODAY)).toBeNull();
  });
});

describe("the year's headline and the list", () => {
  it("counts đạt / registered / all agencies in SQL, per kind, as the database does", async () => {
    await threeYears();
    const year = (await getAgencyTitleYear(w.actors.officer, 2024))!;
    const headline = await agencyYearHeadline(w.actors.officer, year);
    for (const kind of ["STATE_AGENCY", "PUBLIC_UNIT", "ENTERPRISE"] as const) {
      const where = { campaignYearId: year.id, agency: { kind } };
      const [total, registered, achieved, notAchieved] = await Promise.all([
        db.agency.count({ where: { communeId: w.commune.id, kind } }),
        db.agencyYear.count({ where }),
        db.agencyYear.count({ where: { ...where, result: "ACHIEVED" } }),
        db.agencyYear.count({ where: { ...where, result: "NOT_ACHIEVED" } }),
      ]);
      expect(headline.byKind.find((k) => k.kind === kind)).toEqual({ kind, total, registered, achieved, notAchieved });
    }
    expect(headline.total).toEqual({ kind: null, total: 4, registered: 4, achieved: 3, notAchieved: 0 });
    expect(headline.targetPct).toBe(100);
    const y2023 = await agencyYearHeadline(w.actors.officer, (await getAgencyTitleYear(w.actors.officer, 2023))!);
    expect(y2023.total).toEqual({ kind: null, total: 4, registered: 2, achieved: 1, notAchieved: 1 });
    // Another commune's officer counts nothing of this commune.
    expect((await agencyYearHeadline(w.actors.otherOfficer, year)).total).toMatchObject({ total: 0, registered: 0 });
  });

  it("writes the .xlsx: real numbers and dates, totals by kind, and the formula-like name neutralised", async () => {
    await threeYears();
    const data = (await loadAgencyList(w.actors.officer, 2024, TODAY))!;
    const bytes = await buildAgencyListWorkbook(data).xlsx.writeBuffer();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as ArrayBuffer);
    const sheet = book.getWorksheet("Kết quả năm 2024")!;
    expect(sheet).toBeDefined();
    expect(String(sheet.getCell("A1").value)).toContain("ĐẠT CHUẨN VĂN HÓA NĂM 2024");
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => sheet.getRow(4).getCell(c).value)).toEqual([
      "STT", "Tên cơ quan, đơn vị", "Loại hình", "Ngày đăng ký", "Kết quả", "Tiêu chuẩn chưa đạt", "Ghi chú",
    ]);
    expect(sheet.getRow(4).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(4).getCell(1).border?.top?.style).toBe("thin");
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);

    const rows = [5, 6, 7, 8].map((r) => sheet.getRow(r));
    expect(rows.map((r) => r.getCell(1).value)).toEqual([1, 2, 3, 4]);
    // Cơ quan nhà nước, then đơn vị sự nghiệp, then doanh nghiệp (Vietnamese order inside).
    expect(rows.map((r) => r.getCell(2).value)).toEqual([police.name, school.name, `'${INJECTION}`, tea.name]);
    const injected = rows[2]!.getCell(2);
    expect(injected.type).toBe(ExcelJS.ValueType.String);
    expect(injected.formula).toBeUndefined();
    const registered = rows[0]!.getCell(4);
    expect(registered.value).toEqual(utcDate(2024, 2, 10));
    expect(registered.numFmt).toBe("dd/mm/yyyy");
    expect(rows[2]!.getCell(5).value).toBe("Chưa nhập kết quả");
    expect(rows[0]!.getCell(7).value).toBe("Đến hạn công nhận lần đầu 2022–2023; năm chưa đạt: 2023");

    const totalRow = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(2).value === "Tổng cộng")!;
    expect([3, 4, 5, 6].map((c) => totalRow.getCell(c).value)).toEqual([4, 4, 3, 0]);
    expect(totalRow.getCell(7).value).toBeCloseTo(0.75);
    const enterprise = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(2).value === "Doanh nghiệp")!;
    expect([3, 4, 5].map((c) => enterprise.getCell(c).value)).toEqual([2, 2, 1]);
    expect(agencyListFilename(data, "xlsx").ascii).toBe("ket-qua-co-quan-van-hoa-2024.xlsx");
  });

  it("neutralises formula-like text in every text cell of the .xlsx: name, standards not met and note", async () => {
    const row = (name: string, unmetCodes: string[], note: string) => ({
      name, kind: "ENTERPRISE" as const, registeredOn: utcDate(2024, 2, 10), isRegistered: true, result: "NOT_ACHIEVED" as const, unmetCodes, note,
    });
    const totals = { kind: null, total: 3, registered: 3, achieved: 0, notAchieved: 3 };
    const data = {
      commune: { name: "Kim Phượng", kind: "XA" as const, province: "Thái Nguyên" }, year: 2024, documentDate: TODAY, targetPct: 100,
      rows: [row("＝HYPERLINK(\"http://x\")", ["-1"], "+84912345678"), row(" =1+1", [], "@SUM(A1)"), row("\n=1+1", [], "Ghi chú thường")],
      totals: [{ ...totals, kind: "ENTERPRISE" as const }], total: totals, signer: { authority: "", title: "CHỦ TỊCH", name: "Ký Tên" },
    };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await buildAgencyListWorkbook(data).xlsx.writeBuffer()) as ArrayBuffer);
    const sheet = book.getWorksheet("Kết quả năm 2024")!;
    const texts = [5, 6, 7].flatMap((r) => [2, 6, 7].map((c) => sheet.getRow(r).getCell(c)));
    expect(texts.map((c) => c.value)).toEqual([
      "'＝HYPERLINK(\"http://x\")", "'-1", "'+84912345678", "' =1+1", "", "'@SUM(A1)", "'\n=1+1", "", "Ghi chú thường",
    ]);
    for (const cell of texts) expect(cell.formula).toBeUndefined();
  });

  it("writes the .docx: a valid zip with every agency and its standing", async () => {
    await threeYears();
    const data = (await loadAgencyList(w.actors.officer, 2024, TODAY))!;
    const files = unzipSync(new Uint8Array(await renderDocx(buildAgencyList(data))));
    const xml = strFromU8(files["word/document.xml"]!);
    for (const name of [school.name, police.name, tea.name]) expect(xml).toContain(name);
    expect(xml).toContain("HYPERLINK");
    expect(xml).toContain("DANH SÁCH");
    expect(xml).toContain("Kết quả xây dựng cơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa năm 2024");
    expect(xml).toContain("XÃ KIM PHƯỢNG");
    expect(xml).toContain("Đến hạn công nhận lần đầu 2022–2023");
    expect(xml).toContain("chỉ tiêu 100 %");
  });
});
