import "server-only";
import type { Workbook } from "exceljs";
import type { DownloadName } from "@/lib/documents/format";
import { serveDownload } from "@/lib/documents/route";
import type { Actor } from "@/lib/policy";
import { xlsxResponse } from "./excel";

/** A spreadsheet download, answered like the documents (lib/documents/route.ts serveDownload: 401, 404, 409). */
export function serveWorkbook(build: (actor: Actor) => Promise<{ workbook: Workbook; name: DownloadName } | null>): Promise<Response> {
  return serveDownload(build, (built) => xlsxResponse(built.workbook, built.name));
}
