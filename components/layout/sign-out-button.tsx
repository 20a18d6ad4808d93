import { signOutAction } from "@/lib/auth/actions";

/** A server-rendered form: signing out works before (and without) the page's JavaScript. */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="min-h-11 rounded-md border border-white/40 px-3 text-sm font-medium text-white hover:bg-white/10">
        Đăng xuất
      </button>
    </form>
  );
}
