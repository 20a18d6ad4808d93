"use server";
import { redirect } from "next/navigation";
import { signOutCurrent } from "@/lib/session";

/**
 * "Đăng xuất" as a plain form (no client JavaScript on every page for it): ends the session and its cookie, then
 * goes to the sign-in page.
 */
export async function signOutAction(): Promise<never> {
  await signOutCurrent();
  redirect("/login");
}
