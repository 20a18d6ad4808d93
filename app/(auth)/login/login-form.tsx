"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { formatDateTime } from "@/lib/format";

const THROTTLED = "THROTTLED:";

function messageFor(error: string): string {
  if (error.startsWith(THROTTLED)) {
    const at = new Date(error.slice(THROTTLED.length));
    return `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Number.isNaN(at.getTime()) ? "ít phút" : formatDateTime(at)}.`;
  }
  if (error === "INVALID" || error === "CredentialsSignin") return "Tên đăng nhập hoặc mật khẩu không đúng.";
  return "Không đăng nhập được, vui lòng thử lại.";
}

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        username: String(form.get("username") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (!result || result.error) {
        setError(messageFor(result?.error ?? ""));
        setPending(false);
        return;
      }
      window.location.assign(callbackUrl);
    } catch {
      setError("Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.");
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && <Alert>{error}</Alert>}
      <TextField name="username" label="Tên đăng nhập" autoComplete="username" autoCapitalize="none" required />
      <TextField name="password" label="Mật khẩu" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending}>{pending ? "Đang đăng nhập…" : "Đăng nhập"}</Button>
    </form>
  );
}
