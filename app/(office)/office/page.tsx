import type { Metadata } from "next";

import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { getDashboard } from "@/lib/server/rectification/queries";
import { systemClock } from "@/lib/utils/clock";

import { Dashboard } from "@/components/rectification/dashboard";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "总览" };

export default async function OfficeHome() {
  const user = await requirePageUser(["office", "city", "admin"]);
  const dashboard = await getDashboard(getDb(), user, systemClock.now());
  return (
    <>
      <PageHeader title="总览" description={`整改进展，截至 ${dashboard.today}`} />
      <Dashboard data={dashboard} />
    </>
  );
}
