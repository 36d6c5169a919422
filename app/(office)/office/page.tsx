import type { Metadata } from "next";

import { redirect } from "next/navigation";

import { setupSteps } from "@/lib/domain/org/setup";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { setupFactsOf } from "@/lib/server/org/setup";
import { getDashboard } from "@/lib/server/rectification/queries";
import { systemClock } from "@/lib/utils/clock";

import { Dashboard } from "@/components/rectification/dashboard";
import { SetupReminder } from "@/components/setup/setup-checklist";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "总览" };

export default async function OfficeHome() {
  const user = await requirePageUser(["office", "admin"]);
  const db = getDb();
  const facts = await setupFactsOf(db, user, undefined);
  // A real deployment's first sign-in: nothing exists yet, so the setup flow is the home page.
  if (!facts.district) redirect("/office/setup");
  const dashboard = await getDashboard(db, user, systemClock.now());
  return (
    <>
      <PageHeader title="总览" description={`整改进展，截至 ${dashboard.today}`} />
      <SetupReminder steps={setupSteps(facts)} />
      <Dashboard data={dashboard} />
    </>
  );
}
