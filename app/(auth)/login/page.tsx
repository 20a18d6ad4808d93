import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { sessionEndMessage } from "@/lib/auth/labels";
import { SESSION_CONFIG } from "@/lib/auth/service";
import { getActor } from "@/lib/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Đăng nhập" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getActor()) redirect("/");
  const params = await searchParams;
  const ended = sessionEndMessage(typeof params.reason === "string" ? params.reason : undefined, SESSION_CONFIG.idleMinutes, SESSION_CONFIG.maxAgeMinutes / 60);
  // Only a path of this site: "//host" and "/\\host" would leave it (browsers read a backslash as a slash).
  const callbackUrl = typeof params.callbackUrl === "string" && /^\/(?![/\\])/.test(params.callbackUrl) ? params.callbackUrl : "/";
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-slate-100 px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-sm font-medium text-brand-700">Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”</p>
          <h1 className="mt-1 text-2xl font-bold text-slate-900">Văn hóa xã</h1>
        </div>
        <div className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          {ended && <Alert tone="warning">{ended}</Alert>}
          <LoginForm callbackUrl={callbackUrl} />
        </div>
      </div>
    </main>
  );
}
