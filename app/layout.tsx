import type { Metadata, Viewport } from "next";
import "@fontsource/be-vietnam-pro/400.css";
import "@fontsource/be-vietnam-pro/500.css";
import "@fontsource/be-vietnam-pro/600.css";
import "@fontsource/be-vietnam-pro/700.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Văn hóa xã — Phong trào TDĐKXDĐSVH", template: "%s · Văn hóa xã" },
  description: "Quản lý phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” ở cấp xã",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#17633a" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi">
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
