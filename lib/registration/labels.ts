export const REGISTRATION_MSG = {
  notActive: "Chỉ đăng ký được hộ đang cư trú.",
  alreadyRegistered: (headName: string) => `Hộ ${headName} đã được đăng ký từ trước (thao tác có thể đã được xử lý).`,
  notRegistered: (headName: string) => `Hộ ${headName} chưa đăng ký hoặc đã được hủy đăng ký (thao tác có thể đã được xử lý).`,
  registeredAll: (count: number) => (count > 0 ? `Đã đăng ký thêm ${count} hộ.` : "Tất cả hộ đang cư trú đã được đăng ký từ trước."),
  registeredOne: (headName: string) => `Đã đăng ký hộ ${headName}.`,
  unregisteredOne: (headName: string) => `Đã hủy đăng ký hộ ${headName}.`,
} as const;
