"use client";

import { useRouter } from "next/navigation";

import { useApiAction } from "@/lib/hooks/api-client";
import { templateApi } from "@/lib/hooks/use-templates";

import { Button } from "@/components/ui/button";

/** 停用: new visits stop getting this version; visits already pinned to it keep it. */
export function RetireButton({ code, version }: { code: string; version: number }) {
  const router = useRouter();
  const { run, pending, failure } = useApiAction();
  return (
    <div className="space-y-1">
      <Button
        variant="secondary"
        size="sm"
        disabled={pending}
        onClick={async () => {
          if (
            !window.confirm(
              `停用第 ${version} 版后，新的检查将不再使用它；已开始的检查不受影响。确定停用吗？`,
            )
          )
            return;
          if (await run(() => templateApi.retire(code, version))) router.refresh();
        }}
      >
        {pending ? "正在停用…" : `停用第 ${version} 版`}
      </Button>
      {failure ? (
        <p role="alert" className="text-sm text-red-600">
          {failure.message}
        </p>
      ) : null}
    </div>
  );
}
