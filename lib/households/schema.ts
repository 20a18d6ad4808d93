import { z } from "@/lib/zod";
import { HouseholdStatus, PovertyStatus, Relationship } from "@/lib/generated/prisma/enums";
import { choice, optionalInt, optionalPhone, requiredText, uuid } from "@/lib/validation";

export const MAX_MEMBERS = 30;
const thisYear = () => new Date().getFullYear();

const OTHER_RELATIONSHIPS = Object.values(Relationship).filter((r) => r !== "HEAD") as [Exclude<Relationship, "HEAD">, ...Exclude<Relationship, "HEAD">[]];

export const MemberInput = z.object({
  fullName: requiredText("họ và tên thành viên", 100),
  birthYear: optionalInt("năm sinh", 1900, thisYear()),
  relationship: choice(OTHER_RELATIONSHIPS, "Vui lòng chọn quan hệ với chủ hộ."),
});
export type MemberInput = z.infer<typeof MemberInput>;

export const HouseholdInput = z.object({
  headName: requiredText("họ và tên chủ hộ", 100),
  headBirthYear: optionalInt("năm sinh chủ hộ", 1900, thisYear()),
  address: requiredText("địa chỉ", 200),
  phone: optionalPhone,
  hamletId: uuid("Vui lòng chọn xóm."),
  povertyStatus: choice(Object.values(PovertyStatus) as [PovertyStatus, ...PovertyStatus[]], "Vui lòng chọn tình trạng hộ nghèo."),
  status: choice(Object.values(HouseholdStatus) as [HouseholdStatus, ...HouseholdStatus[]], "Vui lòng chọn tình trạng hộ."),
  members: z.array(MemberInput).max(MAX_MEMBERS, `Một hộ có tối đa ${MAX_MEMBERS} thành viên.`),
});
export type HouseholdInput = z.infer<typeof HouseholdInput>;

/**
 * Turns the household form into the shape HouseholdInput parses. Member rows come as members.N.field with N
 * counting from 0 without gaps (the form renumbers rows), so error paths point at the row the user sees.
 */
export function householdFormToObject(form: FormData): Record<string, unknown> {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  const rows = new Map<number, Record<string, string>>();
  for (const [key, value] of form.entries()) {
    const m = /^members\.(\d{1,3})\.(fullName|birthYear|relationship)$/.exec(key);
    if (!m || typeof value !== "string") continue;
    const index = Number(m[1]);
    const row = rows.get(index) ?? {};
    row[m[2]!] = value;
    rows.set(index, row);
  }
  const members = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => row);
  return {
    headName: get("headName"),
    headBirthYear: get("headBirthYear"),
    address: get("address"),
    phone: get("phone"),
    hamletId: get("hamletId"),
    povertyStatus: get("povertyStatus"),
    status: get("status") ?? "ACTIVE",
    members,
  };
}
