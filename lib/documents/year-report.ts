// Báo cáo kết quả thực hiện Phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa" of a campaign year (issue 5
// "Reports" 2), issued by the commune's Ban Chỉ đạo and laid out per Decree 30 (decree30.ts). Every sentence states a
// figure of YearReportData (lib/reports/year-data.ts); nothing is invented: the "Phương hướng" part is left as
// marked placeholder lines for the officer to complete. No database here.
//
// EDITABLE WORDING: no form is prescribed for this report; the sentences and the default recipients below are ours
// and sit here until wording.ts (or per-commune settings) takes them.

import type { Document } from "docx";
import type { HamletFigures } from "@/lib/dashboard/types";
import { formatPercent } from "@/lib/format";
import {
  body, dataTable, decree30Document, headerTable, line, section, signatureTable, titleBlock, type DataRow,
} from "./decree30";
import { BLANK, communeName, count, dayMonthYear, placeDateLine, placeName, slug, type DownloadName } from "./format";
import { GDVH } from "./wording";
import type { YearReportData } from "@/lib/reports/year-data";

const MOVEMENT = "Phong trào \u201cToàn dân đoàn kết xây dựng đời sống văn hóa\u201d";
const XVH = "\u201cXóm văn hóa\u201d";
const CQVH = "\u201cCơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa\u201d";

/** Placeholder the officer replaces before signing. */
export const TO_COMPLETE = "[Cán bộ văn hóa - xã hội bổ sung]";

export const YEAR_REPORT_TEXT = {
  type: "BÁO CÁO",
  summary: (year: number) => `Kết quả thực hiện ${MOVEMENT} năm ${year}`,
  issuer: `Ban Chỉ đạo ${MOVEMENT}`,
  symbol: "BC-BCĐ",
  /** Defaults until recipients are configurable per commune (DOMAIN.md §7: the province after 07/2025). */
  defaultRecipients: [
    "Ban Chỉ đạo Phong trào tỉnh (b/c)",
    "Sở Văn hóa, Thể thao và Du lịch tỉnh (b/c)",
    "Thường trực Đảng ủy, HĐND, UBND xã (b/c)",
    "Ủy ban MTTQ Việt Nam xã",
    "Thành viên Ban Chỉ đạo xã",
    "Các xóm",
  ],
  storage: "VT, VHXH",
  signer: { authority: "TM. BAN CHỈ ĐẠO", title: "TRƯỞNG BAN" },
} as const;

const pct = (part: number, whole: number) => formatPercent(part, whole);

/** "Kế hoạch số 12/KH-BCĐ ngày 21 tháng 3 năm 2024 của …", or null when the year records no plan number nor date. */
export function planReference(plan: YearReportData["plan"]): string | null {
  if (!plan.number && !plan.date) return null;
  const parts = ["Kế hoạch"];
  if (plan.number) parts.push(`số ${plan.number}`);
  if (plan.date) parts.push(dayMonthYear(plan.date));
  if (plan.issuer) parts.push(`của ${plan.issuer}`);
  return parts.join(" ");
}

/** Hamlets below the households target (official gap > 0), largest gap first. */
export function hamletsBelowTarget(data: YearReportData): HamletFigures[] {
  return data.figures.hamletFigures
    .filter((h) => h.total > 0 && h.gap.official > 0)
    .sort((a, b) => b.gap.official - a.gap.official || a.name.localeCompare(b.name, "vi"));
}

function metText(rate: number | null, target: number, gap: number, unit: string): string {
  if (rate === null) return "chưa có số liệu";
  return gap === 0 ? `đạt chỉ tiêu ${target} %` : `chưa đạt chỉ tiêu ${target} % (còn thiếu ${count(gap)} ${unit})`;
}

const rateText = (rate: number | null) => (rate === null ? "—" : `${rate.toLocaleString("vi-VN")} %`);

export function buildYearReport(data: YearReportData): Document {
  const T = YEAR_REPORT_TEXT;
  const f = data.figures;
  const commune = communeName(data.commune);
  const h = f.households;
  const m = f.hamlets;
  const a = f.agencies;
  const plan = planReference(data.plan);
  const below = hamletsBelowTarget(data);

  const intro = plan
    ? `Thực hiện ${plan}${data.plan.title ? ` về ${data.plan.title}` : ""}, Ban Chỉ đạo ${MOVEMENT} ${commune} báo cáo kết quả thực hiện năm ${data.year} như sau:`
    : `Ban Chỉ đạo ${MOVEMENT} ${commune} báo cáo kết quả thực hiện năm ${data.year} như sau:`;

  const households = [
    body(`1. Danh hiệu ${GDVH}`, { bold: true, keepNext: true }),
    body(
      `Tổng số hộ gia đình trên địa bàn: ${count(h.total)} hộ; số hộ đăng ký xây dựng danh hiệu: ${count(h.registered)} hộ ` +
        `(${pct(h.registered, h.total)} tổng số hộ); số hộ được công nhận danh hiệu ${GDVH} năm ${data.year}: ${count(h.recognised)} hộ, ` +
        `đạt ${pct(h.recognised, h.total)} tổng số hộ và ${pct(h.recognised, h.registered)} số hộ đăng ký.`,
    ),
    ...(h.provisional > 0 ? [body(`Ngoài ra có ${count(h.provisional)} hộ đã được bình xét đạt, đang chờ quyết định công nhận.`)] : []),
    body(`Số hộ đạt danh hiệu ${GDVH} 3 năm liên tục (${data.year - 2}, ${data.year - 1}, ${data.year}): ${count(data.threeYears)} hộ.`),
    ...(data.honour
      ? [body(
          `Số hộ đủ điều kiện đề xuất “Gia đình văn hóa tiêu biểu” (${data.honour.years} năm liên tục trở lên): ${count(data.honour.eligible)} hộ` +
            (data.honour.quotaPct === null ? "." : `; số hộ đề xuất theo tỷ lệ ${data.honour.quotaPct} %: ${count(data.honour.proposed)} hộ.`),
        )]
      : []),
    body(
      `Số hộ thuộc trường hợp không xét tặng (khoản 4 Điều 6 Nghị định số 86/2023/NĐ-CP): ` +
        f.failures.exclusions.map((e) => `nhóm ${e.code}: ${count(e.count)} hộ`).join("; ") + ".",
    ),
  ];

  const hamlets = [
    body(`2. Danh hiệu ${XVH}`, { bold: true, keepNext: true }),
    body(
      `Tổng số xóm: ${count(m.total)}; số xóm đăng ký: ${count(m.registered)} (${pct(m.registered, m.total)}); ` +
        `số xóm được công nhận danh hiệu ${XVH} năm ${data.year}: ${count(m.recognised)}, đạt ${pct(m.recognised, m.total)} tổng số xóm` +
        (m.provisional > 0 ? `; ${count(m.provisional)} xóm đã được Hội đồng bình xét đạt, đang chờ quyết định.` : "."),
    ),
  ];

  const agencies = [
    body(`3. ${CQVH}`, { bold: true, keepNext: true }),
    body(
      `Tổng số cơ quan, đơn vị, doanh nghiệp: ${count(a.total)}; số đăng ký: ${count(a.registered)} (${pct(a.registered, a.total)}); ` +
        `số đạt chuẩn văn hóa năm ${data.year}: ${count(a.recognised)}, đạt ${pct(a.recognised, a.total)}.`,
    ),
  ];

  const targetRows: DataRow[] = [
    { cells: [`Hộ gia đình đạt danh hiệu ${GDVH}`, `${f.targets.households} %`, rateText(h.rate), metText(h.rate, f.targets.households, f.householdsGap.official, "hộ")] },
    { cells: [`Xóm đạt danh hiệu ${XVH}`, `${f.targets.hamlets} %`, rateText(m.rate), metText(m.rate, f.targets.hamlets, f.hamletsGap.official, "xóm")] },
    { cells: ["Cơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa", `${f.targets.agencies} %`, rateText(a.rate), metText(a.rate, f.targets.agencies, f.agenciesGap, "đơn vị")] },
  ];
  const targets = [
    body("4. So sánh với chỉ tiêu kế hoạch", { bold: true, keepNext: true }),
    body(
      `${plan ? `Theo ${plan}` : "Theo kế hoạch năm"}, chỉ tiêu năm ${data.year}: ${f.targets.households} % hộ gia đình đạt danh hiệu ${GDVH}; ` +
        `${f.targets.hamlets} % xóm đạt danh hiệu ${XVH}; ${f.targets.agencies} % cơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa. Kết quả:`,
      { keepNext: true },
    ),
    dataTable(
      [{ title: "Chỉ tiêu", width: 38, align: "left" }, { title: "Kế hoạch", width: 14 }, { title: "Thực hiện", width: 14 }, { title: "Đánh giá", width: 34, align: "left" }],
      targetRows,
    ),
    line("", { after: 120 }),
  ];

  const belowRows: DataRow[] = below.map((x, i) => ({
    cells: [String(i + 1), x.name, count(x.total), count(x.recognised), rateText(x.rate), count(x.gap.official)],
  }));
  const belowPart = [
    body(`5. Các xóm chưa đạt chỉ tiêu ${f.targets.households} % hộ gia đình văn hóa`, { bold: true, keepNext: true }),
    ...(below.length === 0
      ? [body(`Tất cả các xóm có hộ gia đình đều đạt chỉ tiêu ${f.targets.households} % hộ gia đình được công nhận danh hiệu ${GDVH}.`)]
      : [
          body(`Có ${count(below.length)}/${count(f.hamletFigures.length)} xóm chưa đạt chỉ tiêu:`, { keepNext: true }),
          dataTable(
            [
              { title: "STT", width: 8 }, { title: "Xóm", width: 32, align: "left" }, { title: "Tổng số hộ", width: 14 },
              { title: "Được công nhận", width: 16 }, { title: "Tỷ lệ", width: 14 }, { title: "Còn thiếu (hộ)", width: 16 },
            ],
            belowRows,
          ),
          line("", { after: 120 }),
        ]),
  ];

  const assessment: string[] = [
    `Năm ${data.year}, tỷ lệ hộ gia đình được công nhận danh hiệu ${GDVH} là ${rateText(h.rate)}, ${metText(h.rate, f.targets.households, f.householdsGap.official, "hộ")}; ` +
      `tỷ lệ xóm được công nhận danh hiệu ${XVH} là ${rateText(m.rate)}, ${metText(m.rate, f.targets.hamlets, f.hamletsGap.official, "xóm")}; ` +
      `tỷ lệ cơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa là ${rateText(a.rate)}, ${metText(a.rate, f.targets.agencies, f.agenciesGap, "đơn vị")}.`,
    `Tỷ lệ hộ đăng ký xây dựng danh hiệu ${GDVH} đạt ${pct(h.registered, h.total)} tổng số hộ; ` +
      (below.length === 0 ? "không có xóm nào dưới chỉ tiêu hộ gia đình văn hóa." : `${count(below.length)} xóm còn dưới chỉ tiêu hộ gia đình văn hóa.`),
  ];
  const topUnmet = f.failures.unmet.slice(0, 3);
  if (topUnmet.length > 0) {
    assessment.push(`Các tiêu chuẩn hộ gia đình chưa đạt nhiều nhất: ${topUnmet.map((u) => `${u.code}${u.text ? ` (${u.text.replace(/[.;]+$/, "")})` : ""}: ${count(u.count)} hộ`).join("; ")}.`);
  }

  const doc = section([
    headerTable({
      parent: [`Ủy ban nhân dân ${commune}`],
      issuer: T.issuer,
      number: `Số: ${BLANK}/${T.symbol}`,
      placeDate: placeDateLine(placeName(data.commune), data.documentDate),
    }),
    ...titleBlock(T.type, [T.summary(data.year)]),
    body(intro),
    body("I. KẾT QUẢ THỰC HIỆN", { bold: true, keepNext: true }),
    ...households,
    ...hamlets,
    ...agencies,
    ...targets,
    ...belowPart,
    body("II. ĐÁNH GIÁ CHUNG", { bold: true, keepNext: true }),
    ...assessment.map((s) => body(s)),
    body(`III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ${data.year + 1}`, { bold: true, keepNext: true }),
    body(`(Phần này do cán bộ văn hóa - xã hội hoàn thiện trước khi trình ký.)`, { italics: true }),
    ...[1, 2, 3].map((i) => body(`${i}. ${TO_COMPLETE} ${".".repeat(60)}`)),
    body(`Trên đây là báo cáo kết quả thực hiện ${MOVEMENT} năm ${data.year} của Ban Chỉ đạo ${commune}./.`),
    signatureTable({ ...T.signer, name: "" }, { to: [...T.defaultRecipients], storage: T.storage }),
  ]);
  return decree30Document(`${T.type} ${T.summary(data.year)}`, [doc]);
}

export function yearReportFilename(data: Pick<YearReportData, "commune" | "year">): DownloadName {
  return {
    ascii: `${slug("bao-cao-phong-trao", data.commune.name, data.year)}.docx`,
    unicode: `Báo cáo kết quả phong trào ${communeName(data.commune)} năm ${data.year}.docx`,
  };
}
