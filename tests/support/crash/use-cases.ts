import { issueDecision } from "@/lib/decisions/service";
import { commitHouseholdImport } from "@/lib/household-import/service";
import type { Actor } from "@/lib/policy";

// The use cases the crash harness runs in a child process, by name: the real service functions, exactly as the app
// calls them, against the database in DATABASE_URL. Each takes the JSON context its case's prepare() returned.
// To add one: a runner here, and a CrashCase in cases.ts with the same name.

export type IssueDecisionContext = { actor: Actor; decisionId: string; version: number };
export type CommitImportContext = { actor: Actor; importId: string };

export const CRASH_USE_CASES: Record<string, (context: never) => Promise<unknown>> = {
  "decision.issue": (c: IssueDecisionContext) => issueDecision(c.actor, c.decisionId, c.version),
  "household.import": (c: CommitImportContext) => commitHouseholdImport(c.actor, c.importId),
};
