"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/lib/format";
import { IMPORT_MSG, MAX_FILE_BYTES } from "@/lib/household-import/labels";

type Phase = { kind: "idle" } | { kind: "uploading"; sent: number; total: number } | { kind: "checking" };

const INPUT = "block w-full min-h-11 rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 file:mr-3 file:min-h-9 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:font-semibold aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600";

/**
 * Sends the chosen file as the request body (POST /api/household-imports, streamed to disk by the server) and
 * shows how much is sent, then "Đang kiểm tra…" while the server checks every row; then opens the import's page.
 * A refusal (type, size, encoding) is shown under the file field.
 */
export function UploadForm({ label = "Tải lên và kiểm tra" }: { label?: string }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const busy = phase.kind !== "idle";

  function submit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setError(IMPORT_MSG.noFile);
    if (!/\.(xlsx|csv)$/i.test(file.name)) return setError(IMPORT_MSG.badName);
    if (file.size > MAX_FILE_BYTES) return setError(IMPORT_MSG.tooLarge);
    setError(null);
    setPhase({ kind: "uploading", sent: 0, total: file.size });
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/household-imports?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) => setPhase({ kind: "uploading", sent: e.loaded, total: e.total || file.size });
    xhr.upload.onload = () => setPhase({ kind: "checking" });
    xhr.onload = () => {
      let body: { id?: string; error?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        /* a proxy's HTML error page: the generic message below */
      }
      if (xhr.status === 200 && body.id) {
        router.push(`/registry/households/import/${body.id}`);
        return;
      }
      setPhase({ kind: "idle" });
      setError(body.error ?? "Không tải lên được tệp. Vui lòng thử lại sau ít phút.");
    };
    xhr.onerror = () => {
      setPhase({ kind: "idle" });
      setError(IMPORT_MSG.incomplete);
    };
    xhr.send(file);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <div className="space-y-1">
        <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">Tệp danh sách hộ (.xlsx hoặc .csv, tối đa 50 MB)</label>
        <input ref={input} id="import-file" name="file" type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-invalid={error ? true : undefined} aria-describedby="import-file-error" disabled={busy} className={INPUT}
          onChange={() => setError(null)} />
        <p id="import-file-error" aria-live="polite" className="text-sm text-red-700" data-field-error="file">{error ?? ""}</p>
      </div>
      {phase.kind === "uploading" && (
        <p className="text-sm text-slate-700" aria-live="polite">
          Đang gửi tệp: {formatNumber(Math.round(phase.sent / 1024))} / {formatNumber(Math.round(phase.total / 1024))} KB
        </p>
      )}
      {phase.kind === "checking" && <p className="text-sm text-slate-700" aria-live="polite">Đang kiểm tra từng dòng của tệp…</p>}
      <Button type="submit" disabled={busy}>{busy ? "Đang tải lên…" : label}</Button>
    </form>
  );
}
