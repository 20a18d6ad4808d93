import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { HouseholdForm } from "@/components/households/household-form";
import { Card, PageHeader } from "@/components/ui/page-header";
import { listHamletOptions } from "@/lib/hamlets/queries";
import { createHouseholdAction } from "@/lib/households/actions";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Thêm hộ gia đình" };

export default async function NewHouseholdPage() {
  const actor = await requireActor();
  if (!can(actor, "household.write", { communeId: actor.communeId, hamletId: actor.hamletId })) forbidden();
  const hamlets = await listHamletOptions(actor);
  return (
    <>
      <PageHeader title="Thêm hộ gia đình" />
      <Card>
        <HouseholdForm action={createHouseholdAction} hamlets={hamlets} cancelHref="/registry/households" submitLabel="Lưu hộ"
          initial={{ headName: "", headBirthYear: "", address: "", phone: "", hamletId: hamlets.length === 1 ? hamlets[0]!.value : "", povertyStatus: "NONE", status: "ACTIVE", members: [] }} />
      </Card>
    </>
  );
}
