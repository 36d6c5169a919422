import type { Metadata } from "next";

import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "登录" };

export default function LoginPage() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-6 py-12">
      <div className="mb-8 text-center">
        {/* eslint-disable-next-line @next/next/no-img-element -- a static icon; next/image adds nothing here */}
        <img
          src="/icons/icon-192.png"
          alt=""
          width={64}
          height={64}
          className="mx-auto mb-4 rounded-2xl"
        />
        <h1 className="text-2xl font-semibold text-slate-900">督学巡检</h1>
        <p className="mt-1 text-sm text-slate-500">责任督学 · 学校 · 督导室</p>
      </div>
      <SignInForm />
      <p className="mt-8 text-center text-xs leading-5 text-slate-500">
        账号由督导室统一开设。忘记密码请联系督导室重置。
      </p>
    </main>
  );
}
