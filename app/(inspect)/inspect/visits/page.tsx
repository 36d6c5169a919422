import type { Metadata } from "next";

import { VisitsScreen } from "@/components/inspect/visits-screen";

export const metadata: Metadata = { title: "检查记录" };

export default function VisitsPage() {
  return <VisitsScreen />;
}
