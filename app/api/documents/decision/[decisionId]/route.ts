import { buildDecision, decisionFilename } from "@/lib/documents/decision";
import { loadDecision } from "@/lib/documents/loaders";
import { serveDocument } from "@/lib/documents/route";

/** Quyết định (Mẫu 10, or a cancellation) with its Phụ lục; a draft prints "DỰ THẢO". decision.read. */
export async function GET(_request: Request, { params }: { params: Promise<{ decisionId: string }> }) {
  const { decisionId } = await params;
  return serveDocument(async (actor) => {
    const data = await loadDecision(actor, decisionId);
    return data && { doc: buildDecision(data), name: decisionFilename(data) };
  });
}
