-- CreateIndex
CREATE INDEX "AuditLog_communeId_action_createdAt_idx" ON "AuditLog"("communeId", "action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_communeId_actorUsername_createdAt_idx" ON "AuditLog"("communeId", "actorUsername", "createdAt");

-- CreateIndex
CREATE INDEX "CancellationItem_awardId_idx" ON "CancellationItem"("awardId");

-- CreateIndex
CREATE INDEX "HamletReview_decisionId_idx" ON "HamletReview"("decisionId");

-- CreateIndex
CREATE INDEX "TitleAward_cancelDecisionId_idx" ON "TitleAward"("cancelDecisionId");
