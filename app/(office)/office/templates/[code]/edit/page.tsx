import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";

import { latestPublished } from "@/lib/domain/template/versioning";
import { templateAccess } from "@/lib/server/auth/scope";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { templateRepository } from "@/lib/server/repositories/template-repository";

import { PageHeader } from "@/components/shell/page-header";
import { LinkButton } from "@/components/templates/link-button";
import { TemplateEditor } from "@/components/templates/template-editor";

export const metadata: Metadata = { title: "编辑检查模板" };

export default async function EditTemplatePage({ params }: { params: Promise<{ code: string }> }) {
  const user = await requirePageUser(["office", "admin"]);
  const { code } = await params;
  const db = getDb();
  // Only the owner's office edits (admin the national library); others read it on its page.
  const access = await templateAccess(db, user, code);
  if (access === null || access.right === "none") notFound();
  if (access.right === "read") redirect(`/office/templates/${code}`);
  const [versions, draft] = await Promise.all([
    templateRepository.listVersions(db, code),
    templateRepository.getDraft(db, code),
  ]);
  const [newest] = versions;
  // No draft yet: the editor starts from the newest version, and the first save opens the draft.
  const initial = draft ?? newest;
  if (!initial) notFound();
  const nextVersion = (newest?.version ?? 0) + 1;

  return (
    <>
      <PageHeader
        title={`编辑：${initial.title}`}
        description={
          draft
            ? `未发布的草稿，发布后成为第 ${nextVersion} 版`
            : `基于第 ${newest?.version} 版修改，保存后成为草稿`
        }
        actions={<LinkButton href={`/office/templates/${code}`}>返回模板</LinkButton>}
      />
      <TemplateEditor
        initial={initial}
        published={latestPublished(versions) ?? null}
        nextVersion={nextVersion}
      />
    </>
  );
}
