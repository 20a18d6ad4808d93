import { NavLinks } from "@/components/layout/nav-links";
import { navFor } from "@/components/layout/nav";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { getActorCommune } from "@/lib/communes/queries";
import { ROLE_LABEL } from "@/lib/roles";
import { requireActor } from "@/lib/session";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const commune = await getActorCommune(actor);
  const items = navFor(actor);
  return (
    <div className="min-h-screen pb-16 sm:pb-0">
      <header className="no-print bg-brand-700 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div>
            <p className="text-xs text-white/80">Phong trào TDĐKXDĐSVH</p>
            <p className="font-bold">{actor.province ? `Tỉnh ${actor.province}` : `Xã ${commune?.name ?? ""}`}</p>
          </div>
          <div className="flex items-center gap-3">
            <div className="text-right text-sm leading-tight">
              <p className="font-semibold" data-testid="current-user">{actor.fullName}</p>
              <p className="text-white/80">{ROLE_LABEL[actor.role]}</p>
            </div>
            <SignOutButton />
          </div>
        </div>
        <div className="mx-auto max-w-7xl px-4 pb-2">
          <NavLinks items={items} variant="top" />
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-3 py-5 sm:px-4">{children}</main>
      <NavLinks items={items} variant="bottom" />
    </div>
  );
}
