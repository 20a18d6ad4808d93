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
