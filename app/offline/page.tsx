import type { Metadata } from "next";

import { OfflineMessage } from "@/components/pwa/offline-message";

export const metadata: Metadata = { title: "无网络" };

/** Shown by the service worker for a page that needs the network while there is none. */
export default function OfflinePage() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col items-center justify-center px-6 text-center">
      {/* eslint-disable-next-line @next/next/no-img-element -- a static, precached icon */}
      <img src="/icons/icon-192.png" alt="" width={56} height={56} className="mb-4 rounded-2xl" />
      <h1 className="text-xl font-semibold text-slate-900">当前没有网络</h1>
      <OfflineMessage />
    </main>
  );
}
