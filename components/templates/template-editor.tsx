"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  type FieldErrors,
  FormProvider,
  useFieldArray,
  useForm,
  useFormContext,
  useFormState,
  useWatch,
} from "react-hook-form";

import {
  DOMAIN_LABELS,
  type Template,
  type TemplateInput,
  templateInputSchema,
} from "@/lib/domain/template/template.schema";
import { useApiAction } from "@/lib/hooks/api-client";
import { templateApi } from "@/lib/hooks/use-templates";
import { cn } from "@/lib/utils/cn";

import { FormField, useFieldError } from "@/components/forms/form-field";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

import { DiffSummary } from "./diff-summary";
import { blankItem, nextItemCode } from "./item-defaults";
import { ItemEditor } from "./item-editor";
import { RetireButton } from "./retire-button";

/**
 * The office's editor for a template's draft: fields and items (add, edit, remove, reorder), saved as
 * the draft; publishing shows what changes against the published version first.
 */
export function TemplateEditor({
  initial,
  published,
  nextVersion,
}: {
  /** The draft, or the newest version to start one from. */
  initial: TemplateInput;
  /** The version new visits get today: what the diff compares against and what 停用 retires. */
  published: Template | null;
  nextVersion: number;
}) {
  const router = useRouter();
  const form = useForm<TemplateInput>({
    resolver: zodResolver(templateInputSchema),
    defaultValues: initial,
  });
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "items" });
  const { run, pending, failure } = useApiAction();
  /** The index of the one item open for editing; kept on the same item when items move. */
  const [expanded, setExpanded] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The saved draft awaiting "确认发布"; the form is locked meanwhile so what is shown is what publishes. */
  const [reviewing, setReviewing] = useState<TemplateInput | null>(null);
  const code = initial.code;

  function onInvalid(errors: FieldErrors<TemplateInput>) {
    setNotice("有内容需要修改，请查看标红的提示");
    const firstBadItem = fields.findIndex((_, index) => errors.items?.[index] !== undefined);
    if (firstBadItem >= 0) setExpanded(firstBadItem);
  }

  async function save(values: TemplateInput): Promise<TemplateInput | null> {
    setNotice(null);
    const saved = await run(() => templateApi.saveDraft(values));
    if (saved) form.reset(saved);
    return saved;
  }

  const onSave = form.handleSubmit(async (values) => {
    if (await save(values)) {
      setNotice("草稿已保存");
      router.refresh();
    }
  }, onInvalid);

  const onReview = form.handleSubmit(async (values) => setReviewing(await save(values)), onInvalid);

  async function onPublish() {
    const template = await run(() => templateApi.publish(code));
    if (!template) return;
    router.push(`/office/templates/${code}?version=${template.version}`);
    router.refresh();
  }

  function addItem() {
    const items = form.getValues("items");
    const item = blankItem(nextItemCode(items), items.at(-1)?.section ?? "");
    append(item);
    setExpanded(items.length);
  }

  function moveItem(from: number, to: number) {
    move(from, to);
    if (expanded === from) setExpanded(to);
    else if (expanded === to) setExpanded(from);
  }

  function removeItem(index: number) {
    remove(index);
    if (expanded === index) setExpanded(null);
    else if (expanded !== null && expanded > index) setExpanded(expanded - 1);
  }

  return (
    <FormProvider {...form}>
      <form onSubmit={onSave} noValidate className="space-y-4 pb-4">
        <fieldset disabled={reviewing !== null} className="space-y-4">
          <Card className="space-y-4">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="text-sm text-slate-500">
                模板编号 <span className="font-mono text-slate-800">{code}</span>
              </p>
              {published ? <RetireButton code={code} version={published.version} /> : null}
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField name="title" label="模板名称">
                {(aria) => <Input {...aria} {...form.register("title")} />}
              </FormField>
              <FormField name="domain" label="检查领域">
                {(aria) => (
                  <Select {...aria} {...form.register("domain")}>
                    {Object.entries(DOMAIN_LABELS).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </Select>
                )}
              </FormField>
            </div>
            <FormField name="description" label="说明">
              {(aria) => <Textarea {...aria} {...form.register("description")} />}
            </FormField>
          </Card>

          <section aria-labelledby="items-heading" className="space-y-2">
            <h2 id="items-heading" className="text-base font-semibold text-slate-900">
              检查项（{fields.length}）
            </h2>
            <ItemsError />
            <ol className="space-y-2">
              {fields.map((field, index) => (
                <li key={field.id}>
                  <ItemRow
                    index={index}
                    isExpanded={expanded === index}
                    isFirst={index === 0}
                    isLast={index === fields.length - 1}
                    onToggle={() => setExpanded(expanded === index ? null : index)}
                    onMove={(to) => moveItem(index, to)}
                    onRemove={() => removeItem(index)}
                  />
                </li>
              ))}
            </ol>
            <Button variant="secondary" onClick={addItem}>
              添加检查项
            </Button>
          </section>
        </fieldset>

        {reviewing ? (
          <Card
            className="border-brand-600 space-y-3"
            role="region"
            aria-labelledby="review-heading"
          >
            <h2 id="review-heading" className="text-base font-semibold text-slate-900">
              发布第 {nextVersion} 版前，请确认改动
            </h2>
            {published ? (
              <>
                <p className="text-sm text-slate-500">与已发布的第 {published.version} 版相比：</p>
                <DiffSummary before={published} after={reviewing} />
              </>
            ) : (
              <p className="text-sm text-slate-600">
                这是该模板的第一个版本，共 {reviewing.items.length} 个检查项。
              </p>
            )}
            <p className="text-sm text-slate-500">
              已开始的检查仍使用原来的版本，新的检查将使用第 {nextVersion} 版。
            </p>
            <div className="flex flex-wrap gap-2">
              <Button disabled={pending} onClick={onPublish}>
                {pending ? "正在发布…" : `确认发布第 ${nextVersion} 版`}
              </Button>
              <Button variant="secondary" disabled={pending} onClick={() => setReviewing(null)}>
                返回修改
              </Button>
            </div>
          </Card>
        ) : (
          <div className="sticky bottom-[calc(4rem+env(safe-area-inset-bottom))] z-10 flex flex-wrap gap-2 rounded-xl border border-slate-200 bg-white/95 p-3 shadow md:bottom-2">
            <Button type="submit" variant="secondary" disabled={pending}>
              {pending ? "正在保存…" : "保存草稿"}
            </Button>
            <Button disabled={pending} onClick={onReview}>
              发布新版本…
            </Button>
          </div>
        )}
        {failure ? (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
            {failure.message}
          </p>
        ) : null}
        {notice && !failure ? (
          <p role="status" className="text-sm text-slate-600">
            {notice}
          </p>
        ) : null}
      </form>
    </FormProvider>
  );
}

/** Errors about the list as a whole ("至少需要一个检查项"). */
function ItemsError() {
  const error = useFieldError("items");
  return error ? (
    <p role="alert" className="text-sm text-red-600">
      {error}
    </p>
  ) : null;
}

/** One item, collapsed to its code and prompt; expanded, all of its fields. */
function ItemRow({
  index,
  isExpanded,
  isFirst,
  isLast,
  onToggle,
  onMove,
  onRemove,
}: {
  index: number;
  isExpanded: boolean;
  isFirst: boolean;
  isLast: boolean;
  onToggle: () => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { control } = useFormContext<TemplateInput>();
  const [code, prompt] = useWatch({
    control,
    name: [`items.${index}.code`, `items.${index}.prompt`],
  });
  const { errors } = useFormState({ control, name: `items.${index}` });
  const hasError = errors.items?.[index] !== undefined;
  const panelId = `item-panel-${index}`;
  return (
    <Card className={cn("p-0", hasError && "border-red-400")}>
      <div className="flex items-start gap-2 p-3">
        <button
          type="button"
          aria-expanded={isExpanded}
          aria-controls={panelId}
          onClick={onToggle}
          className="flex min-h-11 min-w-0 flex-1 items-start gap-2 text-left"
        >
          <span className="mt-0.5 shrink-0 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-600">
            {code || "新检查项"}
          </span>
          <span className={cn("min-w-0 text-sm text-slate-800", !prompt && "text-slate-500")}>
            {prompt || "（尚未填写检查内容）"}
            {hasError ? <span className="ml-2 text-red-600">需要修改</span> : null}
          </span>
        </button>
        <div className="flex shrink-0 gap-1">
          <Button
            variant="ghost"
            size="sm"
            disabled={isFirst}
            aria-label={`上移 ${code}`}
            onClick={() => onMove(index - 1)}
          >
            ↑
          </Button>
          <Button
            variant="ghost"
            size="sm"
            disabled={isLast}
            aria-label={`下移 ${code}`}
            onClick={() => onMove(index + 1)}
          >
            ↓
          </Button>
          <Button variant="ghost" size="sm" aria-label={`删除 ${code}`} onClick={onRemove}>
            删除
          </Button>
        </div>
      </div>
      {isExpanded ? (
        <div id={panelId} className="border-t border-slate-100 p-3">
          <ItemEditor index={index} />
        </div>
      ) : null}
    </Card>
  );
}
