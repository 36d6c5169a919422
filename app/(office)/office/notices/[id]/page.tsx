import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { toChinaDate } from "@/lib/domain/dates";
import { daysOverdue } from "@/lib/domain/rectification/transition";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { getNotice } from "@/lib/server/rectification/queries";
import { systemClock } from "@/lib/utils/clock";

import { NoticeView } from "@/components/rectification/notice-view";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "整改通知书" };

export default async function OfficeNoticePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(["office", "city", "admin"]);
  const { id } = await params;
  const notice = await getNotice(getDb(), user, id);
  if (!notice) notFound();
  const today = toChinaDate(systemClock.now());
  return (
    <>
      <div className="print:hidden">
        <PageHeader title="整改通知书" description={`${notice.schoolName} · ${notice.number}`} />
      </div>
      <NoticeView
        notice={notice}
        items={notice.items.map((item) => ({ item, daysOverdue: daysOverdue(item, today) }))}
        itemHref={(itemId) => `/office/items/${itemId}`}
      />
    </>
  );
}
