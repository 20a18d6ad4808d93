import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-5xl font-bold text-slate-400">403</p>
      <h1 className="mt-3 text-xl font-bold">Bạn không có quyền truy cập trang này</h1>
      <p className="mt-2 text-slate-600">Trang này dành cho vai trò khác. Nếu bạn cần quyền, hãy liên hệ quản trị hệ thống của xã.</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">Về trang chủ</Link>
    </main>
  );
}
