import { buildCouncilMinutes, councilMinutesFilename } from "@/lib/documents/council-minutes";
import { loadCouncilMinutes } from "@/lib/documents/hamlet-loaders";
import { serveDocument } from "@/lib/documents/route";

/** Biên bản họp Hội đồng Thi đua - Khen thưởng xã (Mẫu 06): decision.read or council.manage. */
export async function GET(_request: Request, { params }: { params: Promise<{ councilId: string }> }) {
  const { councilId } = await params;
  return serveDocument(async (actor) => {
    const data = await loadCouncilMinutes(actor, councilId);
    return data && { doc: buildCouncilMinutes(data), name: councilMinutesFilename(data) };
  });
}
