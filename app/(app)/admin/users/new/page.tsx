import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { UserForm } from "@/components/users/user-form";
import { Card, PageHeader } from "@/components/ui/page-header";
import { listHamletOptions } from "@/lib/hamlets/queries";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";
import { createUserAction } from "@/lib/users/actions";

export const metadata: Metadata = { title: "Thêm người dùng" };

export default async function NewUserPage() {
  const actor = await requireActor();
  if (!can(actor, "user.manage", { communeId: actor.communeId })) forbidden();
  const hamlets = await listHamletOptions(actor);
  return (
    <>
      <PageHeader title="Thêm người dùng" />
      <Card>
        <UserForm action={createUserAction} hamlets={hamlets} cancelHref="/admin/users" submitLabel="Tạo tài khoản" isCreate
          initial={{ username: "", fullName: "", role: "", hamletId: "" }} />
      </Card>
    </>
  );
}
