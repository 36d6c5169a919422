import Link from "next/link";

import { toChinaDate } from "@/lib/domain/dates";
import {
  VERSION_STANDING_LABELS,
  type VersionStanding,
  versionStanding,
} from "@/lib/domain/template/library";
import type { Template } from "@/lib/domain/template/template.schema";
import { cn } from "@/lib/utils/cn";

import { Badge } from "./template-list";

const STANDING_STYLES: Record<VersionStanding, string> = {
  current: "bg-green-50 text-green-700",
  superseded: "bg-amber-50 text-amber-700",
  retired: "bg-slate-100 text-slate-600",
};

export function StandingBadge({ standing }: { standing: VersionStanding }) {
  return <Badge className={STANDING_STYLES[standing]}>{VERSION_STANDING_LABELS[standing]}</Badge>;
}

/**
 * Published and retired versions, newest first, each saying where it stands (当前版本, 已被新版本取代,
 * 已停用); the one on screen is marked, and the one the district adopted says so.
 */
export function VersionHistory({
  versions,
  shown,
  adopted,
}: {
  versions: readonly Template[];
  shown: number | null;
  adopted: number | null;
}) {
  return (
    <ol className="space-y-1">
      {versions.map((v) => (
        <li key={v.version}>
          <Link
            href={`/office/templates/${v.code}?version=${v.version}`}
            aria-current={v.version === shown ? "page" : undefined}
            data-testid={`version-${v.version}`}
            className={cn(
              "flex flex-wrap items-center gap-2 rounded-lg px-3 py-2 text-sm hover:bg-slate-100",
              v.version === shown && "bg-brand-50",
            )}
          >
            <span className="font-medium text-slate-900">第 {v.version} 版</span>
            <StandingBadge standing={versionStanding(v, versions)} />
            {v.version === adopted ? (
              <Badge className="bg-sky-50 text-sky-700">本区采用</Badge>
            ) : null}
            <span className="text-slate-600">
              {v.publishedAt === null ? "" : `${toChinaDate(v.publishedAt)} 发布 · `}
              {v.items.length} 项
            </span>
          </Link>
        </li>
      ))}
    </ol>
  );
}
