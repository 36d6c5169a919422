import {
  ITEM_FIELD_LABELS,
  type TemplateInput,
  TEMPLATE_FIELD_LABELS,
} from "@/lib/domain/template/template.schema";
import { templateDiff } from "@/lib/domain/template/versioning";

/** Template-level fields a new version may change besides its items. */
const HEADER_FIELDS = ["title", "domain", "description"] as const;

/** Whether the items both versions share come in another order (templateDiff matches by code only). */
function isReordered(before: TemplateInput, after: TemplateInput): boolean {
  const shared = (from: TemplateInput, other: TemplateInput) => {
    const codes = new Set(other.items.map((item) => item.code));
    return from.items.map((item) => item.code).filter((code) => codes.has(code));
  };
  const inAfterOrder = shared(after, before);
  return shared(before, after).some((code, index) => code !== inAfterOrder[index]);
}

/** What publishing would change, item by item, against the version new visits get today. */
export function DiffSummary({ before, after }: { before: TemplateInput; after: TemplateInput }) {
  const diff = templateDiff(before, after);
  const headerChanges = HEADER_FIELDS.filter((field) => before[field] !== after[field]);
  const reordered = isReordered(before, after);
  const isEmpty =
    !reordered &&
    headerChanges.length + diff.added.length + diff.removed.length + diff.changed.length === 0;
  if (isEmpty) return <p className="text-sm text-slate-600">与已发布版本相比没有改动。</p>;
  return (
    <ul className="space-y-1 text-sm text-slate-700">
      {headerChanges.length > 0 ? (
        <li>
          修改了{headerChanges.map((field) => `「${TEMPLATE_FIELD_LABELS[field]}」`).join("")}
        </li>
      ) : null}
      {reordered ? <li>调整了检查项的顺序</li> : null}
      {diff.added.map((item) => (
        <li key={`added-${item.code}`}>
          <span className="font-medium text-green-700">新增</span> {item.code} {item.prompt}
        </li>
      ))}
      {diff.removed.map((item) => (
        <li key={`removed-${item.code}`}>
          <span className="font-medium text-red-700">删除</span> {item.code} {item.prompt}
        </li>
      ))}
      {diff.changed.map((change) => (
        <li key={`changed-${change.code}`}>
          <span className="font-medium text-amber-700">修改</span> {change.code}：
          {change.fields.map((field) => `「${ITEM_FIELD_LABELS[field]}」`).join("")}
        </li>
      ))}
    </ul>
  );
}
