import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { toChinaDate } from "@/lib/domain/dates";
import { decisionProposals } from "@/lib/domain/rectification/decision";
import { reviewOverdueDays } from "@/lib/domain/rectification/transition";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { getItemPage } from "@/lib/server/rectification/queries";
import { districtRepository } from "@/lib/server/repositories/org/district-repository";
import { systemClock } from "@/lib/utils/clock";

import { ItemView } from "@/components/rectification/item-view";
import { OfficeItemActions } from "@/components/rectification/office-item-actions";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "整改事项" };

export default async function OfficeItemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(["office", "city", "admin"]);
  const { id } = await params;
  const db = getDb();
  const page = await getItemPage(db, user, id, systemClock.now());
  if (!page) notFound();
  const { timeline, names } = page;
  const { item } = timeline;
  const policy = await districtRepository.getDeadlinePolicy(db, item.districtId);
  const today = toChinaDate(systemClock.now());
  return (
    <>
      <PageHeader title="整改事项" />
      <ItemView
        data={{ ...timeline, reviewOverdueDays: reviewOverdueDays(item, policy, today) }}
        names={names}
        noticeHref={item.noticeId ? `/office/notices/${item.noticeId}` : null}
        actions={
          <OfficeItemActions
            item={item}
            allowed={timeline.allowedActions}
            proposals={decisionProposals(item, policy, today)}
          />
        }
      />
    </>
  );
}
