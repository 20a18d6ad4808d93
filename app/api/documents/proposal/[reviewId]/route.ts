import { loadProposal } from "@/lib/documents/loaders";
import { buildProposal, proposalFilename } from "@/lib/documents/proposal";
import { serveDocument } from "@/lib/documents/route";

/** Văn bản đề nghị + Bảng tổng hợp of a hamlet review: review.read, a hamlet head only for their hamlet. */
export async function GET(_request: Request, { params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  return serveDocument(async (actor) => {
    const data = await loadProposal(actor, reviewId);
    return data && { doc: buildProposal(data), name: proposalFilename(data) };
  });
}
