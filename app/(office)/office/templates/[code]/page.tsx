import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { pathOf } from "@/lib/contracts/contract";
import { templateContracts } from "@/lib/contracts/templates";
import { explainApplicability } from "@/lib/domain/template/applicability";
import { VERSION_STANDING_LABELS, versionStanding } from "@/lib/domain/template/library";
import { DOMAIN_LABELS } from "@/lib/domain/template/template.schema";
import { latestPublished } from "@/lib/domain/template/versioning";
import { scopedSchoolIds, templateAccess } from "@/lib/server/auth/scope";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { schoolRepository } from "@/lib/server/repositories/org/school-repository";
import { templateRepository } from "@/lib/server/repositories/template-repository";

import { PageHeader } from "@/components/shell/page-header";
import { AdoptionActions } from "@/components/templates/adoption-actions";
import { LinkButton, linkButtonClass } from "@/components/templates/link-button";
import { RetireButton } from "@/components/templates/retire-button";
import { SchoolPreviewPicker } from "@/components/templates/school-preview-picker";
import { TemplateItems } from "@/components/templates/template-items";
import { VersionHistory } from "@/components/templates/version-history";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "检查模板" };

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function TemplatePage({ params, searchParams }: Props) {
  const user = await requirePageUser(["office", "city", "admin"]);
  const [{ code }, query] = await Promise.all([params, searchParams]);
  const db = getDb();
  const access = await templateAccess(db, user, code);
  if (access === null || access.right === "none") notFound();
  const manages = access.right === "manage";
  // An office reads a national template to adopt or copy it: the version its district adopted counts.
  const adoptsFrom = access.owner === null && user.role === "office" ? user.districtId : null;
  const [versions, draft, schools, adopted, origin] = await Promise.all([
    templateRepository.listVersions(db, code),
    // Only who may edit sees the draft: a national draft is admin's work in progress.
    manages ? templateRepository.getDraft(db, code) : null,
    scopedSchoolIds(db, user).then((ids) => schoolRepository.listByIds(db, ids)),
    adoptsFrom === null ? null : templateRepository.adoptedVersion(db, adoptsFrom, code),
    templateRepository.ownerOf(db, code),
  ]);
  // The version asked for, else the district's adopted one, else the one new visits get, else the
  // newest; a never-published template shows its draft.
  const shown =
    versions.find((v) => String(v.version) === query.version) ??
    versions.find((v) => v.version === adopted) ??
    latestPublished(versions) ??
    versions[0] ??
    null;
  const content = shown ?? draft;
  if (!content) notFound();
  const forkedFrom = origin?.forkedFrom ?? null;
  const school = schools.find((s) => s.id === query.school) ?? null;
  const preview = school
    ? new Map(content.items.map((item) => [item.code, explainApplicability(item, school)]))
    : undefined;
  const applying = preview ? [...preview.values()].filter((a) => a.applies).length : 0;

  return (
    <>
      <PageHeader
        title={content.title}
        description={`${access.owner === null ? "国家库" : "本区清单"} · ${DOMAIN_LABELS[content.domain]} · ${
          shown
            ? `第 ${shown.version} 版（${VERSION_STANDING_LABELS[versionStanding(shown, versions)]}）`
            : "草稿，尚未发布"
        } · ${content.items.length} 个检查项`}
        actions={
          <>
            {manages ? (
              <LinkButton href={`/office/templates/${code}/edit`} variant="primary">
                {draft ? "继续编辑草稿" : "编辑新版本"}
              </LinkButton>
            ) : null}
            {shown ? (
              <a
                href={pathOf(templateContracts.exportVersion, {
                  params: { code, version: shown.version },
                })}
                download
                className={linkButtonClass()}
              >
                导出 JSON
              </a>
            ) : null}
          </>
        }
      />
      {adoptsFrom !== null ? (
        <div className="mb-4">
          <AdoptionActions
            code={code}
            adoptedVersion={adopted}
            currentVersion={latestPublished(versions)?.version ?? null}
            forkFrom={shown?.version ?? null}
          />
        </div>
      ) : null}
      {forkedFrom ? (
        <p className="mb-2 text-sm text-slate-500">
          复制自国家库检查表 {forkedFrom.code} 第 {forkedFrom.version} 版
        </p>
      ) : null}
      {content.description ? (
        <p className="mb-4 text-sm leading-6 text-slate-600">{content.description}</p>
      ) : null}
      <div className="flex flex-col gap-4 lg:flex-row-reverse lg:items-start">
        <aside className="space-y-4 lg:sticky lg:top-20 lg:w-72 lg:shrink-0">
          <Card className="space-y-2">
            <SchoolPreviewPicker
              schools={schools.map((s) => ({ id: s.id, name: s.name }))}
              selected={school?.id ?? null}
              version={shown?.version ?? null}
            />
            {preview ? (
              <p className="text-sm text-slate-600" role="status">
                适用 {applying} 项，不适用 {preview.size - applying} 项
              </p>
            ) : null}
          </Card>
          <Card>
            <h2 className="mb-2 text-sm font-semibold text-slate-700">版本记录</h2>
            {versions.length > 0 ? (
              <VersionHistory
                versions={versions}
                shown={shown?.version ?? null}
                adopted={adopted}
              />
            ) : (
              <p className="text-sm text-slate-500">尚未发布任何版本。</p>
            )}
            {draft ? (
              <p className="mt-2 px-3 text-sm text-amber-700">有一份未发布的草稿。</p>
            ) : null}
            {manages && shown?.status === "published" ? (
              <div className="mt-3 border-t border-slate-100 pt-3">
                <RetireButton code={code} version={shown.version} />
              </div>
            ) : null}
          </Card>
        </aside>
        <div className="min-w-0 flex-1">
          <TemplateItems items={content.items} preview={preview} />
        </div>
      </div>
    </>
  );
}
