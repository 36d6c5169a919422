import type { ReactNode } from "react";

import { requirePageUser } from "@/lib/server/auth/session";

import { SchoolSyncBadge } from "@/components/rectification/school-item-actions";
import { AppShell } from "@/components/shell/app-shell";

export const dynamic = "force-dynamic";

const NAV = [
  { href: "/school", label: "整改通知" },
  { href: "/school/items", label: "整改事项" },
];

export default async function SchoolLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser(["school"]);
  return (
    <AppShell user={user} surface="学校" nav={NAV} headerExtra={<SchoolSyncBadge />}>
      {children}
    </AppShell>
  );
}
