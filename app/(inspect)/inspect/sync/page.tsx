import type { Metadata } from "next";

import { SyncScreen } from "@/components/inspect/sync-screen";

export const metadata: Metadata = { title: "同步与存储" };

export default function SyncPage() {
  return <SyncScreen />;
}
