import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { HamletForm } from "@/components/hamlets/hamlet-form";
import { Card, PageHeader } from "@/components/ui/page-header";
import { updateHamletAction } from "@/lib/hamlets/actions";
import { HAMLET_KIND_LABEL } from "@/lib/hamlets/labels";
import { getHamlet } from "@/lib/hamlets/queries";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Sửa xóm" };

export default async function EditHamletPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const hamlet = await getHamlet(actor, id);
  if (!hamlet) notFound();
  if (!can(actor, "hamlet.write", { communeId: hamlet.communeId, hamletId: hamlet.id })) forbidden();
  return (
    <>
      <PageHeader title={`Sửa ${HAMLET_KIND_LABEL[hamlet.kind].toLowerCase()} ${hamlet.name}`} />
      <Card>
        <HamletForm action={updateHamletAction.bind(null, hamlet.id)} cancelHref={`/registry/hamlets/${hamlet.id}`} submitLabel="Lưu thay đổi"
          initial={{
            name: hamlet.name, kind: hamlet.kind, headName: hamlet.headName ?? "", frontTeamHeadName: hamlet.frontTeamHeadName ?? "",
            hasCulturalHouse: hamlet.hasCulturalHouse, version: hamlet.version,
          }} />
      </Card>
    </>
  );
}
