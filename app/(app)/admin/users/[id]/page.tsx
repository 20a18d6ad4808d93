import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { ResetPasswordForm } from "@/components/users/reset-password-form";
import { UserStatusForm } from "@/components/users/user-status-form";
import { Badge, Card, DetailHeader, DetailList } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/format";
import { can } from "@/lib/policy";
import { ROLE_LABEL } from "@/lib/roles";
import { requireActor } from "@/lib/session";
import { deactivateUserAction, reactivateUserAction, resetUserPasswordAction } from "@/lib/users/actions";
import { statusLabel, USER_MSG } from "@/lib/users/labels";
import { getUser } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Người dùng" };

export default async function UserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const actor = await requireActor();
  if (!can(actor, "user.manage", { communeId: actor.communeId })) forbidden();
  const { id } = await params;
  const user = await getUser(actor, id);
  if (!user) notFound();
  const { saved } = await searchParams;
  const isSelf = user.id === actor.id;
  return (
    <>
      <DetailHeader title={user.fullName} subtitle={<>Tên đăng nhập: <strong>{user.username}</strong>{isSelf && " (bạn)"}</>}
        editHref={`/admin/users/${user.id}/edit`} listHref="/admin/users" listLabel="Danh sách người dùng" saved={Boolean(saved)} />
      <div className="space-y-4">
        <Card>
          <DetailList items={[
            { label: "Họ và tên", value: user.fullName },
            { label: "Vai trò", value: ROLE_LABEL[user.role] },
            ...(user.role === "HAMLET_HEAD" ? [{ label: "Xóm phụ trách", value: user.hamlet?.name }] : []),
            { label: "Trạng thái", value: <Badge tone={user.isActive ? "green" : "red"}>{statusLabel(user.isActive)}</Badge> },
            { label: "Lần đăng nhập cuối", value: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "Chưa đăng nhập" },
            { label: "Ngày tạo", value: formatDateTime(user.createdAt) },
          ]} />
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Đặt lại mật khẩu</h2>
          <ResetPasswordForm action={resetUserPasswordAction.bind(null, user.id)} />
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{user.isActive ? "Khóa tài khoản" : "Mở khóa tài khoản"}</h2>
          {isSelf && user.isActive ? (
            <p className="text-sm text-slate-700">{USER_MSG.cannotDeactivateSelf}</p>
          ) : (
            <UserStatusForm key={String(user.isActive)} isActive={user.isActive}
              action={(user.isActive ? deactivateUserAction : reactivateUserAction).bind(null, user.id)} />
          )}
        </Card>
      </div>
    </>
  );
}
