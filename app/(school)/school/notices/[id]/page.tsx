import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { toChinaDate } from "@/lib/domain/dates";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { noticeDocumentOf, qrDataUrl } from "@/lib/server/documents/documents";
import { getItemTimeline, getNotice, markNoticeRead } from "@/lib/server/rectification/queries";
import { systemClock } from "@/lib/utils/clock";

import { NoticeView } from "@/components/rectification/notice-view";
import { SchoolItemActions } from "@/components/rectification/school-item-actions";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "整改通知书" };

export default async function SchoolNoticePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(["school"]);
  const { id } = await params;
  const db = getDb();
  const now = systemClock.now();
  // Opening the notice is the read receipt (recorded once, the first time).
  const receipt = await markNoticeRead(db, user, id, now);
  const notice = receipt.ok ? await getNotice(db, user, id) : null;
  const printed = notice ? await noticeDocumentOf(db, notice) : null;
  if (!notice || !printed) notFound();
  const timelines = await Promise.all(
    notice.items.map((item) => getItemTimeline(db, user, item.id, now)),
  );
  const rows = timelines.flatMap((t) => (t ? [t] : []));
  const account = {
    userId: user.id,
    schoolId: notice.schoolId,
    schoolName: notice.schoolName,
    userName: user.name,
  };
  return (
    <>
      <div className="print:hidden">
        <PageHeader title="整改通知书" description={notice.number} />
      </div>
      <NoticeView
        notice={notice}
        document={printed.document}
        qrSrc={await qrDataUrl(printed.document)}
        recordHref={`/school/visits/${notice.visitId}`}
        items={rows}
        itemHref={(itemId) => `/school/items/${itemId}`}
        actions={(item) => {
          const row = rows.find((r) => r.item.id === item.id);
          return row ? (
            <SchoolItemActions
              item={row.item}
              allowed={row.allowedActions}
              account={account}
              today={toChinaDate(now)}
            />
          ) : null;
        }}
      />
    </>
  );
}
