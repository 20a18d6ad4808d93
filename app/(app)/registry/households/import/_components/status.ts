import type { HouseholdImportStatus } from "@/lib/generated/prisma/enums";

/** Badge colour of an import's status (the label always goes with it). */
export function statusTone(status: HouseholdImportStatus): "green" | "red" | "amber" | "sky" | "slate" {
  return ({ DONE: "green", INVALID: "red", FAILED: "red", READY: "amber", RUNNING: "sky", EXPIRED: "slate" } as const)[status];
}
