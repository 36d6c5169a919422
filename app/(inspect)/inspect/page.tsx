import type { Metadata } from "next";

import { SchoolsScreen } from "@/components/inspect/schools-screen";

export const metadata: Metadata = { title: "我的学校" };

export default function InspectHome() {
  return <SchoolsScreen />;
}
