import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ConfirmAction } from "@/components/campaign/confirm-action";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/list-controls";
import { Badge, Card, PageHeader } from "@/components/ui/page-header";
import { formatDateTime, formatNumber } from "@/lib/format";
import { confirmHouseholdImportAction } from "@/lib/household-import/actions";
import { confirmLabel, IMPORT_MSG, IMPORT_STATUS_LABEL } from "@/lib/household-import/labels";
import { getHouseholdImport, type ImportDetail } from "@/lib/household-import/queries";
import { can } from "@/lib/policy";
import { requireActor } from "@/lib/session";
import { ImportProgress } from "../_components/import-progress";
import { statusTone } from "../_components/status";
import { UploadForm } from "../_components/upload-form";

export const metadata: Metadata = { title: "Nhập hộ gia đình từ Excel" };

function Counts({ job }: { job: ImportDetail }) {
  return (
    <>
      <p className="text-slate-800">
        <strong className="tabular-nums">{formatNumber(job.households)}</strong> hộ, <strong className="tabular-nums">{formatNumber(job.members)}</strong> nhân khẩu
        {job.hamlets.length > 0 && <> ở {formatNumber(job.hamlets.length)} xóm</>}.
      </p>
      {job.hamlets.length > 0 && (
        <DataTable head={["Xóm", "Số hộ", "Nhân khẩu"]}>
          {job.hamlets.map((h) => (
            <tr key={h.hamletId}>
              <td className="px-3 py-2">
                {job.status === "DONE" ? <Link className="text-brand-700 underline-offset-2 hover:underline" href={`/registry/households?hamlet=${h.hamletId}`}>{h.name}</Link> : h.name}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{formatNumber(h.households)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatNumber(h.members)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

function Errors({ job }: { job: ImportDetail }) {
  return (
    <>
      <Alert>
        Tệp có {formatNumber(job.errorCount)} lỗi nên chưa nhập hộ nào. Sửa các dòng dưới đây trong tệp rồi tải lên lại.
        {job.errorCount > job.errors.length && ` (Hiển thị ${formatNumber(job.errors.length)} lỗi đầu tiên.)`}
      </Alert>
      <ol className="space-y-2" aria-label="Các lỗi trong tệp">
        {job.errors.map((e, i) => (
          <li key={i} className="rounded-md border border-red-200 bg-white p-3 text-sm">
            <span className="font-semibold text-red-800">
              {e.row === null ? "Cả tệp" : `Dòng ${formatNumber(e.row)}`}{e.column ? ` · cột ${e.column}` : ""}:
            </span>{" "}
            <span className="text-slate-800">{e.message}</span>
          </li>
        ))}
      </ol>
    </>
  );
}

export default async function HouseholdImportDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  if (!can(actor, "household.write", { communeId: actor.communeId, hamletId: actor.hamletId })) forbidden();
  const { id } = await params;
  const job = await getHouseholdImport(actor, id);
  if (!job) notFound();
  const fixAndRetry = (
    <Card>
      <h2 className="mb-3 text-lg font-semibold text-slate-900">Tải lên tệp đã sửa</h2>
      <UploadForm />
    </Card>
  );

  return (
    <>
      <PageHeader title={`Tệp \u201c${job.fileName}\u201d`}
        subtitle={<>Tải lên lúc {formatDateTime(job.createdAt)} bởi {job.createdByName} · <Badge tone={statusTone(job.status)}>{IMPORT_STATUS_LABEL[job.status]}</Badge></>}
        actions={<ButtonLink href="/registry/households/import" variant="secondary">Các lần nhập</ButtonLink>} />
      <div className="space-y-4">
        {job.status === "INVALID" && (
          <>
            <Card className="space-y-3"><Errors job={job} /></Card>
            {fixAndRetry}
          </>
        )}

        {job.canConfirm && (
          <Card className="space-y-3">
            {job.isInterrupted ? <Alert tone="warning">{job.failureMessage}</Alert> : <Alert tone="success">Tệp hợp lệ: không có dòng nào lỗi.</Alert>}
            <Counts job={job} />
            <ConfirmAction action={confirmHouseholdImportAction.bind(null, job.id)} label={confirmLabel(job.households, job.members)}
              consequence={`${confirmLabel(job.households, job.members)} của xã. Tất cả được ghi cùng lúc: nếu có lỗi, không hộ nào được ghi.`}
              confirmLabel="Xác nhận nhập" />
          </Card>
        )}

        {(job.status === "RUNNING" || job.status === "DONE") && !job.isInterrupted && (
          <Card className="space-y-3">
            <h2 className="text-lg font-semibold text-slate-900">{job.status === "DONE" ? "Kết quả" : "Đang nhập"}</h2>
            <ImportProgress id={job.id} initial={{ status: job.status, done: job.progressDone, total: job.progressTotal }} />
            {job.status === "DONE" && (
              <>
                <Alert tone="success">
                  Đã nhập {formatNumber(job.households)} hộ, {formatNumber(job.members)} nhân khẩu vào sổ hộ gia đình
                  {job.finishedAt && <> lúc {formatDateTime(job.finishedAt)}</>}.
                </Alert>
                <Counts job={job} />
                <ButtonLink href="/registry/households">Xem sổ hộ gia đình</ButtonLink>
              </>
            )}
          </Card>
        )}

        {job.status === "FAILED" && (
          <>
            <Alert>{job.failureMessage}</Alert>
            {fixAndRetry}
          </>
        )}
        {job.status === "EXPIRED" && (
          <>
            <Alert tone="warning">{IMPORT_MSG.expired}</Alert>
            {fixAndRetry}
          </>
        )}
      </div>
    </>
  );
}
