import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates";
import {
  basisLines, communeName, contentDisposition, curlyQuotes, dayMonthYear, documentRef, groupByHamlet, hamletName, numberLine,
  placeDateLine, placeName, slug,
} from "@/lib/documents/format";
import { annexRows, awardReference } from "@/lib/documents/decision";
import { approvalThreshold, countResults, minutesNote } from "@/lib/documents/minutes";

describe("dates in documents (Decree 30: day < 10 and months 1–2 zero-padded)", () => {
  it.each([
    [utcDate(2024, 12, 5), "ngày 05 tháng 12 năm 2024"],
    [utcDate(2020, 1, 5), "ngày 05 tháng 01 năm 2020"],
    [utcDate(2024, 2, 29), "ngày 29 tháng 02 năm 2024"],
    [utcDate(2019, 6, 29), "ngày 29 tháng 6 năm 2019"],
    [utcDate(2024, 3, 1), "ngày 01 tháng 3 năm 2024"],
    [utcDate(2024, 11, 10), "ngày 10 tháng 11 năm 2024"],
  ])("%s → %s", (date, text) => {
    expect(dayMonthYear(date)).toBe(text);
  });

  it("writes the place-date line with the commune name without “xã”", () => {
    const commune = { name: "Kim Phượng", kind: "XA" as const };
    expect(placeDateLine(placeName(commune), utcDate(2024, 12, 5))).toBe("Kim Phượng, ngày 05 tháng 12 năm 2024");
    expect(placeName({ name: "Xã Kim Phượng", kind: "XA" })).toBe("Kim Phượng");
    expect(placeName({ name: "Thị trấn Chợ Chu", kind: "THI_TRAN" })).toBe("Chợ Chu");
    expect(communeName(commune)).toBe("xã Kim Phượng");
    expect(communeName({ name: "Phường Phan Đình Phùng", kind: "PHUONG" })).toBe("phường Phan Đình Phùng");
  });

  it("leaves day and month blank for a draft, keeping the year", () => {
    const line = placeDateLine("Kim Phượng", null, 2024);
    expect(line).toMatch(/^Kim Phượng, ngày\s+tháng\s+năm 2024$/);
  });
});

describe("document numbers", () => {
  it.each([
    [5, "QĐ-UBND", "Số: 05/QĐ-UBND"],
    [9, "QĐ-UBND", "Số: 09/QĐ-UBND"],
    [10, "QĐ-UBND", "Số: 10/QĐ-UBND"],
    [125, "QĐ-CT", "Số: 125/QĐ-CT"],
  ])("%i %s → %s", (n, symbol, text) => {
    expect(numberLine(n, symbol)).toBe(text);
  });

  it("leaves the number blank for a draft", () => {
    expect(numberLine(null, "QĐ-UBND")).toMatch(/^Số:\s+\/QĐ-UBND$/);
    expect(documentRef(3, "QĐ-UBND")).toBe("03/QĐ-UBND");
  });

  it("names the award decision in a cancellation annex", () => {
    expect(awardReference({ number: 5, symbol: "QĐ-UBND", issuedOn: utcDate(2024, 12, 5), year: 2024 })).toBe("Số 05/QĐ-UBND ngày 05/12/2024 (năm 2024)");
  });
});

describe("căn cứ lines", () => {
  it("ends each line with “;” and the last with “.”, whatever was typed", () => {
    const text = [
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
      "",
      "  Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022.",
      "Căn cứ Nghị định số 86/2023/NĐ-CP của Chính phủ;",
      "Theo đề nghị của công chức Văn hóa - Xã hội ;",
    ].join("\r\n");
    expect(basisLines(text)).toEqual([
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
      "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
      "Căn cứ Nghị định số 86/2023/NĐ-CP của Chính phủ;",
      "Theo đề nghị của công chức Văn hóa - Xã hội.",
    ]);
  });

  it("puts a single line's full stop, curly quotes and nothing for an empty text", () => {
    expect(basisLines('Căn cứ danh hiệu "Gia đình văn hóa";')).toEqual(["Căn cứ danh hiệu \u201cGia đình văn hóa\u201d."]);
    expect(basisLines(" \n \n")).toEqual([]);
  });
});

describe("names and quotes", () => {
  it("curls straight quotes", () => {
    expect(curlyQuotes('danh hiệu "Gia đình văn hóa" và "Thôn, tổ dân phố văn hóa"')).toBe(
      "danh hiệu \u201cGia đình văn hóa\u201d và \u201cThôn, tổ dân phố văn hóa\u201d",
    );
  });

  it("prefixes the hamlet kind once", () => {
    expect(hamletName({ name: "Bản Lác", kind: "XOM" })).toBe("Xóm Bản Lác");
    expect(hamletName({ name: "Xóm Thử 3", kind: "XOM" })).toBe("Xóm Thử 3");
    expect(hamletName({ name: "Gốc Hồng", kind: "THON" })).toBe("Thôn Gốc Hồng");
  });
});

describe("grouping by xóm", () => {
  const row = (hamletLabel: string, headName: string) => ({ hamletKey: hamletLabel, hamletLabel, headName, address: "" });

  it("orders xóm and households the Vietnamese way and keeps every row", () => {
    const groups = groupByHamlet([
      row("Xóm Đồng Đình", "Lò Văn Ước"),
      row("Xóm Bản Lác", "Ma Văn Thắng"),
      row("Xóm Đồng Đình", "Đinh Thị Bích"),
      row("Xóm Bản Lác", "Hoàng Văn Ân"),
      row("Xóm Dạ Dầu", "Nông Văn A"),
    ]);
    expect(groups.map((g) => g.label)).toEqual(["Xóm Bản Lác", "Xóm Dạ Dầu", "Xóm Đồng Đình"]);
    expect(groups[0]!.rows.map((r) => r.headName)).toEqual(["Hoàng Văn Ân", "Ma Văn Thắng"]);
    expect(groups[2]!.rows.map((r) => r.headName)).toEqual(["Đinh Thị Bích", "Lò Văn Ước"]);
  });

  it("numbers the annex on across xóm, with a bold row per xóm and its count", () => {
    const rows = annexRows([row("Xóm Kim Tân", "B"), row("Xóm Ao Sen", "A"), row("Xóm Kim Tân", "C")]);
    expect(rows).toEqual([
      { group: "Xóm Ao Sen (1 hộ)" },
      { cells: ["1", "A", "", ""] },
      { group: "Xóm Kim Tân (2 hộ)" },
      { cells: ["2", "B", "", ""] },
      { cells: ["3", "C", "", ""] },
    ]);
  });
});

describe("minutes helpers", () => {
  it("counts the meeting's results", () => {
    const r = (result: "ACHIEVED" | "NOT_ACHIEVED" | "EXCLUDED") => ({ result });
    expect(countResults([r("ACHIEVED"), r("ACHIEVED"), r("NOT_ACHIEVED"), r("EXCLUDED")])).toEqual({ total: 4, achieved: 2, notAchieved: 1, excluded: 1 });
  });

  it("says only “Không đủ điều kiện” for an excluded household", () => {
    expect(minutesNote("EXCLUDED")).toBe("Không đủ điều kiện");
    expect(minutesNote("ACHIEVED")).toBe("");
  });

  it("words the approval threshold", () => {
    expect(approvalThreshold({ name: "", legalBasis: "", approvalPct: 50, approvalOp: "GT", approvalBase: "PRESENT" })).toBe("trên 50 % số người có mặt");
    expect(approvalThreshold({ name: "", legalBasis: "", approvalPct: 60, approvalOp: "GTE", approvalBase: "INVITED" })).toBe("từ 60 % trở lên số người được mời");
  });
});

describe("download names", () => {
  it("gives an ASCII fallback and the UTF-8 name", () => {
    expect(slug("bien-ban-hop", "Bản Lác", 2024)).toBe("bien-ban-hop-ban-lac-2024");
    const header = contentDisposition({ ascii: "bien-ban-hop-ban-lac-2024.docx", unicode: "Biên bản họp (Bản Lác) 2024.docx" });
    expect(header).toBe(
      "attachment; filename=\"bien-ban-hop-ban-lac-2024.docx\"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20h%E1%BB%8Dp%20%28B%E1%BA%A3n%20L%C3%A1c%29%202024.docx",
    );
    expect(/^[\x20-\x7e]*$/.test(header)).toBe(true);
  });
});
