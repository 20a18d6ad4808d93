import { loadAgencyList } from "@/lib/agency-title/queries";
import { todayInVietnam } from "@/lib/dates";
import { agencyListFilename, buildAgencyList, buildAgencyListWorkbook } from "@/lib/documents/agency-list";
import { serveDocument } from "@/lib/documents/route";
import { serveWorkbook } from "@/lib/excel-route";

/** The year's agency results, ?format=docx (default) or xlsx: agency.read, the actor's commune. */
export async function GET(request: Request, { params }: { params: Promise<{ year: string }> }) {
  const { year: yearParam } = await params;
  const year = /^\d{4}$/.test(yearParam) ? Number(yearParam) : NaN;
  const format = new URL(request.url).searchParams.get("format") ?? "docx";
  if (format === "xlsx") {
    return serveWorkbook(async (actor) => {
      const data = await loadAgencyList(actor, year, todayInVietnam());
      return data && { workbook: buildAgencyListWorkbook(data), name: agencyListFilename(data, "xlsx") };
    });
  }
  if (format !== "docx") {
    return new Response("Định dạng tải về không hợp lệ (docx hoặc xlsx).", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return serveDocument(async (actor) => {
    const data = await loadAgencyList(actor, year, todayInVietnam());
    return data && { doc: buildAgencyList(data), name: agencyListFilename(data, "docx") };
  });
}
