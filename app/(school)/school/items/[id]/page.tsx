import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { toChinaDate } from "@/lib/domain/dates";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { getItemPage } from "@/lib/server/rectification/queries";
import { systemClock } from "@/lib/utils/clock";

import { ItemView } from "@/components/rectification/item-view";
import { SchoolItemActions } from "@/components/rectification/school-item-actions";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "整改事项" };

export default async function SchoolItemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(["school"]);
  const { id } = await params;
  const db = getDb();
  const now = systemClock.now();
  const page = await getItemPage(db, user, id, now);
  if (!page) notFound();
  const { timeline, names } = page;
  const { item } = timeline;
  return (
    <>
      <PageHeader title="整改事项" />
      <ItemView
        data={timeline}
        names={names}
        noticeHref={item.noticeId ? `/school/notices/${item.noticeId}` : null}
        actions={
          <SchoolItemActions
            item={item}
            allowed={timeline.allowedActions}
            account={{
              userId: user.id,
              schoolId: item.schoolId,
              schoolName: timeline.schoolName,
              userName: user.name,
            }}
            today={toChinaDate(now)}
          />
        }
      />
    </>
  );
}
