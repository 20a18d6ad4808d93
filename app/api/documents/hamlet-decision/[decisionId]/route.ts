import { buildHamletDecision, hamletDecisionFilename } from "@/lib/documents/hamlet-decision";
import { loadHamletDecision } from "@/lib/documents/hamlet-loaders";
import { serveDocument } from "@/lib/documents/route";

/** Quyết định công nhận "Xóm văn hóa"; a draft prints "DỰ THẢO". decision.read. */
export async function GET(_request: Request, { params }: { params: Promise<{ decisionId: string }> }) {
  const { decisionId } = await params;
  return serveDocument(async (actor) => {
    const data = await loadHamletDecision(actor, decisionId);
    return data && { doc: buildHamletDecision(data), name: hamletDecisionFilename(data) };
  });
}
