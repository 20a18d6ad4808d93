import type pg from "pg";
import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import { DEFAULT_AWARD_LEGAL_BASIS } from "@/lib/decisions/labels";
import { createAwardDecision } from "@/lib/decisions/service";
import { stageHouseholdImport } from "@/lib/household-import/service";
import type { Actor } from "@/lib/policy";
import { makeCampaignYear, makeReview } from "../../factories/cycle";
import type { HamletRow } from "../../factories";
import type { CrashCase, Outcome } from "./harness";
import type { CommitImportContext, IssueDecisionContext } from "./use-cases";

// The crash cases: what each use case's data looks like before, and what "all" and "none" mean after.

export type DecisionIssueContext = IssueDecisionContext & { reviews: number; achieved: number; year: number };

type Fixture = { officer: Actor; leader: Actor; hamlets: { hamlet: HamletRow; householdIds: string[] }[] };

/**
 * Issuing a large "Gia đình văn hóa" decision: one ACCEPTED dossier per xóm, every household ACHIEVED, drafted by
 * the officer; the child issues it as the leader. Each prepare() uses a new campaign year (awards are unique per
 * household and year), so a case can be prepared again after a fault that let the issue through.
 */
export function decisionIssueCase(fixture: () => Fixture): CrashCase<DecisionIssueContext> {
  let nextYear = 2001;
  return {
    name: "decision.issue",
    // issueDecision's order of writes (lib/decisions/service.ts issueInTx → issueAward, then the audit row).
    pausePoints: [
      { before: "HamletReview", written: ["Decision"] },
      { before: "ReviewEvent", written: ["Decision", "HamletReview"] },
      { before: "TitleAward", written: ["Decision", "HamletReview", "ReviewEvent"] },
      { before: "AuditLog", written: ["Decision", "HamletReview", "ReviewEvent", "TitleAward"] },
    ],
    async prepare() {
      const { officer, leader, hamlets } = fixture();
      const year = nextYear++;
      const campaignYear = await makeCampaignYear(officer.communeId, year);
      const reviewIds: string[] = [];
      for (const { hamlet, householdIds } of hamlets) {
        const review = await makeReview(campaignYear, hamlet, { assessments: [] });
        // Thousands of results: one statement rather than the factory's per-row checks (all met, 12 of 15 for).
        await db.assessment.createMany({
          data: householdIds.map((householdId) => ({
            communeId: officer.communeId, hamletReviewId: review.id, householdId, unmetCodes: [], exclusions: [], votesFor: 12, votesAgainst: 1,
            result: "ACHIEVED" as const, meetingResult: "ACHIEVED" as const, ruleSetId: campaignYear.ruleSetId, criteriaSetId: campaignYear.criteriaSetId,
          })),
        });
        reviewIds.push(review.id);
      }
      const { id } = await createAwardDecision(officer, year, {
        number: 1, symbol: "QĐ-UBND", issuedOn: utcDate(year, 12, 5), signerAuthority: "", signerTitle: "CHỦ TỊCH", signerName: "Ma Văn Quyết",
        legalBasis: DEFAULT_AWARD_LEGAL_BASIS, reviewIds,
      });
      const achieved = hamlets.reduce((n, h) => n + h.householdIds.length, 0);
      return { actor: leader, decisionId: id, version: 1, reviews: reviewIds.length, achieved, year };
    },
    async outcome(c: DecisionIssueContext, sql: pg.Client): Promise<Outcome> {
      const { rows } = await sql.query(
        `SELECT d."status", d."version", d."approvedById" IS NOT NULL AS approved,
                (SELECT count(*)::int FROM "TitleAward" a WHERE a."decisionId" = d."id") AS awards,
                (SELECT count(*)::int FROM "TitleAward" a WHERE a."year" = $2) AS "awardsOfYear",
                (SELECT count(*)::int FROM "HamletReview" r WHERE r."decisionId" = d."id" AND r."status" = 'DECIDED') AS decided,
                (SELECT count(*)::int FROM "HamletReview" r WHERE r."decisionId" = d."id" AND r."status" = 'ACCEPTED') AS accepted,
                (SELECT count(*)::int FROM "ReviewEvent" e JOIN "HamletReview" r ON r."id" = e."hamletReviewId"
                  WHERE r."decisionId" = d."id" AND e."kind" = 'DECIDED') AS events,
                (SELECT count(*)::int FROM "AuditLog" l WHERE l."entityId" = d."id"::text AND l."action" = 'decision.issue') AS audits
           FROM "Decision" d WHERE d."id" = $1`,
        [c.decisionId, c.year],
      );
      const s = rows[0];
      if (!s) throw new Error(`Decision ${c.decisionId} is gone`);
      const all = { status: "ISSUED", version: c.version + 1, approved: true, awards: c.achieved, awardsOfYear: c.achieved, decided: c.reviews, accepted: 0, events: c.reviews, audits: 1 };
      const none = { status: "DRAFT", version: c.version, approved: false, awards: 0, awardsOfYear: 0, decided: 0, accepted: c.reviews, events: 0, audits: 0 };
      const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);
      if (same(s, all)) return "all";
      if (same(s, none)) return "none";
      throw new Error(`Partly issued: ${JSON.stringify(s)} (all would be ${JSON.stringify(all)}, none ${JSON.stringify(none)})`);
    },
  };
}

export type HouseholdImportContext = CommitImportContext & { households: number; members: number };

/**
 * Committing a large household import (one transaction: households and members in batches of 1,000, the audit row,
 * the import marked DONE). prepare() stages a CSV of `households` households of the fixture's hamlet, each with a
 * spouse. Before each fault the import is made claimable again as the app does after a crash (a RUNNING import not
 * touched for 10 minutes).
 */
export function householdImportCase(fixture: () => { officer: Actor; hamlet: HamletRow; file: string }, households: number): CrashCase<HouseholdImportContext> {
  return {
    name: "household.import",
    pausePoints: [
      { before: "HouseholdMember", written: ["Household"] },
      { before: "AuditLog", written: ["Household", "HouseholdMember"] },
    ],
    async prepare() {
      const { officer, hamlet, file } = fixture();
      const lines = ["STT,Xóm,Họ và tên,Quan hệ với chủ hộ,Năm sinh,Địa chỉ"];
      for (let i = 1; i <= households; i++) {
        lines.push(`${i},${hamlet.name},Hộ Nhập ${i},Chủ hộ,1970,Số ${i} ${hamlet.name}`, `,${hamlet.name},Vợ Hộ ${i},Vợ,1972,`);
      }
      (await import("node:fs")).writeFileSync(file, `${lines.join("\n")}\n`);
      const staged = await stageHouseholdImport(officer, { fileName: "ho-gia-dinh.csv", path: file });
      if (staged.errorCount > 0) throw new Error(`The crash import has row errors: ${JSON.stringify(staged.errors.slice(0, 3))}`);
      return { actor: officer, importId: staged.id, households: staged.households, members: staged.members };
    },
    async outcome(c: HouseholdImportContext, sql: pg.Client): Promise<Outcome> {
      // After a crash the app reclaims a RUNNING import untouched for 10 minutes: let that time pass.
      await sql.query(`UPDATE "HouseholdImport" SET "updatedAt" = now() - interval '11 minutes' WHERE "id" = $1 AND "status" = 'RUNNING'`, [c.importId]);
      const { rows } = await sql.query(
        `SELECT i."status",
                (SELECT count(*)::int FROM "Household" h WHERE h."importId" = i."id") AS households,
                (SELECT count(*)::int FROM "HouseholdMember" m JOIN "Household" h ON h."id" = m."householdId" WHERE h."importId" = i."id") AS members,
                (SELECT count(*)::int FROM "AuditLog" l WHERE l."entityId" = i."id"::text AND l."action" = 'household.import') AS audits
           FROM "HouseholdImport" i WHERE i."id" = $1`,
        [c.importId],
      );
      const s = rows[0];
      if (!s) throw new Error(`Import ${c.importId} is gone`);
      if (s.status === "DONE" && s.households === c.households && s.members === c.members && s.audits === 1) return "all";
      if (s.status !== "DONE" && s.households === 0 && s.members === 0 && s.audits === 0) return "none";
      throw new Error(`Partly imported: ${JSON.stringify(s)} (all: ${c.households} households, ${c.members} members, DONE, 1 audit row)`);
    },
  };
}
