import type { ReactNode } from "react";

import { InspectorAccount, InspectorGate } from "@/components/inspect/inspector-gate";
import { SyncStatusBadge } from "@/components/inspect/sync-status-badge";
import { VisitSnapshot } from "@/components/inspect/visit-snapshot";
import { AppShell } from "@/components/shell/app-shell";

/*
 * Static on purpose (no session check, cookies or data here): the service worker precaches these
 * pages and serves them with no network, so no server check runs when they load. InspectorGate
 * checks the role in the browser (/api/me, or the inspector last confirmed on this device when
 * offline); the data comes from IndexedDB, and every API call checks the session on the server.
 * `serwist build` fails if a shell page stops being prerendered.
 */

const NAV = [
  { href: "/inspect", label: "我的学校" },
  { href: "/inspect/visits", label: "检查记录" },
  { href: "/inspect/sync", label: "同步与存储" },
];

export default function InspectLayout({ children }: { children: ReactNode }) {
  return (
    <AppShell
      surface="督学"
      nav={NAV}
      headerExtra={<SyncStatusBadge />}
      account={<InspectorAccount />}
    >
      <VisitSnapshot />
      <InspectorGate>{children}</InspectorGate>
    </AppShell>
  );
}
