import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { CreateTokenForm } from "@/components/api-tokens/create-token-form";
import { ConfirmAction } from "@/components/campaign/confirm-action";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, EmptyState } from "@/components/ui/list-controls";
import { Badge, Card, PageHeader } from "@/components/ui/page-header";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/api-tokens/actions";
import { API_TOKEN_MSG, API_TOKEN_STATUS_LABEL } from "@/lib/api-tokens/labels";
import { listApiTokens } from "@/lib/api-tokens/queries";
import { formatDateTime } from "@/lib/format";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";

export const metadata: Metadata = { title: "Khóa API" };

export default async function ApiTokensPage() {
  const actor = await requireActor();
  if (!can(actor, "apiToken.manage", { communeId: actor.communeId })) forbidden();
  const tokens = await listApiTokens(actor);

  return (
    <>
      <PageHeader title="Khóa API"
        subtitle="Khóa cho hệ thống của cấp trên lấy số liệu phong trào của xã qua API chỉ đọc (GET /api/v1/…)"
        actions={<ButtonLink href="/admin/users" variant="secondary">Người dùng</ButtonLink>} />
      <div className="space-y-5">
        <Card>
          <h2 className="mb-2 text-base font-semibold text-slate-900">Tạo khóa mới</h2>
          <p className="mb-3 text-sm text-slate-700">
            Hệ thống gọi API gửi khóa trong tiêu đề <code className="font-mono">Authorization: Bearer vh_…</code> và chỉ xem được số liệu của xã
            mình. Khóa chỉ hiển thị một lần ngay sau khi tạo; hệ thống chỉ lưu mã băm của khóa.
          </p>
          <CreateTokenForm action={createApiTokenAction} />
        </Card>
        {tokens.length === 0 ? (
          <EmptyState>Chưa có khóa API nào.</EmptyState>
        ) : (
          <DataTable head={["Tên khóa", "Mã nhận diện", "Tạo lúc", "Lần dùng cuối", "Trạng thái", ""]}>
            {tokens.map((t) => (
              <tr key={t.id} className="align-top hover:bg-slate-50">
                <td className="px-3 py-2 font-medium">{t.name}</td>
                <td className="px-3 py-2 font-mono">{t.prefix}…</td>
                <td className="px-3 py-2 tabular-nums">
                  {formatDateTime(t.createdAt)}
                  {t.createdBy && <span className="block text-xs text-slate-600">{t.createdBy}</span>}
                </td>
                <td className="px-3 py-2 tabular-nums">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : <span className="text-slate-500">Chưa dùng</span>}</td>
                <td className="px-3 py-2">
                  {t.revokedAt ? (
                    <>
                      <Badge tone="red">{API_TOKEN_STATUS_LABEL.revoked}</Badge>
                      <span className="block text-xs tabular-nums text-slate-600">
                        {formatDateTime(t.revokedAt)}{t.revokedBy ? ` – ${t.revokedBy}` : ""}
                      </span>
                    </>
                  ) : (
                    <Badge tone="green">{API_TOKEN_STATUS_LABEL.active}</Badge>
                  )}
                </td>
                <td className="px-3 py-2">
                  {!t.revokedAt && (
                    <ConfirmAction action={revokeApiTokenAction.bind(null, t.id)} label="Thu hồi" consequence={API_TOKEN_MSG.revokeConsequence}
                      confirmLabel="Thu hồi khóa" variant="danger" />
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </>
  );
}
