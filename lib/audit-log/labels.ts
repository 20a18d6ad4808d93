import { AGENCY_KIND_LABEL } from "@/lib/agencies/labels";
import { formatNumber } from "@/lib/format";
import { HAMLET_KIND_LABEL } from "@/lib/hamlets/labels";
import { HOUSEHOLD_STATUS_LABEL, POVERTY_LABEL, RELATIONSHIP_LABEL } from "@/lib/households/labels";
import type { Permission } from "@/lib/policy";
import { ROLE_LABEL } from "@/lib/roles";

// How audit rows read in Vietnamese. Unknown actions, entity types and fields fall back to their raw names,
// so a new kind of row still shows up.

export const ENTITY_LABEL: Record<string, string> = {
  Household: "Hộ gia đình",
  Hamlet: "Xóm",
  Agency: "Cơ quan, đơn vị",
  User: "Người dùng",
  Commune: "Xã",
  CampaignYear: "Năm thi đua",
  RuleSet: "Bộ quy tắc bình xét",
  CriteriaSet: "Bộ tiêu chí",
  Criterion: "Tiêu chí",
  Registration: "Đăng ký thi đua",
  Violation: "Vi phạm",
  HamletReview: "Hồ sơ bình xét của xóm",
  Assessment: "Kết quả bình xét hộ",
  Objection: "Ý kiến phản ánh",
  Decision: "Quyết định",
};

export const ACTION_LABEL: Record<string, string> = {
  "household.create": "Thêm hộ",
  "household.update": "Sửa hộ",
  "hamlet.create": "Thêm xóm",
  "hamlet.update": "Sửa xóm",
  "agency.create": "Thêm cơ quan, đơn vị",
  "agency.update": "Sửa cơ quan, đơn vị",
  "user.create": "Thêm người dùng",
  "user.update": "Sửa người dùng",
  "user.resetPassword": "Đặt lại mật khẩu",
  "user.deactivate": "Khóa tài khoản",
  "user.reactivate": "Mở khóa tài khoản",
  "seed.demo": "Tạo dữ liệu mẫu",
  "campaignYear.create": "Tạo năm thi đua",
  "campaignYear.update": "Sửa năm thi đua",
  "ruleSet.create": "Tạo phiên bản bộ quy tắc",
  "criteriaSet.create": "Tạo phiên bản bộ tiêu chí",
  "criteriaSet.update": "Sửa bộ tiêu chí (bản nháp)",
  "criteriaSet.publish": "Công bố bộ tiêu chí",
  "criterion.create": "Thêm tiêu chí",
  "criterion.update": "Sửa tiêu chí",
  "criterion.delete": "Xóa tiêu chí",
  "registration.registerAll": "Đăng ký thi đua cả xóm",
  "registration.create": "Đăng ký thi đua",
  "registration.delete": "Hủy đăng ký thi đua",
  "violation.create": "Ghi nhận vi phạm",
  "violation.delete": "Xóa vi phạm ghi nhầm",
  "review.meeting.create": "Ghi biên bản họp bình xét",
  "review.meeting.update": "Sửa biên bản họp bình xét",
  "review.meeting.reopen": "Mở lại biên bản họp",
  "review.assessment.create": "Ghi kết quả bình xét hộ",
  "review.assessment.update": "Sửa kết quả bình xét hộ",
  "review.assessment.bulk": "Ghi kết quả cho các hộ còn lại",
  "review.notice.post": "Niêm yết công khai",
  "review.objection.create": "Ghi nhận ý kiến phản ánh",
  "review.objection.resolve": "Giải quyết ý kiến phản ánh",
  "review.submit": "Nộp hồ sơ lên xã",
  "review.return": "Trả lại hồ sơ",
  "review.accept": "Tiếp nhận hồ sơ",
  "decision.draft": "Lập dự thảo quyết định",
  "decision.update": "Sửa dự thảo quyết định",
  "decision.discard": "Hủy dự thảo quyết định",
  "decision.issue": "Phê duyệt, ban hành quyết định",
};

export const entityLabel = (type: string): string => ENTITY_LABEL[type] ?? type;
export const actionLabel = (action: string): string => ACTION_LABEL[action] ?? action;

/** The page that shows an audited entity, and the permission needed to open it. */
const ENTITY_PAGE: Record<string, { base: string; permission: Permission }> = {
  Household: { base: "/registry/households/", permission: "household.read" },
  Hamlet: { base: "/registry/hamlets/", permission: "hamlet.read" },
  Agency: { base: "/registry/agencies/", permission: "agency.read" },
  User: { base: "/admin/users/", permission: "user.manage" },
  Decision: { base: "/decisions/", permission: "decision.read" },
  CriteriaSet: { base: "/campaign/criteria/", permission: "campaign.manage" },
};

export function entityPage(type: string, id: string): { href: string; permission: Permission } | null {
  const page = ENTITY_PAGE[type];
  return page ? { href: `${page.base}${encodeURIComponent(id)}`, permission: page.permission } : null;
}

const COMMON_FIELD: Record<string, string> = {
  name: "Tên",
  fullName: "Họ và tên",
  username: "Tên đăng nhập",
  role: "Vai trò",
  hamletId: "Xóm",
  isActive: "Trạng thái",
  passwordReset: "Mật khẩu",
  headName: "Người đứng đầu",
  address: "Địa chỉ",
  phone: "Số điện thoại",
  kind: "Loại",
  status: "Tình trạng",
};

const FIELD_BY_ENTITY: Record<string, Record<string, string>> = {
  Household: {
    headName: "Chủ hộ", headBirthYear: "Năm sinh chủ hộ", povertyStatus: "Hộ nghèo / cận nghèo", status: "Tình trạng hộ", members: "Thành viên khác",
  },
  Hamlet: { name: "Tên xóm", headName: "Trưởng xóm", frontTeamHeadName: "Trưởng ban công tác Mặt trận", hasCulturalHouse: "Có nhà văn hóa", kind: "Loại" },
  Agency: { name: "Tên cơ quan, đơn vị", headName: "Thủ trưởng", tradeUnionName: "Công đoàn", headcount: "Số người lao động", kind: "Loại hình" },
  Commune: { hamlets: "Số xóm", households: "Số hộ", agencies: "Số cơ quan, đơn vị", users: "Số người dùng" },
};

export const fieldLabel = (entityType: string, field: string): string => FIELD_BY_ENTITY[entityType]?.[field] ?? COMMON_FIELD[field] ?? field;


/** Enum values shown with their Vietnamese label, keyed by entity type then field. */
const VALUE_LABEL: Record<string, Record<string, Record<string, string>>> = {
  Household: { povertyStatus: POVERTY_LABEL, status: HOUSEHOLD_STATUS_LABEL },
  Hamlet: { kind: HAMLET_KIND_LABEL },
  Agency: { kind: AGENCY_KIND_LABEL },
};

const EMPTY = "—";
const MAX_TEXT = 300;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

function memberText(value: unknown): string {
  if (!value || typeof value !== "object") return String(value);
  const m = value as { fullName?: unknown; birthYear?: unknown; relationship?: unknown };
  const details = [
    typeof m.birthYear === "number" ? String(m.birthYear) : undefined,
    typeof m.relationship === "string" ? (RELATIONSHIP_LABEL[m.relationship as keyof typeof RELATIONSHIP_LABEL] ?? m.relationship) : undefined,
  ].filter(Boolean);
  return `${String(m.fullName ?? "")}${details.length ? ` (${details.join(", ")})` : ""}`;
}

/** One stored value as a person reads it; hamlet ids become hamlet names when known. */
export function formatAuditValue(entityType: string, field: string, value: unknown, hamletNames: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === "") return EMPTY;
  if (field === "hamletId" && typeof value === "string") return hamletNames.get(value) ?? value;
  if (field === "role" && typeof value === "string") return ROLE_LABEL[value as keyof typeof ROLE_LABEL] ?? value;
  if (field === "isActive" && typeof value === "boolean") return value ? "Đang hoạt động" : "Đã khóa";
  if (field === "passwordReset" && value === true) return "Đã đặt lại";
  if (field === "members" && Array.isArray(value)) return value.length ? clip(value.map(memberText).join("; ")) : "Không có";
  if (typeof value === "string") return clip(VALUE_LABEL[entityType]?.[field]?.[value] ?? value);
  if (typeof value === "boolean") return value ? "Có" : "Không";
  if (typeof value === "number") return /year$/i.test(field) ? String(value) : formatNumber(value);
  return clip(JSON.stringify(value));
}

// JSONB keeps keys in its own order; list changes in the order a form shows them.
const FIELD_ORDER = [
  "username", "name", "fullName", "headName", "headBirthYear", "role", "kind", "hamletId", "address", "phone", "povertyStatus", "status",
  "isActive", "passwordReset", "frontTeamHeadName", "hasCulturalHouse", "tradeUnionName", "headcount", "members",
  "hamlets", "households", "agencies", "users",
];
// Bookkeeping a snapshot may carry that means nothing to the reader.
const HIDDEN_FIELDS = new Set(["id", "communeId", "communeLink", "version", "searchText", "dedupeKey", "createdAt", "updatedAt", "passwordHash"]);

const fieldRank = (field: string) => {
  const i = FIELD_ORDER.indexOf(field);
  return i === -1 ? FIELD_ORDER.length : i;
};

export type AuditChange = { field: string; label: string; before: string | null; after: string | null };

type Snapshot = Record<string, unknown>;
const asSnapshot = (value: unknown): Snapshot | null => (value && typeof value === "object" && !Array.isArray(value) ? (value as Snapshot) : null);

// Same JSON regardless of key order, so reordered but equal objects do not show as changed.
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stable((value as Snapshot)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Fields whose value differs between the before and after snapshots; with no before, every field set. */
export function describeChanges(entityType: string, before: unknown, after: unknown, hamletNames: ReadonlyMap<string, string>): AuditChange[] {
  const b = asSnapshot(before);
  const a = asSnapshot(after);
  const fields = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort((x, y) => fieldRank(x) - fieldRank(y));
  const show = (snapshot: Snapshot | null, field: string) => (snapshot ? formatAuditValue(entityType, field, snapshot[field], hamletNames) : null);
  return fields
    .filter((field) => !HIDDEN_FIELDS.has(field))
    .filter((field) => !b || !a || stable(b[field] ?? null) !== stable(a[field] ?? null))
    .map((field) => ({ field, label: fieldLabel(entityType, field), before: show(b, field), after: show(a, field) }));
}

/** Every hamlet id the snapshots mention, to look their names up once per page. */
export function hamletIdsIn(...snapshots: unknown[]): string[] {
  return snapshots.flatMap((s) => {
    const id = asSnapshot(s)?.hamletId;
    return typeof id === "string" ? [id] : [];
  });
}

/** A short name for the audited entity taken from its snapshot ("Nguyễn Văn A", "Xóm Bản Lác"). */
export function subjectName(before: unknown, after: unknown): string | null {
  for (const snapshot of [asSnapshot(after), asSnapshot(before)]) {
    for (const key of ["name", "headName", "fullName", "username"]) {
      const value = snapshot?.[key];
      if (typeof value === "string" && value.trim() !== "") return value;
    }
  }
  return null;
}
