// Static reference lists for the demo seed (prisma/seed.ts): Kim Phượng commune, Định Hóa, Thái Nguyên.
// Kept free of database and Node imports so tests and UI fixtures can reuse them.

/** Weighted choices: [value, weight]. */
export type Weighted<T> = readonly (readonly [T, number])[];

export const DEMO_COMMUNE = {
  name: "Kim Phượng",
  code: "05467",
  district: "Định Hóa",
  province: "Thái Nguyên",
  validFrom: "2019-11-21",
  legalBasis: "Nghị quyết 818/NQ-UBTVQH14 ngày 21/11/2019",
} as const;

/** The xóm merge of 11/12/2019 that produced today's 14 xóm. */
export const DEMO_HAMLET_LINK = {
  validFrom: "2019-12-11",
  legalBasis: "Nghị quyết số 35/NQ-HĐND ngày 11/12/2019",
} as const;

/**
 * The 14 xóm after the 2019 merge. The first eight are named in the merge record (DOMAIN.md §1);
 * the other six are plausible local names. `households` sums to 1,303 (≈4,800 people, §10).
 */
export const DEMO_HAMLETS: readonly { name: string; households: number; hasCulturalHouse: boolean }[] = [
  { name: "Bản Lác", households: 109, hasCulturalHouse: true },
  { name: "Bản Mới", households: 84, hasCulturalHouse: true },
  { name: "Thái Chi", households: 106, hasCulturalHouse: true },
  { name: "Kim Tân", households: 97, hasCulturalHouse: true },
  { name: "Đồng Đình", households: 93, hasCulturalHouse: true },
  { name: "Kim Sơn", households: 95, hasCulturalHouse: true },
  { name: "Ao Sen", households: 91, hasCulturalHouse: true },
  { name: "Phai Đá", households: 82, hasCulturalHouse: false },
  { name: "Khau Lai", households: 88, hasCulturalHouse: true },
  { name: "Nà Mòn", households: 86, hasCulturalHouse: true },
  { name: "Bản Cái", households: 99, hasCulturalHouse: true },
  { name: "Pác Cáp", households: 81, hasCulturalHouse: false },
  { name: "Nà Kẻ", households: 90, hasCulturalHouse: true },
  { name: "Kim Tiến", households: 102, hasCulturalHouse: false },
];

/** Agencies, public units and businesses in the commune. */
export const DEMO_AGENCIES: readonly {
  name: string;
  kind: "STATE_AGENCY" | "PUBLIC_UNIT" | "ENTERPRISE";
  headName: string;
  tradeUnionName: string | null;
  headcount: number;
}[] = [
  { name: "UBND xã Kim Phượng", kind: "STATE_AGENCY", headName: "Ma Văn Quyết", tradeUnionName: "Công đoàn cơ sở cơ quan xã Kim Phượng", headcount: 23 },
  { name: "Đảng ủy xã Kim Phượng", kind: "STATE_AGENCY", headName: "Hoàng Văn Lợi", tradeUnionName: "Công đoàn cơ sở cơ quan xã Kim Phượng", headcount: 5 },
  { name: "Trạm Y tế xã Kim Phượng", kind: "PUBLIC_UNIT", headName: "Lương Thị Huyền", tradeUnionName: "Công đoàn cơ sở Trạm Y tế xã Kim Phượng", headcount: 8 },
  { name: "Trường Mầm non Kim Phượng", kind: "PUBLIC_UNIT", headName: "Nông Thị Thu Hằng", tradeUnionName: "Công đoàn cơ sở Trường Mầm non Kim Phượng", headcount: 24 },
  { name: "Trường Mầm non Kim Sơn", kind: "PUBLIC_UNIT", headName: "Hà Thị Nguyệt", tradeUnionName: "Công đoàn cơ sở Trường Mầm non Kim Sơn", headcount: 17 },
  { name: "Trường Tiểu học Kim Phượng", kind: "PUBLIC_UNIT", headName: "Đinh Văn Chiến", tradeUnionName: "Công đoàn cơ sở Trường Tiểu học Kim Phượng", headcount: 26 },
  { name: "Trường Tiểu học Kim Sơn", kind: "PUBLIC_UNIT", headName: "Dương Thị Mến", tradeUnionName: "Công đoàn cơ sở Trường Tiểu học Kim Sơn", headcount: 19 },
  { name: "Trường THCS Kim Phượng", kind: "PUBLIC_UNIT", headName: "Nguyễn Văn Hưng", tradeUnionName: "Công đoàn cơ sở Trường THCS Kim Phượng", headcount: 28 },
  { name: "Bưu điện văn hóa xã Kim Phượng", kind: "PUBLIC_UNIT", headName: "Triệu Thị Lan", tradeUnionName: null, headcount: 2 },
  { name: "HTX Dịch vụ Nông nghiệp Kim Phượng", kind: "ENTERPRISE", headName: "Lò Văn Tiến", tradeUnionName: "Công đoàn cơ sở HTX Dịch vụ Nông nghiệp Kim Phượng", headcount: 14 },
  { name: "Hợp tác xã Chè Kim Phượng", kind: "ENTERPRISE", headName: "Mông Thị Thơm", tradeUnionName: "Công đoàn cơ sở Hợp tác xã Chè Kim Phượng", headcount: 11 },
  { name: "Công ty TNHH Xây dựng và Thương mại Thành Đạt", kind: "ENTERPRISE", headName: "Trần Văn Đạt", tradeUnionName: "Công đoàn cơ sở Công ty TNHH Xây dựng và Thương mại Thành Đạt", headcount: 32 },
];

// ---- Personal names (Tày, Nùng and Kinh families of Định Hóa) ----

export const FAMILY_NAMES: Weighted<string> = [
  ["Ma", 14], ["Hoàng", 14], ["Nông", 10], ["Nguyễn", 10], ["Lương", 8], ["Đinh", 6], ["Hà", 6],
  ["Trần", 5], ["Dương", 5], ["Lê", 4], ["Triệu", 4], ["Phạm", 4], ["Lò", 3], ["Mông", 3],
];

/** Middle names for people born before 1985. */
export const MALE_MIDDLE_OLDER: Weighted<string> = [
  ["Văn", 78], ["Đức", 4], ["Xuân", 4], ["Đình", 3], ["Quang", 3], ["Hữu", 2], ["Công", 2], ["Minh", 2], ["Thanh", 2],
];
export const FEMALE_MIDDLE_OLDER: Weighted<string> = [["Thị", 86], ["Thu", 4], ["Thanh", 3], ["Hồng", 4], ["Ngọc", 3]];

/** Middle names for people born in 1985 or later. */
export const MALE_MIDDLE_YOUNGER: Weighted<string> = [
  ["Văn", 42], ["Minh", 10], ["Đức", 9], ["Quang", 8], ["Thành", 6], ["Duy", 6], ["Anh", 5], ["Gia", 5], ["Hải", 4], ["Trung", 5],
];
export const FEMALE_MIDDLE_YOUNGER: Weighted<string> = [
  ["Thị", 48], ["Thu", 9], ["Ngọc", 9], ["Phương", 7], ["Minh", 7], ["Khánh", 6], ["Hải", 5], ["Bảo", 5], ["Thùy", 4],
];

export const MALE_GIVEN_OLDER: readonly string[] = [
  "Thắng", "Dũng", "Hùng", "Cường", "Tuấn", "Hải", "Sơn", "Bình", "Quý", "Lâm", "Toàn", "Thành", "Hưng", "Phúc",
  "Khánh", "Tiến", "Chiến", "Hiệp", "Thuận", "Đông", "Kiên", "Long", "Trường", "Nam", "Tâm", "Hòa", "Lợi", "Vinh",
  "Quyết", "Tùng", "Sáng", "Mạnh", "Huấn", "Thái", "Vượng", "Lực", "Chung", "Hợp", "Nghĩa", "Quảng", "Định", "Bằng",
];
export const MALE_GIVEN_YOUNGER: readonly string[] = [
  "Anh", "Bảo", "Duy", "Đạt", "Hiếu", "Huy", "Khang", "Khôi", "Kiên", "Lâm", "Long", "Minh", "Nam", "Phong", "Quân",
  "Sơn", "Thắng", "Trung", "Tú", "Tùng", "Việt", "Vũ", "Hoàng", "Đăng", "Hào", "Phúc", "Hưng", "Dũng", "Tuấn", "Khải",
];
export const FEMALE_GIVEN_OLDER: readonly string[] = [
  "Hoa", "Lan", "Hương", "Huệ", "Mai", "Liên", "Hồng", "Thủy", "Nga", "Hằng", "Thảo", "Dung", "Yến", "Loan", "Nhung",
  "Hiền", "Quyên", "Hạnh", "Tuyết", "Xuân", "Thơm", "Vân", "Oanh", "Chang", "Diệp", "Lành", "Hà", "Hậu", "Nguyệt",
  "Thắm", "Lụa", "Bích", "Sen", "Mến", "Phượng", "Duyên",
];
export const FEMALE_GIVEN_YOUNGER: readonly string[] = [
  "Anh", "Ánh", "Chi", "Diệp", "Giang", "Hà", "Hân", "Hương", "Huyền", "Linh", "Ly", "Mai", "My", "Ngân", "Ngọc",
  "Nhi", "Nhung", "Phương", "Quỳnh", "Thảo", "Trang", "Trâm", "Uyên", "Vy", "Yến", "Hiền", "Thư", "An",
];

/** Vietnamese mobile prefixes (Viettel 03x/086/09x, VinaPhone 08x/091/094, MobiFone 089/090/093). */
export const MOBILE_PREFIXES: readonly string[] = [
  "032", "033", "034", "035", "036", "037", "038", "039", "081", "082", "083", "084", "085", "086", "088", "089",
  "090", "091", "093", "094", "096", "097", "098",
];

// ---- The "Gia đình văn hóa" cycle (lib/demo-cycle.ts) ----

const MOVEMENT = "Phong trào \u201cToàn dân đoàn kết xây dựng đời sống văn hóa\u201d";

/** The years the demo holds: two decided, the last in progress. */
export const DEMO_YEARS = [2022, 2023, 2024] as const;
export type DemoYear = (typeof DEMO_YEARS)[number];

/**
 * The commune plan of 2024 (/work/shared/seed-plan-2024.txt) and the plans it cites, top down. The source leaves
 * the plan's own number blank ("Số: /KH-BCĐ"), so the demo does too.
 */
export const DEMO_PLAN_2024 = {
  planNumber: null,
  planDate: "2024-03-21",
  planIssuer: `Ban Chỉ đạo ${MOVEMENT} xã Kim Phượng`,
  planTitle: `Thực hiện ${MOVEMENT} xã Kim Phượng năm 2024`,
  refs: [
    { issuer: `Ban Chỉ đạo Trung ương ${MOVEMENT}`, number: "463/KH-BCĐ", date: "2024-02-02", title: "Kế hoạch công tác năm 2024" },
    {
      issuer: "Ủy ban nhân dân tỉnh Thái Nguyên", number: "3112/QĐ-UBND", date: "2022-12-13",
      title: `Phê duyệt Kế hoạch thực hiện ${MOVEMENT} trên địa bàn tỉnh Thái Nguyên đến năm 2026`,
    },
    { issuer: `Ban Chỉ đạo ${MOVEMENT} tỉnh Thái Nguyên`, number: "648/KH-BCĐ", date: "2024-03-13", title: `Triển khai thực hiện ${MOVEMENT} năm 2024` },
    {
      issuer: "Ủy ban nhân dân huyện Định Hóa", number: "06/KH-UBND", date: "2024-01-05",
      title: `Triển khai, thực hiện ${MOVEMENT} trên địa bàn huyện Định Hóa đến năm 2026`,
    },
    { issuer: `Ban Chỉ đạo ${MOVEMENT} huyện Định Hóa`, number: "80/KH-BCĐ", date: "2024-03-18", title: `Triển khai thực hiện ${MOVEMENT} năm 2024` },
  ],
} as const;

/**
 * Căn cứ of the 2022 and 2023 decisions, one per line (FORMS.md §1.5 layout). Both were issued before Luật Thi đua,
 * khen thưởng 2022 (in force 01/01/2024) and Nghị định 86/2023 (07/12/2023), so they cite the instruments then in force.
 */
const BASIS_BEFORE_2024 = [
  "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
  "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;",
  "Căn cứ Nghị định số 122/2018/NĐ-CP ngày 17 tháng 9 năm 2018 của Chính phủ quy định về xét tặng danh hiệu \u201cGia đình văn hóa\u201d; \u201cThôn văn hóa\u201d, \u201cLàng văn hóa\u201d, \u201cẤp văn hóa\u201d, \u201cBản văn hóa\u201d, \u201cTổ dân phố văn hóa\u201d;",
];

/** The issued award decision of each decided year (Mẫu 10 layout), signed by the chairman in person. */
export const DEMO_AWARD_DECISIONS: Record<2022 | 2023, { number: number; draftedOn: string; issuedOn: string; legalBasis: string }> = {
  2022: {
    number: 215, draftedOn: "2022-12-02", issuedOn: "2022-12-05",
    legalBasis: [...BASIS_BEFORE_2024, "Theo đề nghị của Trưởng các xóm và công chức Văn hóa - Xã hội."].join("\n"),
  },
  2023: {
    number: 198, draftedOn: "2023-12-01", issuedOn: "2023-12-04",
    legalBasis: [...BASIS_BEFORE_2024, "Theo đề nghị của Trưởng các xóm và công chức Văn hóa - Xã hội."].join("\n"),
  },
};

/**
 * A 2023 decision cancelling two 2022 awards on ground d): two members of households in one xóm were fined in 2023
 * for gambling in September 2022, inside the 2022 period the title counted.
 */
export const DEMO_CANCELLATION = {
  awardYear: 2022,
  hamletName: "Bản Mới",
  number: 87,
  draftedOn: "2023-06-08",
  issuedOn: "2023-06-12",
  occurredOn: "2022-09-24",
  fines: [
    { number: 45, date: "2023-04-18" },
    { number: 46, date: "2023-04-18" },
  ],
  fineIssuer: "Trưởng Công an huyện Định Hóa",
  legalBasis: [
    ...BASIS_BEFORE_2024,
    "Căn cứ Quyết định số 215/QĐ-UBND ngày 05/12/2022 của Chủ tịch Ủy ban nhân dân xã Kim Phượng về việc tặng danh hiệu \u201cGia đình văn hóa\u201d năm 2022;",
    "Theo đề nghị của công chức Văn hóa - Xã hội.",
  ].join("\n"),
  cancelReason:
    "Thành viên của 02 hộ gia đình bị xử phạt vi phạm hành chính về hành vi đánh bạc trái phép xảy ra ngày 24/09/2022, "
    + "trong thời gian tính thành tích năm 2022 (Quyết định số 45/QĐ-XPHC và số 46/QĐ-XPHC ngày 18/04/2023 của Trưởng Công an huyện Định Hóa).",
} as const;

export type DemoReviewPlan = {
  hamlet: string;
  status: "MEETING" | "NOTICE" | "SUBMITTED" | "RETURNED" | "ACCEPTED";
  meetingDay: number;
  objection?: "PENDING" | "UPHELD";
};

/**
 * Where each xóm stands in 2024 (the demo is "as of" late November 2024). Bản Lác, the demo hamlet head's xóm, and
 * Kim Tiến have registered but not met, so a user can hold a whole meeting from scratch.
 */
export const DEMO_REVIEWS_2024: readonly DemoReviewPlan[] = [
  { hamlet: "Bản Mới", status: "ACCEPTED", meetingDay: 5 },
  { hamlet: "Thái Chi", status: "ACCEPTED", meetingDay: 6 },
  { hamlet: "Kim Tân", status: "ACCEPTED", meetingDay: 7 },
  { hamlet: "Đồng Đình", status: "ACCEPTED", meetingDay: 8 },
  { hamlet: "Kim Sơn", status: "ACCEPTED", meetingDay: 8 },
  { hamlet: "Ao Sen", status: "SUBMITTED", meetingDay: 9 },
  { hamlet: "Phai Đá", status: "SUBMITTED", meetingDay: 10 },
  { hamlet: "Khau Lai", status: "SUBMITTED", meetingDay: 11 },
  { hamlet: "Nà Mòn", status: "RETURNED", meetingDay: 6 },
  { hamlet: "Bản Cái", status: "NOTICE", meetingDay: 12, objection: "PENDING" },
  { hamlet: "Pác Cáp", status: "NOTICE", meetingDay: 13, objection: "UPHELD" },
  { hamlet: "Nà Kẻ", status: "MEETING", meetingDay: 14 },
];

/** Why the officer sent Nà Mòn's dossier back. */
export const DEMO_RETURN_REASON =
  "Biên bản họp chưa ghi số người có mặt của Chi hội Phụ nữ và chưa có chữ ký của Trưởng ban Công tác Mặt trận xóm; đề nghị bổ sung và nộp lại.";

export const DEMO_OBJECTIONS = {
  PENDING: {
    content: "Con trai của hộ thường xuyên uống rượu, gây ồn ào, mất trật tự vào buổi tối; tổ hòa giải xóm đã nhắc nhở nhưng chưa chuyển biến. Đề nghị xem xét lại việc đề nghị công nhận hộ này.",
  },
  UPHELD: {
    content: "Hộ thả rông trâu làm hư hại hoa màu của các hộ lân cận, đã được tổ hòa giải xóm nhắc nhở nhiều lần nhưng chưa khắc phục, chưa thực hiện đúng hương ước của xóm.",
    resolution: "Ban Công tác Mặt trận xóm đã xác minh: nội dung phản ánh đúng; hộ chưa thực hiện cam kết theo hương ước xóm. Thống nhất đưa hộ ra khỏi danh sách đề nghị công nhận.",
  },
} as const;

/** Standard items a meeting most often finds not met (A2: weddings and funerals, B3/B4: community life…). */
export const DEMO_UNMET_CODES: Weighted<string> = [
  ["B4", 20], ["B3", 18], ["A2", 12], ["B2", 10], ["C1", 10], ["A3", 8], ["B5", 8], ["A4", 6], ["C2", 5], ["B6", 3],
];

/** Violations on record (Điều 6 khoản 4): what was done and who decided it. */
export const DEMO_VIOLATION_KINDS: Weighted<{
  category: "E1" | "E2" | "E3" | "E4";
  document: "XPHC" | "KTBC";
  issuer: string;
  act: string;
}> = [
  [{ category: "E4", document: "XPHC", issuer: "Trưởng Công an xã Kim Phượng", act: "Đánh bạc trái phép." }, 22],
  [{ category: "E4", document: "XPHC", issuer: "Trưởng Công an xã Kim Phượng", act: "Gây rối trật tự công cộng." }, 18],
  [{ category: "E4", document: "XPHC", issuer: "Chủ tịch Ủy ban nhân dân xã Kim Phượng", act: "Bạo lực gia đình." }, 12],
  [{ category: "E4", document: "XPHC", issuer: "Trưởng Công an xã Kim Phượng", act: "Vi phạm quy định về phòng cháy, chữa cháy (đốt nương rẫy gây cháy lan)." }, 6],
  [{ category: "E2", document: "XPHC", issuer: "Chủ tịch Ủy ban nhân dân huyện Định Hóa", act: "Không chấp hành lệnh gọi nhập ngũ." }, 14],
  [{ category: "E3", document: "XPHC", issuer: "Chủ tịch Ủy ban nhân dân xã Kim Phượng", act: "Tổ chức tảo hôn." }, 10],
  [{ category: "E1", document: "KTBC", issuer: "Cơ quan Cảnh sát điều tra Công an huyện Định Hóa", act: "Bị khởi tố về tội trộm cắp tài sản." }, 6],
];

/** Where a xóm without a cultural house posts its list. */
export const DEMO_NOTICE_CHANNEL_NO_HOUSE = "Bảng tin tại nhà trưởng xóm và loa truyền thanh xóm";
