import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { HamletForm } from "@/components/hamlets/hamlet-form";
import { Card, PageHeader } from "@/components/ui/page-header";
import { createHamletAction } from "@/lib/hamlets/actions";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Thêm xóm" };

export default async function NewHamletPage() {
  const actor = await requireActor();
  if (!can(actor, "hamlet.write", { communeId: actor.communeId })) forbidden();
  return (
    <>
      <PageHeader title="Thêm xóm" subtitle="Xóm mới thuộc xã từ hôm nay." />
      <Card>
        <HamletForm action={createHamletAction} cancelHref="/registry/hamlets" submitLabel="Lưu xóm"
          initial={{ name: "", kind: "XOM", headName: "", frontTeamHeadName: "", hasCulturalHouse: false }} />
      </Card>
    </>
  );
}
