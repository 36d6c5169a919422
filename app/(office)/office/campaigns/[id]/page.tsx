import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { toChinaDate } from "@/lib/domain/dates";
import { orgScopeOf } from "@/lib/server/auth/scope";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { campaignDetail } from "@/lib/server/plans/campaigns";
import { systemClock } from "@/lib/utils/clock";

import { CampaignFigures, CampaignSchoolTable } from "@/components/plans/campaign-progress";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "专项督查进度" };

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(["office", "city", "admin"]);
  const { id } = await params;
  const db = getDb();
  const detail = await campaignDetail(
    db,
    await orgScopeOf(db, user),
    id,
    toChinaDate(systemClock.now()),
  );
  if (!detail) notFound();
  const { campaign } = detail.progress;
  return (
    <>
      <PageHeader
        title={campaign.name}
        description={`${campaign.startsOn} 至 ${campaign.endsOn} · 检查表：${campaign.templateCodes.join("、")}`}
      />
      <CampaignFigures progress={detail.progress} />
      <CampaignSchoolTable rows={detail.schools} />
    </>
  );
}
