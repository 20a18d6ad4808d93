import "server-only";
import type { Workbook } from "exceljs";
import type { DownloadName } from "@/lib/documents/format";
import type { Actor } from "@/lib/policy";
import { DomainError, MSG } from "@/lib/result";
import { getActor } from "@/lib/session";
import { xlsxResponse } from "./excel";

const plain = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * A spreadsheet download, answered like the documents (lib/documents/route.ts serveDocument): 401 when signed out,
 * 404 when the row is unknown or out of scope (the loader returns null), 409 when the export does not apply.
 */
export async function serveWorkbook(build: (actor: Actor) => Promise<{ workbook: Workbook; name: DownloadName } | null>): Promise<Response> {
  const actor = await getActor();
  if (!actor) return plain(401, MSG.unauthenticated);
  try {
    const built = await build(actor);
    if (!built) return plain(404, MSG.notFound);
    return await xlsxResponse(built.workbook, built.name);
  } catch (error) {
    if (error instanceof DomainError) {
      if (error.code === "NOT_FOUND" || error.code === "FORBIDDEN") return plain(404, MSG.notFound);
      return plain(409, error.message);
    }
    console.error("[vanhoa] spreadsheet generation failed", error);
    return plain(500, MSG.internal);
  }
}
