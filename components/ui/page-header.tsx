import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-xl font-bold text-slate-900 sm:text-2xl">{title}</h1>
        {subtitle && <p className="mt-1 text-sm text-slate-600">{subtitle}</p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}

/**
 * A record's page header: "Sửa" (when `editHref` is given, i.e. the actor may edit), a link back to the list, and
 * "Đã lưu." after a save redirected here with `?saved=1`.
 */
export function DetailHeader({ title, subtitle, editHref, listHref, listLabel, saved }: {
  title: string;
  subtitle?: ReactNode;
  editHref?: string;
  listHref: string;
  listLabel: string;
  saved: boolean;
}) {
  return (
    <>
      <PageHeader title={title} subtitle={subtitle}
        actions={<>
          {editHref && <ButtonLink href={editHref}>Sửa</ButtonLink>}
          <ButtonLink href={listHref} variant="secondary">{listLabel}</ButtonLink>
        </>} />
      {saved && <div className="mb-4"><Alert tone="success">Đã lưu.</Alert></div>}
    </>
  );
}

export function Card({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <section className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 ${className}`}>{children}</section>;
}

export function Badge({ children, tone = "slate" }: { children: ReactNode; tone?: "slate" | "green" | "red" | "amber" | "sky" }) {
  const tones = {
    slate: "bg-slate-100 text-slate-800",
    green: "bg-green-100 text-green-900",
    red: "bg-red-100 text-red-900",
    amber: "bg-amber-100 text-amber-900",
    sky: "bg-sky-100 text-sky-900",
  };
  return <span className={`inline-flex items-center rounded px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>;
}

/** Label/value pairs for detail pages. */
export function DetailList({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2">
      {items.map((item) => (
        <div key={item.label}>
          <dt className="text-sm font-medium text-slate-500">{item.label}</dt>
          <dd className="mt-0.5 text-slate-900">{item.value || <span className="text-slate-400">—</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
