import type { ReactNode } from "react";

import { requirePageUser } from "@/lib/server/auth/session";

import { AppShell } from "@/components/shell/app-shell";

export const dynamic = "force-dynamic";

const NAV = [
  { href: "/inspect", label: "我的学校" },
  { href: "/inspect/visits", label: "检查记录" },
  { href: "/inspect/sync", label: "同步与存储" },
];

export default async function InspectLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser(["inspector"]);
  return (
    <AppShell user={user} surface="督学" nav={NAV}>
      {children}
    </AppShell>
  );
}
