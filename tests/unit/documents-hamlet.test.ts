import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { defaultAuthorityRules, HAMLET_CRITERIA } from "@/lib/campaign/defaults";
import { utcDate } from "@/lib/dates";
import { buildCouncilMinutes, councilMinutesFilename, type CouncilMinutesData } from "@/lib/documents/council-minutes";
import { renderDocx } from "@/lib/documents/decree30";
import { buildHamletDecision, hamletDecisionFilename, type HamletDecisionData } from "@/lib/documents/hamlet-decision";
import {
  consecutiveYears, councilName, hamletPlural, hamletTitleName, issuerPlace, pascalAscii, percentText,
} from "@/lib/documents/hamlet-format";
import { buildHamletProposal, hamletProposalFilename, proposalAddressee, type HamletProposalData } from "@/lib/documents/hamlet-proposal";
import { buildHamletReport, criterionLine, hamletReportFilename, type HamletReportData, type ReportCriterion } from "@/lib/documents/hamlet-report";

// The "Xóm văn hóa" documents from fixture data: each .docx is unzipped and word/document.xml read back as text.

type Docx = { xml: string; paragraphs: string[]; text: string };

const decode = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

async function open(doc: Parameters<typeof renderDocx>[0]): Promise<Docx> {
  const buffer = await renderDocx(doc);
  expect(buffer.subarray(0, 2).toString()).toBe("PK");
  const xml = strFromU8(unzipSync(new Uint8Array(buffer))["word/document.xml"]!);
  const paragraphs = xml
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join(""))
    .filter((p) => p.trim() !== "");
  return { xml, paragraphs, text: paragraphs.join("\n") };
}

/** The Decree 30 page and font every document keeps. */
function expectDecree30(d: Docx) {
  expect(d.xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
  expect(d.xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  expect(new Set([...d.xml.matchAll(/<w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]))).toEqual(new Set(["Times New Roman"]));
}

const commune = { name: "Kim Phượng", kind: "XA" as const };
const Q = (t: string) => `\u201c${t}\u201d`;

// ---- Mẫu 05 --------------------------------------------------------------------------------------------------------

const results: Record<string, ReportCriterion["result"]> = {
  "I.1": { value: 85, isMet: true, note: null },
  "I.2": { value: 6.67, isMet: true, note: null },
  "II.2": { value: 95, isMet: false, note: "Hai em bỏ học giữa kỳ." },
  "II.4": { value: 92.5, isMet: true, note: null },
  "V.2": { value: 87.5, isMet: true, note: null },
};

const reportData: HamletReportData = {
  commune,
  hamlet: { name: "Nà Mòn", kind: "XOM", headName: "Ma Văn Thắng" },
  year: 2024,
  reportedOn: utcDate(2024, 10, 20),
  totalHouseholds: 120,
  recognisedHouseholds: 105,
  poorHouseholds: 5,
  nearPoorHouseholds: 3,
  hasCulturalHouse: true,
  schoolAgeChildren: 40,
  childrenInSchool: 38,
  overview: "Xóm Nà Mòn có 120 hộ, 486 nhân khẩu, đời sống ổn định.\n\nNhân dân đoàn kết, chấp hành tốt chủ trương, chính sách.",
  commitments: "Tiếp tục giữ vững danh hiệu \"Xóm văn hóa\" năm 2025.",
  criteria: HAMLET_CRITERIA.map((c) => ({
    code: c.code, groupCode: c.groupCode, groupTitle: c.groupTitle, text: c.text,
    metric: c.metric ?? null, comparator: c.comparator ?? null, threshold: c.threshold ?? null,
    result: results[c.code] ?? { value: null, isMet: true, note: null },
  })),
};

describe("Báo cáo thành tích (Mẫu 05)", () => {
  it("is issued by the hamlet under the commune, with the form's title", async () => {
    const d = await open(buildHamletReport(reportData));
    expectDecree30(d);
    expect(d.paragraphs.slice(0, 6)).toEqual([
      "ỦY BAN NHÂN DÂN", "XÃ KIM PHƯỢNG", "XÓM NÀ MÒN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "Kim Phượng, ngày 20 tháng 10 năm 2024",
    ]);
    const i = d.paragraphs.indexOf("BÁO CÁO THÀNH TÍCH");
    expect(d.paragraphs[i + 1]).toBe(`Đề nghị xét tặng danh hiệu ${Q("Thôn, tổ dân phố văn hóa")} năm 2024`);
    expect(d.text).not.toContain("Số:");
  });

  it("fills Phần I with the overview and the figures with their percentages", async () => {
    const { paragraphs } = await open(buildHamletReport(reportData));
    const partI = paragraphs.slice(paragraphs.indexOf("PHẦN I. ĐẶC ĐIỂM, TÌNH HÌNH CHUNG"), paragraphs.indexOf("PHẦN II. THÀNH TÍCH ĐẠT ĐƯỢC THEO 5 TIÊU CHUẨN"));
    expect(partI).toEqual([
      "PHẦN I. ĐẶC ĐIỂM, TÌNH HÌNH CHUNG",
      "Xóm Nà Mòn có 120 hộ, 486 nhân khẩu, đời sống ổn định.",
      "Nhân dân đoàn kết, chấp hành tốt chủ trương, chính sách.",
      "Một số chỉ tiêu chủ yếu năm 2024:",
      "- Tổng số hộ gia đình: 120 hộ.",
      `- Số hộ được công nhận danh hiệu ${Q("Gia đình văn hóa")} năm 2024: 105 hộ, đạt 87,5 % tổng số hộ.`,
      "- Số hộ nghèo: 5 hộ; số hộ cận nghèo: 3 hộ; chiếm 6,67 % tổng số hộ.",
      "- Nhà văn hóa: có.",
      "- Trẻ em trong độ tuổi đi học được đến trường: 38/40 em (95 %).",
    ]);
  });

  it("lists Phần II by standard, each item Đạt/Chưa đạt with the measured value and threshold of a ratio", async () => {
    const { paragraphs, text } = await open(buildHamletReport(reportData));
    const groups = paragraphs.filter((p) => /^(I|II|III|IV|V)\. /.test(p));
    expect(groups).toEqual([
      "I. Đời sống kinh tế ổn định và phát triển",
      "II. Đời sống văn hóa, tinh thần lành mạnh, phong phú",
      "III. Môi trường an toàn, thân thiện, cảnh quan sạch đẹp",
      expect.stringMatching(/^IV\. Chấp hành tốt chủ trương của Đảng/),
      "V. Có tinh thần đoàn kết, tương trợ, giúp đỡ lẫn nhau trong cộng đồng",
    ]);
    expect(paragraphs).toContain("I.2. Tỷ lệ hộ nghèo, hộ cận nghèo thấp: 6,67 % (yêu cầu ≤ 15 %) - Đạt.");
    expect(paragraphs).toContain("II.2. Trẻ em trong độ tuổi đi học được đến trường: 95 % (yêu cầu ≥ 100 %) - Chưa đạt. Ghi chú: Hai em bỏ học giữa kỳ.");
    expect(paragraphs).toContain("I.3. Phát triển ngành nghề truyền thống hoặc có đóng góp về văn hóa, công nghệ, khoa học kỹ thuật cho địa phương: Đạt.");
    expect(text).toContain("Tự đánh giá: đạt 15/16 tiêu chí.");
    // Standards come in order: I.1 under I, II.1 under II.
    expect(paragraphs.indexOf("II. Đời sống văn hóa, tinh thần lành mạnh, phong phú")).toBeLessThan(paragraphs.findIndex((p) => p.startsWith("II.1.")));
    expect(paragraphs.findIndex((p) => p.startsWith("I.4."))).toBeLessThan(paragraphs.indexOf("II. Đời sống văn hóa, tinh thần lành mạnh, phong phú"));
  });

  it("ends with the commitments, the head's signature and the commune's confirmation", async () => {
    const { paragraphs } = await open(buildHamletReport(reportData));
    const i = paragraphs.indexOf("PHẦN III. CAM KẾT PHẤN ĐẤU");
    expect(paragraphs[i + 1]).toBe(`Tiếp tục giữ vững danh hiệu ${Q("Xóm văn hóa")} năm 2025.`);
    const tail = paragraphs.slice(i + 2);
    expect(tail).toEqual(expect.arrayContaining(["XÁC NHẬN CỦA ỦY BAN NHÂN DÂN XÃ KIM PHƯỢNG", "TRƯỞNG XÓM", "Ma Văn Thắng"]));
    expect(tail.indexOf("XÁC NHẬN CỦA ỦY BAN NHÂN DÂN XÃ KIM PHƯỢNG")).toBeLessThan(tail.indexOf("TRƯỞNG XÓM"));
  });

  it("prints “…” for unknown figures, a blank date before saving, and names an unassessed item", async () => {
    const { paragraphs, text } = await open(
      buildHamletReport({
        ...reportData, reportedOn: null, schoolAgeChildren: null, childrenInSchool: null, hasCulturalHouse: false, commitments: null, overview: null,
        criteria: reportData.criteria.map((c) => (c.code === "I.1" ? { ...c, result: null } : c)),
      }),
    );
    expect(paragraphs).toContainEqual(expect.stringMatching(/^Kim Phượng, ngày\s+tháng\s+năm 2024$/));
    expect(paragraphs).toContain("- Trẻ em trong độ tuổi đi học được đến trường: …/… em (…).");
    expect(paragraphs).toContain("- Nhà văn hóa: chưa có.");
    expect(text).toContain("I.1. Tỷ lệ người trong độ tuổi lao động có việc làm và thu nhập ổn định: chưa có số liệu (yêu cầu ≥ 80 %) - Chưa đánh giá.");
    expect(text).toContain("Xóm Nà Mòn cam kết tiếp tục duy trì");
  });

  it("is named Mau05_BaoCaoThanhTich_<Xóm>_<year>", () => {
    expect(hamletReportFilename(reportData)).toEqual({
      ascii: "Mau05_BaoCaoThanhTich_XomNaMon_2024.docx",
      unicode: "Mẫu 05 - Báo cáo thành tích Xóm Nà Mòn 2024.docx",
    });
    const ratio = reportData.criteria.find((c) => c.code === "V.2")!;
    expect(criterionLine({ ...ratio, result: { value: 87.5, isMet: true, note: "  " } })).toMatch(/: 87,5 % \(yêu cầu ≥ 70 %\) - Đạt\.$/);
  });
});

// ---- Mẫu 06 --------------------------------------------------------------------------------------------------------

const hamlet = (name: string, votesFor: number | null, councilResult: "ACHIEVED" | "NOT_ACHIEVED" | null, reason: string | null = null) => ({
  name, kind: "XOM" as const, totalHouseholds: 120, recognisedHouseholds: 108, votesFor, councilResult, reason,
});

const councilData: CouncilMinutesData = {
  commune,
  year: 2024,
  titleName: "Xóm văn hóa",
  hamletWord: "xóm",
  meetingDate: utcDate(2024, 11, 20),
  meetingPlace: "Hội trường Ủy ban nhân dân xã",
  chairName: "Nguyễn Văn Hùng",
  secretaryName: "Lò Thị Hoa",
  membersTotal: 9,
  membersPresent: 7,
  rule: { councilApprovalBase: "PRESENT", councilApprovalPct: 50, councilApprovalOp: "GT" },
  noticeDays: 10,
  notice: null,
  authority: "Chủ tịch Ủy ban nhân dân huyện Định Hóa",
  hamlets: [
    hamlet("Bản Lác", 7, "ACHIEVED"),
    hamlet("Kim Tân", 3, "NOT_ACHIEVED", "Chưa đạt tiêu chí II.2."),
    hamlet("Nà Mòn", 6, "ACHIEVED"),
  ],
};

describe("Biên bản họp Hội đồng Thi đua - Khen thưởng xã (Mẫu 06)", () => {
  it("is the commune's, titled for the council and the year", async () => {
    const d = await open(buildCouncilMinutes(councilData));
    expectDecree30(d);
    expect(d.paragraphs.slice(0, 5)).toEqual([
      "ỦY BAN NHÂN DÂN", "XÃ KIM PHƯỢNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Kim Phượng, ngày 20 tháng 11 năm 2024",
    ]);
    const i = d.paragraphs.indexOf("BIÊN BẢN HỌP");
    expect(d.paragraphs.slice(i + 1, i + 3)).toEqual(["Hội đồng Thi đua - Khen thưởng xã", `bình xét danh hiệu ${Q("Xóm văn hóa")} năm 2024`]);
  });

  it("records time, place, chair, secretary and members present", async () => {
    const { paragraphs } = await open(buildCouncilMinutes(councilData));
    expect(paragraphs).toEqual(expect.arrayContaining([
      `Hôm nay, ngày 20 tháng 11 năm 2024, tại Hội trường Ủy ban nhân dân xã, Ủy ban nhân dân xã Kim Phượng tổ chức họp Hội đồng Thi đua - Khen thưởng xã bình xét danh hiệu ${Q("Xóm văn hóa")} năm 2024.`,
      "- Chủ trì: Ông/Bà Nguyễn Văn Hùng, Chủ tịch Hội đồng;",
      "- Thư ký: Ông/Bà Lò Thị Hoa;",
      "- Thành viên Hội đồng có mặt: 7/9 người.",
    ]));
    expect(paragraphs.find((p) => p.startsWith("2. Hội đồng xem xét"))).toContain("báo cáo thành tích của 3 xóm");
    expect(paragraphs.find((p) => p.startsWith("2. Hội đồng xem xét"))).toContain("tán thành > 50 % số thành viên dự họp");
  });

  it("tables each hamlet: GĐVH rate, votes over those present, % and result, with the reasons below", async () => {
    const { paragraphs } = await open(buildCouncilMinutes(councilData));
    const start = paragraphs.indexOf("STT");
    expect(paragraphs.slice(start, start + 6)).toEqual(["STT", "Tên xóm", `Tỷ lệ hộ ${Q("Gia đình văn hóa")}`, "Số phiếu tán thành/dự họp", "Tỷ lệ tán thành", "Kết quả"]);
    expect(paragraphs.slice(start + 6, start + 24)).toEqual([
      "1", "Xóm Bản Lác", "90 %", "7/7", "100 %", "Đạt",
      "2", "Xóm Kim Tân", "90 %", "3/7", "42,86 %", "Không đạt",
      "3", "Xóm Nà Mòn", "90 %", "6/7", "85,71 %", "Đạt",
    ]);
    expect(paragraphs).toContain("- Xóm Kim Tân: Chưa đạt tiêu chí II.2.");
  });

  it("says the notice will be posted, then where, when and how many comments came", async () => {
    const before = await open(buildCouncilMinutes(councilData));
    expect(before.text).toContain(
      "3. Kết quả bình xét sẽ được công khai trên trang thông tin điện tử của xã Kim Phượng và bảng tin công cộng trong thời hạn 10 ngày để lấy ý kiến Nhân dân.",
    );
    const after = await open(buildCouncilMinutes({
      ...councilData,
      notice: { postedOn: utcDate(2024, 11, 21), endsOn: utcDate(2024, 11, 30), channel: "trên trang thông tin điện tử xã", comments: 2 },
    }));
    expect(after.text).toContain(
      "3. Kết quả bình xét được công khai trên trang thông tin điện tử xã từ ngày 21/11/2024 đến hết ngày 30/11/2024 để lấy ý kiến Nhân dân; số ý kiến nhận được: 2.",
    );
    expect(after.text).not.toContain("sẽ được công khai");
  });

  it("proposes the achieved hamlets to the authority and is signed by the secretary and the chairman", async () => {
    const { paragraphs } = await open(buildCouncilMinutes(councilData));
    expect(paragraphs).toContain(
      `Hội đồng thống nhất đề nghị Chủ tịch Ủy ban nhân dân huyện Định Hóa công nhận danh hiệu ${Q("Xóm văn hóa")} năm 2024 cho 2 xóm: Xóm Bản Lác, Xóm Nà Mòn.`,
    );
    const i = paragraphs.indexOf("THƯ KÝ");
    expect(i).toBeGreaterThan(0);
    expect(paragraphs.slice(i)).toEqual(["THƯ KÝ", "(Ký, ghi rõ họ tên)", "Lò Thị Hoa", "CHỦ TỊCH HỘI ĐỒNG", "(Ký, ghi rõ họ tên)", "Nguyễn Văn Hùng"]);
    const none = await open(buildCouncilMinutes({ ...councilData, hamlets: [councilData.hamlets[1]!] }));
    expect(none.text).toContain("Không có xóm nào đủ điều kiện để đề nghị công nhận.");
    expect(councilMinutesFilename(councilData).ascii).toBe("Mau06_BienBanHopHoiDong_XaKimPhuong_2024.docx");
  });

  it("leaves the vote cells empty before the vote", async () => {
    const { paragraphs } = await open(buildCouncilMinutes({ ...councilData, hamlets: [hamlet("Bản Lác", null, null)] }));
    const start = paragraphs.indexOf("Kết quả");
    expect(paragraphs.slice(start + 1, start + 4)).toEqual(["1", "Xóm Bản Lác", "90 %"]);
    expect(paragraphs.join("\n")).toContain("Không có xóm nào đủ điều kiện");
  });
});

// ---- Mẫu 04 --------------------------------------------------------------------------------------------------------

const rules = defaultAuthorityRules({ name: "Kim Phượng", district: "Định Hóa", province: "Thái Nguyên" }).map((r, i) => ({ id: `rule-${i}`, ...r }));

const proposalData: HamletProposalData = {
  commune,
  year: 2024,
  titleName: "Xóm văn hóa",
  hamletWord: "xóm",
  number: 3,
  symbol: "TTr-UBND",
  date: utcDate(2024, 12, 2),
  authorityRules: rules,
  meetingDate: utcDate(2024, 11, 20),
  chairName: "Nguyễn Văn Hùng",
  voteBase: 7,
  notice: { postedOn: utcDate(2024, 11, 21), endsOn: utcDate(2024, 11, 30), channel: "trang thông tin điện tử xã", days: 10, comments: 0 },
  hamlets: [
    { name: "Bản Lác", kind: "XOM", totalHouseholds: 120, recognisedHouseholds: 108, votesFor: 7 },
    { name: "Nà Mòn", kind: "XOM", totalHouseholds: 80, recognisedHouseholds: 70, votesFor: 6 },
  ],
};

describe("Tờ trình (Mẫu 04)", () => {
  it("is numbered and dated, and addresses the authority in force on its date", async () => {
    const d = await open(buildHamletProposal(proposalData));
    expectDecree30(d);
    expect(d.paragraphs.slice(0, 6)).toEqual([
      "ỦY BAN NHÂN DÂN", "XÃ KIM PHƯỢNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 03/TTr-UBND",
      "Kim Phượng, ngày 02 tháng 12 năm 2024",
    ]);
    const i = d.paragraphs.indexOf("TỜ TRÌNH");
    expect(d.paragraphs[i + 1]).toBe(`Về việc đề nghị công nhận danh hiệu ${Q("Xóm văn hóa")} năm 2024`);
    expect(d.paragraphs[i + 2]).toBe("Kính gửi: Chủ tịch Ủy ban nhân dân huyện Định Hóa.");
  });

  it.each([
    [utcDate(2025, 6, 30), "Kính gửi: Chủ tịch Ủy ban nhân dân huyện Định Hóa."],
    [utcDate(2025, 7, 1), "Kính gửi: Chủ tịch Ủy ban nhân dân xã Kim Phượng."],
  ])("dated %s goes to “%s”", async (date, to) => {
    const { paragraphs, text } = await open(buildHamletProposal({ ...proposalData, year: 2025, date }));
    expect(paragraphs).toContain(to);
    const authority = to.slice("Kính gửi: ".length, -1);
    expect(text).toContain(`Ủy ban nhân dân xã Kim Phượng kính trình ${authority} xem xét, quyết định./.`);
  });

  it("falls back to the commune's chairman when no rule covers the date", () => {
    expect(proposalAddressee({ ...proposalData, authorityRules: [] })).toBe("Chủ tịch Ủy ban nhân dân xã Kim Phượng");
  });

  it("cites the law, the decree, the council's minutes and the notice, then lists the hamlets proposed", async () => {
    const { paragraphs } = await open(buildHamletProposal(proposalData));
    const basis = paragraphs.filter((p) => p.startsWith("Căn cứ"));
    expect(basis).toEqual([
      "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
      expect.stringMatching(/^Căn cứ Nghị định số 86\/2023\/NĐ-CP .*tiêu biểu\u201d;$/),
      `Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng xã ngày 20 tháng 11 năm 2024 bình xét danh hiệu ${Q("Xóm văn hóa")} năm 2024;`,
      "Căn cứ kết quả công khai, lấy ý kiến Nhân dân trên trang thông tin điện tử xã từ ngày 21/11/2024 đến hết ngày 30/11/2024 (10 ngày): không có ý kiến phản ánh,",
    ]);
    expect(paragraphs).toContain(
      `Ủy ban nhân dân xã Kim Phượng kính trình Chủ tịch Ủy ban nhân dân huyện Định Hóa xem xét, công nhận danh hiệu ${Q("Xóm văn hóa")} năm 2024 cho 2 xóm, cụ thể như sau:`,
    );
    const start = paragraphs.indexOf("STT");
    expect(paragraphs.slice(start + 5, start + 13)).toEqual(["1", "Xóm Bản Lác", "90 %", "7/7 (100 %)", "2", "Xóm Nà Mòn", "87,5 %", "6/7 (85,71 %)"]);
    expect(paragraphs).toContain("Tổng số: 2 xóm.");
    const withComments = await open(buildHamletProposal({ ...proposalData, notice: { ...proposalData.notice!, comments: 3 } }));
    expect(withComments.text).toContain("(10 ngày): nhận được 3 ý kiến, đã được xem xét, giải quyết xong,");
  });

  it("is signed for the People's Committee by the chairman, with Nơi nhận", async () => {
    const { paragraphs } = await open(buildHamletProposal(proposalData));
    const i = paragraphs.indexOf("Nơi nhận:");
    expect(paragraphs.slice(i)).toEqual(["Nơi nhận:", "- Như trên;", "- Lưu: VT, VHXH.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Hùng"]);
    expect(hamletProposalFilename(proposalData).ascii).toBe("Mau04_ToTrinh_XaKimPhuong_2024.docx");
  });
});

// ---- The decision ----------------------------------------------------------------------------------------------------

const decisionData: HamletDecisionData = {
  commune,
  year: 2024,
  number: 112,
  symbol: "QĐ-UBND",
  issuedOn: utcDate(2024, 12, 20),
  signerAuthority: "KT. CHỦ TỊCH",
  signerTitle: "PHÓ CHỦ TỊCH",
  signerName: "Hoàng Văn Định",
  status: "ISSUED",
  issuer: "Ủy ban nhân dân huyện Định Hóa",
  parentIssuer: "Ủy ban nhân dân tỉnh Thái Nguyên",
  authority: "Chủ tịch Ủy ban nhân dân huyện Định Hóa",
  legalBasis: "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022\nXét Tờ trình số 03/TTr-UBND ngày 02/12/2024 của UBND xã Kim Phượng.",
  titleName: "Xóm văn hóa",
  hamletWord: "xóm",
  hamlets: [{ label: "Xóm Bản Lác", note: "3 năm liên tục" }, { label: "Xóm Nà Mòn", note: "" }],
};

describe("Quyết định công nhận “Xóm văn hóa”", () => {
  it("carries an upper body's header, place and authority when the commune records its decision", async () => {
    const d = await open(buildHamletDecision(decisionData));
    expectDecree30(d);
    expect(d.paragraphs.slice(0, 8)).toEqual([
      "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN",
      "ỦY BAN NHÂN DÂN HUYỆN ĐỊNH HÓA",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 112/QĐ-UBND",
      "Định Hóa, ngày 20 tháng 12 năm 2024",
      "QUYẾT ĐỊNH",
      `Về việc công nhận danh hiệu ${Q("Xóm văn hóa")} năm 2024`,
    ]);
    expect(d.paragraphs).toContain("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN ĐỊNH HÓA");
    expect(d.paragraphs.find((p) => p.startsWith("Điều 3."))).toMatch(
      /^Điều 3\. Chánh Văn phòng Ủy ban nhân dân huyện Định Hóa, Chủ tịch Ủy ban nhân dân xã Kim Phượng, Trưởng các xóm có tên tại Điều 1 .*\/\.$/,
    );
    expect(d.text).not.toContain("DỰ THẢO");
  });

  it("prints the căn cứ one per line, Điều 1 with the list and streaks, Điều 2 and the signer", async () => {
    const { paragraphs } = await open(buildHamletDecision(decisionData));
    expect(paragraphs.filter((p) => p.startsWith("Căn cứ") || p.startsWith("Xét"))).toEqual([
      "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
      "Xét Tờ trình số 03/TTr-UBND ngày 02/12/2024 của UBND xã Kim Phượng.",
    ]);
    expect(paragraphs).toContain(`Điều 1. Công nhận danh hiệu ${Q("Xóm văn hóa")} năm 2024 cho 2 xóm thuộc xã Kim Phượng, gồm:`);
    const start = paragraphs.indexOf("STT");
    expect(paragraphs.slice(start, start + 8)).toEqual(["STT", "Tên xóm", "Ghi chú", "1", "Xóm Bản Lác", "3 năm liên tục", "2", "Xóm Nà Mòn"]);
    expect(paragraphs.find((p) => p.startsWith("Điều 2."))).toContain("kinh phí khen thưởng");
    const i = paragraphs.indexOf("Nơi nhận:");
    expect(paragraphs.slice(i)).toEqual(["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Văn Định"]);
  });

  it("is the commune's own, a draft without number or day, when the issuer is empty", async () => {
    const d = await open(buildHamletDecision({
      ...decisionData, status: "DRAFT", number: 0, issuer: "", parentIssuer: "", authority: "Chủ tịch Ủy ban nhân dân xã Kim Phượng",
      signerAuthority: "", signerTitle: "CHỦ TỊCH", signerName: "Nguyễn Văn Hùng", issuedOn: utcDate(2025, 12, 1), year: 2025,
    }));
    expect(d.paragraphs.slice(0, 4)).toEqual(["ỦY BAN NHÂN DÂN", "XÃ KIM PHƯỢNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]);
    expect(d.paragraphs).toContainEqual(expect.stringMatching(/^Số:\s+\/QĐ-UBND$/));
    expect(d.paragraphs).toContainEqual(expect.stringMatching(/^Kim Phượng, ngày\s+tháng\s+năm 2025$/));
    expect(d.paragraphs[d.paragraphs.indexOf("DỰ THẢO") + 1]).toBe("QUYẾT ĐỊNH");
    expect(d.paragraphs).toContain("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ KIM PHƯỢNG");
    expect(d.paragraphs.find((p) => p.startsWith("Điều 3."))).toMatch(/^Điều 3\. Văn phòng HĐND và UBND xã/);
    expect(d.paragraphs).toEqual(expect.arrayContaining(["- Ủy ban MTTQ Việt Nam xã;", "- Lưu: VT, VHXH."]));
  });

  it("is named after the title, number and year", () => {
    expect(hamletDecisionFilename(decisionData).ascii).toBe("QuyetDinh_XomVanHoa_112QdUbnd_2024.docx");
    expect(hamletDecisionFilename({ ...decisionData, status: "DRAFT" }).ascii).toBe("DuThao_QuyetDinh_XomVanHoa_2024.docx");
  });
});

describe("helpers of the hamlet documents", () => {
  it.each([
    [2024, [2023, 2022], 3],
    [2024, [2023, 2021], 2],
    [2024, [2022, 2021], 1],
    [2024, [], 1],
    [2024, [2025, 2023], 2],
  ])("in %s with earlier awards %j the streak is %s", (year, earlier, n) => {
    expect(consecutiveYears(year, earlier)).toBe(n);
  });

  it("names the title and the hamlets as the commune does", () => {
    expect(hamletTitleName(["XOM", "XOM"])).toBe("Xóm văn hóa");
    expect(hamletTitleName(["THON"])).toBe("Thôn văn hóa");
    expect(hamletTitleName(["XOM", "TO_DAN_PHO"])).toBe("Thôn, tổ dân phố văn hóa");
    expect(hamletPlural(["XOM"])).toBe("xóm");
    expect(hamletPlural(["XOM", "THON"])).toBe("thôn, xóm");
    expect(councilName({ name: "Phan Đình Phùng", kind: "PHUONG" })).toBe("Hội đồng Thi đua - Khen thưởng phường");
  });

  it("finds the place of an upper body, formats percentages and ASCII names", () => {
    expect(issuerPlace("Ủy ban nhân dân huyện Định Hóa", commune)).toBe("Định Hóa");
    expect(issuerPlace("", commune)).toBe("Kim Phượng");
    expect(issuerPlace("Hội đồng nhân dân", commune)).toBe("Kim Phượng");
    expect(percentText(105, 120)).toBe("87,5 %");
    expect(percentText(1, 0)).toBeNull();
    expect(pascalAscii("Xóm Đồng Đình")).toBe("XomDongDinh");
  });
});
