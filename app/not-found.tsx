import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-5xl font-bold text-slate-400">404</p>
      <h1 className="mt-3 text-xl font-bold">Không tìm thấy trang</h1>
      <p className="mt-2 text-slate-600">Trang hoặc dữ liệu bạn tìm không tồn tại, hoặc nằm ngoài phạm vi bạn được xem.</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">Về trang chủ</Link>
    </main>
  );
}
