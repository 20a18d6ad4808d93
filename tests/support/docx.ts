import { strFromU8, unzipSync } from "fflate";

/** The text of a .docx's body, one line per non-empty paragraph (runs joined), for assertions on wording. */
export function docxText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"]!);
  return xml
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .filter((p) => p !== "")
    .join("\n")
    .replace(/&amp;/g, "&");
}
