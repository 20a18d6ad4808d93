import type { AgencyKind } from "@/lib/generated/prisma/enums";

export const AGENCY_KIND_LABEL: Record<AgencyKind, string> = {
  STATE_AGENCY: "Cơ quan nhà nước",
  PUBLIC_UNIT: "Đơn vị sự nghiệp",
  ENTERPRISE: "Doanh nghiệp",
};

export const AGENCY_MSG = {
  duplicateName: (name: string) => `Xã đã có cơ quan, đơn vị tên “${name}”. Vui lòng đặt tên khác, hoặc mở đơn vị đó để sửa.`,
} as const;
