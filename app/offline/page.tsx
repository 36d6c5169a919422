import type { Metadata } from "next";
import Link from "next/link";

import { ReloadButton } from "@/components/pwa/reload-button";

export const metadata: Metadata = { title: "无网络" };

/** Shown by the service worker for a page that needs the network while there is none. */
export default function OfflinePage() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col items-center justify-center px-6 text-center">
      {/* eslint-disable-next-line @next/next/no-img-element -- a static, precached icon */}
      <img src="/icons/icon-192.png" alt="" width={56} height={56} className="mb-4 rounded-2xl" />
      <h1 className="text-xl font-semibold text-slate-900">当前没有网络</h1>
      <p className="mt-2 text-sm leading-6 text-slate-500">
        这个页面需要网络。检查工作不受影响：我的学校、检查记录和正在进行的检查都可以离线使用，数据保存在本机，联网后自动同步。
      </p>
      <Link
        href="/inspect"
        className="bg-brand-700 mt-6 inline-flex h-11 w-full items-center justify-center rounded-lg text-base font-medium text-white"
      >
        打开我的学校
      </Link>
      <ReloadButton />
    </main>
  );
}
