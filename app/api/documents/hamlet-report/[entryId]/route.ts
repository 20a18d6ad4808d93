import { buildHamletReport, hamletReportFilename } from "@/lib/documents/hamlet-report";
import { loadHamletReport } from "@/lib/documents/hamlet-loaders";
import { serveDocument } from "@/lib/documents/route";

/** Báo cáo thành tích (Mẫu 05) of a hamlet's year: review.read, a hamlet head only for their own hamlet. */
export async function GET(_request: Request, { params }: { params: Promise<{ entryId: string }> }) {
  const { entryId } = await params;
  return serveDocument(async (actor) => {
    const data = await loadHamletReport(actor, entryId);
    return data && { doc: buildHamletReport(data), name: hamletReportFilename(data) };
  });
}
