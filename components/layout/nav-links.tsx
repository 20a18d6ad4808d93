"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "./nav";

function isCurrent(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks({ items, variant }: { items: NavItem[]; variant: "top" | "bottom" }) {
  const pathname = usePathname();
  if (variant === "bottom") {
    return (
      <nav aria-label="Điều hướng chính" className="no-print fixed inset-x-0 bottom-0 z-20 grid border-t border-slate-200 bg-white sm:hidden"
        style={{ gridTemplateColumns: `repeat(${items.length}, minmax(0, 1fr))` }}>
        {items.map((item) => (
          <Link key={item.href} href={item.href} aria-current={isCurrent(pathname, item.href) ? "page" : undefined}
            className="flex min-h-14 items-center justify-center px-1 text-center text-sm font-medium text-slate-700 aria-[current=page]:text-brand-700 aria-[current=page]:bg-brand-50">
            {item.label}
          </Link>
        ))}
      </nav>
    );
  }
  return (
    <nav aria-label="Điều hướng chính" className="hidden gap-1 sm:flex sm:flex-wrap">
      {items.map((item) => (
        <Link key={item.href} href={item.href} aria-current={isCurrent(pathname, item.href) ? "page" : undefined}
          className="rounded-md px-3 py-2 text-sm font-medium text-white/90 hover:bg-white/10 aria-[current=page]:bg-white aria-[current=page]:text-brand-800">
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
