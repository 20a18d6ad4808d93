import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import type { Comparator } from "@/lib/generated/prisma/enums";

// Builders for the "Xóm văn hóa" cycle, written straight through Prisma like the other factories.

export type HamletRuleOverrides = Partial<{
  hamletRegistrationRequired: boolean;
  councilApprovalBase: "PRESENT" | "INVITED";
  councilApprovalPct: number;
  councilApprovalOp: Comparator;
}>;

/** Points the year at a new version of its rule set with these hamlet-title fields changed. */
export async function setHamletRules(campaignYearId: string, overrides: HamletRuleOverrides): Promise<string> {
  return db.$transaction(async (tx) => {
    const year = await tx.campaignYear.findUniqueOrThrow({ where: { id: campaignYearId }, select: { communeId: true, ruleSetId: true } });
    const base = await tx.ruleSet.findUniqueOrThrow({ where: { id: year.ruleSetId }, omit: { id: true, createdAt: true } });
    const version = 1 + ((await tx.ruleSet.aggregate({ where: { communeId: year.communeId }, _max: { version: true } }))._max.version ?? 0);
    const { id } = await tx.ruleSet.create({ data: { ...base, ...overrides, version, name: `${base.name} (xóm ${version})` }, select: { id: true } });
    await tx.campaignYear.update({ where: { id: campaignYearId }, data: { ruleSetId: id } });
    return id;
  });
}

let decisionNumber = 0;

/**
 * "Gia đình văn hóa" awards of `year` for these households, under one issued decision; `cancelled` ones are stored
 * with status CANCELLED.
 */
export async function makeHouseholdAwards(
  year: { id: string; communeId: string; year: number },
  households: { id: string; hamletId: string }[],
  options: { cancelled?: string[] } = {},
): Promise<void> {
  const decision = await db.decision.create({
    data: {
      communeId: year.communeId, campaignYearId: year.id, kind: "AWARD", status: "ISSUED", number: ++decisionNumber, numberYear: year.year,
      issuedOn: utcDate(year.year, 12, 5), signerTitle: "CHỦ TỊCH", signerName: "Ma Văn Quyết", legalBasis: "Căn cứ Nghị định số 86/2023/NĐ-CP",
    },
    select: { id: true },
  });
  await db.titleAward.createMany({
    data: households.map((h) => ({
      communeId: year.communeId, householdId: h.id, hamletId: h.hamletId, campaignYearId: year.id, year: year.year, decisionId: decision.id,
      status: options.cancelled?.includes(h.id) ? ("CANCELLED" as const) : ("ACTIVE" as const),
    })),
  });
}

/** A resident's comment on the public notice, as the public page stores it. */
export async function makeNoticeComment(
  council: { id: string; communeId: string },
  options: { hamletId?: string | null; content?: string; authorName?: string | null; contact?: string | null } = {},
): Promise<{ id: string }> {
  return db.noticeComment.create({
    data: {
      communeId: council.communeId, councilReviewId: council.id, hamletId: options.hamletId ?? null, authorName: options.authorName ?? "Nguyễn Văn Dân",
      contact: options.contact ?? null, content: options.content ?? "Xóm còn để rác thải ven đường.", ipHash: "test-ip-hash",
    },
    select: { id: true },
  });
}
