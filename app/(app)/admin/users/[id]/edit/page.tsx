import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { UserForm } from "@/components/users/user-form";
import { Card, PageHeader } from "@/components/ui/page-header";
import { listHamletOptions } from "@/lib/hamlets/queries";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";
import { updateUserAction } from "@/lib/users/actions";
import { getUser } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Sửa người dùng" };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  if (!can(actor, "user.manage", { communeId: actor.communeId })) forbidden();
  const { id } = await params;
  const [user, hamlets] = await Promise.all([getUser(actor, id), listHamletOptions(actor)]);
  if (!user) notFound();
  return (
    <>
      <PageHeader title={`Sửa người dùng ${user.username}`} />
      <Card>
        <UserForm action={updateUserAction.bind(null, user.id)} hamlets={hamlets} cancelHref={`/admin/users/${user.id}`} submitLabel="Lưu thay đổi"
          isCreate={false} isSelf={user.id === actor.id}
          initial={{ username: user.username, fullName: user.fullName, role: user.role, hamletId: user.hamletId ?? "" }} />
      </Card>
    </>
  );
}
