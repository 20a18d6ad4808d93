import "server-only";
import type { Document } from "docx";
import type { Actor } from "@/lib/policy";
import { DomainError, MSG } from "@/lib/result";
import { getActor } from "@/lib/session";
import { renderDocx } from "./decree30";
import { contentDisposition, type DownloadName } from "./format";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const plain = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** A .docx download with an ASCII fallback filename and the Vietnamese one. */
export async function docxResponse(doc: Document, name: DownloadName): Promise<Response> {
  const bytes = await renderDocx(doc);
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "Content-Type": DOCX_TYPE,
      "Content-Disposition": contentDisposition(name),
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, no-store",
    },
  });
}

/**
 * The download routes' common path: 401 when signed out, 404 when the row is unknown or out of scope (the loader
 * returns null), 409 when the download does not apply to the row, otherwise what `respond` makes of it.
 */
export async function serveDownload<T>(build: (actor: Actor) => Promise<T | null>, respond: (built: T) => Promise<Response>): Promise<Response> {
  const actor = await getActor();
  if (!actor) return plain(401, MSG.unauthenticated);
  try {
    const built = await build(actor);
    if (!built) return plain(404, MSG.notFound);
    return await respond(built);
  } catch (error) {
    if (error instanceof DomainError) {
      if (error.code === "NOT_FOUND" || error.code === "FORBIDDEN") return plain(404, MSG.notFound);
      return plain(409, error.message);
    }
    console.error("[vanhoa] download generation failed", error);
    return plain(500, MSG.internal);
  }
}

/** A .docx download through serveDownload. */
export function serveDocument(build: (actor: Actor) => Promise<{ doc: Document; name: DownloadName } | null>): Promise<Response> {
  return serveDownload(build, (built) => docxResponse(built.doc, built.name));
}
