import Link from "next/link";
import type { ReactNode } from "react";

import type { TemplateOverview } from "@/lib/domain/template/library";
import {
  DOMAIN_LABELS,
  TEMPLATE_STATUS_LABELS,
  type TemplateStatus,
} from "@/lib/domain/template/template.schema";
import { cn } from "@/lib/utils/cn";

import { Card } from "@/components/ui/card";

import { AdoptionActions } from "./adoption-actions";

const STATUS_STYLES: Record<TemplateStatus, string> = {
  published: "bg-green-50 text-green-700",
  retired: "bg-slate-100 text-slate-600",
  draft: "bg-amber-50 text-amber-700",
};

export function StatusBadge({ status }: { status: TemplateStatus }) {
  return <Badge className={STATUS_STYLES[status]}>{TEMPLATE_STATUS_LABELS[status]}</Badge>;
}

export function Badge({ className, children }: { className: string; children: ReactNode }) {
  return (
    <span className={cn("rounded px-1.5 py-0.5 text-xs font-medium", className)}>{children}</span>
  );
}

/** Which version the card names: the adopted one for a national template the district uses. */
function versionLine(t: TemplateOverview): string {
  if (t.owner === null && t.adoptedVersion !== null) {
    return t.currentVersion !== null && t.currentVersion > t.adoptedVersion
      ? `采用第 ${t.adoptedVersion} 版（国家库已有第 ${t.currentVersion} 版）`
      : `采用第 ${t.adoptedVersion} 版`;
  }
  return t.latest ? `第 ${t.latest.version} 版` : "尚未发布";
}

/**
 * Template cards; with `adoptable`, national templates carry the office's actions (采用, 更新,
 * 复制为本区清单, 停用). The district's own templates are edited on their page.
 */
export function TemplateList({
  templates,
  adoptable,
}: {
  templates: TemplateOverview[];
  adoptable: boolean;
}) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {templates.map((t) => (
        <li key={t.code}>
          <Card className="flex h-full flex-col gap-2" data-testid={`template-${t.code}`}>
            <div className="flex items-start justify-between gap-2">
              <Link
                href={`/office/templates/${t.code}`}
                className="hover:text-brand-700 font-medium text-slate-900 underline-offset-4 hover:underline"
              >
                {t.title}
              </Link>
              <div className="flex shrink-0 gap-1">
                <Badge
                  className={
                    t.owner === null ? "bg-sky-50 text-sky-700" : "bg-brand-50 text-brand-700"
                  }
                >
                  {t.owner === null ? "国家库" : "本区"}
                </Badge>
                {t.latest && t.owner !== null ? <StatusBadge status={t.latest.status} /> : null}
                {t.hasDraft ? <StatusBadge status="draft" /> : null}
              </div>
            </div>
            <p className="text-sm text-slate-500">
              {DOMAIN_LABELS[t.domain]} · {versionLine(t)} · {t.itemCount} 个检查项
            </p>
            {adoptable && t.owner === null ? (
              <div className="mt-auto pt-1">
                <AdoptionActions
                  code={t.code}
                  adoptedVersion={t.adoptedVersion}
                  currentVersion={t.currentVersion}
                  forkFrom={t.adoptedVersion ?? t.currentVersion}
                />
              </div>
            ) : null}
          </Card>
        </li>
      ))}
    </ul>
  );
}
