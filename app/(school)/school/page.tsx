import type { Metadata } from "next";

import { noticeListQuerySchema } from "@/lib/domain/rectification/notice.schema";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { listNoticePage } from "@/lib/server/rectification/queries";
import { schoolRepository } from "@/lib/server/repositories/org/school-repository";
import { readPageQuery, type SearchParams } from "@/lib/utils/search-params";

import { unreadFirst } from "@/components/rectification/format";
import { NoticeList } from "@/components/rectification/notice-list";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { PagedList } from "@/components/ui/pager";

export const metadata: Metadata = { title: "整改通知" };

export default async function SchoolHome({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser(["school"]);
  const db = getDb();
  const { values, query, invalid } = await readPageQuery(searchParams, noticeListQuerySchema);
  const [school, result] = await Promise.all([
    user.schoolId ? schoolRepository.findById(db, user.schoolId) : null,
    query ? listNoticePage(db, user, query) : { error: invalid },
  ]);
  const unread = "error" in result ? 0 : result.unread;
  return (
    <>
      <PageHeader
        title="整改通知"
        description={[school?.name, unread > 0 ? `${unread} 份未读` : null]
          .filter(Boolean)
          .join(" · ")}
      />
      <PagedList
        path="/school"
        values={values}
        result={result}
        isEmpty={(page) => page.notices.length === 0}
        empty={
          <EmptyState title="暂无整改通知书">
            督学检查发现问题后，整改通知书会出现在这里。请逐项整改并上传整改照片，提交督学复查。
          </EmptyState>
        }
      >
        {(page) => <NoticeList notices={unreadFirst(page.notices)} hrefBase="/school/notices" />}
      </PagedList>
    </>
  );
}
