import { loadMinutes } from "@/lib/documents/loaders";
import { buildMinutes, minutesFilename } from "@/lib/documents/minutes";
import { serveDocument } from "@/lib/documents/route";

/** Biên bản họp bình xét (Mẫu 03) of a hamlet review: review.read, a hamlet head only for their hamlet. */
export async function GET(_request: Request, { params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  return serveDocument(async (actor) => {
    const data = await loadMinutes(actor, reviewId);
    return data && { doc: buildMinutes(data), name: minutesFilename(data) };
  });
}
