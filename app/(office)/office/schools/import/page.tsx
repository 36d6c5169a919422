import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { pageDistrict } from "@/lib/server/org/schools";

import { SchoolImport } from "@/components/schools/school-import";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "批量导入学校" };

export default async function SchoolImportPage({
  searchParams,
}: {
  searchParams: Promise<{ district?: string }>;
}) {
  const user = await requirePageUser(["office", "admin"]);
  const { districtId, canWrite } = await pageDistrict(getDb(), user, (await searchParams).district);
  if (!districtId || !canWrite) notFound();
  return (
    <>
      <PageHeader
        title="批量导入学校"
        description="从 Excel 或 CSV 导入；文件全部正确后才会导入，按学校代码新增或更新。"
      />
      <SchoolImport districtId={user.role === "admin" ? districtId : null} />
    </>
  );
}
