-- Trigram search over the accent-folded searchText columns.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'OFFICER', 'LEADER', 'COMMITTEE', 'HAMLET_HEAD');

-- CreateEnum
CREATE TYPE "CommuneKind" AS ENUM ('XA', 'PHUONG', 'THI_TRAN', 'DAC_KHU');

-- CreateEnum
CREATE TYPE "HamletKind" AS ENUM ('XOM', 'THON', 'BAN', 'TO_DAN_PHO');

-- CreateEnum
CREATE TYPE "PovertyStatus" AS ENUM ('POOR', 'NEAR_POOR', 'NONE');

-- CreateEnum
CREATE TYPE "HouseholdStatus" AS ENUM ('ACTIVE', 'MOVED_OUT', 'SPLIT', 'MERGED', 'DISSOLVED');

-- CreateEnum
CREATE TYPE "Relationship" AS ENUM ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'SIBLING', 'CHILD_IN_LAW', 'OTHER');

-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('STATE_AGENCY', 'PUBLIC_UNIT', 'ENTERPRISE');

-- CreateTable
CREATE TABLE "Commune" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CommuneKind" NOT NULL DEFAULT 'XA',
    "code" TEXT,
    "district" TEXT,
    "province" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "legalBasis" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Commune_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hamlet" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "HamletKind" NOT NULL DEFAULT 'XOM',
    "headName" TEXT,
    "frontTeamHeadName" TEXT,
    "hasCulturalHouse" BOOLEAN NOT NULL DEFAULT false,
    "searchText" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Hamlet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HamletCommuneLink" (
    "id" UUID NOT NULL,
    "hamletId" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "legalBasis" TEXT,

    CONSTRAINT "HamletCommuneLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Household" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "hamletId" UUID NOT NULL,
    "headName" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "phone" TEXT,
    "povertyStatus" "PovertyStatus" NOT NULL DEFAULT 'NONE',
    "status" "HouseholdStatus" NOT NULL DEFAULT 'ACTIVE',
    "searchText" TEXT NOT NULL DEFAULT '',
    "dedupeKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdMember" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "fullName" TEXT NOT NULL,
    "birthYear" INTEGER,
    "relationship" "Relationship" NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "HouseholdMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AgencyKind" NOT NULL,
    "headName" TEXT,
    "tradeUnionName" TEXT,
    "headcount" INTEGER NOT NULL DEFAULT 0,
    "searchText" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "hamletId" UUID,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "isSuccess" BOOLEAN NOT NULL,
    "attemptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "communeId" UUID,
    "actorId" UUID,
    "actorUsername" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Commune_code_key" ON "Commune"("code");

-- CreateIndex
CREATE INDEX "Hamlet_searchText_idx" ON "Hamlet" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "Hamlet_communeId_name_key" ON "Hamlet"("communeId", "name");

-- CreateIndex
CREATE INDEX "HamletCommuneLink_hamletId_validFrom_idx" ON "HamletCommuneLink"("hamletId", "validFrom");

-- CreateIndex
CREATE INDEX "HamletCommuneLink_communeId_idx" ON "HamletCommuneLink"("communeId");

-- CreateIndex
CREATE INDEX "Household_communeId_hamletId_status_idx" ON "Household"("communeId", "hamletId", "status");

-- CreateIndex
CREATE INDEX "Household_searchText_idx" ON "Household" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "Household_hamletId_dedupeKey_key" ON "Household"("hamletId", "dedupeKey");

-- CreateIndex
CREATE INDEX "HouseholdMember_householdId_idx" ON "HouseholdMember"("householdId");

-- CreateIndex
CREATE INDEX "Agency_searchText_idx" ON "Agency" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "Agency_communeId_name_key" ON "Agency"("communeId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_communeId_idx" ON "User"("communeId");

-- CreateIndex
CREATE INDEX "LoginAttempt_username_attemptedAt_idx" ON "LoginAttempt"("username", "attemptedAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_attemptedAt_idx" ON "LoginAttempt"("ip", "attemptedAt");

-- CreateIndex
CREATE INDEX "AuditLog_communeId_createdAt_idx" ON "AuditLog"("communeId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_communeId_entityType_createdAt_idx" ON "AuditLog"("communeId", "entityType", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- AddForeignKey
ALTER TABLE "Hamlet" ADD CONSTRAINT "Hamlet_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HamletCommuneLink" ADD CONSTRAINT "HamletCommuneLink_hamletId_fkey" FOREIGN KEY ("hamletId") REFERENCES "Hamlet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HamletCommuneLink" ADD CONSTRAINT "HamletCommuneLink_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_hamletId_fkey" FOREIGN KEY ("hamletId") REFERENCES "Hamlet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_hamletId_fkey" FOREIGN KEY ("hamletId") REFERENCES "Hamlet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The audit log is append-only: the application may insert, never change or remove a row.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
