import type { HouseholdStatus, PovertyStatus, Relationship } from "@/lib/generated/prisma/enums";

export const POVERTY_LABEL: Record<PovertyStatus, string> = {
  POOR: "Hộ nghèo",
  NEAR_POOR: "Hộ cận nghèo",
  NONE: "Không",
};

export const HOUSEHOLD_STATUS_LABEL: Record<HouseholdStatus, string> = {
  ACTIVE: "Đang cư trú",
  MOVED_OUT: "Đã chuyển đi",
  SPLIT: "Đã tách hộ",
  MERGED: "Đã nhập hộ",
  DISSOLVED: "Không còn",
};

export const RELATIONSHIP_LABEL: Record<Relationship, string> = {
  HEAD: "Chủ hộ",
  SPOUSE: "Vợ/Chồng",
  CHILD: "Con",
  PARENT: "Bố/Mẹ",
  GRANDCHILD: "Cháu",
  SIBLING: "Anh/Chị/Em",
  CHILD_IN_LAW: "Con dâu/Con rể",
  OTHER: "Khác",
};

export const HOUSEHOLD_MSG = {
  duplicate: (headName: string) => `Xóm này đã có hộ của chủ hộ "${headName}" tại địa chỉ này.`,
  hamletOutOfScope: "Bạn chỉ được thêm hộ vào xóm của mình.",
} as const;
