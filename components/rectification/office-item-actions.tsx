"use client";

import { useRouter } from "next/navigation";

import type { RectificationActionType } from "@/lib/domain/rectification/rectification.schema";
import { actOnItem } from "@/lib/hooks/use-rectification";

import type { ScreenActionType } from "./action-model";
import { ActionPanel } from "./action-panel";

/**
 * A reviewer's buttons for one item. The office is online: the action goes straight to the server
 * with the version on screen, and a refusal (someone acted meanwhile, bad data) shows at once.
 */
export function OfficeItemActions({
  itemId,
  version,
  allowed,
  only,
}: {
  itemId: string;
  version: number;
  allowed: readonly RectificationActionType[];
  only?: readonly ScreenActionType[];
}) {
  const router = useRouter();
  return (
    <ActionPanel
      allowed={allowed}
      only={only}
      onAct={async (action) => {
        const result = await actOnItem(itemId, action, version);
        if (!result.ok) return result.message;
        router.refresh();
        return null;
      }}
    />
  );
}
