import type { Metadata } from "next";

import { noticeListQuerySchema } from "@/lib/domain/rectification/notice.schema";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { listNoticePage } from "@/lib/server/rectification/queries";
import { schoolRepository } from "@/lib/server/repositories/org/school-repository";
import { queryValues } from "@/lib/utils/search-params";

import { unreadFirst } from "@/components/rectification/format";
import { NoticeList } from "@/components/rectification/notice-list";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";

export const metadata: Metadata = { title: "整改通知" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SchoolHome({ searchParams }: Props) {
  const user = await requirePageUser(["school"]);
  const db = getDb();
  const query = queryValues(await searchParams);
  const parsed = noticeListQuerySchema.safeParse(query);
  const [school, result] = await Promise.all([
    user.schoolId ? schoolRepository.findById(db, user.schoolId) : null,
    listNoticePage(db, user, parsed.success ? parsed.data : {}),
  ]);
  const page = "error" in result ? null : result;
  const notices = page?.notices ?? [];
  const unread = page?.unread ?? 0;
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
        <>
          <NoticeList notices={unreadFirst(notices)} hrefBase="/school/notices" />
          <Pager
            path="/school"
            query={query}
            next={page?.page.next ?? null}
            prev={page?.page.prev ?? null}
          />
        </>
      )}
    </>
  );
}
