import type { Metadata } from "next";
import { Suspense } from "react";

import { StartVisitScreen } from "@/components/inspect/start-visit-screen";

export const metadata: Metadata = { title: "开始检查" };

/** One static shell for every school (?school=…), so the service worker serves it offline. */
export default function StartVisitPage() {
  return (
    <Suspense>
      <StartVisitScreen />
    </Suspense>
  );
}
