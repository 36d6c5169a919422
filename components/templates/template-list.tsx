import Link from "next/link";

import {
  DOMAIN_LABELS,
  TEMPLATE_STATUS_LABELS,
  type TemplateDomain,
  type TemplateStatus,
} from "@/lib/domain/template/template.schema";
import { cn } from "@/lib/utils/cn";

import { Card } from "@/components/ui/card";

/** One template in the office's list: its newest version (null when only a draft exists). */
export type TemplateListEntry = {
  code: string;
  title: string;
  domain: TemplateDomain;
  itemCount: number;
  latest: { version: number; status: TemplateStatus } | null;
  hasDraft: boolean;
};

const STATUS_STYLES: Record<TemplateStatus, string> = {
  published: "bg-green-50 text-green-700",
  retired: "bg-slate-100 text-slate-500",
  draft: "bg-amber-50 text-amber-700",
};

export function StatusBadge({ status }: { status: TemplateStatus }) {
  return (
    <span className={cn("rounded px-1.5 py-0.5 text-xs font-medium", STATUS_STYLES[status])}>
      {TEMPLATE_STATUS_LABELS[status]}
    </span>
  );
}

export function TemplateList({ templates }: { templates: TemplateListEntry[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {templates.map((t) => (
        <li key={t.code}>
          <Link
            href={`/office/templates/${t.code}`}
            className="focus-visible:outline-brand-600 block rounded-xl focus-visible:outline-2"
          >
            <Card className="hover:border-brand-600 h-full">
              <div className="flex items-start justify-between gap-2">
                <p className="font-medium text-slate-900">{t.title}</p>
                <div className="flex shrink-0 gap-1">
                  {t.latest ? <StatusBadge status={t.latest.status} /> : null}
                  {t.hasDraft ? <StatusBadge status="draft" /> : null}
                </div>
              </div>
              <p className="mt-1 text-sm text-slate-500">
                {DOMAIN_LABELS[t.domain]} · {t.latest ? `第 ${t.latest.version} 版` : "尚未发布"} ·{" "}
                {t.itemCount} 个检查项
              </p>
            </Card>
          </Link>
        </li>
      ))}
    </ul>
  );
}
