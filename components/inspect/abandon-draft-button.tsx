"use client";

import { useState } from "react";

import type { Id } from "@/lib/domain/ids";
import { abandonDraftVisit } from "@/lib/hooks/use-visits";

import { Button } from "@/components/ui/button";

/**
 * 放弃草稿, after a confirmation saying what goes: the draft's answers and photos on this phone
 * and its changes not yet sent. What already reached the server stays there.
 */
export function AbandonDraftButton({
  visitId,
  pendingCount,
}: {
  visitId: Id;
  /** This draft's changes not yet sent. */
  pendingCount: number;
}) {
  const [isConfirming, setIsConfirming] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function abandon() {
    setIsBusy(true);
    setError(null);
    const result = await abandonDraftVisit(visitId);
    setIsBusy(false);
    if (!result.ok) setError(result.reason);
  }

  if (!isConfirming) {
    return (
      <Button size="sm" variant="ghost" onClick={() => setIsConfirming(true)}>
        放弃草稿
      </Button>
    );
  }
  return (
    <div role="group" aria-label="确认放弃草稿" className="space-y-2 text-sm">
      <p className="text-slate-800">
        放弃后，本机上这次检查的作答、照片
        {pendingCount > 0 ? `和尚未上传的 ${pendingCount} 条更改` : ""}
        将被删除，不再上传；已同步到服务器的内容保留。
      </p>
      <div className="flex gap-2">
        <Button size="sm" variant="danger" disabled={isBusy} onClick={abandon}>
          {isBusy ? "正在放弃…" : "确认放弃"}
        </Button>
        <Button size="sm" variant="secondary" onClick={() => setIsConfirming(false)}>
          取消
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
