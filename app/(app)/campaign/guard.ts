import "server-only";
import { forbidden } from "next/navigation";
import { can, type Actor } from "@/lib/policy";
import { requireActor } from "@/lib/session";

/** Every page under /campaign is the officer's setup: other roles get 403. */
export async function requireCampaignManager(): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor, "campaign.manage", { communeId: actor.communeId })) forbidden();
  return actor;
}

/** The year a URL segment names ("2024"), or undefined. */
export function yearParam(raw: string): number | undefined {
  return /^\d{4}$/.test(raw) ? Number(raw) : undefined;
}
