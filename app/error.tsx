"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-xl font-bold">Đã có lỗi ngoài dự kiến</h1>
      <p className="mt-2 text-slate-600">Hệ thống đã ghi nhận sự cố. Vui lòng thử lại sau ít phút.</p>
      <button onClick={reset} className="mt-6 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">Thử lại</button>
    </main>
  );
}
