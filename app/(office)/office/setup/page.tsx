import type { Metadata } from "next";

import { setupSteps } from "@/lib/domain/org/setup";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { setupFactsOf } from "@/lib/server/org/setup";

import { SetupChecklist } from "@/components/setup/setup-checklist";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "初始设置" };

export default async function SetupPage({
  searchParams,
}: {
  searchParams: Promise<{ district?: string }>;
}) {
  const user = await requirePageUser(["office", "admin"]);
  const steps = setupSteps(await setupFactsOf(getDb(), user, (await searchParams).district));
  const done = steps.filter((s) => s.isDone).length;
  return (
    <>
      <PageHeader
        title="初始设置"
        description={`按顺序完成以下 6 步，督导室就可以开始巡检。每一步都可以中途离开，回来时按已有数据接着做（已完成 ${done}/6）。`}
      />
      <SetupChecklist steps={steps} />
    </>
  );
}
