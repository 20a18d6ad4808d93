import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/documents/year-report/[year]/route";
import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import { buildYearReport } from "@/lib/documents/year-report";
import { renderDocx } from "@/lib/documents/decree30";
import { XLSX_TYPE } from "@/lib/excel";
import type { Actor } from "@/lib/policy";
import { loadYearReport } from "@/lib/reports/year-data";
import { REVIEW_STATUS_LABEL } from "@/lib/review/rules";
import {
  buildYearWorkbook, HAMLET_HEADERS, HOUSEHOLD_HEADERS, SHEET, SUMMARY_LABEL,
} from "@/lib/reports/year-workbook";
import { getActor } from "@/lib/session";
import { docxText } from "../support/docx";
import { makeCampaignYear, makeReview, type YearRow } from "../factories/cycle";
import { makeHouseholdAwards } from "../factories/hamlet-title";
import { makeHamlet, makeHousehold, makeWorld, resetDb, type HamletRow, type World } from "../factories";

vi.mock("@/lib/session", () => ({ getActor: vi.fn() }));

// A year with known outcomes (commune C, 2024, targets 90 / 90 / 100), hamlets in Vietnamese order:
//   Xóm Bản Chang (A): 6 active + 1 MOVED_OUT; 5 registered; review DECIDED: a0–a3 đạt (awards a0–a3 in 2024,
//     a3 CANCELLED), a4 không đạt, a5 không xét (E2, with a reason that must never reach the workbook).
//     2023 awards a0, a1; 2022 award a0 → a0 is the only household with 3 consecutive years.
//   Xóm Dạ (B): 3 active, one named "=HYPERLINK(…)"; 2 registered; review in NOTICE: 1 đạt, 1 không xét (E4).
//   Xóm Đồng Tâm (C): 1 active, nothing else.
// The other commune has its own households and awards: never counted.

let w: World;
let y2024: YearRow;
let A: HamletRow, B: HamletRow, C: HamletRow;
const SECRET = "Lý do mật: đang bị điều tra vụ án";
const FORMULA = "=HYPERLINK(\"http://x\",\"y\")";

async function register(year: YearRow, households: { id: string; hamletId: string; communeId: string }[]) {
  await db.registration.createMany({
    data: households.map((h) => ({ communeId: h.communeId, campaignYearId: year.id, householdId: h.id, hamletId: h.hamletId, registeredOn: utcDate(year.year, 2, 1) })),
  });
}

async function many(hamlet: HamletRow, n: number) {
  const rows = [];
  for (let i = 0; i < n; i++) rows.push(await makeHousehold(hamlet));
  return rows;
}

beforeAll(async () => {
  await resetDb();
  w = await makeWorld();
  const c = w.commune.id;
  await db.commune.update({ where: { id: c }, data: { name: "Kim Phượng" } });
  A = await makeHamlet(c, { name: "Xóm Bản Chang" });
  B = await makeHamlet(c, { name: "Xóm Dạ" });
  C = await makeHamlet(c, { name: "Xóm Đồng Tâm" });
  await db.hamlet.updateMany({ where: { id: { in: [w.hamletA.id, w.hamletB.id] } }, data: { communeId: w.otherCommune.id } });
  await db.user.updateMany({ where: { hamletId: w.hamletA.id }, data: { hamletId: null } });

  const y2022 = await makeCampaignYear(c, 2022);
  const y2023 = await makeCampaignYear(c, 2023);
  y2024 = await makeCampaignYear(c, 2024);
  await db.campaignYear.update({ where: { id: y2024.id }, data: { planNumber: "15/KH-BCĐ", planDate: utcDate(2024, 3, 21), planIssuer: "Ban Chỉ đạo xã" } });

  const a = await many(A, 6);
  const movedOut = await makeHousehold(A, { status: "MOVED_OUT" });
  const b = [await makeHousehold(B, { headName: FORMULA }), ...(await many(B, 2))];
  await many(C, 1);

  await register(y2024, [...a.slice(0, 5), b[0]!, b[1]!]);
  await makeHouseholdAwards(y2024, [...a.slice(0, 4), movedOut], { cancelled: [a[3]!.id] });
  const decision = await db.decision.findFirstOrThrow({ where: { campaignYearId: y2024.id }, select: { id: true } });
  await makeReview(y2024, A, {
    status: "DECIDED", decisionId: decision.id,
    assessments: [
      ...a.slice(0, 4).map((h) => ({ householdId: h.id, result: "ACHIEVED" as const })),
      { householdId: a[4]!.id, result: "NOT_ACHIEVED" as const },
      { householdId: a[5]!.id, result: "EXCLUDED" as const, exclusions: ["E2" as const] },
    ],
  });
  await makeReview(y2024, B, {
    status: "NOTICE", noticePostedOn: utcDate(2024, 11, 6),
    assessments: [{ householdId: b[0]!.id, result: "ACHIEVED" }, { householdId: b[1]!.id, result: "EXCLUDED", exclusions: ["E4"] }],
  });
  await db.assessment.updateMany({ where: { result: "EXCLUDED" }, data: { reason: SECRET } });
  await makeHouseholdAwards(y2023, [a[0]!, a[1]!, movedOut]);
  await makeHouseholdAwards(y2022, [a[0]!, movedOut]);

  const z = await many(w.hamletZ, 3);
  const zYear = await makeCampaignYear(w.otherCommune.id, 2024);
  await register(zYear, z);
  await makeHouseholdAwards(zYear, z);
});

const signIn = (actor: Actor | null) => vi.mocked(getActor).mockResolvedValue(actor);
const get = (year: string, format: string) =>
  GET(new Request(`http://localhost/api/documents/year-report/${year}?format=${format}`), { params: Promise.resolve({ year }) });

async function one(query: Promise<{ n: number }[]>): Promise<number> {
  return (await query)[0]!.n;
}

/** Counts written here directly in SQL (joins), independent of lib/dashboard. */
async function sqlCounts(communeId: string, yearId: string, year: number) {
  return {
    total: await one(db.$queryRaw`SELECT count(*)::int AS n FROM "Household" WHERE "communeId" = ${communeId}::uuid AND "status" = 'ACTIVE'`),
    registered: await one(db.$queryRaw`
      SELECT count(*)::int AS n FROM "Registration" r JOIN "Household" hh ON hh."id" = r."householdId"
      WHERE r."campaignYearId" = ${yearId}::uuid AND hh."status" = 'ACTIVE' AND hh."communeId" = ${communeId}::uuid`),
    recognised: await one(db.$queryRaw`
      SELECT count(*)::int AS n FROM "TitleAward" a JOIN "Household" hh ON hh."id" = a."householdId" JOIN "Decision" d ON d."id" = a."decisionId"
      WHERE a."campaignYearId" = ${yearId}::uuid AND a."status" = 'ACTIVE' AND d."status" = 'ISSUED' AND hh."status" = 'ACTIVE' AND hh."communeId" = ${communeId}::uuid`),
    threeYears: await one(db.$queryRaw`
      SELECT count(*)::int AS n FROM "Household" hh WHERE hh."communeId" = ${communeId}::uuid AND hh."status" = 'ACTIVE'
        AND EXISTS (SELECT 1 FROM "TitleAward" a WHERE a."householdId" = hh."id" AND a."year" = ${year} AND a."status" = 'ACTIVE')
        AND EXISTS (SELECT 1 FROM "TitleAward" a WHERE a."householdId" = hh."id" AND a."year" = ${year - 1} AND a."status" = 'ACTIVE')
        AND EXISTS (SELECT 1 FROM "TitleAward" a WHERE a."householdId" = hh."id" AND a."year" = ${year - 2} AND a."status" = 'ACTIVE')`),
    excluded: await db.$queryRaw<{ code: string; n: number }[]>`
      SELECT x::text AS code, count(*)::int AS n FROM "Assessment" s JOIN "HamletReview" rv ON rv."id" = s."hamletReviewId"
      CROSS JOIN unnest(s."exclusions") x WHERE rv."campaignYearId" = ${yearId}::uuid GROUP BY 1`,
  };
}

async function openWorkbook(bytes: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as ArrayBuffer);
  return workbook;
}

function summaryValue(sheet: ExcelJS.Worksheet, label: string, column = 2): unknown {
  let found: unknown = undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === label) found = row.getCell(column).value;
  });
  if (found === undefined) throw new Error(`no row "${label}"`);
  return found;
}

describe("year workbook", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const data = await loadYearReport(w.actors.officer, 2024, utcDate(2024, 12, 20));
    expect(data).not.toBeNull();
    // A page size of 2 makes the households sheet read several pages per hamlet.
    const built = await buildYearWorkbook(data!, { pageSize: 2 });
    workbook = await openWorkbook(await built.xlsx.writeBuffer());
  });

  it("has the three sheets with bold, frozen headers", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([SHEET.summary, SHEET.hamlets, SHEET.households]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
      expect(sheet.getRow(4).getCell(1).font?.bold).toBe(true);
      expect(sheet.getColumn(2).width).toBeGreaterThan(10);
    }
  });

  it("summary totals match SQL counts, as numbers and fractions", async () => {
    const s = workbook.getWorksheet(SHEET.summary)!;
    const sql = await sqlCounts(w.commune.id, y2024.id, 2024);
    expect(sql).toMatchObject({ total: 10, registered: 7, recognised: 3, threeYears: 1 });
    expect(summaryValue(s, SUMMARY_LABEL.hhTotal)).toBe(sql.total);
    expect(summaryValue(s, SUMMARY_LABEL.hhRegistered)).toBe(sql.registered);
    expect(summaryValue(s, SUMMARY_LABEL.hhRegistered, 3)).toBeCloseTo(sql.registered / sql.total, 10);
    expect(summaryValue(s, SUMMARY_LABEL.hhRecognised)).toBe(sql.recognised);
    expect(summaryValue(s, SUMMARY_LABEL.hhRecognised, 3)).toBeCloseTo(sql.recognised / sql.total, 10);
    expect(summaryValue(s, SUMMARY_LABEL.hhRecognised, 4)).toBeCloseTo(sql.recognised / sql.registered, 10);
    expect(summaryValue(s, SUMMARY_LABEL.hhProvisional)).toBe(1);
    expect(summaryValue(s, SUMMARY_LABEL.hhThreeYears)).toBe(sql.threeYears);
    const excluded = new Map(sql.excluded.map((r) => [r.code, r.n]));
    for (const code of ["E1", "E2", "E3", "E4"]) expect(summaryValue(s, SUMMARY_LABEL.hhExcluded(code))).toBe(excluded.get(code) ?? 0);
    expect(excluded.get("E2")).toBe(1);
    expect(summaryValue(s, SUMMARY_LABEL.hhTarget)).toBe(0.9);
    expect(summaryValue(s, SUMMARY_LABEL.hhTargetCount)).toBe(9);
    expect(summaryValue(s, SUMMARY_LABEL.hhGap)).toBe(6);
    expect(summaryValue(s, SUMMARY_LABEL.hmTotal)).toBe(3);
    // A percentage cell carries a % number format.
    let fmt: string | undefined;
    s.eachRow((row) => { if (row.getCell(1).value === SUMMARY_LABEL.hhRecognised) fmt = row.getCell(3).numFmt; });
    expect(fmt).toContain("%");
  });

  it("has one 'Theo xóm' row per hamlet with its counts", () => {
    const s = workbook.getWorksheet(SHEET.hamlets)!;
    expect((s.getRow(4).values as unknown[]).slice(1)).toEqual([...HAMLET_HEADERS]);
    const rows = [5, 6, 7].map((r) => (s.getRow(r).values as unknown[]).slice(1, 12));
    expect(rows).toEqual([
      [1, "Xóm Bản Chang", 6, 5, 6, 4, 1, 1, 3, 0.5, 3],
      [2, "Xóm Dạ", 3, 2, 2, 1, 0, 1, 0, 0, 3],
      [3, "Xóm Đồng Tâm", 1, 0, 0, 0, 0, 0, 0, 0, 1],
    ]);
    expect(s.getRow(5).getCell(12).value).toBe("Đã có quyết định");
    expect(s.getRow(6).getCell(12).value).toBe("Đang niêm yết");
    expect(s.getRow(7).getCell(12).value).toBe("Chưa họp bình xét");
    expect(s.getRow(8).getCell(2).value).toBe("Toàn xã");
    expect(s.getRow(8).getCell(3).value).toBe(10);
  });

  it("dates a submitted or accepted dossier by its day in Vietnam, not by its UTC day", async () => {
    const data = (await loadYearReport(w.actors.officer, 2024, utcDate(2024, 12, 20)))!;
    const [first, second, ...rest] = data.figures.hamletFigures;
    // 01:00 on 28/11 and 06:30 on 25/11 in Vietnam are still the 27th and the 24th in UTC.
    const acceptedAt = new Date(Date.UTC(2024, 10, 27, 18, 0));
    const submittedAt = new Date(Date.UTC(2024, 10, 24, 23, 30));
    data.figures.hamletFigures = [
      { ...first!, review: { ...first!.review!, status: "ACCEPTED", acceptedAt } },
      { ...second!, review: { ...second!.review!, status: "SUBMITTED", submittedAt } },
      ...rest,
    ];
    const built = await openWorkbook(await (await buildYearWorkbook(data)).xlsx.writeBuffer());
    const s = built.getWorksheet(SHEET.hamlets)!;
    expect(s.getRow(5).getCell(12).value).toBe(REVIEW_STATUS_LABEL.ACCEPTED);
    expect(s.getRow(5).getCell(13).value).toEqual(utcDate(2024, 11, 28));
    expect(s.getRow(6).getCell(12).value).toBe(REVIEW_STATUS_LABEL.SUBMITTED);
    expect(s.getRow(6).getCell(13).value).toEqual(utcDate(2024, 11, 25));
    expect(s.getRow(6).getCell(13).numFmt).toBe("dd/mm/yyyy");
  });

  it("lists every active household once, neutralises formulas and shows no reasons", async () => {
    const s = workbook.getWorksheet(SHEET.households)!;
    expect((s.getRow(4).values as unknown[]).slice(1)).toEqual([...HOUSEHOLD_HEADERS]);
    const body: unknown[][] = [];
    s.eachRow((row, n) => { if (n > 4) body.push((row.values as unknown[]).slice(1)); });
    const active = await db.household.findMany({ where: { communeId: w.commune.id, status: "ACTIVE" }, select: { headName: true } });
    expect(body).toHaveLength(active.length);
    expect(body.map((r) => r[0])).toEqual(active.map((_, i) => i + 1));
    const names = body.map((r) => r[2] as string);
    expect(new Set(names).size).toBe(active.length);
    expect(names).toContain(`'${FORMULA}`);
    expect(names).not.toContain(FORMULA);
    for (const row of body) for (const v of row) expect(typeof v === "object" && v !== null && "formula" in v).toBe(false);
    const byResult = (text: string) => body.filter((r) => r[5] === text).length;
    expect([byResult("Đạt"), byResult("Không đạt"), byResult("Không xét"), byResult("Chưa bình xét")]).toEqual([5, 1, 2, 2]);
    expect(body.filter((r) => r[6] === "Đã công nhận")).toHaveLength(3);
    expect(body.filter((r) => r[6] === "Đã hủy")).toHaveLength(1);
    expect(body.filter((r) => r[4] === "Có")).toHaveLength(7);
    const text = JSON.stringify(body);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/E[1-4]/);
    expect(text).not.toContain("truy cứu");
  });
});

describe("year-end report (.docx)", () => {
  it("states the title, the figures and the hamlets below target", async () => {
    const data = await loadYearReport(w.actors.leader, 2024, utcDate(2024, 12, 20));
    const bytes = await renderDocx(buildYearReport(data!));
    const files = unzipSync(new Uint8Array(bytes));
    expect(strFromU8(files["[Content_Types].xml"]!)).toContain("wordprocessingml");
    const text = docxText(new Uint8Array(bytes));
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("Kết quả thực hiện Phong trào \u201cToàn dân đoàn kết xây dựng đời sống văn hóa\u201d năm 2024");
    expect(text).toContain("BAN CHỈ ĐẠO PHONG TRÀO");
    expect(text).toContain("Kim Phượng, ngày 20 tháng 12 năm 2024");
    expect(text).toContain("Theo Kế hoạch số 15/KH-BCĐ ngày 21 tháng 3 năm 2024");
    expect(text).toContain("Tổng số hộ gia đình trên địa bàn: 10 hộ; số hộ đăng ký xây dựng danh hiệu: 7 hộ (70,0 % tổng số hộ)");
    expect(text).toContain("3 hộ, đạt 30,0 % tổng số hộ và 42,9 % số hộ đăng ký");
    expect(text).toContain("3 năm liên tục (2022, 2023, 2024): 1 hộ");
    expect(text).toContain("nhóm E1: 0 hộ; nhóm E2: 1 hộ; nhóm E3: 0 hộ; nhóm E4: 1 hộ");
    expect(text).toContain("chưa đạt chỉ tiêu 90 % (còn thiếu 6 hộ)");
    // Below-target hamlets, largest gap first: Bản Chang 50 % (3), Dạ 0 % (3), Đồng Tâm 0 % (1).
    expect(text).toMatch(/1\nXóm Bản Chang\n6\n3\n50 %\n3/);
    expect(text).toMatch(/Xóm Dạ\n3\n0\n0 %\n3/);
    expect(text).toMatch(/Xóm Đồng Tâm\n1\n0\n0 %\n1/);
    expect(text).toContain("TM. BAN CHỈ ĐẠO");
    expect(text).toContain("TRƯỞNG BAN");
    expect(text).toContain("Ban Chỉ đạo Phong trào tỉnh (b/c);");
    expect(text).not.toContain(SECRET);
  });
});

describe("GET /api/documents/year-report/[year]", () => {
  it("401 signed out, 404 for a hamlet head, an unknown year or another commune's actor", async () => {
    signIn(null);
    expect((await get("2024", "xlsx")).status).toBe(401);
    signIn(w.actors.headA);
    expect((await get("2024", "xlsx")).status).toBe(404);
    expect((await get("2024", "docx")).status).toBe(404);
    signIn(w.actors.officer);
    expect((await get("2031", "docx")).status).toBe(404);
    expect((await get("abcd", "xlsx")).status).toBe(404);
    expect((await get("2024", "pdf")).status).toBe(400);
  });

  it("serves the workbook and the report to the committee", async () => {
    signIn(w.actors.committee);
    const xlsx = await get("2024", "xlsx");
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("Content-Type")).toBe(XLSX_TYPE);
    const workbook = await openWorkbook(await xlsx.arrayBuffer());
    expect(summaryValue(workbook.getWorksheet(SHEET.summary)!, SUMMARY_LABEL.hhTotal)).toBe(10);
    const docx = await get("2024", "docx");
    expect(docx.status).toBe(200);
    expect(docxText(new Uint8Array(await docx.arrayBuffer()))).toContain("năm 2024");
  });

  it("an officer of another commune sees its own commune, never this one's figures", async () => {
    signIn(w.actors.otherOfficer);
    const xlsx = await get("2024", "xlsx");
    expect(xlsx.status).toBe(200);
    const workbook = await openWorkbook(await xlsx.arrayBuffer());
    expect(summaryValue(workbook.getWorksheet(SHEET.summary)!, SUMMARY_LABEL.hhTotal)).toBe(3);
  });
});
