import type { HamletKind } from "@/lib/generated/prisma/enums";

export const HAMLET_KIND_LABEL: Record<HamletKind, string> = {
  XOM: "Xóm",
  THON: "Thôn",
  BAN: "Bản",
  TO_DAN_PHO: "Tổ dân phố",
};

export const HAMLET_MSG = {
  duplicateName: (name: string) => `Xã đã có xóm tên “${name}”. Vui lòng đặt tên khác, hoặc mở xóm đó để sửa.`,
} as const;
