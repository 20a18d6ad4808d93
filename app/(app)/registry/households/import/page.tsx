import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/page-header";
import { formatDateTime, formatNumber } from "@/lib/format";
import { IMPORT_STATUS_LABEL } from "@/lib/household-import/labels";
import { listHouseholdImports } from "@/lib/household-import/queries";
import { COLUMN_KEYS, COLUMN_LABEL } from "@/lib/household-import/schema";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";
import { UploadForm } from "./_components/upload-form";
import { statusTone } from "./_components/status";

export const metadata: Metadata = { title: "Nhập hộ gia đình từ Excel" };

export default async function HouseholdImportPage() {
  const actor = await requireActor();
  if (!can(actor, "household.write", { communeId: actor.communeId, hamletId: actor.hamletId })) forbidden();
  const imports = await listHouseholdImports(actor);
  return (
    <>
      <PageHeader title="Nhập hộ gia đình từ Excel" subtitle="Tải lên danh sách hộ (.xlsx hoặc .csv); phần mềm kiểm tra từng dòng trước khi nhập."
        actions={<ButtonLink href="/registry/households" variant="secondary">Về sổ hộ gia đình</ButtonLink>} />
      <div className="space-y-4">
        <Card>
          <h2 className="mb-3 text-lg font-semibold text-slate-900">Tải tệp lên</h2>
          <UploadForm />
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold text-slate-900">Cách ghi tệp</h2>
          <ul className="list-disc space-y-1 pl-5 text-sm leading-relaxed text-slate-700">
            <li>Một trang tính, dòng đầu là tiêu đề: {COLUMN_KEYS.map((k) => COLUMN_LABEL[k]).join(", ")} (thứ tự cột tùy ý).</li>
            <li>Mỗi người một dòng. Dòng ghi <strong>Chủ hộ</strong> bắt đầu một hộ và ghi xóm, địa chỉ, số điện thoại, hộ nghèo của hộ.</li>
            <li>Các dòng ngay dưới là thành viên của hộ (Vợ/Chồng, Con, Bố/Mẹ, Cháu, Anh/Chị/Em, Con dâu/Con rể, Khác); có thể không có.</li>
            <li>Tệp có lỗi thì không hộ nào được nhập: sửa các dòng được báo rồi tải lên lại. Khi nhập, tất cả các hộ được ghi cùng lúc.</li>
          </ul>
          <a href="/api/household-imports/template" download
            className="mt-3 inline-flex min-h-11 items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50">
            Tải file mẫu
          </a>
        </Card>
        {imports.length > 0 && (
          <Card>
            <h2 className="mb-2 text-lg font-semibold text-slate-900">Các lần tải lên gần đây</h2>
            <ul className="divide-y divide-slate-200">
              {imports.map((i) => (
                <li key={i.id}>
                  <Link href={`/registry/households/import/${i.id}`} className="flex min-h-11 flex-wrap items-center gap-x-3 gap-y-1 py-2 hover:bg-slate-50">
                    <span className="font-medium text-brand-700">{i.fileName}</span>
                    <Badge tone={statusTone(i.status)}>{IMPORT_STATUS_LABEL[i.status]}</Badge>
                    <span className="text-sm text-slate-600">
                      {formatNumber(i.households)} hộ · {formatDateTime(i.createdAt)} · {i.createdByName}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </>
  );
}
