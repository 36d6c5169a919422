import type { Metadata } from "next";

import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { listNotices } from "@/lib/server/rectification/queries";
import { schoolRepository } from "@/lib/server/repositories/school-repository";

import { unreadFirst } from "@/components/rectification/format";
import { NoticeList } from "@/components/rectification/notice-list";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "整改通知" };

export default async function SchoolHome() {
  const user = await requirePageUser(["school"]);
  const db = getDb();
  const [school, notices] = await Promise.all([
    user.schoolId ? schoolRepository.findById(db, user.schoolId) : null,
    listNotices(db, user),
  ]);
  const unread = notices.filter((n) => n.readAt === null).length;
  return (
    <>
      <PageHeader
        title="整改通知"
        description={[school?.name, unread > 0 ? `${unread} 份未读` : null]
          .filter(Boolean)
          .join(" · ")}
      />
      {notices.length === 0 ? (
        <EmptyState title="暂无整改通知书">
          督学检查发现问题后，整改通知书会出现在这里。请逐项整改并上传整改照片，提交督学复查。
        </EmptyState>
      ) : (
        <NoticeList notices={unreadFirst(notices)} hrefBase="/school/notices" />
      )}
    </>
  );
}
