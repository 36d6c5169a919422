"use client";

import { useRouter } from "next/navigation";

import { useApiAction } from "@/lib/hooks/api-client";
import { templateApi } from "@/lib/hooks/use-templates";

import { Button } from "@/components/ui/button";

/**
 * What an office does with a national template: 采用 it, 更新到新版本, 复制为本区清单 (a draft of
 * its own, opened in the editor) or 停用 it for the district. Visits already pinned keep their version.
 */
export function AdoptionActions({
  code,
  adoptedVersion,
  currentVersion,
  forkFrom,
}: {
  code: string;
  /** The version the district adopted; null = not adopted. */
  adoptedVersion: number | null;
  /** The national library's current version; null when none is published. */
  currentVersion: number | null;
  /** The version a copy starts from. */
  forkFrom: number | null;
}) {
  const router = useRouter();
  const { run, pending, failure } = useApiAction();
  const canMove =
    currentVersion !== null && (adoptedVersion === null || currentVersion > adoptedVersion);

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        {canMove ? (
          <Button
            size="sm"
            disabled={pending}
            onClick={async () => {
              if (
                adoptedVersion !== null &&
                !window.confirm(
                  `更新后，新的检查将使用第 ${currentVersion} 版；已开始的检查仍用第 ${adoptedVersion} 版。确定更新吗？`,
                )
              )
                return;
              if (await run(() => templateApi.adopt(code, { version: currentVersion })))
                router.refresh();
            }}
          >
            {adoptedVersion === null
              ? `采用第 ${currentVersion} 版`
              : `更新到第 ${currentVersion} 版`}
          </Button>
        ) : null}
        {forkFrom !== null ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={async () => {
              const draft = await run(() => templateApi.fork(code, { version: forkFrom }));
              if (draft) router.push(`/office/templates/${draft.code}/edit`);
            }}
          >
            复制为本区清单
          </Button>
        ) : null}
        {adoptedVersion !== null ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={async () => {
              if (
                !window.confirm(
                  "停用后，本区新的检查将不再使用这份检查表；已开始的检查不受影响。确定停用吗？",
                )
              )
                return;
              if (await run(() => templateApi.withdraw(code))) router.refresh();
            }}
          >
            停用
          </Button>
        ) : null}
      </div>
      {failure ? (
        <p role="alert" className="text-sm text-red-600">
          {failure.message}
        </p>
      ) : null}
    </div>
  );
}
