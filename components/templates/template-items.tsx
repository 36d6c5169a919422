import type { ReactNode } from "react";

import type { Applicability } from "@/lib/domain/template/applicability";
import { formatBasis } from "@/lib/domain/template/citation";
import { EVIDENCE_LABELS, SEVERITY_LABELS } from "@/lib/domain/template/template.labels";
import type { TemplateItem } from "@/lib/domain/template/template.schema";
import { cn } from "@/lib/utils/cn";

import { Card } from "@/components/ui/card";

import { describeAppliesTo, describeRectification, describeResponse } from "./describe";

/** Sections in the order their first item appears, each with its items in template order. */
function groupBySection(items: readonly TemplateItem[]): [string, TemplateItem[]][] {
  const groups = new Map<string, TemplateItem[]>();
  for (const item of items) groups.set(item.section, [...(groups.get(item.section) ?? []), item]);
  return [...groups];
}

/**
 * A version's items grouped by section, with everything an inspector will see. With `preview`, each
 * item also says whether it applies to the chosen school and why.
 */
export function TemplateItems({
  items,
  preview,
}: {
  items: readonly TemplateItem[];
  preview?: ReadonlyMap<string, Applicability>;
}) {
  return (
    <div className="space-y-6">
      {groupBySection(items).map(([section, sectionItems], index) => (
        <section key={section} aria-labelledby={`section-${index}`}>
          <h3 id={`section-${index}`} className="mb-2 text-sm font-semibold text-slate-700">
            {section}
            <span className="ml-2 font-normal text-slate-500">{sectionItems.length} 项</span>
          </h3>
          <ul className="space-y-2">
            {sectionItems.map((item) => (
              <li key={item.code}>
                <ItemCard item={item} applicability={preview?.get(item.code)} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function ItemCard({ item, applicability }: { item: TemplateItem; applicability?: Applicability }) {
  const muted = applicability && !applicability.applies;
  return (
    <Card className={cn("space-y-2", muted && "bg-slate-50")} data-testid={`item-${item.code}`}>
      <div className="flex items-start gap-2">
        <span className="shrink-0 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-600">
          {item.code}
        </span>
        <p className={cn("font-medium text-slate-900", muted && "text-slate-500")}>{item.prompt}</p>
      </div>
      {applicability ? (
        <p
          className={cn(
            "rounded-lg px-2 py-1 text-sm",
            applicability.applies ? "bg-green-50 text-green-800" : "bg-slate-100 text-slate-600",
          )}
        >
          <span className="font-medium">{applicability.applies ? "适用" : "不适用"}</span>：
          {applicability.reasons.join("；")}
        </p>
      ) : null}
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[6rem_1fr]">
        <Detail term="检查方法">{item.guidance}</Detail>
        <Detail term="问题表述">{item.finding}</Detail>
        <Detail term="整改要求">{item.requirement}</Detail>
        <Detail term="检查依据">{formatBasis(item.basis)}</Detail>
        {item.provenance ? <Detail term="来源说明">{item.provenance}</Detail> : null}
        {item.frameworks.length > 0 ? (
          <Detail term="检查框架">{item.frameworks.join("；")}</Detail>
        ) : null}
        <Detail term="作答方式">{describeResponse(item.response)}</Detail>
        <Detail term="适用范围">{describeAppliesTo(item.appliesTo).join("；")}</Detail>
        <Detail term="问题等级">{SEVERITY_LABELS[item.severity]}</Detail>
        <Detail term="整改方式">{describeRectification(item.rectification)}</Detail>
        <Detail term="取证要求">{EVIDENCE_LABELS[item.evidence]}</Detail>
        {item.weight !== undefined ? <Detail term="权重">{item.weight}</Detail> : null}
      </dl>
    </Card>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{term}</dt>
      <dd className="leading-6 text-slate-800">{children}</dd>
    </>
  );
}
