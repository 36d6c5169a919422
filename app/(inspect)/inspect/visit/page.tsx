import type { Metadata } from "next";
import { Suspense } from "react";

import { VisitScreen } from "@/components/inspect/visit-screen";

export const metadata: Metadata = { title: "检查" };

/** One static shell for every visit (?id=…), so the service worker serves it offline. */
export default function VisitPage() {
  return (
    <Suspense>
      <VisitScreen />
    </Suspense>
  );
}
