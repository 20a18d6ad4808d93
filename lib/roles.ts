import type { Role } from "@/lib/policy";

export const ROLE_LABEL: Record<Role, string> = {
  ADMIN: "Quản trị hệ thống",
  OFFICER: "Công chức Văn hóa - Xã hội",
  LEADER: "Lãnh đạo UBND xã",
  COMMITTEE: "Ban Chỉ đạo phong trào",
  HAMLET_HEAD: "Trưởng xóm",
  PROVINCE: "Cán bộ cấp tỉnh (Sở VHTTDL)",
};
