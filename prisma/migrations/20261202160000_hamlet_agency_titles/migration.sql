-- CreateEnum
CREATE TYPE "TitleSubject" AS ENUM ('HOUSEHOLD', 'HAMLET', 'AGENCY', 'ENTERPRISE');

-- CreateEnum
CREATE TYPE "HamletMetric" AS ENUM ('RECOGNISED_HOUSEHOLDS_PCT', 'POOR_NEAR_POOR_PCT', 'CHILDREN_IN_SCHOOL_PCT', 'EMPLOYED_PCT', 'CIVILISED_RITES_PCT');

-- CreateEnum
CREATE TYPE "CouncilStatus" AS ENUM ('MEETING', 'NOTICE', 'PROPOSED', 'DECIDED');

-- CreateEnum
CREATE TYPE "RecognitionKind" AS ENUM ('FIRST', 'RENEWAL');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Comparator" ADD VALUE 'LT';
ALTER TYPE "Comparator" ADD VALUE 'LTE';

-- DropForeignKey
ALTER TABLE "CancellationItem" DROP CONSTRAINT "CancellationItem_awardId_fkey";

-- DropIndex
DROP INDEX "Decision_communeId_numberYear_number_key";

-- AlterTable
ALTER TABLE "CampaignYear" ADD COLUMN     "agencyCriteriaSetId" UUID,
ADD COLUMN     "enterpriseCriteriaSetId" UUID,
ADD COLUMN     "hamletCriteriaSetId" UUID;

-- AlterTable
ALTER TABLE "CancellationItem" ADD COLUMN     "hamletAwardId" UUID,
ALTER COLUMN "awardId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "CriteriaSet" ADD COLUMN     "subject" "TitleSubject" NOT NULL DEFAULT 'HOUSEHOLD';

-- AlterTable
ALTER TABLE "Criterion" ADD COLUMN     "comparator" "Comparator",
ADD COLUMN     "metric" "HamletMetric",
ADD COLUMN     "threshold" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "authority" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "authorityRuleId" UUID,
ADD COLUMN     "issuer" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "subject" "TitleSubject" NOT NULL DEFAULT 'HOUSEHOLD';

-- AlterTable
ALTER TABLE "RuleSet" ADD COLUMN     "councilApprovalBase" "ApprovalBase" NOT NULL DEFAULT 'PRESENT',
ADD COLUMN     "councilApprovalOp" "Comparator" NOT NULL DEFAULT 'GT',
ADD COLUMN     "councilApprovalPct" INTEGER NOT NULL DEFAULT 50,
ADD COLUMN     "hamletRegistrationRequired" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "AuthorityRule" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "subject" "TitleSubject" NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "authority" TEXT NOT NULL,
    "issuer" TEXT NOT NULL DEFAULT '',
    "parentIssuer" TEXT NOT NULL DEFAULT '',
    "legalBasis" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthorityRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HamletTitleEntry" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "campaignYearId" UUID NOT NULL,
    "hamletId" UUID NOT NULL,
    "registeredOn" DATE,
    "reportedOn" DATE,
    "totalHouseholds" INTEGER,
    "recognisedHouseholds" INTEGER,
    "poorHouseholds" INTEGER,
    "nearPoorHouseholds" INTEGER,
    "hasCulturalHouse" BOOLEAN,
    "schoolAgeChildren" INTEGER,
    "childrenInSchool" INTEGER,
    "overview" TEXT,
    "commitments" TEXT,
    "reportedById" UUID,
    "councilId" UUID,
    "votesFor" INTEGER,
    "votesAgainst" INTEGER,
    "result" "AssessmentResult",
    "councilResult" "AssessmentResult",
    "reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HamletTitleEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HamletCriterionResult" (
    "id" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "isMet" BOOLEAN NOT NULL,
    "note" TEXT,

    CONSTRAINT "HamletCriterionResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilReview" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "campaignYearId" UUID NOT NULL,
    "status" "CouncilStatus" NOT NULL DEFAULT 'MEETING',
    "meetingDate" DATE NOT NULL,
    "meetingPlace" TEXT NOT NULL,
    "chairName" TEXT NOT NULL,
    "secretaryName" TEXT NOT NULL,
    "membersTotal" INTEGER NOT NULL,
    "membersPresent" INTEGER NOT NULL,
    "ruleSetId" UUID NOT NULL,
    "noticePostedOn" DATE,
    "noticeEndsOn" DATE,
    "noticeChannel" TEXT,
    "proposalNumber" INTEGER,
    "proposalSymbol" TEXT,
    "proposalDate" DATE,
    "decisionId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CouncilReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeComment" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "councilReviewId" UUID NOT NULL,
    "hamletId" UUID,
    "authorName" TEXT,
    "contact" TEXT,
    "content" TEXT NOT NULL,
    "ipHash" TEXT NOT NULL,
    "outcome" "ObjectionOutcome" NOT NULL DEFAULT 'PENDING',
    "resolution" TEXT,
    "resolvedById" UUID,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HamletAward" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "hamletId" UUID NOT NULL,
    "campaignYearId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "decisionId" UUID NOT NULL,
    "entryId" UUID,
    "votesFor" INTEGER,
    "status" "AwardStatus" NOT NULL DEFAULT 'ACTIVE',
    "cancelDecisionId" UUID,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HamletAward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgencyYear" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "campaignYearId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "registeredOn" DATE NOT NULL,
    "result" "AssessmentResult",
    "unmetCodes" TEXT[],
    "assessedOn" DATE,
    "note" TEXT,
    "criteriaSetId" UUID,
    "assessedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgencyYear_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgencyRecognition" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "kind" "RecognitionKind" NOT NULL,
    "periodFrom" INTEGER NOT NULL,
    "periodTo" INTEGER NOT NULL,
    "issuer" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "decidedOn" DATE NOT NULL,
    "note" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgencyRecognition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuthorityRule_communeId_subject_effectiveFrom_idx" ON "AuthorityRule"("communeId", "subject", "effectiveFrom");

-- CreateIndex
CREATE INDEX "HamletTitleEntry_communeId_campaignYearId_idx" ON "HamletTitleEntry"("communeId", "campaignYearId");

-- CreateIndex
CREATE INDEX "HamletTitleEntry_councilId_idx" ON "HamletTitleEntry"("councilId");

-- CreateIndex
CREATE UNIQUE INDEX "HamletTitleEntry_campaignYearId_hamletId_key" ON "HamletTitleEntry"("campaignYearId", "hamletId");

-- CreateIndex
CREATE UNIQUE INDEX "HamletCriterionResult_entryId_code_key" ON "HamletCriterionResult"("entryId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "CouncilReview_campaignYearId_key" ON "CouncilReview"("campaignYearId");

-- CreateIndex
CREATE INDEX "CouncilReview_communeId_status_idx" ON "CouncilReview"("communeId", "status");

-- CreateIndex
CREATE INDEX "CouncilReview_decisionId_idx" ON "CouncilReview"("decisionId");

-- CreateIndex
CREATE INDEX "NoticeComment_councilReviewId_createdAt_idx" ON "NoticeComment"("councilReviewId", "createdAt");

-- CreateIndex
CREATE INDEX "NoticeComment_ipHash_createdAt_idx" ON "NoticeComment"("ipHash", "createdAt");

-- CreateIndex
CREATE INDEX "HamletAward_communeId_year_status_idx" ON "HamletAward"("communeId", "year", "status");

-- CreateIndex
CREATE INDEX "HamletAward_decisionId_idx" ON "HamletAward"("decisionId");

-- CreateIndex
CREATE INDEX "HamletAward_cancelDecisionId_idx" ON "HamletAward"("cancelDecisionId");

-- CreateIndex
CREATE UNIQUE INDEX "HamletAward_hamletId_year_key" ON "HamletAward"("hamletId", "year");

-- CreateIndex
CREATE INDEX "AgencyYear_agencyId_idx" ON "AgencyYear"("agencyId");

-- CreateIndex
CREATE INDEX "AgencyYear_communeId_campaignYearId_idx" ON "AgencyYear"("communeId", "campaignYearId");

-- CreateIndex
CREATE UNIQUE INDEX "AgencyYear_campaignYearId_agencyId_key" ON "AgencyYear"("campaignYearId", "agencyId");

-- CreateIndex
CREATE INDEX "AgencyRecognition_communeId_idx" ON "AgencyRecognition"("communeId");

-- CreateIndex
CREATE UNIQUE INDEX "AgencyRecognition_agencyId_periodFrom_key" ON "AgencyRecognition"("agencyId", "periodFrom");

-- CreateIndex
CREATE INDEX "CancellationItem_hamletAwardId_idx" ON "CancellationItem"("hamletAwardId");

-- CreateIndex
CREATE UNIQUE INDEX "CancellationItem_decisionId_hamletAwardId_key" ON "CancellationItem"("decisionId", "hamletAwardId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_communeId_issuer_numberYear_number_key" ON "Decision"("communeId", "issuer", "numberYear", "number");

-- AddForeignKey
ALTER TABLE "CampaignYear" ADD CONSTRAINT "CampaignYear_hamletCriteriaSetId_fkey" FOREIGN KEY ("hamletCriteriaSetId") REFERENCES "CriteriaSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignYear" ADD CONSTRAINT "CampaignYear_agencyCriteriaSetId_fkey" FOREIGN KEY ("agencyCriteriaSetId") REFERENCES "CriteriaSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignYear" ADD CONSTRAINT "CampaignYear_enterpriseCriteriaSetId_fkey" FOREIGN KEY ("enterpriseCriteriaSetId") REFERENCES "CriteriaSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CancellationItem" ADD CONSTRAINT "CancellationItem_awardId_fkey" FOREIGN KEY ("awardId") REFERENCES "TitleAward"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CancellationItem" ADD CONSTRAINT "CancellationItem_hamletAwardId_fkey" FOREIGN KEY ("hamletAwardId") REFERENCES "HamletAward"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorityRule" ADD CONSTRAINT "AuthorityRule_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HamletTitleEntry" ADD CONSTRAINT "HamletTitleEntry_campaignYearId_fkey" FOREIGN KEY ("campaignYearId") REFERENCES "CampaignYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HamletTitleEntry" ADD CONSTRAINT "HamletTitleEntry_hamletId_fkey" FOREIGN KEY ("hamletId") REFERENCES "Hamlet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HamletTitleEntry" ADD CONSTRAINT "HamletTitleEntry_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "CouncilReview"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HamletCriterionResult" ADD CONSTRAINT "HamletCriterionResult_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "HamletTitleEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilReview" ADD CONSTRAINT "CouncilReview_campaignYearId_fkey" FOREIGN KEY ("campaignYearId") REFERENCES "CampaignYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilReview" ADD CONSTRAINT "CouncilReview_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeComment" ADD CONSTRAINT "NoticeComment_councilReviewId_fkey" FOREIGN KEY ("councilReviewId") REFERENCES "CouncilReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HamletAward" ADD CONSTRAINT "HamletAward_hamletId_fkey" FOREIGN KEY ("hamletId") REFERENCES "Hamlet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HamletAward" ADD CONSTRAINT "HamletAward_campaignYearId_fkey" FOREIGN KEY ("campaignYearId") REFERENCES "CampaignYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HamletAward" ADD CONSTRAINT "HamletAward_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HamletAward" ADD CONSTRAINT "HamletAward_cancelDecisionId_fkey" FOREIGN KEY ("cancelDecisionId") REFERENCES "Decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyYear" ADD CONSTRAINT "AgencyYear_campaignYearId_fkey" FOREIGN KEY ("campaignYearId") REFERENCES "CampaignYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyYear" ADD CONSTRAINT "AgencyYear_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyRecognition" ADD CONSTRAINT "AgencyRecognition_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- A cancellation item names exactly one award: a household's or a hamlet's. (A trigger rather than a CHECK
-- constraint: Prisma's schema describer cannot read this CHECK expression.)
CREATE FUNCTION cancellation_item_one_award() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."awardId" IS NULL) = (NEW."hamletAwardId" IS NULL) THEN
    RAISE EXCEPTION 'CancellationItem must name exactly one award' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "CancellationItem_one_award"
  BEFORE INSERT OR UPDATE ON "CancellationItem"
  FOR EACH ROW EXECUTE FUNCTION cancellation_item_one_award();

-- Communes that exist already get who decides "Xóm văn hóa" by date (lib/campaign/defaults.ts defaultAuthorityRules):
-- the district chairman until 30/6/2025, the commune chairman from 1/7/2025 (Nghị định 129/2025/NĐ-CP).
INSERT INTO "AuthorityRule" ("id", "communeId", "subject", "effectiveFrom", "effectiveTo", "authority", "issuer", "parentIssuer", "legalBasis")
SELECT gen_random_uuid(), c."id", 'HAMLET', DATE '2018-11-01', DATE '2025-07-01',
       'Chủ tịch Ủy ban nhân dân huyện ' || c."district", 'Ủy ban nhân dân huyện ' || c."district", 'Ủy ban nhân dân tỉnh ' || c."province",
       'Nghị định số 122/2018/NĐ-CP (đến 29/01/2024); Luật Thi đua, khen thưởng 2022, Điều 80 khoản 2 và Nghị định số 86/2023/NĐ-CP (từ 30/01/2024)'
FROM "Commune" c WHERE c."district" IS NOT NULL;
INSERT INTO "AuthorityRule" ("id", "communeId", "subject", "effectiveFrom", "effectiveTo", "authority", "issuer", "parentIssuer", "legalBasis")
SELECT gen_random_uuid(), c."id", 'HAMLET', CASE WHEN c."district" IS NULL THEN DATE '2018-11-01' ELSE DATE '2025-07-01' END, NULL,
       'Chủ tịch Ủy ban nhân dân xã ' || c."name", '', '',
       'Nghị định số 129/2025/NĐ-CP của Chính phủ (có hiệu lực từ ngày 01/7/2025) về phân quyền, phân cấp trong lĩnh vực quản lý nhà nước của Bộ Nội vụ'
FROM "Commune" c;
