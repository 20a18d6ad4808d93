import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { resetDb } from "../factories";

// The global setup dropped the schema and applied the committed migrations. These tests check that the result is
// exactly what the Prisma schema (and so the generated client) expects: one row in every model, with every field
// set, written and read back through the client.

const MIGRATIONS_DIR = path.resolve(__dirname, "../../prisma/migrations");

beforeEach(resetDb);

describe("migrations", () => {
  it("applied every committed migration, unchanged, onto the empty schema", async () => {
    const folders = fs
      .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const rows = await db.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: Date | null }[]>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    for (const row of rows) {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"), "utf8");
      expect(row.checksum).toBe(crypto.createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("leave no difference between the migrations and schema.prisma (prisma migrate diff)", () => {
    // Prisma replays the migrations into a scratch database and compares the result with the schema: a column,
    // index or constraint in one and not the other exits 2 and prints the SQL that would close the gap.
    const root = path.resolve(__dirname, "../..");
    const diff = spawnSync(
      process.execPath,
      [path.join(root, "scripts/prisma.mjs"), "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      { cwd: root, env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL }, encoding: "utf8", timeout: 120_000 },
    );
    expect(diff.stdout + diff.stderr).toContain("No difference detected");
    expect(diff.status).toBe(0);
  }, 120_000);

  it("created one table per model and nothing else", async () => {
    const tables = await db.$queryRawUnsafe<{ tablename: string }[]>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    );
    expect(tables.map((t) => t.tablename).sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });
});

// One fully populated row per model, in foreign-key order. Ids are fixed so the rows can point at each other
// (the award is cancelled by the decision that granted it: one Decision row serves both foreign keys).
const ids = {
  commune: "0a000000-0000-4000-8000-000000000001",
  hamlet: "0a000000-0000-4000-8000-000000000002",
  link: "0a000000-0000-4000-8000-000000000003",
  household: "0a000000-0000-4000-8000-000000000004",
  member: "0a000000-0000-4000-8000-000000000005",
  agency: "0a000000-0000-4000-8000-000000000006",
  user: "0a000000-0000-4000-8000-000000000007",
  ruleSet: "0a000000-0000-4000-8000-000000000008",
  criteriaSet: "0a000000-0000-4000-8000-000000000009",
  criterion: "0a000000-0000-4000-8000-00000000000a",
  year: "0a000000-0000-4000-8000-00000000000b",
  planRef: "0a000000-0000-4000-8000-00000000000c",
  registration: "0a000000-0000-4000-8000-00000000000d",
  violation: "0a000000-0000-4000-8000-00000000000e",
  decision: "0a000000-0000-4000-8000-00000000000f",
  review: "0a000000-0000-4000-8000-000000000010",
  assessment: "0a000000-0000-4000-8000-000000000011",
  objection: "0a000000-0000-4000-8000-000000000012",
  event: "0a000000-0000-4000-8000-000000000013",
  award: "0a000000-0000-4000-8000-000000000014",
  cancelItem: "0a000000-0000-4000-8000-000000000015",
  authorityRule: "0a000000-0000-4000-8000-000000000016",
  council: "0a000000-0000-4000-8000-000000000017",
  entry: "0a000000-0000-4000-8000-000000000018",
  criterionResult: "0a000000-0000-4000-8000-000000000019",
  comment: "0a000000-0000-4000-8000-00000000001a",
  hamletAward: "0a000000-0000-4000-8000-00000000001b",
  agencyYear: "0a000000-0000-4000-8000-00000000001c",
  recognition: "0a000000-0000-4000-8000-00000000001d",
  hamletCancelItem: "0a000000-0000-4000-8000-00000000001e",
  apiToken: "0a000000-0000-4000-8000-00000000001f",
  userSession: "0a000000-0000-4000-8000-000000000020",
  // A pair of its own: the row the triggers keep for (hamlet, year) must not collide with the one written here.
  summaryYear: "0a000000-0000-4000-8000-000000000021",
  draftDecision: "0a000000-0000-4000-8000-000000000022",
  householdImport: "0a000000-0000-4000-8000-000000000023",
};
const at = new Date("2025-06-30T09:15:30.123Z");
const later = new Date("2025-07-02T10:00:00.456Z");
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const ROWS = {
  Commune: {
    id: ids.commune, name: "Kim Phượng", kind: "PHUONG", code: "05695", district: "Định Hóa", province: "Thái Nguyên",
    validFrom: day("2025-07-01"), validTo: day("2030-12-31"), legalBasis: "Nghị quyết 1683/NQ-UBTVQH15", createdAt: at,
  },
  Hamlet: {
    id: ids.hamlet, communeId: ids.commune, name: "Bản Lác", kind: "BAN", headName: "Ma Văn Thắng", frontTeamHeadName: "Lò Thị Hoa",
    hasCulturalHouse: true, searchText: "ban lac", version: 3, createdAt: at, updatedAt: later,
  },
  HamletCommuneLink: {
    id: ids.link, hamletId: ids.hamlet, communeId: ids.commune, validFrom: day("2019-12-01"), validTo: day("2025-06-30"),
    legalBasis: "Nghị quyết 832/NQ-UBTVQH14",
  },
  Household: {
    id: ids.household, communeId: ids.commune, hamletId: ids.hamlet, headName: "Nguyễn Văn A", address: "Tổ 1", phone: "0912345678",
    povertyStatus: "NEAR_POOR", status: "SPLIT", searchText: "nguyen van a to 1 0912345678", dedupeKey: "nguyễn văn a|tổ 1",
    importId: ids.householdImport, version: 2, createdAt: at, updatedAt: later,
  },
  HouseholdMember: {
    id: ids.member, communeId: ids.commune, householdId: ids.household, fullName: "Nguyễn Thị B", birthYear: 1999,
    relationship: "CHILD_IN_LAW", position: 4,
  },
  Agency: {
    id: ids.agency, communeId: ids.commune, name: "Trường Tiểu học Kim Phượng", kind: "PUBLIC_UNIT", headName: "Hà Thị C",
    tradeUnionName: "Công đoàn trường", headcount: 27, searchText: "truong tieu hoc kim phuong", version: 5, createdAt: at, updatedAt: later,
  },
  User: {
    id: ids.user, communeId: ids.commune, username: "truongxom", fullName: "Ma Văn Thắng", passwordHash: "$2b$04$notarealhash",
    role: "HAMLET_HEAD", hamletId: ids.hamlet, isActive: false, searchText: "truongxom ma van thang", lastLoginAt: later, createdAt: at, updatedAt: later, province: null,
  },
  UserSession: {
    id: ids.userSession, userId: ids.user, createdAt: at, lastSeenAt: at, expiresAt: later, revokedAt: later, revokedReason: "PASSWORD_RESET",
    ip: "127.0.0.1", userAgent: "Mozilla/5.0 (Linux; Android 14)",
  },
  LoginAttempt: { id: 9_001n, username: "truongxom", ip: "127.0.0.1", isSuccess: true, attemptedAt: at },
  AuditLog: {
    id: 9_002n, communeId: ids.commune, actorId: ids.user, actorUsername: "truongxom", action: "household.update",
    entityType: "Household", entityId: ids.household, before: { headName: "Nguyễn Văn A", members: [] },
    after: { headName: "Nguyễn Văn Á", phone: null, members: [{ fullName: "B", birthYear: 1999 }] }, createdAt: later,
  },
  // The yearly cycle. Enums take non-default values so a wrong column default cannot pass for a stored value.
  RuleSet: {
    id: ids.ruleSet, communeId: ids.commune, name: "Theo NĐ 122/2018 (cũ)", version: 2, legalBasis: "Nghị định số 122/2018/NĐ-CP",
    effectiveFrom: day("2018-11-01"), quorumBase: "TOTAL_HOUSEHOLDS", quorumPct: 60, quorumOp: "GTE", approvalBase: "INVITED",
    approvalPct: 60, approvalOp: "GTE", ballotMethod: "SECRET_BALLOT", registrationRequired: true, lookbackYears: 2,
    hamletRegistrationRequired: false, councilApprovalBase: "INVITED", councilApprovalPct: 70, councilApprovalOp: "GTE", createdAt: at,
  },
  CriteriaSet: {
    id: ids.criteriaSet, communeId: ids.commune, subject: "HAMLET", name: "Khung tiêu chuẩn “Thôn văn hóa”", version: 3,
    legalBasis: "Nghị định số 86/2023/NĐ-CP", effectiveFrom: day("2024-01-30"), publishedAt: later, createdAt: at,
  },
  Criterion: {
    id: ids.criterion, criteriaSetId: ids.criteriaSet, code: "E4", groupCode: "E", groupTitle: "Không xét tặng", kind: "EXCLUSION",
    text: "Bị xử phạt vi phạm hành chính về trật tự công cộng.", category: "E4", position: 16, isVerified: false,
    metric: "POOR_NEAR_POOR_PCT", comparator: "LTE", threshold: 12.5,
  },
  CampaignYear: {
    id: ids.year, communeId: ids.commune, year: 2024, targetHouseholdsPct: 91, targetHamletsPct: 92, targetAgenciesPct: 99,
    planNumber: "12/KH-BCĐ", planDate: day("2024-03-21"), planIssuer: "Ban Chỉ đạo Phong trào xã Kim Phượng",
    planTitle: "Kế hoạch thực hiện Phong trào năm 2024", meetingDeadline: day("2024-11-15"), reviewDeadline: day("2024-11-25"),
    noticeDays: 11, decisionDays: 12, ruleSetId: ids.ruleSet, criteriaSetId: ids.criteriaSet, hamletCriteriaSetId: ids.criteriaSet,
    agencyCriteriaSetId: ids.criteriaSet, enterpriseCriteriaSetId: ids.criteriaSet, honourYears: 4, honourQuotaPct: 15,
    version: 6, createdAt: at, updatedAt: later,
  },
  PlanReference: {
    id: ids.planRef, campaignYearId: ids.year, position: 2, issuer: "Ban Chỉ đạo Phong trào huyện Định Hóa", number: "80/KH-BCĐ",
    date: day("2024-03-18"), title: "Triển khai thực hiện Phong trào năm 2024",
  },
  Registration: {
    id: ids.registration, communeId: ids.commune, campaignYearId: ids.year, householdId: ids.household, hamletId: ids.hamlet,
    registeredOn: day("2024-02-20"), createdById: ids.user, createdAt: at,
  },
  Violation: {
    id: ids.violation, communeId: ids.commune, householdId: ids.household, memberId: ids.member, memberName: "Nguyễn Thị B",
    category: "E3", occurredOn: day("2024-05-09"), documentRef: "QĐ xử phạt số 15/QĐ-XPHC", note: "Đã nộp phạt", createdById: ids.user,
    createdAt: at,
  },
  Decision: {
    id: ids.decision, communeId: ids.commune, campaignYearId: ids.year, subject: "HAMLET", kind: "CANCELLATION", status: "ISSUED",
    issuer: "Ủy ban nhân dân huyện Định Hóa", authority: "Chủ tịch Ủy ban nhân dân huyện Định Hóa", authorityRuleId: ids.authorityRule, number: 215,
    symbol: "QĐ-CT", numberYear: 2024, issuedOn: day("2024-12-05"), signerAuthority: "KT. CHỦ TỊCH", signerTitle: "PHÓ CHỦ TỊCH",
    signerName: "Nguyễn Xuân Dũng", legalBasis: "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", cancelGround: "D",
    cancelReason: "Có kết luận vi phạm trong năm tính thành tích", draftedById: ids.user, approvedById: ids.user, approvedAt: later,
    version: 4, createdAt: at, updatedAt: later,
  },
  HamletReview: {
    id: ids.review, communeId: ids.commune, campaignYearId: ids.year, hamletId: ids.hamlet, status: "DECIDED", meetingDate: day("2024-11-08"),
    meetingPlace: "Nhà văn hóa xóm Bản Lác", chairName: "Ma Văn Thắng", secretaryName: "Lò Thị Hoa", invitedCount: 40, presentCount: 31,
    totalHouseholds: 109, ballotMethod: "CONSENSUS", isQuorate: true, quorumNote: "31/40 (77,5 %)", ruleSetId: ids.ruleSet,
    criteriaSetId: ids.criteriaSet, noticePostedOn: day("2024-11-09"), noticeEndsOn: day("2024-11-19"), noticeChannel: "Loa truyền thanh",
    submittedAt: at, acceptedAt: later, decisionId: ids.decision, version: 7, createdAt: at, updatedAt: later,
  },
  Assessment: {
    id: ids.assessment, communeId: ids.commune, hamletReviewId: ids.review, householdId: ids.household, unmetCodes: ["B3", "C1"],
    exclusions: ["E2", "E4"], votesFor: 12, votesAgainst: 3, result: "EXCLUDED", reason: "Không xét: E2; E4.", meetingResult: "NOT_ACHIEVED",
    ruleSetId: ids.ruleSet, criteriaSetId: ids.criteriaSet, updatedById: ids.user, version: 2, createdAt: at, updatedAt: later,
  },
  Objection: {
    id: ids.objection, communeId: ids.commune, hamletReviewId: ids.review, householdId: ids.household, raisedBy: "Hoàng Văn D",
    content: "Hộ có người bị xử phạt", receivedOn: day("2024-11-12"), outcome: "UPHELD", resolution: "Đã xác minh", resolvedOn: day("2024-11-15"),
    createdById: ids.user, createdAt: at,
  },
  ReviewEvent: {
    id: ids.event, communeId: ids.commune, hamletReviewId: ids.review, kind: "RETURNED", actorId: ids.user, actorName: "Hoàng Thị Thu Hà",
    reason: "Biên bản thiếu chữ ký thư ký", householdId: ids.household, createdAt: later,
  },
  TitleAward: {
    id: ids.award, communeId: ids.commune, householdId: ids.household, hamletId: ids.hamlet, campaignYearId: ids.year, year: 2024,
    decisionId: ids.decision, assessmentId: ids.assessment, votesFor: 29, status: "CANCELLED", cancelDecisionId: ids.decision,
    cancelledAt: later, createdAt: at,
  },
  // Exactly one of awardId / hamletAwardId is set (a trigger refuses both or neither): see NULL_BY_DESIGN.
  CancellationItem: { id: ids.cancelItem, decisionId: ids.decision, awardId: ids.award, hamletAwardId: null },
  AuthorityRule: {
    id: ids.authorityRule, communeId: ids.commune, subject: "HAMLET", effectiveFrom: day("2024-01-30"), effectiveTo: day("2025-07-01"),
    authority: "Chủ tịch Ủy ban nhân dân huyện Định Hóa", issuer: "Ủy ban nhân dân huyện Định Hóa", parentIssuer: "Ủy ban nhân dân tỉnh Thái Nguyên",
    legalBasis: "Luật Thi đua, khen thưởng 2022, Điều 80", createdAt: at,
  },
  CouncilReview: {
    id: ids.council, communeId: ids.commune, campaignYearId: ids.year, status: "DECIDED", meetingDate: day("2024-11-20"),
    meetingPlace: "Hội trường UBND xã", chairName: "Nguyễn Xuân Dũng", secretaryName: "Hoàng Thị Thu Hà", membersTotal: 11, membersPresent: 9,
    ruleSetId: ids.ruleSet, noticePostedOn: day("2024-11-21"), noticeEndsOn: day("2024-12-01"), noticeChannel: "Trang thông tin điện tử xã",
    proposalNumber: 45, proposalSymbol: "TTr-UBND", proposalDate: day("2024-12-02"), decisionId: ids.decision, version: 5, createdAt: at, updatedAt: later,
  },
  HamletTitleEntry: {
    id: ids.entry, communeId: ids.commune, campaignYearId: ids.year, hamletId: ids.hamlet, registeredOn: day("2024-02-01"),
    reportedOn: day("2024-11-10"), totalHouseholds: 109, recognisedHouseholds: 98, poorHouseholds: 4, nearPoorHouseholds: 6,
    hasCulturalHouse: true, schoolAgeChildren: 40, childrenInSchool: 40, overview: "Xóm có 109 hộ", commitments: "Giữ vững danh hiệu",
    reportedById: ids.user, councilId: ids.council, votesFor: 8, votesAgainst: 1, result: "NOT_ACHIEVED", councilResult: "ACHIEVED",
    reason: "Ý kiến của người dân được chấp nhận", version: 4, createdAt: at, updatedAt: later,
  },
  HamletCriterionResult: { id: ids.criterionResult, entryId: ids.entry, code: "I.2", value: 9.17, isMet: false, note: "Đã xác minh" },
  NoticeComment: {
    id: ids.comment, communeId: ids.commune, councilReviewId: ids.council, hamletId: ids.hamlet, authorName: "Người dân",
    contact: "0912000000", content: "Xóm còn hộ vi phạm", ipHash: "ab12", outcome: "UPHELD", resolution: "Đã xác minh",
    resolvedById: ids.user, resolvedAt: later, createdAt: at,
  },
  HamletAward: {
    id: ids.hamletAward, communeId: ids.commune, hamletId: ids.hamlet, campaignYearId: ids.year, year: 2024, decisionId: ids.decision,
    entryId: ids.entry, votesFor: 8, status: "CANCELLED", cancelDecisionId: ids.decision, cancelledAt: later, createdAt: at,
  },
  AgencyYear: {
    id: ids.agencyYear, communeId: ids.commune, campaignYearId: ids.year, agencyId: ids.agency, registeredOn: day("2024-01-15"),
    result: "NOT_ACHIEVED", unmetCodes: ["2"], assessedOn: day("2024-11-30"), note: "Chưa đạt tiêu chuẩn 2", criteriaSetId: ids.criteriaSet,
    assessedById: ids.user, version: 3, createdAt: at, updatedAt: later,
  },
  AgencyRecognition: {
    id: ids.recognition, communeId: ids.commune, agencyId: ids.agency, kind: "RENEWAL", periodFrom: 2020, periodTo: 2024,
    issuer: "Liên đoàn Lao động tỉnh Thái Nguyên", number: "125/QĐ-LĐLĐ", decidedOn: day("2025-01-20"), note: "Bằng công nhận",
    createdById: ids.user, createdAt: at,
  },
  HouseholdImport: {
    id: ids.householdImport, communeId: ids.commune, createdById: ids.user, createdByName: "Ma Văn Thắng", fileName: "Danh sách hộ Bản Lác.xlsx",
    fileFormat: "CSV", fileSize: 48_213, status: "FAILED", households: 96, members: 371, errorCount: 3,
    errors: [{ row: 12, column: "Năm sinh", message: "Năm sinh chủ hộ phải từ 1900 đến 2026." }],
    hamlets: [{ hamletId: ids.hamlet, name: "Bản Lác", households: 96, members: 371 }], progressDone: 40, progressTotal: 96,
    failureMessage: "Nhập không thành công", confirmedById: ids.user, createdAt: at, startedAt: at, finishedAt: later, updatedAt: later,
  },
  ApiToken: {
    id: ids.apiToken, communeId: ids.commune, name: "Hệ thống báo cáo của tỉnh", tokenHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    prefix: "vh_AbCd", createdById: ids.user, createdAt: at, lastUsedAt: later, revokedAt: later, revokedById: ids.user,
  },
  HamletYearSummary: {
    hamletId: ids.hamlet, campaignYearId: ids.summaryYear, communeId: ids.commune, year: 2023, registered: 90, recognised: 84, provisional: 3,
  },
} satisfies {
  Commune: Prisma.CommuneUncheckedCreateInput;
  Hamlet: Prisma.HamletUncheckedCreateInput;
  HamletCommuneLink: Prisma.HamletCommuneLinkUncheckedCreateInput;
  Household: Prisma.HouseholdUncheckedCreateInput;
  HouseholdMember: Prisma.HouseholdMemberUncheckedCreateInput;
  Agency: Prisma.AgencyUncheckedCreateInput;
  User: Prisma.UserUncheckedCreateInput;
  UserSession: Prisma.UserSessionUncheckedCreateInput;
  LoginAttempt: Prisma.LoginAttemptUncheckedCreateInput;
  AuditLog: Prisma.AuditLogUncheckedCreateInput;
  RuleSet: Prisma.RuleSetUncheckedCreateInput;
  CriteriaSet: Prisma.CriteriaSetUncheckedCreateInput;
  Criterion: Prisma.CriterionUncheckedCreateInput;
  CampaignYear: Prisma.CampaignYearUncheckedCreateInput;
  PlanReference: Prisma.PlanReferenceUncheckedCreateInput;
  Registration: Prisma.RegistrationUncheckedCreateInput;
  Violation: Prisma.ViolationUncheckedCreateInput;
  Decision: Prisma.DecisionUncheckedCreateInput;
  HamletReview: Prisma.HamletReviewUncheckedCreateInput;
  Assessment: Prisma.AssessmentUncheckedCreateInput;
  Objection: Prisma.ObjectionUncheckedCreateInput;
  ReviewEvent: Prisma.ReviewEventUncheckedCreateInput;
  TitleAward: Prisma.TitleAwardUncheckedCreateInput;
  CancellationItem: Prisma.CancellationItemUncheckedCreateInput;
  AuthorityRule: Prisma.AuthorityRuleUncheckedCreateInput;
  CouncilReview: Prisma.CouncilReviewUncheckedCreateInput;
  HamletTitleEntry: Prisma.HamletTitleEntryUncheckedCreateInput;
  HamletCriterionResult: Prisma.HamletCriterionResultUncheckedCreateInput;
  NoticeComment: Prisma.NoticeCommentUncheckedCreateInput;
  HamletAward: Prisma.HamletAwardUncheckedCreateInput;
  AgencyYear: Prisma.AgencyYearUncheckedCreateInput;
  AgencyRecognition: Prisma.AgencyRecognitionUncheckedCreateInput;
  ApiToken: Prisma.ApiTokenUncheckedCreateInput;
  HamletYearSummary: Prisma.HamletYearSummaryUncheckedCreateInput;
  HouseholdImport: Prisma.HouseholdImportUncheckedCreateInput;
};

/** Fields left null on purpose (a constraint forbids setting them together with another: a commune user has no province). */
const NULL_BY_DESIGN: Partial<Record<Prisma.ModelName, string[]>> = { CancellationItem: ["hamletAwardId"], User: ["province"] };

/** Every scalar field of each model, as the generated client knows them. */
const FIELDS: Record<Prisma.ModelName, Record<string, string>> = {
  Commune: Prisma.CommuneScalarFieldEnum,
  Hamlet: Prisma.HamletScalarFieldEnum,
  HamletCommuneLink: Prisma.HamletCommuneLinkScalarFieldEnum,
  Household: Prisma.HouseholdScalarFieldEnum,
  HouseholdMember: Prisma.HouseholdMemberScalarFieldEnum,
  Agency: Prisma.AgencyScalarFieldEnum,
  User: Prisma.UserScalarFieldEnum,
  UserSession: Prisma.UserSessionScalarFieldEnum,
  LoginAttempt: Prisma.LoginAttemptScalarFieldEnum,
  AuditLog: Prisma.AuditLogScalarFieldEnum,
  RuleSet: Prisma.RuleSetScalarFieldEnum,
  CriteriaSet: Prisma.CriteriaSetScalarFieldEnum,
  Criterion: Prisma.CriterionScalarFieldEnum,
  CampaignYear: Prisma.CampaignYearScalarFieldEnum,
  PlanReference: Prisma.PlanReferenceScalarFieldEnum,
  Registration: Prisma.RegistrationScalarFieldEnum,
  Violation: Prisma.ViolationScalarFieldEnum,
  Decision: Prisma.DecisionScalarFieldEnum,
  HamletReview: Prisma.HamletReviewScalarFieldEnum,
  Assessment: Prisma.AssessmentScalarFieldEnum,
  Objection: Prisma.ObjectionScalarFieldEnum,
  ReviewEvent: Prisma.ReviewEventScalarFieldEnum,
  TitleAward: Prisma.TitleAwardScalarFieldEnum,
  CancellationItem: Prisma.CancellationItemScalarFieldEnum,
  AuthorityRule: Prisma.AuthorityRuleScalarFieldEnum,
  CouncilReview: Prisma.CouncilReviewScalarFieldEnum,
  HamletTitleEntry: Prisma.HamletTitleEntryScalarFieldEnum,
  HamletCriterionResult: Prisma.HamletCriterionResultScalarFieldEnum,
  NoticeComment: Prisma.NoticeCommentScalarFieldEnum,
  HamletAward: Prisma.HamletAwardScalarFieldEnum,
  AgencyYear: Prisma.AgencyYearScalarFieldEnum,
  AgencyRecognition: Prisma.AgencyRecognitionScalarFieldEnum,
  ApiToken: Prisma.ApiTokenScalarFieldEnum,
  HamletYearSummary: Prisma.HamletYearSummaryScalarFieldEnum,
  HouseholdImport: Prisma.HouseholdImportScalarFieldEnum,
};

const allOf = (model: Prisma.ModelName) => Object.fromEntries(Object.values(FIELDS[model]).map((f) => [f, true]));

/** Writes every row, then reads each back selecting all of its scalar fields. */
async function roundTrip(): Promise<Record<Prisma.ModelName, unknown>> {
  // One transaction, as the seed writes them: an issued decision takes its cancellation items only in the
  // transaction that writes it (the CancellationItem_frozen trigger).
  await db.$transaction(async (tx) => {
    await tx.commune.create({ data: ROWS.Commune });
    await tx.hamlet.create({ data: ROWS.Hamlet });
    await tx.hamletCommuneLink.create({ data: ROWS.HamletCommuneLink });
    await tx.householdImport.create({ data: ROWS.HouseholdImport });
    await tx.household.create({ data: ROWS.Household });
    await tx.householdMember.create({ data: ROWS.HouseholdMember });
    await tx.agency.create({ data: ROWS.Agency });
    await tx.user.create({ data: ROWS.User });
    await tx.userSession.create({ data: ROWS.UserSession });
    await tx.loginAttempt.create({ data: ROWS.LoginAttempt });
    await tx.auditLog.create({ data: ROWS.AuditLog });
    await tx.ruleSet.create({ data: ROWS.RuleSet });
    await tx.criteriaSet.create({ data: ROWS.CriteriaSet });
    await tx.criterion.create({ data: ROWS.Criterion });
    await tx.campaignYear.create({ data: ROWS.CampaignYear });
    await tx.planReference.create({ data: ROWS.PlanReference });
    await tx.registration.create({ data: ROWS.Registration });
    await tx.violation.create({ data: ROWS.Violation });
    await tx.authorityRule.create({ data: ROWS.AuthorityRule });
    await tx.decision.create({ data: ROWS.Decision });
    await tx.hamletReview.create({ data: ROWS.HamletReview });
    await tx.assessment.create({ data: ROWS.Assessment });
    await tx.objection.create({ data: ROWS.Objection });
    await tx.reviewEvent.create({ data: ROWS.ReviewEvent });
    await tx.titleAward.create({ data: ROWS.TitleAward });
    await tx.cancellationItem.create({ data: ROWS.CancellationItem });
    await tx.councilReview.create({ data: ROWS.CouncilReview });
    await tx.hamletTitleEntry.create({ data: ROWS.HamletTitleEntry });
    await tx.hamletCriterionResult.create({ data: ROWS.HamletCriterionResult });
    await tx.noticeComment.create({ data: ROWS.NoticeComment });
    await tx.hamletAward.create({ data: ROWS.HamletAward });
    await tx.agencyYear.create({ data: ROWS.AgencyYear });
    await tx.agencyRecognition.create({ data: ROWS.AgencyRecognition });
    await tx.apiToken.create({ data: ROWS.ApiToken });
    await tx.hamletYearSummary.create({ data: ROWS.HamletYearSummary });
  });
  return {
    Commune: await db.commune.findUniqueOrThrow({ where: { id: ids.commune }, select: allOf("Commune") }),
    Hamlet: await db.hamlet.findUniqueOrThrow({ where: { id: ids.hamlet }, select: allOf("Hamlet") }),
    HamletCommuneLink: await db.hamletCommuneLink.findUniqueOrThrow({ where: { id: ids.link }, select: allOf("HamletCommuneLink") }),
    Household: await db.household.findUniqueOrThrow({ where: { id: ids.household }, select: allOf("Household") }),
    HouseholdMember: await db.householdMember.findUniqueOrThrow({ where: { id: ids.member }, select: allOf("HouseholdMember") }),
    Agency: await db.agency.findUniqueOrThrow({ where: { id: ids.agency }, select: allOf("Agency") }),
    User: await db.user.findUniqueOrThrow({ where: { id: ids.user }, select: allOf("User") }),
    UserSession: await db.userSession.findUniqueOrThrow({ where: { id: ids.userSession }, select: allOf("UserSession") }),
    LoginAttempt: await db.loginAttempt.findUniqueOrThrow({ where: { id: ROWS.LoginAttempt.id }, select: allOf("LoginAttempt") }),
    AuditLog: await db.auditLog.findUniqueOrThrow({ where: { id: ROWS.AuditLog.id }, select: allOf("AuditLog") }),
    RuleSet: await db.ruleSet.findUniqueOrThrow({ where: { id: ids.ruleSet }, select: allOf("RuleSet") }),
    CriteriaSet: await db.criteriaSet.findUniqueOrThrow({ where: { id: ids.criteriaSet }, select: allOf("CriteriaSet") }),
    Criterion: await db.criterion.findUniqueOrThrow({ where: { id: ids.criterion }, select: allOf("Criterion") }),
    CampaignYear: await db.campaignYear.findUniqueOrThrow({ where: { id: ids.year }, select: allOf("CampaignYear") }),
    PlanReference: await db.planReference.findUniqueOrThrow({ where: { id: ids.planRef }, select: allOf("PlanReference") }),
    Registration: await db.registration.findUniqueOrThrow({ where: { id: ids.registration }, select: allOf("Registration") }),
    Violation: await db.violation.findUniqueOrThrow({ where: { id: ids.violation }, select: allOf("Violation") }),
    Decision: await db.decision.findUniqueOrThrow({ where: { id: ids.decision }, select: allOf("Decision") }),
    HamletReview: await db.hamletReview.findUniqueOrThrow({ where: { id: ids.review }, select: allOf("HamletReview") }),
    Assessment: await db.assessment.findUniqueOrThrow({ where: { id: ids.assessment }, select: allOf("Assessment") }),
    Objection: await db.objection.findUniqueOrThrow({ where: { id: ids.objection }, select: allOf("Objection") }),
    ReviewEvent: await db.reviewEvent.findUniqueOrThrow({ where: { id: ids.event }, select: allOf("ReviewEvent") }),
    TitleAward: await db.titleAward.findUniqueOrThrow({ where: { id: ids.award }, select: allOf("TitleAward") }),
    CancellationItem: await db.cancellationItem.findUniqueOrThrow({ where: { id: ids.cancelItem }, select: allOf("CancellationItem") }),
    AuthorityRule: await db.authorityRule.findUniqueOrThrow({ where: { id: ids.authorityRule }, select: allOf("AuthorityRule") }),
    CouncilReview: await db.councilReview.findUniqueOrThrow({ where: { id: ids.council }, select: allOf("CouncilReview") }),
    HamletTitleEntry: await db.hamletTitleEntry.findUniqueOrThrow({ where: { id: ids.entry }, select: allOf("HamletTitleEntry") }),
    HamletCriterionResult: await db.hamletCriterionResult.findUniqueOrThrow({ where: { id: ids.criterionResult }, select: allOf("HamletCriterionResult") }),
    NoticeComment: await db.noticeComment.findUniqueOrThrow({ where: { id: ids.comment }, select: allOf("NoticeComment") }),
    HamletAward: await db.hamletAward.findUniqueOrThrow({ where: { id: ids.hamletAward }, select: allOf("HamletAward") }),
    AgencyYear: await db.agencyYear.findUniqueOrThrow({ where: { id: ids.agencyYear }, select: allOf("AgencyYear") }),
    AgencyRecognition: await db.agencyRecognition.findUniqueOrThrow({ where: { id: ids.recognition }, select: allOf("AgencyRecognition") }),
    ApiToken: await db.apiToken.findUniqueOrThrow({ where: { id: ids.apiToken }, select: allOf("ApiToken") }),
    HamletYearSummary: await db.hamletYearSummary.findUniqueOrThrow({
      where: { hamletId_campaignYearId: { hamletId: ids.hamlet, campaignYearId: ids.summaryYear } }, select: allOf("HamletYearSummary"),
    }),
    HouseholdImport: await db.householdImport.findUniqueOrThrow({ where: { id: ids.householdImport }, select: allOf("HouseholdImport") }),
  };
}

describe("schema and migrations agree", () => {
  const models = Object.values(Prisma.ModelName);

  it("this test covers every model of the generated client", () => {
    expect(Object.keys(ROWS).sort()).toEqual([...models].sort());
    expect(Object.keys(FIELDS).sort()).toEqual([...models].sort());
  });

  it.each(models)("the %s row sets every field", (model) => {
    const row: Record<string, unknown> = ROWS[model];
    expect(Object.keys(row).sort()).toEqual(Object.values(FIELDS[model]).sort());
    const nullable = NULL_BY_DESIGN[model] ?? [];
    for (const [field, value] of Object.entries(row)) {
      if (nullable.includes(field)) expect(value, `${model}.${field}`).toBeNull();
      else expect(value, `${model}.${field}`).not.toBeNull();
    }
  });

  it("writes a full row in every model and reads the same values back", async () => {
    const read = await roundTrip();
    for (const model of models) expect(read[model], model).toEqual(ROWS[model]);
  });

  it("a cancellation item names a hamlet's award, and never both kinds or neither", async () => {
    await roundTrip();
    // A draft: the issued decision's items are frozen.
    await db.decision.create({ data: { ...ROWS.Decision, id: ids.draftDecision, number: 216, status: "DRAFT", approvedById: null, approvedAt: null } });
    const hamletItem = { id: ids.hamletCancelItem, decisionId: ids.draftDecision, awardId: null, hamletAwardId: ids.hamletAward };
    await db.cancellationItem.create({ data: hamletItem });
    expect(await db.cancellationItem.findUniqueOrThrow({ where: { id: ids.hamletCancelItem }, select: allOf("CancellationItem") })).toEqual(hamletItem);
    await expect(db.cancellationItem.update({ where: { id: ids.hamletCancelItem }, data: { awardId: ids.award } })).rejects.toThrow(/exactly one award/);
    await expect(db.cancellationItem.update({ where: { id: ids.hamletCancelItem }, data: { hamletAwardId: null } })).rejects.toThrow(/exactly one award/);
  });
});
