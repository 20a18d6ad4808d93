// The data a commune starts its first campaign year with: Decree 86's household criteria and the vote rules in
// use. Both are data — the officer makes new versions; past years keep the versions they used.

import { utcDate } from "@/lib/dates";

export type CriterionSeed = {
  code: string;
  groupCode: string;
  groupTitle: string;
  kind: "STANDARD" | "EXCLUSION";
  text: string;
  category?: "E1" | "E2" | "E3" | "E4";
  isVerified?: boolean;
};

const A = "Gương mẫu chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước";
const B = "Tích cực tham gia các phong trào thi đua lao động, sản xuất, học tập, bảo vệ an ninh, trật tự, an toàn xã hội của địa phương";
const C = "Gia đình no ấm, tiến bộ, hạnh phúc, văn minh; thường xuyên gắn bó, đoàn kết, tương trợ, giúp đỡ trong cộng đồng";
const E = "Không xét tặng khi có thành viên thuộc một trong các trường hợp (khoản 4 Điều 6)";

/** Nghị định 86/2023/NĐ-CP, Phụ lục I and Điều 6 khoản 4. C3 is marked unverified: the sources break off there. */
export const HOUSEHOLD_CRITERIA: CriterionSeed[] = [
  { code: "A1", groupCode: "A", groupTitle: A, kind: "STANDARD", text: "Các thành viên trong gia đình chấp hành tốt chủ trương của Đảng và quy định của pháp luật." },
  { code: "A2", groupCode: "A", groupTitle: A, kind: "STANDARD", text: "Thực hiện nếp sống văn minh trong việc cưới, việc tang và lễ hội theo quy định." },
  { code: "A3", groupCode: "A", groupTitle: A, kind: "STANDARD", text: "Bảo đảm thực hiện an ninh trật tự, phòng cháy, chữa cháy." },
  { code: "A4", groupCode: "A", groupTitle: A, kind: "STANDARD", text: "Bảo đảm các quy định về độ ồn, không làm ảnh hưởng đến cộng đồng theo quy định của pháp luật về môi trường." },
  { code: "B1", groupCode: "B", groupTitle: B, kind: "STANDARD", text: "Tham gia các hoạt động nhằm bảo vệ di tích lịch sử - văn hóa, danh lam thắng cảnh, cảnh quan thiên nhiên và môi trường của địa phương." },
  { code: "B2", groupCode: "B", groupTitle: B, kind: "STANDARD", text: "Tham gia các phong trào từ thiện, nhân đạo; đền ơn đáp nghĩa; khuyến học khuyến tài và xây dựng gia đình học tập." },
  { code: "B3", groupCode: "B", groupTitle: B, kind: "STANDARD", text: "Tham gia sinh hoạt cộng đồng ở nơi cư trú." },
  { code: "B4", groupCode: "B", groupTitle: B, kind: "STANDARD", text: "Tích cực tham gia các phong trào phát triển kinh tế, văn hóa - xã hội do địa phương tổ chức." },
  { code: "B5", groupCode: "B", groupTitle: B, kind: "STANDARD", text: "Người trong độ tuổi có khả năng lao động tích cực làm việc và có thu nhập chính đáng." },
  { code: "B6", groupCode: "B", groupTitle: B, kind: "STANDARD", text: "Trẻ em trong độ tuổi đi học được đến trường." },
  { code: "C1", groupCode: "C", groupTitle: C, kind: "STANDARD", text: "Thực hiện tốt Bộ tiêu chí ứng xử trong gia đình." },
  { code: "C2", groupCode: "C", groupTitle: C, kind: "STANDARD", text: "Thực hiện tốt chính sách dân số, hôn nhân và gia đình." },
  { code: "C3", groupCode: "C", groupTitle: C, kind: "STANDARD", text: "Thực hiện tốt các mục tiêu về bình đẳng giới, … (cần đối chiếu đủ nội dung với Phụ lục I Nghị định 86/2023/NĐ-CP)", isVerified: false },
  { code: "E1", groupCode: "E", groupTitle: E, kind: "EXCLUSION", category: "E1", text: "Bị truy cứu trách nhiệm hình sự." },
  { code: "E2", groupCode: "E", groupTitle: E, kind: "EXCLUSION", category: "E2", text: "Không hoàn thành nghĩa vụ quân sự và nghĩa vụ nộp thuế." },
  { code: "E3", groupCode: "E", groupTitle: E, kind: "EXCLUSION", category: "E3", text: "Bị xử phạt vi phạm hành chính về: tảo hôn, tổ chức tảo hôn; vi phạm quy định về kết hôn, ly hôn và chế độ hôn nhân một vợ, một chồng." },
  { code: "E4", groupCode: "E", groupTitle: E, kind: "EXCLUSION", category: "E4", text: "Bị xử phạt vi phạm hành chính về: trật tự công cộng; đánh bạc trái phép; phòng, chống tệ nạn xã hội; phòng cháy, chữa cháy, cứu nạn, cứu hộ; phòng, chống bạo lực gia đình." },
];

export const HOUSEHOLD_CRITERIA_SET = {
  name: "Khung tiêu chuẩn \u201cGia đình văn hóa\u201d",
  legalBasis: "Nghị định số 86/2023/NĐ-CP ngày 07/12/2023 của Chính phủ, Điều 6 và Phụ lục I",
  effectiveFrom: utcDate(2024, 1, 30),
};

/** Default rule: > 50 % of those invited present, > 50 % of those present for (NĐ 59/2023; DOMAIN.md §4.2). */
export const DEFAULT_RULE_SET = {
  name: "Họp dân theo Nghị định 59/2023 (trên 50 %)",
  legalBasis: "Luật Thực hiện dân chủ ở cơ sở 2022; Nghị định số 59/2023/NĐ-CP, Điều 3 khoản 5",
  effectiveFrom: utcDate(2023, 7, 1),
  quorumBase: "INVITED",
  quorumPct: 50,
  quorumOp: "GT",
  approvalBase: "PRESENT",
  approvalPct: 50,
  approvalOp: "GT",
  ballotMethod: "SHOW_OF_HANDS",
  registrationRequired: false,
  lookbackYears: 1,
  // "Xóm văn hóa": registered hamlets only; the commune council approves by more than half of the members present.
  hamletRegistrationRequired: true,
  councilApprovalBase: "PRESENT",
  councilApprovalPct: 50,
  councilApprovalOp: "GT",
} as const;

/** Deadlines of the yearly calendar (DOMAIN.md §4.1): hamlet meetings by 15/11, review finished by 25/11. */
export function defaultDeadlines(year: number) {
  return { meetingDeadline: utcDate(year, 11, 15), reviewDeadline: utcDate(year, 11, 25), noticeDays: 10, decisionDays: 10 };
}

/** The commune plan's targets (seed-plan-2024.txt): 90 % households, 90 % hamlets, 100 % agencies. */
export const DEFAULT_TARGETS = { targetHouseholdsPct: 90, targetHamletsPct: 90, targetAgenciesPct: 100 } as const;

// ---- "Xóm văn hóa" -----------------------------------------------------------------------------------------------

export type RatioSeed = { metric: "RECOGNISED_HOUSEHOLDS_PCT" | "POOR_NEAR_POOR_PCT" | "CHILDREN_IN_SCHOOL_PCT" | "EMPLOYED_PCT" | "CIVILISED_RITES_PCT"; comparator: "GT" | "GTE" | "LT" | "LTE"; threshold: number };
export type TitleCriterionSeed = Omit<CriterionSeed, "kind" | "category"> & Partial<RatioSeed>;

const H1 = "Đời sống kinh tế ổn định và phát triển";
const H2 = "Đời sống văn hóa, tinh thần lành mạnh, phong phú";
const H3 = "Môi trường an toàn, thân thiện, cảnh quan sạch đẹp";
const H4 = "Chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước; giữ vững trật tự, an toàn xã hội; tích cực tham gia các phong trào thi đua của địa phương";
const H5 = "Có tinh thần đoàn kết, tương trợ, giúp đỡ lẫn nhau trong cộng đồng";
const VERIFY = " (nội dung chi tiết cần đối chiếu với Phụ lục II Nghị định 86/2023/NĐ-CP và hướng dẫn của tỉnh)";

/**
 * Luật Thi đua, khen thưởng 2022 Điều 30 and Nghị định 86/2023 Phụ lục II. Ratio thresholds are the province's
 * (these are the demo province's, editable as data); III.3 onwards, IV and V are marked unverified: the annex text
 * in hand breaks off there (FORMS.md §1.2).
 */
export const HAMLET_CRITERIA: TitleCriterionSeed[] = [
  { code: "I.1", groupCode: "I", groupTitle: H1, text: "Tỷ lệ người trong độ tuổi lao động có việc làm và thu nhập ổn định.", metric: "EMPLOYED_PCT", comparator: "GTE", threshold: 80 },
  { code: "I.2", groupCode: "I", groupTitle: H1, text: "Tỷ lệ hộ nghèo, hộ cận nghèo thấp.", metric: "POOR_NEAR_POOR_PCT", comparator: "LTE", threshold: 15 },
  { code: "I.3", groupCode: "I", groupTitle: H1, text: "Phát triển ngành nghề truyền thống hoặc có đóng góp về văn hóa, công nghệ, khoa học kỹ thuật cho địa phương." },
  { code: "I.4", groupCode: "I", groupTitle: H1, text: "Tham gia, hưởng ứng các phong trào phát triển kinh tế, văn hóa - xã hội do địa phương tổ chức." },
  { code: "II.1", groupCode: "II", groupTitle: H2, text: "Nhà văn hóa, sân thể thao, điểm đọc sách phục vụ cộng đồng phù hợp với điều kiện thực tiễn của thôn, tổ dân phố." },
  { code: "II.2", groupCode: "II", groupTitle: H2, text: "Trẻ em trong độ tuổi đi học được đến trường.", metric: "CHILDREN_IN_SCHOOL_PCT", comparator: "GTE", threshold: 100 },
  { code: "II.3", groupCode: "II", groupTitle: H2, text: "Tổ chức hoạt động văn hóa văn nghệ, thể dục thể thao, vui chơi, giải trí lành mạnh." },
  { code: "II.4", groupCode: "II", groupTitle: H2, text: "Tỷ lệ hộ gia đình thực hiện nếp sống văn minh trong việc cưới, việc tang, lễ hội.", metric: "CIVILISED_RITES_PCT", comparator: "GTE", threshold: 90 },
  { code: "II.5", groupCode: "II", groupTitle: H2, text: "Thực hiện tốt công tác hòa giải ở cơ sở; công tác phòng, chống tệ nạn xã hội." },
  { code: "II.6", groupCode: "II", groupTitle: H2, text: "Bảo tồn, phát huy các giá trị di sản văn hóa, các hình thức sinh hoạt văn hóa, thể thao dân gian truyền thống của địa phương." },
  { code: "III.1", groupCode: "III", groupTitle: H3, text: "Hoạt động sản xuất, kinh doanh đáp ứng các quy định của pháp luật về bảo vệ môi trường." },
  { code: "III.2", groupCode: "III", groupTitle: H3, text: "Thực hiện việc mai táng, hỏa táng (nếu có) đúng quy định và theo quy hoạch của địa phương." },
  { code: "III.3", groupCode: "III", groupTitle: H3, text: `Các nội dung khác của tiêu chuẩn môi trường, cảnh quan${VERIFY}.`, isVerified: false },
  { code: "IV.1", groupCode: "IV", groupTitle: H4, text: `Chấp hành tốt chủ trương, chính sách, pháp luật; giữ vững trật tự, an toàn xã hội${VERIFY}.`, isVerified: false },
  { code: "V.1", groupCode: "V", groupTitle: H5, text: `Đoàn kết, tương trợ, giúp đỡ lẫn nhau trong cộng đồng${VERIFY}.`, isVerified: false },
  { code: "V.2", groupCode: "V", groupTitle: H5, text: "Tỷ lệ hộ gia đình được công nhận \u201cGia đình văn hóa\u201d (chỉ tiêu của tỉnh).", metric: "RECOGNISED_HOUSEHOLDS_PCT", comparator: "GTE", threshold: 70, isVerified: false },
];

export const HAMLET_CRITERIA_SET = {
  subject: "HAMLET",
  name: "Khung tiêu chuẩn \u201cThôn, tổ dân phố văn hóa\u201d",
  legalBasis: "Luật Thi đua, khen thưởng 2022, Điều 30; Nghị định số 86/2023/NĐ-CP ngày 07/12/2023, Phụ lục II",
  effectiveFrom: utcDate(2024, 1, 30),
} as const;

// ---- Agencies, units, businesses (Thông tư 08/2014/TT-BVHTTDL, Điều 4–5) ------------------------------------------

export const AGENCY_CRITERIA: TitleCriterionSeed[] = [
  { code: "1", groupCode: "1", groupTitle: "Hoàn thành tốt nhiệm vụ", text: "Hoàn thành kế hoạch công tác hằng năm; cán bộ, công chức, viên chức và người lao động đạt danh hiệu \u201cLao động tiên tiến\u201d; thường xuyên tự học, bồi dưỡng; có sáng kiến, cải tiến." },
  { code: "2", groupCode: "2", groupTitle: "Thực hiện nếp sống văn minh, môi trường văn hóa công sở", text: "Ít nhất 90 % cán bộ, công chức, viên chức và người lao động không vi phạm quy định về nếp sống văn minh; xây dựng môi trường văn hóa công sở." },
  { code: "3", groupCode: "3", groupTitle: "Gương mẫu chấp hành đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước", text: "Gương mẫu chấp hành đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước; thực hiện quy chế dân chủ ở cơ sở." },
];

export const ENTERPRISE_CRITERIA: TitleCriterionSeed[] = [
  { code: "1", groupCode: "1", groupTitle: "Hoàn thành nhiệm vụ sản xuất, kinh doanh, dịch vụ", text: "Sản xuất, kinh doanh ổn định và từng bước phát triển." },
  { code: "2", groupCode: "2", groupTitle: "Thực hiện nếp sống văn minh, môi trường văn hóa doanh nghiệp", text: "Thực hiện nếp sống văn minh, xây dựng môi trường văn hóa doanh nghiệp." },
  { code: "3", groupCode: "3", groupTitle: "Nâng cao đời sống vật chất, văn hóa tinh thần của người lao động", text: "Chăm lo đời sống vật chất, văn hóa tinh thần của người lao động." },
  { code: "4", groupCode: "4", groupTitle: "Nghiêm chỉnh chấp hành đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước", text: "Nghiêm chỉnh chấp hành đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước." },
];

export const AGENCY_CRITERIA_SET = {
  subject: "AGENCY",
  name: "Tiêu chuẩn \u201cCơ quan, đơn vị đạt chuẩn văn hóa\u201d",
  legalBasis: "Thông tư số 08/2014/TT-BVHTTDL ngày 24/09/2014, Điều 4; Hướng dẫn số 58/HD-TLĐ của Tổng Liên đoàn Lao động Việt Nam",
  effectiveFrom: utcDate(2014, 11, 10),
} as const;

export const ENTERPRISE_CRITERIA_SET = {
  subject: "ENTERPRISE",
  name: "Tiêu chuẩn \u201cDoanh nghiệp đạt chuẩn văn hóa\u201d",
  legalBasis: "Thông tư số 08/2014/TT-BVHTTDL ngày 24/09/2014, Điều 5; Hướng dẫn số 58/HD-TLĐ của Tổng Liên đoàn Lao động Việt Nam",
  effectiveFrom: utcDate(2014, 11, 10),
} as const;

/** The titles' criteria sets by subject, for ensureDefaultSets. */
export const TITLE_CRITERIA_SETS = [
  { set: HAMLET_CRITERIA_SET, items: HAMLET_CRITERIA },
  { set: AGENCY_CRITERIA_SET, items: AGENCY_CRITERIA },
  { set: ENTERPRISE_CRITERIA_SET, items: ENTERPRISE_CRITERIA },
] as const;

// ---- Who decides "Xóm văn hóa" (DOMAIN.md §4.3) ---------------------------------------------------------------------

/** The day the district level ended and the commune chairman took over the hamlet title (Nghị định 129/2025/NĐ-CP). */
export const TWO_LEVEL_GOVERNMENT_FROM = utcDate(2025, 7, 1);

/** Since Nghị định 122/2018/NĐ-CP (in force 1/11/2018) the district chairman recognised "Thôn văn hóa". */
export const DISTRICT_RULE_FROM = utcDate(2018, 11, 1);

/** Authority rules for a commune of `district` in `province`: the district chairman until 30/6/2025, then the commune's. */
export function defaultAuthorityRules(commune: { name: string; district: string | null; province: string }) {
  const communeRule = {
    subject: "HAMLET" as const,
    effectiveFrom: TWO_LEVEL_GOVERNMENT_FROM,
    effectiveTo: null,
    authority: `Chủ tịch Ủy ban nhân dân xã ${commune.name}`,
    issuer: "",
    parentIssuer: "",
    legalBasis: "Nghị định số 129/2025/NĐ-CP của Chính phủ (có hiệu lực từ ngày 01/7/2025) về phân quyền, phân cấp trong lĩnh vực quản lý nhà nước của Bộ Nội vụ",
  };
  if (!commune.district) return [{ ...communeRule, effectiveFrom: DISTRICT_RULE_FROM }];
  return [
    {
      subject: "HAMLET" as const,
      effectiveFrom: DISTRICT_RULE_FROM,
      effectiveTo: TWO_LEVEL_GOVERNMENT_FROM,
      authority: `Chủ tịch Ủy ban nhân dân huyện ${commune.district}`,
      issuer: `Ủy ban nhân dân huyện ${commune.district}`,
      parentIssuer: `Ủy ban nhân dân tỉnh ${commune.province}`,
      legalBasis: "Nghị định số 122/2018/NĐ-CP (đến 29/01/2024); Luật Thi đua, khen thưởng 2022, Điều 80 khoản 2 và Nghị định số 86/2023/NĐ-CP (từ 30/01/2024)",
    },
    communeRule,
  ];
}
