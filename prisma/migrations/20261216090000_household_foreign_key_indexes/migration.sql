-- Removing a household (an import rolled back by hand, a household entered twice) makes PostgreSQL check every table
-- that points at it. Registration's only index starts with the campaign year, so each check read all registrations
-- of the province: deleting 100,000 imported households ran for minutes. Objection had none either.

-- CreateIndex
CREATE INDEX "Registration_householdId_idx" ON "Registration"("householdId");

-- CreateIndex
CREATE INDEX "Objection_householdId_idx" ON "Objection"("householdId");
