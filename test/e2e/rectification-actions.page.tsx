/**
 * Browser side of rectification-actions.spec.ts: mounts the action panel and the item history
 * with given props into a blank page, and records what the panel would send. The spec bundles this
 * file with esbuild; no app server is involved.
 */
import { createRoot, type Root } from "react-dom/client";

import type { ChainVerification, RectificationEvent } from "@/lib/domain/rectification/events";
import type {
  RectificationAction,
  RectificationActionType,
} from "@/lib/domain/rectification/rectification.schema";

import type { ScreenActionType } from "@/components/rectification/action-model";
import { ActionPanel, type EvidencePhotos } from "@/components/rectification/action-panel";
import { ItemTimeline } from "@/components/rectification/item-timeline";

declare global {
  interface Window {
    rectificationTest: {
      mountPanel: typeof mountPanel;
      mountTimeline: typeof mountTimeline;
      /** Every action the panel sent, in order. */
      sent: RectificationAction[];
    };
  }
}

let root: Root | null = null;

function render(node: React.ReactNode): void {
  root?.unmount();
  const host = document.getElementById("root")!;
  root = createRoot(host);
  root.render(node);
}

/** Stands in for the photo pipeline: a file becomes an evidence photo whose id is the hex digits of its name, padded to 64. */
const fakePhotos: EvidencePhotos = {
  prepare: (file) =>
    Promise.resolve({
      id: file.name.replace(/[^0-9a-f]/g, "").padStart(64, "0"),
      blob: file,
      thumbnail: file,
      mime: "image/jpeg",
      width: 1600,
      height: 1200,
      bytes: file.size,
      previewUrl: URL.createObjectURL(file),
    }),
  release: (photo) => URL.revokeObjectURL(photo.previewUrl),
};

/** `refusal`: what the server answers to every action (null = accepted). */
function mountPanel(props: {
  allowed: RectificationActionType[];
  only?: ScreenActionType[];
  refusal?: string | null;
}): void {
  window.rectificationTest.sent = [];
  render(
    <ActionPanel
      allowed={props.allowed}
      only={props.only}
      photos={fakePhotos}
      onAct={(action) => {
        window.rectificationTest.sent.push(action);
        return Promise.resolve(props.refusal ?? null);
      }}
    />,
  );
}

function mountTimeline(props: {
  events: RectificationEvent[];
  verification: ChainVerification;
  names: [string, string][];
}): void {
  render(
    <ItemTimeline
      events={props.events}
      verification={props.verification}
      names={new Map(props.names)}
    />,
  );
}

window.rectificationTest = { mountPanel, mountTimeline, sent: [] };
