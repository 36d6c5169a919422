import type { Metadata } from "next";

import { getDb } from "@/lib/server/db/client";
import { requirePageUser } from "@/lib/server/auth/session";
import { schoolRepository } from "@/lib/server/repositories/school-repository";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "整改通知" };

export default async function SchoolHome() {
  const user = await requirePageUser(["school"]);
  const school = user.schoolId ? await schoolRepository.findById(getDb(), user.schoolId) : null;
  return (
    <>
      <PageHeader title="整改通知" description={school?.name} />
      <EmptyState title="暂无整改通知书">
        督学检查发现问题后，整改通知书会出现在这里。请逐项整改并上传整改照片，提交督学复查。
      </EmptyState>
    </>
  );
}
