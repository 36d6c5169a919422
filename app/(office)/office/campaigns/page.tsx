import type { Metadata } from "next";
import Link from "next/link";

import { toChinaDate } from "@/lib/domain/dates";
import { orgScopeOf } from "@/lib/server/auth/scope";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { listCampaigns } from "@/lib/server/plans/campaigns";
import { systemClock } from "@/lib/utils/clock";

import { CampaignTable } from "@/components/plans/campaign-progress";
import { PageHeader } from "@/components/shell/page-header";
import { linkButtonClass } from "@/components/templates/link-button";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "专项督查" };

export default async function CampaignsPage() {
  const user = await requirePageUser(["office", "city", "admin"]);
  const db = getDb();
  const rows = await listCampaigns(db, await orgScopeOf(db, user), toChinaDate(systemClock.now()));
  return (
    <>
      <PageHeader
        title="专项督查"
        description="按专项统计目标学校的督查进度：已督查、待督查、已逾期和发现的问题。"
        actions={
          user.role === "office" ? (
            <Link href="/office/campaigns/new" className={linkButtonClass("primary")}>
              新建专项督查
            </Link>
          ) : null
        }
      />
      {rows.length === 0 ? <EmptyState title="还没有专项督查" /> : <CampaignTable rows={rows} />}
    </>
  );
}
