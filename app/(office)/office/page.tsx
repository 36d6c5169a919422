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
  const user = await requirePageUser(["office", "city", "admin"]);
  const db = getDb();
  // A 市级督导室 reads; setting a district up is the office's and the admin's job.
  const facts = user.role === "city" ? null : await setupFactsOf(db, user, undefined);
  // A real deployment's first sign-in: nothing exists yet, so the setup flow is the home page.
  if (facts && !facts.district) redirect("/office/setup");
  const dashboard = await getDashboard(db, user, systemClock.now());
  return (
    <>
      <PageHeader title="总览" description={`整改进展，截至 ${dashboard.today}`} />
      {facts ? <SetupReminder steps={setupSteps(facts)} /> : null}
      <Dashboard data={dashboard} />
    </>
  );
}
