import type { Metadata } from "next";

import { noticeListQuerySchema } from "@/lib/domain/rectification/notice.schema";
import { requirePageUser } from "@/lib/server/auth/session";
import { getReadDb } from "@/lib/server/db/client";
import { listNoticePage } from "@/lib/server/rectification/queries";
import { readPageQuery, type SearchParams } from "@/lib/utils/search-params";

import { NoticeList } from "@/components/rectification/notice-list";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { PagedList } from "@/components/ui/pager";

export const metadata: Metadata = { title: "整改通知书" };

export default async function OfficeNoticesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser(["office", "city", "admin"]);
  const { values, query, invalid } = await readPageQuery(searchParams, noticeListQuerySchema);
  const result = query ? await listNoticePage(getReadDb(), user, query) : { error: invalid };
  return (
    <>
      <PageHeader
        title="整改通知书"
        description={
          "error" in result
            ? undefined
            : `共 ${result.total} 份，${result.unread} 份学校未读，最新的在前`
        }
      />
      <PagedList
        path="/office/notices"
        values={values}
        result={result}
        isEmpty={(page) => page.notices.length === 0}
        empty={<EmptyState title="暂无整改通知书" />}
      >
        {(page) => <NoticeList notices={page.notices} hrefBase="/office/notices" showSchool />}
      </PagedList>
    </>
  );
}
