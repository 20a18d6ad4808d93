import { PassThrough, Readable } from "node:stream";
import { contentDisposition } from "@/lib/documents/format";
import { XLSX_TYPE } from "@/lib/excel";
import { templateHamletName } from "@/lib/household-import/queries";
import { templateExampleRows, writeHouseholdWorkbook } from "@/lib/household-import/template";
import { can } from "@/lib/policy";
import { MSG } from "@/lib/result";
import { getActor } from "@/lib/session";

export const dynamic = "force-dynamic";

const plain = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** GET /api/household-imports/template → "Tải file mẫu": the layout with two example households, streamed. */
export async function GET(): Promise<Response> {
  const actor = await getActor();
  if (!actor) return plain(401, MSG.unauthenticated);
  if (!can(actor, "household.write", { communeId: actor.communeId, hamletId: actor.hamletId })) return plain(403, MSG.forbidden);
  const hamlet = await templateHamletName(actor);
  const body = new PassThrough();
  writeHouseholdWorkbook(body, templateExampleRows(hamlet)).catch((error) => {
    console.error("[vanhoa] template generation failed", error);
    body.destroy(error as Error);
  });
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    status: 200,
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": contentDisposition({ ascii: "mau-nhap-ho-gia-dinh.xlsx", unicode: "Mẫu nhập hộ gia đình.xlsx" }),
      "Cache-Control": "private, no-store",
    },
  });
}
