import fs from "node:fs";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import type { Actor } from "@/lib/policy";
import { GET as agencyListRoute } from "@/app/api/documents/agency-list/[year]/route";
import { GET as yearReportRoute } from "@/app/api/documents/year-report/[year]/route";
import { GET as templateRoute } from "@/app/api/household-imports/template/route";
import { makeCampaignYear, makeReview } from "../factories/cycle";
import { makeHousehold, makeWorld, resetDb, type World } from "../factories";
import { rel, sourceFiles } from "../support/discover";

// Formula injection (OWASP "CSV injection") in every spreadsheet the app produces: names and notes that start like
// a formula — "=HYPERLINK(…)", "+", "-", "@", behind a tab, CR, LF, spaces or as full-width look-alikes — are put
// straight into the real database (as an import or a direct edit could leave them), each workbook is downloaded
// through its route as an officer, and every cell is read back with exceljs and in the raw sheet XML: no cell is a
// formula, no text cell starts like one, and the hostile text is still there to read (neutralised, not dropped).

let current: Actor | null = null;
vi.mock("@/lib/session", () => ({ getActor: vi.fn(async () => current), requireActor: vi.fn(async () => current) }));

const HOSTILE = [
  '=HYPERLINK("http://evil.example","Bấm vào đây")',
  "+SUM(1+1)",
  "-2+3",
  "@SUM(A1:A9)",
  "\t=1+1",
  "\r=1+1",
  "\n=1+1",
  "   =1+1",
  "\uff1d1+1",
  "\u3000=1+1",
  "=cmd|' /C calc'!A0",
];

/** How a formula may start: the rule the exports must defeat (lib/excel.ts neutralises exactly these). */
const FORMULA_START = /^[\t\r\n]|^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/** The workbooks this file checks; a module that uses exceljs and is not listed here fails the first test. */
const COVERED = [
  "lib/excel.ts", "lib/excel-route.ts", "lib/reports/year-workbook.ts", "lib/documents/agency-list.ts", "lib/household-import/template.ts",
  // Reads uploaded workbooks; writes none.
  "lib/household-import/parse.ts",
];

let w: World;

beforeAll(async () => {
  await resetDb();
  w = await makeWorld();
  await db.commune.update({ where: { id: w.commune.id }, data: { name: HOSTILE[0]! } });
  const year = await makeCampaignYear(w.commune.id, 2024);
  const hamlets = await Promise.all(HOSTILE.map((name, i) => db.hamlet.create({ data: { communeId: w.commune.id, name: `${name}${i === 0 ? "" : ` ${i}`}` } })));
  for (const [i, hamlet] of hamlets.entries()) {
    const h = await makeHousehold(hamlet, { headName: HOSTILE[i]!, address: HOSTILE[(i + 1) % HOSTILE.length]! });
    if (i % 2 === 0) await makeReview(year, hamlet, { assessments: [{ householdId: h.id, result: "ACHIEVED" }] });
  }
  for (const [i, name] of HOSTILE.entries()) {
    const agency = await db.agency.create({ data: { communeId: w.commune.id, name: `${name} #${i}`, kind: i % 2 ? "ENTERPRISE" : "STATE_AGENCY", headName: HOSTILE[i]! } });
    await db.agencyYear.create({
      data: {
        communeId: w.commune.id, campaignYearId: year.id, agencyId: agency.id, registeredOn: utcDate(2024, 2, 1),
        result: "NOT_ACHIEVED", unmetCodes: [HOSTILE[(i + 2) % HOSTILE.length]!], note: HOSTILE[(i + 3) % HOSTILE.length]!, assessedOn: utcDate(2024, 12, 1),
      },
    });
  }
});

async function download(route: typeof yearReportRoute, url: string): Promise<Uint8Array> {
  current = w.actors.officer;
  try {
    const response = await route(new Request(`http://localhost${url}`), { params: Promise.resolve({ year: "2024" }) });
    expect(response.status).toBe(200);
    return new Uint8Array(await response.arrayBuffer());
  } finally {
    current = null;
  }
}

const textOf = (value: ExcelJS.CellValue): string | null => {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  return null;
};

/** Every cell of every sheet that is a formula or whose text starts like one, and all the text read. */
async function inspect(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const formulas: string[] = [];
  const risky: string[] = [];
  const texts: string[] = [];
  book.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Formula || cell.formula) formulas.push(`${sheet.name}!${cell.address}`);
        const text = textOf(cell.value);
        if (text === null) return;
        texts.push(text);
        if (FORMULA_START.test(text)) risky.push(`${sheet.name}!${cell.address}: ${JSON.stringify(text)}`);
      });
    });
  });
  // The raw XML too: a formula is an <f> element, whatever a reader makes of it.
  const files = unzipSync(bytes);
  const rawFormulas = Object.entries(files).filter(([name, data]) => /^xl\/worksheets\/.*\.xml$/.test(name) && /<f[\s>]/.test(strFromU8(data))).map(([name]) => name);
  return { formulas, risky, texts, rawFormulas };
}

describe("Excel exports neutralise formula-like text", () => {
  it("covers every module that builds a spreadsheet", () => {
    const users = sourceFiles().filter((f) => /from ["']exceljs["']/.test(fs.readFileSync(f, "utf8"))).map(rel);
    expect(users.filter((f) => !COVERED.includes(f))).toEqual([]);
  });

  it("the import template, whose example rows carry a hamlet's name: no formula, no cell starting like one", async () => {
    // Whichever hamlet the template names, its name starts like a formula.
    const hamlets = await db.hamlet.findMany({ where: { communeId: w.commune.id }, select: { id: true } });
    for (const [i, h] of hamlets.entries()) await db.hamlet.update({ where: { id: h.id }, data: { name: `${HOSTILE[0]} (mẫu ${i})` } });
    current = w.actors.officer;
    try {
      const response = await templateRoute();
      expect(response.status).toBe(200);
      const { formulas, risky, texts, rawFormulas } = await inspect(new Uint8Array(await response.arrayBuffer()));
      expect([formulas, rawFormulas, risky]).toEqual([[], [], []]);
      expect(texts.some((t) => t.startsWith(`'${HOSTILE[0]} (mẫu`))).toBe(true);
    } finally {
      current = null;
    }
  });

  it.each([
    ["the year's workbook (Tổng hợp, Theo xóm, Hộ gia đình)", yearReportRoute, "/api/documents/year-report/2024?format=xlsx"],
    ["the agencies' list", agencyListRoute, "/api/documents/agency-list/2024?format=xlsx"],
  ])("%s: no formula, no cell starting like one, the text still readable", async (_label, route, url) => {
    const { formulas, risky, texts, rawFormulas } = await inspect(await download(route, url));
    expect(formulas).toEqual([]);
    expect(rawFormulas).toEqual([]);
    expect(risky).toEqual([]);
    // Neutralised, not dropped: the hostile names are there behind an apostrophe.
    expect(texts.some((t) => t.includes('HYPERLINK("http://evil.example"'))).toBe(true);
    expect(texts.filter((t) => t.startsWith("'")).length).toBeGreaterThanOrEqual(HOSTILE.length);
  });
});
