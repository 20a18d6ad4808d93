-- CreateEnum
CREATE TYPE "HouseholdImportStatus" AS ENUM ('INVALID', 'READY', 'RUNNING', 'DONE', 'FAILED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "ImportFileFormat" AS ENUM ('XLSX', 'CSV');

-- AlterTable
ALTER TABLE "Household" ADD COLUMN     "importId" UUID;

-- CreateTable
CREATE TABLE "HouseholdImport" (
    "id" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "createdById" UUID,
    "createdByName" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileFormat" "ImportFileFormat" NOT NULL,
    "fileSize" INTEGER NOT NULL,
    "status" "HouseholdImportStatus" NOT NULL,
    "households" INTEGER NOT NULL DEFAULT 0,
    "members" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "hamlets" JSONB NOT NULL DEFAULT '[]',
    "progressDone" INTEGER NOT NULL DEFAULT 0,
    "progressTotal" INTEGER NOT NULL DEFAULT 0,
    "failureMessage" TEXT,
    "confirmedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HouseholdImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HouseholdImport_communeId_createdAt_idx" ON "HouseholdImport"("communeId", "createdAt");

-- CreateIndex
CREATE INDEX "HouseholdImport_createdById_createdAt_idx" ON "HouseholdImport"("createdById", "createdAt");

-- CreateIndex
CREATE INDEX "Household_importId_idx" ON "Household"("importId");

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_importId_fkey" FOREIGN KEY ("importId") REFERENCES "HouseholdImport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdImport" ADD CONSTRAINT "HouseholdImport_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
