import type { Metadata } from "next";

import { HOME_BY_ROLE } from "@/lib/domain/org/org.labels";
import { requirePageUser } from "@/lib/server/auth/session";

import { ChangePasswordForm } from "@/components/org/change-password-form";

export const metadata: Metadata = { title: "修改密码" };
export const dynamic = "force-dynamic";

/** 修改密码 for every user; after a password reset the only page that opens. */
export default async function ChangePasswordPage() {
  const user = await requirePageUser(undefined, { allowPasswordChange: true });
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-6 py-12">
      <h1 className="text-2xl font-semibold text-slate-900">修改密码</h1>
      <p className="mt-1 mb-6 text-sm text-slate-500">
        {user.name}（{user.username}）
        {user.mustChangePassword ? "：您正在使用督导室设置的初始密码，请先设置自己的新密码。" : ""}
      </p>
      <ChangePasswordForm home={HOME_BY_ROLE[user.role]} />
    </main>
  );
}
