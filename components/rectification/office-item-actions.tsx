"use client";

import { useRouter } from "next/navigation";

import type { DecisionProposals } from "@/lib/domain/rectification/decision";
import type {
  RectificationActionType,
  RectificationItem,
} from "@/lib/domain/rectification/rectification.schema";
import { actOnItem } from "@/lib/hooks/use-rectification";

import type { ScreenActionType } from "./action-model";
import { ActionPanel } from "./action-panel";

/**
 * A reviewer's buttons for one item. The office is online: the action goes straight to the server
 * with the version on screen, and a refusal (someone acted meanwhile, bad data) shows at once.
 * Each decision is confirmed with what it changes.
 */
export function OfficeItemActions({
  item,
  allowed,
  only,
  proposals,
}: {
  item: RectificationItem;
  allowed: readonly RectificationActionType[];
  only?: readonly ScreenActionType[];
  /** The policy's proposals (a return's new deadline …), from `decisionProposals`. */
  proposals: DecisionProposals;
}) {
  const router = useRouter();
  return (
    <ActionPanel
      allowed={allowed}
      only={only}
      item={item}
      proposed={proposals}
      onAct={async (action) => {
        const result = await actOnItem(item.id, action, item.version);
        if (!result.ok) return result.message;
        router.refresh();
        return null;
      }}
    />
  );
}
