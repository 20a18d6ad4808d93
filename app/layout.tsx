import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./fonts.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Văn hóa xã — Phong trào TDĐKXDĐSVH", template: "%s · Văn hóa xã" },
  description: "Quản lý phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” ở cấp xã",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#17633a" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request, never prerendered: Next puts the Content-Security-Policy nonce of proxy.ts on its scripts
  // only while rendering, so a page built ahead (the 404 page) would carry scripts that the policy blocks.
  await connection();
  return (
    <html lang="vi">
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
