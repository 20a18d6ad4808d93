import type { Actor, Permission } from "@/lib/policy";
import { can } from "@/lib/policy";

export type NavItem = { href: string; label: string; permission?: Permission };

const OFFICE_NAV: NavItem[] = [
  { href: "/", label: "Tổng quan" },
  { href: "/dashboard", label: "Bảng điều hành", permission: "review.read" },
  { href: "/review", label: "Bình xét", permission: "review.read" },
  { href: "/hamlet-title", label: "Xóm văn hóa", permission: "review.read" },
  { href: "/agency-title", label: "Cơ quan văn hóa", permission: "agency.read" },
  { href: "/decisions", label: "Quyết định", permission: "decision.read" },
  { href: "/campaign", label: "Năm thi đua", permission: "campaign.manage" },
  { href: "/registry/households", label: "Hộ gia đình", permission: "household.read" },
  { href: "/registry/hamlets", label: "Xóm", permission: "hamlet.read" },
  { href: "/registry/agencies", label: "Cơ quan, đơn vị", permission: "agency.read" },
  { href: "/audit", label: "Nhật ký hệ thống", permission: "audit.read" },
  { href: "/admin/users", label: "Người dùng", permission: "user.manage" },
  { href: "/admin/api-tokens", label: "Khóa API", permission: "apiToken.manage" },
];

const HAMLET_HEAD_NAV: NavItem[] = [
  { href: "/", label: "Xóm của tôi" },
  { href: "/dashboard", label: "Bảng điều hành", permission: "review.read" },
  { href: "/review", label: "Bình xét", permission: "review.read" },
  { href: "/hamlet-title", label: "Xóm văn hóa", permission: "hamletTitle.write" },
  { href: "/registry/households", label: "Hộ gia đình", permission: "household.read" },
];

const PROVINCE_NAV: NavItem[] = [{ href: "/province", label: "Toàn tỉnh", permission: "province.read" }];

/** The menu the actor may use; hamlet-scoped permissions are checked against the actor's own hamlet. */
export function navFor(actor: Actor): NavItem[] {
  if (actor.role === "PROVINCE") return PROVINCE_NAV.filter((item) => !item.permission || can(actor, item.permission));
  const items = actor.role === "HAMLET_HEAD" ? HAMLET_HEAD_NAV : OFFICE_NAV;
  const own = { communeId: actor.communeId, hamletId: actor.hamletId };
  return items.filter((item) => !item.permission || can(actor, item.permission, own));
}
