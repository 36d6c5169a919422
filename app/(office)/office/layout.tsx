import type { ReactNode } from "react";

import { requirePageUser } from "@/lib/server/auth/session";

import { AppShell } from "@/components/shell/app-shell";

export const dynamic = "force-dynamic";

const NAV = [
  { href: "/office", label: "总览" },
  { href: "/office/review", label: "待复核" },
  { href: "/office/visits", label: "督导记录" },
  { href: "/office/coverage", label: "督导覆盖" },
  { href: "/office/campaigns", label: "专项督查" },
  { href: "/office/items", label: "整改台账" },
  { href: "/office/notices", label: "整改通知书" },
  { href: "/office/ranking", label: "月度排名" },
  { href: "/office/templates", label: "检查模板" },
  { href: "/office/schools", label: "学校" },
  { href: "/office/people", label: "人员" },
  { href: "/office/zones", label: "责任区" },
  { href: "/office/audit", label: "操作日志" },
  { href: "/office/settings", label: "设置" },
  { href: "/office/setup", label: "初始设置" },
];
/** The admin also manages cities and districts. */
const ADMIN_NAV = [...NAV, { href: "/office/districts", label: "区县" }];

export default async function OfficeLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser(["office", "city", "admin"]);
  return (
    <AppShell
      user={user}
      surface={user.role === "city" ? "市级督导室" : "督导室"}
      nav={user.role === "admin" ? ADMIN_NAV : NAV}
    >
      {children}
    </AppShell>
  );
}
