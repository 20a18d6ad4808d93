"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { run, type ActionResult } from "@/lib/result";
import { requireActor } from "@/lib/session";
import { startHouseholdImport } from "./service";

/**
 * "Nhập … vào sổ hộ gia đình": claims the import and lets it run in the background of the server process; the
 * import page then shows its progress. A refusal (already handled, has errors) comes back as the form's message.
 */
export async function confirmHouseholdImportAction(id: string): Promise<ActionResult> {
  const actor = await requireActor();
  const result = await run(() => startHouseholdImport(actor, id));
  if (!result.ok) return result;
  revalidatePath("/registry/households/import");
  redirect(`/registry/households/import/${id}`);
}
