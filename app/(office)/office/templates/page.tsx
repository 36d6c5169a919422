import type { Metadata } from "next";
import Link from "next/link";

import { libraryGroups } from "@/lib/domain/template/library";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { templateRepository } from "@/lib/server/repositories/template-repository";

import { PageHeader } from "@/components/shell/page-header";
import { ImportTemplateButton } from "@/components/templates/import-template-button";
import { TemplateList } from "@/components/templates/template-list";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "检查模板" };

export default async function TemplatesPage() {
  const user = await requirePageUser(["office", "city", "admin"]);
  const templates = await templateRepository.listOverview(getDb(), user.districtId);
  // Admin keeps the national library; an office works from its district's list.
  const groups =
    user.role === "office" && user.districtId !== null
      ? libraryGroups(templates, user.districtId)
      : null;
  return (
    <>
      <PageHeader
        title="检查模板"
        description={
          <>
            督学检查时使用的检查表。发布新版本、更新或停用都不影响已开始的检查。
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
      {groups ? (
        <>
          <section aria-labelledby="district-templates" className="mb-8">
            <h2 id="district-templates" className="mb-1 text-base font-semibold text-slate-900">
              本区清单
            </h2>
            <p className="mb-3 text-sm text-slate-500">
              本区督学开始新检查时可选的检查表：采用的国家库检查表和本区自己的检查表。
            </p>
            {groups.district.length === 0 ? (
              <EmptyState title="本区还没有检查表">
                从下方国家库采用检查表，或复制为本区清单后修改。
              </EmptyState>
            ) : (
              <TemplateList templates={groups.district} adoptable />
            )}
          </section>
          <section aria-labelledby="national-templates">
            <h2 id="national-templates" className="mb-1 text-base font-semibold text-slate-900">
              国家库
            </h2>
            <p className="mb-3 text-sm text-slate-500">
              系统内置的检查表，只读；采用后本区督学即可使用，也可以复制为本区清单再修改。
            </p>
            {groups.national.length === 0 ? (
              <EmptyState title="国家库的检查表都已采用" />
            ) : (
              <TemplateList templates={groups.national} adoptable />
            )}
          </section>
        </>
      ) : templates.length === 0 ? (
        <EmptyState title="还没有检查模板">
          导入模板文件后，模板会出现在这里；内置检查表库会在首次启动时自动发布。
        </EmptyState>
      ) : (
        <TemplateList templates={templates} adoptable={false} />
      )}
    </>
  );
}
