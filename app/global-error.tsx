"use client";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="vi">
      <body style={{ fontFamily: "system-ui, sans-serif", textAlign: "center", padding: "4rem 1rem" }}>
        <h1>Đã có lỗi ngoài dự kiến</h1>
        <p>Vui lòng thử lại sau ít phút.</p>
        <button onClick={reset}>Thử lại</button>
      </body>
    </html>
  );
}
