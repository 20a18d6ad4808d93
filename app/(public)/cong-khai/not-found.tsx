import Link from "next/link";

export default function PublicNoticeNotFound() {
  return (
    <div className="py-10 text-center">
      <h1 className="text-xl font-bold">Không tìm thấy thông báo</h1>
      <p className="mt-2 text-slate-600">Thông báo này không tồn tại hoặc chưa được công khai.</p>
      <Link href="/cong-khai" className="mt-6 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
        Xem các thông báo đang công khai
      </Link>
    </div>
  );
}
