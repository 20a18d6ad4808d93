import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates";
import { buildCertificates, certificatesFilename, type CertificateData } from "@/lib/documents/certificate";
import { buildDecision, decisionFilename, type DecisionData } from "@/lib/documents/decision";
import { MARGIN, renderDocx } from "@/lib/documents/decree30";
import { buildMinutes, minutesFilename, type MinutesData } from "@/lib/documents/minutes";
import { buildProposal, proposalFilename, type ProposalData } from "@/lib/documents/proposal";

// Each builder from fixture data: the .docx is unzipped and word/document.xml read back as paragraphs of text.

type Docx = { xml: string; paragraphs: string[]; text: string; files: Record<string, string> };

const decode = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

async function open(doc: Parameters<typeof renderDocx>[0]): Promise<Docx> {
  const buffer = await renderDocx(doc);
  expect(buffer.subarray(0, 2).toString()).toBe("PK");
  const unzipped = unzipSync(new Uint8Array(buffer));
  const files = Object.fromEntries(Object.entries(unzipped).filter(([name]) => name.endsWith(".xml")).map(([name, data]) => [name, strFromU8(data)]));
  const xml = files["word/document.xml"]!;
  const paragraphs = xml
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join(""))
    .filter((p) => p.trim() !== "");
  return { xml, paragraphs, text: paragraphs.join("\n"), files };
}

/** The Decree 30 page: A4 portrait 11906 × 16838, margins 20 / 20 / 30 / 15 mm. */
function expectDecree30Page(xml: string) {
  expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
  expect(MARGIN).toMatchObject({ top: 1134, bottom: 1134, left: 1701, right: 850 });
  expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  expect(xml).toContain("<w:titlePg/>");
}

function expectTimesNewRoman(d: Docx) {
  const fonts = [...d.xml.matchAll(/<w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]);
  expect(fonts.length).toBeGreaterThan(10);
  expect(new Set(fonts)).toEqual(new Set(["Times New Roman"]));
  expect(d.files["word/styles.xml"]).toContain('<w:rFonts w:ascii="Times New Roman"');
  expect(d.xml).not.toMatch(/<w:color w:val="(?!000000)/);
}

const commune = { name: "Kim Phượng", kind: "XA" as const };

const minutesData: MinutesData = {
  commune,
  hamlet: { name: "Bản Lác", kind: "XOM", headName: "Ma Văn Thắng", frontTeamHeadName: "Hoàng Thị Lụa" },
  year: 2024,
  noticeDays: 10,
  meetingDate: utcDate(2024, 11, 5),
  meetingPlace: "Nhà văn hóa xóm Bản Lác",
  chairName: "Ma Văn Thắng",
  secretaryName: "Lò Thị Hoa",
  invitedCount: 40,
  presentCount: 31,
  totalHouseholds: 109,
  ballotMethod: "SHOW_OF_HANDS",
  isQuorate: true,
  quorumNote: "Cuộc họp đủ điều kiện tiến hành: có mặt 31/40 số người được mời (77,5 %), cần > 50 %.",
  noticeChannel: null,
  ruleSet: { name: "Họp dân theo Nghị định 59/2023 (trên 50 %)", legalBasis: "Nghị định số 59/2023/NĐ-CP", approvalPct: 50, approvalOp: "GT", approvalBase: "PRESENT" },
  criteriaSet: { name: "Khung tiêu chuẩn \u201cGia đình văn hóa\u201d", legalBasis: "Nghị định số 86/2023/NĐ-CP, Phụ lục I" },
  households: [
    { headName: "Hoàng Văn Ân", result: "ACHIEVED", votesFor: 30, votesAgainst: 1 },
    { headName: "Lương Văn Bình", result: "ACHIEVED", votesFor: 29, votesAgainst: 0 },
    { headName: "Nông Văn Cường", result: "NOT_ACHIEVED", votesFor: 12, votesAgainst: 19 },
    { headName: "Triệu Văn Dũng", result: "EXCLUDED", votesFor: null, votesAgainst: null },
  ],
};

describe("Biên bản họp bình xét (Mẫu 03)", () => {
  it("has the Decree 30 page, font and the form's header and title", async () => {
    const d = await open(buildMinutes(minutesData));
    expectDecree30Page(d.xml);
    expectTimesNewRoman(d);
    expect(d.paragraphs.slice(0, 6)).toEqual([
      "ỦY BAN NHÂN DÂN",
      "XÃ KIM PHƯỢNG",
      "XÓM BẢN LÁC",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Kim Phượng, ngày 05 tháng 11 năm 2024",
    ]);
    expect(d.paragraphs).toContain("BIÊN BẢN HỌP");
    expect(d.paragraphs).toContain("Bình xét danh hiệu \u201cGia đình văn hóa\u201d năm 2024");
    expect(d.text).not.toContain("Số:");
  });

  it("fills the meeting: place, people, attendance, sets used, counts, vote and conclusion", async () => {
    const { text, paragraphs } = await open(buildMinutes(minutesData));
    expect(text).toContain("Hôm nay, ngày 05 tháng 11 năm 2024, tại Nhà văn hóa xóm Bản Lác, Xóm Bản Lác tổ chức họp bình xét");
    expect(paragraphs).toContain("- Chủ trì: Ông/Bà Ma Văn Thắng, Trưởng xóm;");
    expect(paragraphs).toContain("- Ông/Bà Hoàng Thị Lụa, Trưởng ban Công tác Mặt trận xóm;");
    expect(paragraphs).toContain("- Thư ký: Ông/Bà Lò Thị Hoa.");
    expect(text).toContain("Số người được mời: 40 người; có mặt: 31 người; tổng số hộ của xóm: 109 hộ.");
    expect(text).toContain(minutesData.quorumNote);
    expect(text).toContain("theo Khung tiêu chuẩn \u201cGia đình văn hóa\u201d (Nghị định số 86/2023/NĐ-CP, Phụ lục I)");
    expect(text).toContain("theo Họp dân theo Nghị định 59/2023 (trên 50 %) (Nghị định số 59/2023/NĐ-CP)");
    expect(text).toContain("tổng số hộ được bình xét: 4 hộ; số hộ đạt: 2 hộ; số hộ không đạt: 1 hộ; số hộ thuộc trường hợp không xét tặng");
    expect(text).toContain("3. Biểu quyết: hình thức biểu quyết giơ tay; hộ được đề nghị khi có số tán thành trên 50 % số người có mặt.");
    expect(text).toContain("Thống nhất đề nghị Chủ tịch Ủy ban nhân dân xã Kim Phượng xét tặng danh hiệu \u201cGia đình văn hóa\u201d năm 2024 cho 2 hộ gia đình");
    expect(text).toContain("trong thời hạn 10 ngày");
    // Signatures: THƯ KÝ left, CHỦ TRÌ right, each with the name.
    const i = paragraphs.indexOf("THƯ KÝ");
    expect(i).toBeGreaterThan(0);
    expect(paragraphs.slice(i)).toEqual(expect.arrayContaining(["Lò Thị Hoa", "CHỦ TRÌ", "Ma Văn Thắng"]));
    expect(paragraphs.indexOf("CHỦ TRÌ")).toBeGreaterThan(paragraphs.indexOf("Lò Thị Hoa"));
  });

  it("lists every household in the annex with votes, and never an exclusion reason", async () => {
    const { text, paragraphs } = await open(buildMinutes(minutesData));
    const annex = paragraphs.slice(paragraphs.indexOf("Phụ lục"));
    expect(annex.slice(0, 3)).toEqual([
      "Phụ lục",
      "DANH SÁCH HỘ GIA ĐÌNH ĐƯỢC BÌNH XÉT",
      "(Kèm theo Biên bản họp bình xét danh hiệu \u201cGia đình văn hóa\u201d năm 2024 của Xóm Bản Lác ngày 05 tháng 11 năm 2024)",
    ]);
    expect(annex.slice(3, 9)).toEqual(["STT", "Họ và tên chủ hộ", "Kết quả", "Tán thành", "Không tán thành", "Ghi chú"]);
    expect(annex.slice(9)).toEqual([
      "1", "Hoàng Văn Ân", "Đạt", "30", "1",
      "2", "Lương Văn Bình", "Đạt", "29", "0",
      "3", "Nông Văn Cường", "Không đạt", "12", "19",
      "4", "Triệu Văn Dũng", "Không xét", "Không đủ điều kiện",
    ]);
    for (const sensitive of ["truy cứu", "xử phạt hành chính", "E1", "E4", "cờ bạc", "bạo lực"]) expect(text).not.toContain(sensitive);
  });

  it("leaves the vote out of a consensus meeting", async () => {
    const { text, paragraphs } = await open(buildMinutes({ ...minutesData, ballotMethod: "CONSENSUS" }));
    expect(text).not.toContain("Biểu quyết");
    expect(paragraphs).not.toContain("Tán thành");
    expect(text).toContain("số hộ đạt: 2 hộ");
  });

  it("records an inquorate meeting without results", async () => {
    const { text } = await open(buildMinutes({ ...minutesData, isQuorate: false, quorumNote: "Cuộc họp không đủ điều kiện tiến hành." }));
    expect(text).toContain("không ghi nhận kết quả bình xét");
    expect(text).not.toContain("Thống nhất đề nghị");
  });

  it("is named after the hamlet and year", () => {
    expect(minutesFilename(minutesData)).toEqual({ ascii: "bien-ban-hop-ban-lac-2024.docx", unicode: "Biên bản họp bình xét Xóm Bản Lác 2024.docx" });
  });
});

const proposalData: ProposalData = {
  commune,
  hamlet: { name: "Bản Lác", kind: "XOM", headName: "Ma Văn Thắng" },
  year: 2024,
  documentDate: utcDate(2024, 11, 18),
  meetingDate: utcDate(2024, 11, 5),
  chairName: "Ma Văn Thắng",
  notice: { postedOn: utcDate(2024, 11, 6), endsOn: utcDate(2024, 11, 16), channel: "bảng tin nhà văn hóa xóm", days: 10 },
  achieved: [
    { headName: "Hoàng Văn Ân", address: "Số 1, xóm Bản Lác" },
    { headName: "Lương Văn Bình", address: "Số 2, xóm Bản Lác" },
  ],
  objections: [
    { householdName: "Nông Văn Cường", receivedOn: utcDate(2024, 11, 8), outcome: "UPHELD", resolvedOn: utcDate(2024, 11, 10) },
    { householdName: "Lương Văn Bình", receivedOn: utcDate(2024, 11, 9), outcome: "REJECTED", resolvedOn: utcDate(2024, 11, 11) },
  ],
};

describe("Văn bản đề nghị + Bảng tổng hợp", () => {
  it("asks the commune chairman for the achieved households, and restarts page numbers for the summary", async () => {
    const d = await open(buildProposal(proposalData));
    expectDecree30Page(d.xml);
    expectTimesNewRoman(d);
    expect(d.paragraphs).toContain("Kim Phượng, ngày 18 tháng 11 năm 2024");
    expect(d.paragraphs).toContain("VĂN BẢN ĐỀ NGHỊ");
    expect(d.paragraphs).toContain("Kính gửi: Chủ tịch Ủy ban nhân dân xã Kim Phượng.");
    expect(d.text).toContain("niêm yết công khai, lấy ý kiến Nhân dân từ ngày 06/11/2024 đến hết ngày 16/11/2024");
    expect(d.text).toContain("Xóm Bản Lác đề nghị Chủ tịch Ủy ban nhân dân xã Kim Phượng xem xét, quyết định tặng danh hiệu \u201cGia đình văn hóa\u201d năm 2024 cho 2 hộ gia đình");
    expect(d.paragraphs).toEqual(expect.arrayContaining(["Nơi nhận:", "- Như trên;", "- Lưu: hồ sơ xóm.", "TRƯỞNG XÓM", "Ma Văn Thắng"]));
    expect(d.xml.match(/<w:sectPr/g)).toHaveLength(2);
    expect(d.xml).toContain('<w:pgNumType w:start="1"/>');
  });

  it("lists achieved households and the notice result, objections by household name only", async () => {
    const { paragraphs, text } = await open(buildProposal(proposalData));
    const summary = paragraphs.slice(paragraphs.indexOf("BẢNG TỔNG HỢP"));
    expect(summary).toEqual(expect.arrayContaining(["1", "Hoàng Văn Ân", "Số 1, xóm Bản Lác", "2", "Lương Văn Bình", "Số 2, xóm Bản Lác"]));
    expect(text).toContain("Tổng số: 2 hộ gia đình.");
    expect(text).toContain("- Hình thức niêm yết: bảng tin nhà văn hóa xóm.");
    expect(text).toContain("- Thời gian niêm yết: từ ngày 06/11/2024 đến hết ngày 16/11/2024 (10 ngày).");
    expect(text).toContain("- Số ý kiến phản ánh nhận được: 2.");
    expect(summary).toEqual(expect.arrayContaining(["Nông Văn Cường", "08/11/2024", "Chấp nhận (hộ chuyển sang không đạt)", "10/11/2024", "Không chấp nhận"]));
  });

  it("says when the list was not posted", async () => {
    const { text } = await open(buildProposal({ ...proposalData, notice: null, objections: [] }));
    expect(text).toContain("Danh sách chưa được niêm yết công khai.");
    expect(proposalFilename(proposalData).ascii).toBe("de-nghi-ban-lac-2024.docx");
  });
});

const legalBasis = [
  "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
  "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
  'Căn cứ Nghị định số 86/2023/NĐ-CP ngày 07 tháng 12 năm 2023 của Chính phủ quy định về khung tiêu chuẩn và trình tự, thủ tục, hồ sơ xét tặng danh hiệu "Gia đình văn hóa"',
  "Theo đề nghị của Trưởng các xóm và công chức Văn hóa - Xã hội.",
].join("\n");

/** 1.187 households over three xóm. */
function manyHouseholds(n: number) {
  const hamlets = ["Xóm Bản Lác", "Xóm Kim Tân", "Xóm Ao Sen"];
  return Array.from({ length: n }, (_, i) => ({
    hamletKey: hamlets[i % 3]!, hamletLabel: hamlets[i % 3]!, headName: `Chủ Hộ ${String(i + 1).padStart(4, "0")}`, address: `Số ${i + 1}`,
  }));
}

const decisionData: DecisionData = {
  commune,
  year: 2024,
  kind: "AWARD",
  status: "ISSUED",
  number: 5,
  symbol: "QĐ-UBND",
  issuedOn: utcDate(2024, 12, 5),
  signerAuthority: "KT. Chủ tịch",
  signerTitle: "Phó Chủ tịch",
  signerName: "Nguyễn Văn Hùng",
  legalBasis,
  hamletWord: "xóm",
  households: [
    { hamletKey: "b", hamletLabel: "Xóm Kim Tân", headName: "Ma Thị Cúc", address: "Số 3, Kim Tân" },
    { hamletKey: "a", hamletLabel: "Xóm Bản Lác", headName: "Lương Văn Bình", address: "Số 2, Bản Lác" },
    { hamletKey: "a", hamletLabel: "Xóm Bản Lác", headName: "Hoàng Văn Ân", address: "Số 1, Bản Lác" },
  ],
  cancelGround: null,
};

describe("Quyết định tặng danh hiệu (Mẫu 10)", () => {
  it("has the header, number, date, title and authority of Mẫu 10", async () => {
    const d = await open(buildDecision(decisionData));
    expectDecree30Page(d.xml);
    expectTimesNewRoman(d);
    expect(d.paragraphs.slice(0, 7)).toEqual([
      "ỦY BAN NHÂN DÂN",
      "XÃ KIM PHƯỢNG",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 05/QĐ-UBND",
      "Kim Phượng, ngày 05 tháng 12 năm 2024",
      "QUYẾT ĐỊNH",
    ]);
    expect(d.paragraphs).toContain("Về việc tặng danh hiệu \u201cGia đình văn hóa\u201d năm 2024");
    expect(d.paragraphs).toContain("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ KIM PHƯỢNG");
    expect(d.text).not.toContain("DỰ THẢO");
    // The header is a borderless 2-column table, 40 % | 60 %.
    expect(d.xml).toContain('<w:gridCol w:w="3742"/><w:gridCol w:w="5613"/>');
  });

  it("prints the căn cứ in italics, one per line, “;” then “.”", async () => {
    const d = await open(buildDecision(decisionData));
    const basis = d.paragraphs.filter((p) => p.startsWith("Căn cứ") || p.startsWith("Theo đề nghị"));
    expect(basis).toEqual([
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
      "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
      expect.stringMatching(/danh hiệu \u201cGia đình văn hóa\u201d;$/),
      "Theo đề nghị của Trưởng các xóm và công chức Văn hóa - Xã hội.",
    ]);
    const basisXml = d.xml.split("</w:p>").find((p) => p.includes("Căn cứ Luật Thi đua"))!;
    expect(basisXml).toContain("<w:i/>");
    expect(basisXml).toContain('<w:jc w:val="both"/>');
    expect(basisXml).toContain('<w:ind w:firstLine="720"/>');
    expect(basisXml).toMatch(/<w:spacing [^>]*w:after="120"/);
  });

  it("writes Điều 1–3 with the count, recipients and the signer", async () => {
    const big = { ...decisionData, households: manyHouseholds(1187) };
    const d = await open(buildDecision(big));
    expect(d.paragraphs).toContain("QUYẾT ĐỊNH:");
    expect(d.paragraphs).toContain("Điều 1. Tặng danh hiệu \u201cGia đình văn hóa\u201d năm 2024 cho 1.187 hộ gia đình (có danh sách kèm theo).");
    expect(d.paragraphs).toContain("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.");
    expect(d.paragraphs.find((p) => p.startsWith("Điều 3."))).toMatch(/Trưởng các xóm .* chịu trách nhiệm thi hành Quyết định này\.\/\.$/);
    const i = d.paragraphs.indexOf("Nơi nhận:");
    expect(d.paragraphs.slice(i, i + 7)).toEqual([
      "Nơi nhận:", "- Như Điều 3;", "- Ủy ban MTTQ Việt Nam xã;", "- Lưu: VT, VHXH.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hùng",
    ]);
    const receivers = d.xml.split("</w:p>").find((p) => p.includes("Nơi nhận:"))!;
    expect(receivers).toMatch(/<w:b\/>[\s\S]*<w:i\/>[\s\S]*<w:sz w:val="24"\/>/);
    expect(d.xml.split("</w:p>").find((p) => p.includes("- Như Điều 3;"))).toContain('<w:sz w:val="22"/>');
    // The annex lists them all, 1 to 1.187.
    expect(d.paragraphs).toContain("1187");
    expect(d.paragraphs).not.toContain("1188");
  });

  it("attaches the Phụ lục grouped by xóm, with its own numbering", async () => {
    const d = await open(buildDecision(decisionData));
    const annex = d.paragraphs.slice(d.paragraphs.indexOf("Phụ lục"));
    expect(annex.slice(0, 4)).toEqual([
      "Phụ lục",
      "DANH SÁCH HỘ GIA ĐÌNH ĐƯỢC TẶNG DANH HIỆU",
      "\u201cGIA ĐÌNH VĂN HÓA\u201d NĂM 2024",
      "(Kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 12 năm 2024 của Chủ tịch UBND xã Kim Phượng)",
    ]);
    expect(annex.slice(4, 8)).toEqual(["STT", "Họ và tên chủ hộ", "Địa chỉ", "Ghi chú"]);
    expect(annex.slice(8)).toEqual([
      "Xóm Bản Lác (2 hộ)", "1", "Hoàng Văn Ân", "Số 1, Bản Lác", "2", "Lương Văn Bình", "Số 2, Bản Lác",
      "Xóm Kim Tân (1 hộ)", "3", "Ma Thị Cúc", "Số 3, Kim Tân",
    ]);
    const annexXml = d.xml.slice(d.xml.indexOf(">(Kèm theo Quyết định"));
    expect(annexXml).toMatch(/<w:gridSpan w:val="4"\/>/);
    expect(d.xml).toContain('<w:pgNumType w:start="1"/>');
    // Page numbers: in the header, not on the first page.
    const headers = Object.entries(d.files).filter(([name]) => /^word\/header\d+\.xml$/.test(name)).map(([, xml]) => xml);
    expect(headers.some((h) => h.includes("PAGE"))).toBe(true);
  });

  it("marks a draft “DỰ THẢO” above the title, with the number and day left blank", async () => {
    const d = await open(buildDecision({ ...decisionData, status: "DRAFT", number: 0 }));
    const i = d.paragraphs.indexOf("DỰ THẢO");
    expect(i).toBeGreaterThan(0);
    expect(d.paragraphs[i + 1]).toBe("QUYẾT ĐỊNH");
    expect(d.paragraphs).toContainEqual(expect.stringMatching(/^Số:\s+\/QĐ-UBND$/));
    expect(d.paragraphs).toContainEqual(expect.stringMatching(/^Kim Phượng, ngày\s+tháng\s+năm 2024$/));
    expect(d.text).toContain("(Kèm theo Quyết định số");
    expect(decisionFilename({ ...decisionData, status: "DRAFT" }).ascii).toBe("du-thao-quyet-dinh-2024.docx");
    expect(decisionFilename(decisionData).ascii).toBe("quyet-dinh-05-qd-ubnd-2024.docx");
  });

  it("renders a cancellation with its ground and the awards cancelled", async () => {
    const d = await open(
      buildDecision({
        ...decisionData,
        kind: "CANCELLATION",
        number: 12,
        issuedOn: utcDate(2025, 3, 2),
        cancelGround: "D",
        households: [{ hamletKey: "a", hamletLabel: "Xóm Bản Lác", headName: "Hoàng Văn Ân", address: "Số 1, Bản Lác", note: "Số 05/QĐ-UBND ngày 05/12/2024 (năm 2024)" }],
      }),
    );
    expect(d.paragraphs).toContain("Số: 12/QĐ-UBND");
    expect(d.paragraphs).toContain("Kim Phượng, ngày 02 tháng 3 năm 2025");
    expect(d.paragraphs).toContain("Về việc hủy bỏ quyết định tặng danh hiệu \u201cGia đình văn hóa\u201d");
    expect(d.text).toContain("Điều 1. Hủy bỏ quyết định tặng danh hiệu \u201cGia đình văn hóa\u201d đối với 1 hộ gia đình (có danh sách kèm theo).");
    expect(d.text).toContain("d) Cơ quan có thẩm quyền kết luận có vi phạm trong thời gian tính thành tích");
    expect(d.paragraphs).toEqual(expect.arrayContaining(["Quyết định tặng danh hiệu", "Hoàng Văn Ân", "Số 05/QĐ-UBND ngày 05/12/2024 (năm 2024)"]));
  });
});

const certificateData: CertificateData = {
  commune,
  year: 2024,
  number: 5,
  symbol: "QĐ-UBND",
  issuedOn: utcDate(2024, 12, 5),
  signerAuthority: "",
  signerTitle: "Chủ tịch",
  signerName: "Nguyễn Văn Hùng",
  households: [
    { headName: "Hoàng Văn Ân", hamletLabel: "Xóm Bản Lác" },
    { headName: "Ma Thị Cúc", hamletLabel: "Xóm Kim Tân" },
  ],
};

describe("Giấy chứng nhận", () => {
  it("prints one landscape A4 page per household", async () => {
    const d = await open(buildCertificates(certificateData));
    expectTimesNewRoman(d);
    expect(d.xml).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(d.xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
    expect(d.paragraphs.filter((p) => p === "GIẤY CHỨNG NHẬN")).toHaveLength(2);
    expect(d.paragraphs.filter((p) => p === "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toHaveLength(2);
    expect(d.paragraphs).toEqual(
      expect.arrayContaining([
        "Gia đình ông/bà Hoàng Văn Ân",
        "Xóm Bản Lác, xã Kim Phượng",
        "Gia đình ông/bà Ma Thị Cúc",
        "Xóm Kim Tân, xã Kim Phượng",
        "Đạt danh hiệu \u201cGia đình văn hóa\u201d năm 2024",
        "(Theo Quyết định số 05/QĐ-UBND ngày 05/12/2024)",
        "Kim Phượng, ngày 05 tháng 12 năm 2024",
        "CHỦ TỊCH",
        "Nguyễn Văn Hùng",
      ]),
    );
    expect(d.text).not.toMatch(/Mẫu số|Nghị định 86|86\/2023/);
    expect(certificatesFilename(certificateData).ascii).toBe("giay-chung-nhan-05-qd-ubnd-2024.docx");
  });
});

// LibreOffice is not installed on every machine; where it is, one document must convert to PDF.
const soffice = (() => {
  try {
    return execFileSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
})();

describe("conversion to PDF", () => {
  it.skipIf(!soffice)("LibreOffice converts the decision", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vanhoa-docx-"));
    const file = path.join(dir, "quyet-dinh.docx");
    writeFileSync(file, await renderDocx(buildDecision(decisionData)));
    execFileSync(soffice!, ["--headless", "--convert-to", "pdf", "--outdir", dir, file], { timeout: 120_000 });
    expect(readdirSync(dir)).toContain("quyet-dinh.pdf");
  }, 150_000);
});
