import { buildCertificates, certificatesFilename } from "@/lib/documents/certificate";
import { loadCertificates } from "@/lib/documents/loaders";
import { serveDocument } from "@/lib/documents/route";

/** Giấy chứng nhận, one landscape page per household of an issued award decision. decision.read. */
export async function GET(_request: Request, { params }: { params: Promise<{ decisionId: string }> }) {
  const { decisionId } = await params;
  return serveDocument(async (actor) => {
    const data = await loadCertificates(actor, decisionId);
    return data && { doc: buildCertificates(data), name: certificatesFilename(data) };
  });
}
