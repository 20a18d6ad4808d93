import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { HouseholdForm } from "@/components/households/household-form";
import { Card, PageHeader } from "@/components/ui/page-header";
import { listHamletOptions } from "@/lib/hamlets/queries";
import { updateHouseholdAction } from "@/lib/households/actions";
import { getHousehold } from "@/lib/households/queries";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Sửa hộ gia đình" };

export default async function EditHouseholdPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const household = await getHousehold(actor, id);
  if (!household) notFound();
  if (!can(actor, "household.write", { communeId: actor.communeId, hamletId: household.hamletId })) forbidden();
  const hamlets = await listHamletOptions(actor);
  const head = household.members.find((m) => m.relationship === "HEAD");
  return (
    <>
      <PageHeader title={`Sửa hộ ${household.headName}`} />
      <Card>
        <HouseholdForm action={updateHouseholdAction.bind(null, household.id)} hamlets={hamlets} cancelHref={`/registry/households/${household.id}`} submitLabel="Lưu thay đổi"
          initial={{
            headName: household.headName, headBirthYear: head?.birthYear ? String(head.birthYear) : "", address: household.address,
            phone: household.phone ?? "", hamletId: household.hamletId, povertyStatus: household.povertyStatus, status: household.status,
            version: household.version,
            members: household.members.filter((m) => m.relationship !== "HEAD").map((m) => ({ fullName: m.fullName, birthYear: m.birthYear ? String(m.birthYear) : "", relationship: m.relationship })),
          }} />
      </Card>
    </>
  );
}
