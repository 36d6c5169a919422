import type { ReactNode } from "react";

import { requirePageUser } from "@/lib/server/auth/session";

import { AppShell } from "@/components/shell/app-shell";

export const dynamic = "force-dynamic";

const NAV = [
  { href: "/office", label: "总览" },
  { href: "/office/review", label: "待复核" },
  { href: "/office/items", label: "整改台账" },
  { href: "/office/templates", label: "检查模板" },
  { href: "/office/schools", label: "学校" },
  { href: "/office/settings", label: "设置" },
  { href: "/office/setup", label: "初始设置" },
];

export default async function OfficeLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser(["office", "city", "admin"]);
  return (
    <AppShell user={user} surface="督导室" nav={NAV}>
      {children}
    </AppShell>
  );
}
