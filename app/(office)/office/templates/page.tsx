import type { Metadata } from "next";
import Link from "next/link";

import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { templateRepository } from "@/lib/server/repositories/template-repository";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { ImportTemplateButton } from "@/components/templates/import-template-button";
import { TemplateList } from "@/components/templates/template-list";

export const metadata: Metadata = { title: "检查模板" };

export default async function TemplatesPage() {
  await requirePageUser(["office", "city", "admin"]);
  const templates = await templateRepository.listOverview(getDb());
  return (
    <>
      <PageHeader
        title="检查模板"
        description={
          <>
            督学检查时使用的检查表。发布新版本不影响已开始的检查。
            <Link
              href="/office/settings"
              className="text-brand-700 ml-1 underline underline-offset-4"
            >
              整改期限设置
            </Link>
          </>
        }
      />
      <div className="mb-4">
        <ImportTemplateButton />
      </div>
      {templates.length === 0 ? (
        <EmptyState title="还没有检查模板">
          导入模板文件后，模板会出现在这里；内置检查表库会在首次启动时自动发布。
        </EmptyState>
      ) : (
        <TemplateList templates={templates} />
      )}
    </>
  );
}
