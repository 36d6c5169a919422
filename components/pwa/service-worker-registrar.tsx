"use client";

import { useServiceWorker } from "@/lib/hooks/use-service-worker";

import { Button } from "@/components/ui/button";

/**
 * Registers the service worker on every page and offers a waiting new version. The update is
 * applied only when the inspector taps it, after waiting edits are written, so no draft is lost.
 */
export function ServiceWorkerRegistrar() {
  const { isUpdateWaiting, isUpdating, applyUpdate } = useServiceWorker();
  if (!isUpdateWaiting) return null;
  return (
    <div
      role="status"
      className="fixed inset-x-3 bottom-[calc(4.5rem+env(safe-area-inset-bottom))] z-30 mx-auto flex max-w-md items-center gap-3 rounded-xl bg-slate-900 px-4 py-3 text-sm text-white shadow-lg md:bottom-6"
    >
      <p className="flex-1">有新版本可用。已填写的内容都已保存在本机。</p>
      <Button size="sm" disabled={isUpdating} onClick={applyUpdate}>
        {isUpdating ? "正在更新…" : "更新"}
      </Button>
    </div>
  );
}
