import { loadHamletProposal } from "@/lib/documents/hamlet-loaders";
import { buildHamletProposal, hamletProposalFilename } from "@/lib/documents/hamlet-proposal";
import { serveDocument } from "@/lib/documents/route";

/** Tờ trình (Mẫu 04) of the year's council review: decision.read or council.manage; 409 until it has a number and date. */
export async function GET(_request: Request, { params }: { params: Promise<{ councilId: string }> }) {
  const { councilId } = await params;
  return serveDocument(async (actor) => {
    const data = await loadHamletProposal(actor, councilId);
    return data && { doc: buildHamletProposal(data), name: hamletProposalFilename(data) };
  });
}
