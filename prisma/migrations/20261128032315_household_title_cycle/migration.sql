-- CreateEnum
CREATE TYPE "Comparator" AS ENUM ('GT', 'GTE');

-- CreateEnum
CREATE TYPE "QuorumBase" AS ENUM ('INVITED', 'TOTAL_HOUSEHOLDS');

-- CreateEnum
CREATE TYPE "ApprovalBase" AS ENUM ('PRESENT', 'INVITED');

-- CreateEnum
CREATE TYPE "BallotMethod" AS ENUM ('SHOW_OF_HANDS', 'SECRET_BALLOT', 'CONSENSUS');

-- CreateEnum
CREATE TYPE "CriterionKind" AS ENUM ('STANDARD', 'EXCLUSION');

-- CreateEnum
CREATE TYPE "ViolationCategory" AS ENUM ('E1', 'E2', 'E3', 'E4');

-- CreateEnum
CREATE TYPE "AssessmentResult" AS ENUM ('ACHIEVED', 'NOT_ACHIEVED', 'EXCLUDED');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('MEETING', 'NOTICE', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'DECIDED');

-- CreateEnum
CREATE TYPE "ReviewEventKind" AS ENUM ('MEETING_OPENED', 'NOTICE_POSTED', 'MEETING_REOPENED', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'DECIDED');

-- CreateEnum
CREATE TYPE "ObjectionOutcome" AS ENUM ('PENDING', 'UPHELD', 'REJECTED');

-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('AWARD', 'CANCELLATION');

-- CreateEnum
CREATE TYPE "DecisionStatus" AS ENUM ('DRAFT', 'ISSUED');

-- CreateEnum
CREATE TYPE "AwardStatus" AS ENUM ('ACTIVE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CancellationGround" AS ENUM ('A', 'B', 'C', 'D');

-- CreateTable
CREATE TABLE "RuleSet" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "quorumBase" "QuorumBase" NOT NULL DEFAULT 'INVITED',
    "quorumPct" INTEGER NOT NULL DEFAULT 50,
    "quorumOp" "Comparator" NOT NULL DEFAULT 'GT',
    "approvalBase" "ApprovalBase" NOT NULL DEFAULT 'PRESENT',
    "approvalPct" INTEGER NOT NULL DEFAULT 50,
    "approvalOp" "Comparator" NOT NULL DEFAULT 'GT',
    "ballotMethod" "BallotMethod" NOT NULL DEFAULT 'SHOW_OF_HANDS',
    "registrationRequired" BOOLEAN NOT NULL DEFAULT false,
    "lookbackYears" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RuleSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriteriaSet" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CriteriaSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" UUID NOT NULL,
    "criteriaSetId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "groupCode" TEXT NOT NULL,
    "groupTitle" TEXT NOT NULL,
    "kind" "CriterionKind" NOT NULL,
    "text" TEXT NOT NULL,
    "category" "ViolationCategory",
    "position" INTEGER NOT NULL,
    "isVerified" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignYear" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "targetHouseholdsPct" INTEGER NOT NULL DEFAULT 90,
    "targetHamletsPct" INTEGER NOT NULL DEFAULT 90,
    "targetAgenciesPct" INTEGER NOT NULL DEFAULT 100,
    "planNumber" TEXT,
    "planDate" DATE,
    "planIssuer" TEXT,
    "planTitle" TEXT,
    "meetingDeadline" DATE NOT NULL,
    "reviewDeadline" DATE NOT NULL,
    "noticeDays" INTEGER NOT NULL DEFAULT 10,
    "decisionDays" INTEGER NOT NULL DEFAULT 10,
    "ruleSetId" UUID NOT NULL,
    "criteriaSetId" UUID NOT NULL,
    "honourYears" INTEGER NOT NULL DEFAULT 3,
    "honourQuotaPct" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignYear_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanReference" (
    "id" UUID NOT NULL,
    "campaignYearId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "issuer" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "date" DATE,
    "title" TEXT,

    CONSTRAINT "PlanReference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Registration" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "campaignYearId" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "hamletId" UUID NOT NULL,
    "registeredOn" DATE NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Violation" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "memberId" UUID,
    "memberName" TEXT NOT NULL,
    "category" "ViolationCategory" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "documentRef" TEXT NOT NULL,
    "note" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Violation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HamletReview" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "campaignYearId" UUID NOT NULL,
    "hamletId" UUID NOT NULL,
    "status" "ReviewStatus" NOT NULL DEFAULT 'MEETING',
    "meetingDate" DATE NOT NULL,
    "meetingPlace" TEXT NOT NULL,
    "chairName" TEXT NOT NULL,
    "secretaryName" TEXT NOT NULL,
    "invitedCount" INTEGER NOT NULL,
    "presentCount" INTEGER NOT NULL,
    "totalHouseholds" INTEGER NOT NULL,
    "ballotMethod" "BallotMethod" NOT NULL,
    "isQuorate" BOOLEAN NOT NULL,
    "quorumNote" TEXT NOT NULL,
    "ruleSetId" UUID NOT NULL,
    "criteriaSetId" UUID NOT NULL,
    "noticePostedOn" DATE,
    "noticeEndsOn" DATE,
    "noticeChannel" TEXT,
    "submittedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "decisionId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HamletReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "hamletReviewId" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "unmetCodes" TEXT[],
    "exclusions" "ViolationCategory"[],
    "votesFor" INTEGER,
    "votesAgainst" INTEGER,
    "result" "AssessmentResult" NOT NULL,
    "reason" TEXT,
    "meetingResult" "AssessmentResult" NOT NULL,
    "ruleSetId" UUID NOT NULL,
    "criteriaSetId" UUID NOT NULL,
    "updatedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "hamletReviewId" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "raisedBy" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "receivedOn" DATE NOT NULL,
    "outcome" "ObjectionOutcome" NOT NULL DEFAULT 'PENDING',
    "resolution" TEXT,
    "resolvedOn" DATE,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewEvent" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "hamletReviewId" UUID NOT NULL,
    "kind" "ReviewEventKind" NOT NULL,
    "actorId" UUID,
    "actorName" TEXT NOT NULL,
    "reason" TEXT,
    "householdId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "campaignYearId" UUID NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "status" "DecisionStatus" NOT NULL DEFAULT 'DRAFT',
    "number" INTEGER NOT NULL,
    "symbol" TEXT NOT NULL DEFAULT 'QĐ-UBND',
    "numberYear" INTEGER NOT NULL,
    "issuedOn" DATE NOT NULL,
    "signerAuthority" TEXT NOT NULL DEFAULT '',
    "signerTitle" TEXT NOT NULL,
    "signerName" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "cancelGround" "CancellationGround",
    "cancelReason" TEXT,
    "draftedById" UUID,
    "approvedById" UUID,
    "approvedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CancellationItem" (
    "id" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "awardId" UUID NOT NULL,

    CONSTRAINT "CancellationItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TitleAward" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "hamletId" UUID NOT NULL,
    "campaignYearId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "decisionId" UUID NOT NULL,
    "assessmentId" UUID,
    "votesFor" INTEGER,
    "status" "AwardStatus" NOT NULL DEFAULT 'ACTIVE',
    "cancelDecisionId" UUID,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TitleAward_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RuleSet_communeId_version_key" ON "RuleSet"("communeId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "CriteriaSet_communeId_version_key" ON "CriteriaSet"("communeId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Criterion_criteriaSetId_code_key" ON "Criterion"("criteriaSetId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignYear_communeId_year_key" ON "CampaignYear"("communeId", "year");

-- CreateIndex
CREATE INDEX "PlanReference_campaignYearId_idx" ON "PlanReference"("campaignYearId");

-- CreateIndex
CREATE INDEX "Registration_campaignYearId_hamletId_idx" ON "Registration"("campaignYearId", "hamletId");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_campaignYearId_householdId_key" ON "Registration"("campaignYearId", "householdId");

-- CreateIndex
CREATE INDEX "Violation_householdId_occurredOn_idx" ON "Violation"("householdId", "occurredOn");

-- CreateIndex
CREATE INDEX "HamletReview_communeId_campaignYearId_status_idx" ON "HamletReview"("communeId", "campaignYearId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "HamletReview_campaignYearId_hamletId_key" ON "HamletReview"("campaignYearId", "hamletId");

-- CreateIndex
CREATE INDEX "Assessment_householdId_idx" ON "Assessment"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_hamletReviewId_householdId_key" ON "Assessment"("hamletReviewId", "householdId");

-- CreateIndex
CREATE INDEX "Objection_hamletReviewId_idx" ON "Objection"("hamletReviewId");

-- CreateIndex
CREATE INDEX "ReviewEvent_hamletReviewId_createdAt_idx" ON "ReviewEvent"("hamletReviewId", "createdAt");

-- CreateIndex
CREATE INDEX "Decision_communeId_campaignYearId_idx" ON "Decision"("communeId", "campaignYearId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_communeId_numberYear_number_key" ON "Decision"("communeId", "numberYear", "number");

-- CreateIndex
CREATE UNIQUE INDEX "CancellationItem_decisionId_awardId_key" ON "CancellationItem"("decisionId", "awardId");

-- CreateIndex
CREATE INDEX "TitleAward_communeId_year_status_idx" ON "TitleAward"("communeId", "year", "status");

-- CreateIndex
CREATE INDEX "TitleAward_decisionId_idx" ON "TitleAward"("decisionId");

-- CreateIndex
CREATE UNIQUE INDEX "TitleAward_householdId_year_key" ON "TitleAward"("householdId", "year");

-- AddForeignKey
ALTER TABLE "RuleSet" ADD CONSTRAINT "RuleSet_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriteriaSet" ADD CONSTRAINT "CriteriaSet_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_criteriaSetId_fkey" FOREIGN KEY ("criteriaSetId") REFERENCES "CriteriaSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignYear" ADD CONSTRAINT "CampaignYear_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignYear" ADD CONSTRAINT "CampaignYear_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "RuleSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignYear" ADD CONSTRAINT "CampaignYear_criteriaSetId_fkey" FOREIGN KEY ("criteriaSetId") REFERENCES "CriteriaSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanReference" ADD CONSTRAINT "PlanReference_campaignYearId_fkey" FOREIGN KEY ("campaignYearId") REFERENCES "CampaignYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_campaignYearId_fkey" FOREIGN KEY ("campaignYearId") REFERENCES "CampaignYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Violation" ADD CONSTRAINT "Violation_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HamletReview" ADD CONSTRAINT "HamletReview_campaignYearId_fkey" FOREIGN KEY ("campaignYearId") REFERENCES "CampaignYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HamletReview" ADD CONSTRAINT "HamletReview_hamletId_fkey" FOREIGN KEY ("hamletId") REFERENCES "Hamlet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HamletReview" ADD CONSTRAINT "HamletReview_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_hamletReviewId_fkey" FOREIGN KEY ("hamletReviewId") REFERENCES "HamletReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_hamletReviewId_fkey" FOREIGN KEY ("hamletReviewId") REFERENCES "HamletReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewEvent" ADD CONSTRAINT "ReviewEvent_hamletReviewId_fkey" FOREIGN KEY ("hamletReviewId") REFERENCES "HamletReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_campaignYearId_fkey" FOREIGN KEY ("campaignYearId") REFERENCES "CampaignYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CancellationItem" ADD CONSTRAINT "CancellationItem_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CancellationItem" ADD CONSTRAINT "CancellationItem_awardId_fkey" FOREIGN KEY ("awardId") REFERENCES "TitleAward"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TitleAward" ADD CONSTRAINT "TitleAward_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TitleAward" ADD CONSTRAINT "TitleAward_campaignYearId_fkey" FOREIGN KEY ("campaignYearId") REFERENCES "CampaignYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TitleAward" ADD CONSTRAINT "TitleAward_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TitleAward" ADD CONSTRAINT "TitleAward_cancelDecisionId_fkey" FOREIGN KEY ("cancelDecisionId") REFERENCES "Decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;
