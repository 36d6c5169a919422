import Link from "next/link";

import { toChinaDate } from "@/lib/domain/dates";
import type { Template } from "@/lib/domain/template/template.schema";
import { cn } from "@/lib/utils/cn";

import { StatusBadge } from "./template-list";

/** Published and retired versions, newest first; the one on screen is marked. */
export function VersionHistory({
  versions,
  shown,
}: {
  versions: readonly Template[];
  shown: number | null;
}) {
  return (
    <ol className="space-y-1">
      {versions.map((v) => (
        <li key={v.version}>
          <Link
            href={`/office/templates/${v.code}?version=${v.version}`}
            aria-current={v.version === shown ? "page" : undefined}
            className={cn(
              "flex flex-wrap items-center gap-2 rounded-lg px-3 py-2 text-sm hover:bg-slate-100",
              v.version === shown && "bg-brand-50",
            )}
          >
            <span className="font-medium text-slate-900">第 {v.version} 版</span>
            <StatusBadge status={v.status} />
            <span className="text-slate-500">
              {v.publishedAt === null ? "" : `${toChinaDate(v.publishedAt)} 发布 · `}
              {v.items.length} 项
            </span>
          </Link>
        </li>
      ))}
    </ol>
  );
}
