"use client";

/** Opens the browser's print dialog; hidden on paper. */
export function PrintButton({ label = "In thông báo" }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()}
      className="no-print inline-flex min-h-11 items-center rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-800">
      {label}
    </button>
  );
}
