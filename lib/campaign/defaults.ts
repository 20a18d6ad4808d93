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
} as const;

/** Deadlines of the yearly calendar (DOMAIN.md §4.1): hamlet meetings by 15/11, review finished by 25/11. */
export function defaultDeadlines(year: number) {
  return { meetingDeadline: utcDate(year, 11, 15), reviewDeadline: utcDate(year, 11, 25), noticeDays: 10, decisionDays: 10 };
}

/** The commune plan's targets (seed-plan-2024.txt): 90 % households, 90 % hamlets, 100 % agencies. */
export const DEFAULT_TARGETS = { targetHouseholdsPct: 90, targetHamletsPct: 90, targetAgenciesPct: 100 } as const;
