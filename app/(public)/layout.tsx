import Link from "next/link";

// Pages anyone may open without signing in (the commune's public notices): no app menu, no session.
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-slate-50">
      <header className="bg-brand-700 text-white">
        <div className="mx-auto max-w-3xl px-4 py-3">
          <Link href="/cong-khai" className="font-bold leading-snug underline-offset-2 hover:underline">Thông tin công khai</Link>
          <p className="text-sm text-white/85">Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”</p>
        </div>
      </header>
      <main className="mx-auto w-full max-w-3xl flex-1 px-4 py-5 leading-relaxed">{children}</main>
      <footer className="border-t border-slate-200 bg-white">
        <p className="mx-auto max-w-3xl px-4 py-3 text-xs text-slate-600">
          Trang công khai lấy ý kiến của Nhân dân theo Nghị định số 86/2023/NĐ-CP. Mọi thắc mắc xin liên hệ Ủy ban nhân dân xã.
        </p>
      </footer>
    </div>
  );
}
