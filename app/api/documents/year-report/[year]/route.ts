import { buildYearReport, yearReportFilename } from "@/lib/documents/year-report";
import { serveDocument } from "@/lib/documents/route";
import { serveWorkbook } from "@/lib/excel-route";
import { loadYearReport } from "@/lib/reports/year-data";
import { buildYearWorkbook, yearWorkbookFilename } from "@/lib/reports/year-workbook";

/**
 * The year's reports of the actor's commune: ?format=xlsx the workbook (Tổng hợp, Theo xóm, Hộ gia đình),
 * ?format=docx (default) the year-end report. OFFICER, LEADER, COMMITTEE; others (a hamlet head) get 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ year: string }> }) {
  const { year: yearParam } = await params;
  const year = /^\d{4}$/.test(yearParam) ? Number(yearParam) : NaN;
  const format = new URL(request.url).searchParams.get("format") ?? "docx";
  if (format === "xlsx") {
    return serveWorkbook(async (actor) => {
      const data = await loadYearReport(actor, year);
      return data && { workbook: await buildYearWorkbook(data), name: yearWorkbookFilename(data) };
    });
  }
  if (format !== "docx") {
    return new Response("Định dạng tải về không hợp lệ (docx hoặc xlsx).", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return serveDocument(async (actor) => {
    const data = await loadYearReport(actor, year);
    return data && { doc: buildYearReport(data), name: yearReportFilename(data) };
  });
}
