"use client";

import { Controller, useFieldArray, useFormContext, useWatch } from "react-hook-form";

import {
  EVIDENCE_LABELS,
  JUDGEMENT_LABELS,
  SEVERITY_LABELS,
} from "@/lib/domain/template/template.labels";
import {
  CITATION_STATUSES,
  FRAMEWORKS,
  type ItemResponse,
  type NumberRule,
  type TemplateInput,
} from "@/lib/domain/template/template.schema";

import { FormField, useFieldError } from "@/components/forms/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

import { AppliesToEditor } from "./applies-to-editor";
import { RESPONSE_TYPE_LABELS } from "./describe";
import { blankResponse } from "./item-defaults";

const RULE_OPS: Record<NumberRule["op"], string> = {
  lte: "不超过（≤）",
  lt: "小于（<）",
  gte: "不少于（≥）",
  gt: "大于（>）",
  eq: "等于（=）",
};

/** An empty number field is NaN, which the schema reports as "请填写…". */
const asNumber = { valueAsNumber: true } as const;

/** Every field of one item, with the schema's messages under each. */
export function ItemEditor({ index }: { index: number }) {
  const { register, control, setValue } = useFormContext<TemplateInput>();
  const path = `items.${index}` as const;
  const responseType = useWatch({ control, name: `${path}.response.type` });
  const rectificationMode = useWatch({ control, name: `${path}.rectification.mode` });

  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name={`${path}.code`} label="编号">
          {(aria) => <Input {...aria} autoCapitalize="characters" {...register(`${path}.code`)} />}
        </FormField>
        <FormField name={`${path}.section`} label="所属类别">
          {(aria) => <Input {...aria} {...register(`${path}.section`)} />}
        </FormField>
      </div>
      <FormField name={`${path}.prompt`} label="检查内容">
        {(aria) => <Textarea {...aria} rows={2} {...register(`${path}.prompt`)} />}
      </FormField>
      <FormField name={`${path}.guidance`} label="检查方法" hint="到哪里看、查什么资料、问谁">
        {(aria) => <Textarea {...aria} {...register(`${path}.guidance`)} />}
      </FormField>
      <FormField
        name={`${path}.finding`}
        label="问题表述"
        hint="不符合时写入整改通知书，如：未落实学校负责人陪餐制度"
      >
        {(aria) => <Input {...aria} {...register(`${path}.finding`)} />}
      </FormField>
      <FormField name={`${path}.requirement`} label="整改要求" hint="默认整改要求，督学可逐条修改">
        {(aria) => <Textarea {...aria} rows={2} {...register(`${path}.requirement`)} />}
      </FormField>
      <BasisEditor index={index} />
      <FormField
        name={`${path}.provenance`}
        label="来源说明"
        hint="检查项从何而来（地方实践、来源文件、未核实的条款）；只在此处显示，不作为检查依据打印"
      >
        {(aria) => <Textarea {...aria} rows={2} {...register(`${path}.provenance`)} />}
      </FormField>
      <FrameworkChoices index={index} />

      <div className="grid gap-4 sm:grid-cols-3">
        <FormField name={`${path}.severity`} label="问题等级">
          {(aria) => (
            <Select {...aria} {...register(`${path}.severity`)}>
              {Object.entries(SEVERITY_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField name={`${path}.evidence`} label="取证要求">
          {(aria) => (
            <Select {...aria} {...register(`${path}.evidence`)}>
              {Object.entries(EVIDENCE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField name={`${path}.weight`} label="权重" hint="不填按 1 计分">
          {(aria) => (
            <Input
              {...aria}
              type="number"
              inputMode="decimal"
              step="any"
              {...register(`${path}.weight`, {
                setValueAs: (v: string) => (v === "" ? undefined : Number(v)),
              })}
            />
          )}
        </FormField>
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name={`${path}.rectification.mode`} label="整改方式">
          {(aria) => (
            <Select
              {...aria}
              value={rectificationMode}
              onChange={(event) =>
                setValue(
                  `${path}.rectification`,
                  event.target.value === "on_site"
                    ? { mode: "on_site" }
                    : {
                        mode: event.target.value === "control" ? "control" : "deadline",
                        days: null,
                      },
                  { shouldDirty: true },
                )
              }
            >
              <option value="deadline">限期整改</option>
              <option value="on_site">立行立改</option>
              <option value="control">先行管控、限期整改</option>
            </Select>
          )}
        </FormField>
        {rectificationMode !== "on_site" ? (
          <FormField
            name={`${path}.rectification.days`}
            label="整改期限（天）"
            hint="不填则按区县的整改期限"
          >
            {(aria) => (
              <Input
                {...aria}
                type="number"
                inputMode="numeric"
                {...register(`${path}.rectification.days`, {
                  setValueAs: (v: string | number | null) =>
                    v === "" || v === null ? null : Number(v),
                })}
              />
            )}
          </FormField>
        ) : null}
      </div>

      <FormField name={`${path}.response.type`} label="作答方式">
        {(aria) => (
          <Select
            {...aria}
            value={responseType}
            onChange={(event) =>
              setValue(
                `${path}.response`,
                blankResponse(event.target.value as ItemResponse["type"]),
                {
                  shouldDirty: true,
                },
              )
            }
          >
            {Object.entries(RESPONSE_TYPE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      {responseType === "number" ? <NumberRuleFields index={index} /> : null}
      {responseType === "choice" ? <ChoiceOptions index={index} /> : null}

      <div className="space-y-1.5">
        <p className="text-sm font-medium text-slate-700">适用范围</p>
        <Controller
          control={control}
          name={`${path}.appliesTo`}
          render={({ field }) => (
            <AppliesToEditor
              id={`items-${index}-appliesTo`}
              value={field.value}
              onChange={field.onChange}
            />
          )}
        />
      </div>
    </div>
  );
}

/** The item's structured citations; none means the item rests on local practice (地方实践). */
function BasisEditor({ index }: { index: number }) {
  const { register, control } = useFormContext<TemplateInput>();
  const name = `items.${index}.basis` as const;
  const { fields, append, remove } = useFieldArray({ control, name });
  const listError = useFieldError(name);
  const optional = { setValueAs: (v: string) => (v.trim() === "" ? undefined : v) };
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
      <legend className="px-1 text-sm text-slate-600">检查依据</legend>
      {fields.length === 0 ? (
        <p className="text-sm text-slate-500">
          未填写依据：本项按“地方实践”显示，通知书不打印依据。
        </p>
      ) : null}
      {fields.map((citation, i) => (
        <div
          key={citation.id}
          className="grid items-end gap-2 sm:grid-cols-[2fr_1fr_1fr_9rem_auto]"
        >
          <FormField name={`${name}.${i}.title`} label={`文件全称 ${i + 1}`} hint="不含书名号">
            {(aria) => <Input {...aria} {...register(`${name}.${i}.title`)} />}
          </FormField>
          <FormField name={`${name}.${i}.docNo`} label="文号">
            {(aria) => <Input {...aria} {...register(`${name}.${i}.docNo`, optional)} />}
          </FormField>
          <FormField name={`${name}.${i}.article`} label="条款" hint="如：第十八条；未核实则不填">
            {(aria) => <Input {...aria} {...register(`${name}.${i}.article`, optional)} />}
          </FormField>
          <FormField name={`${name}.${i}.status`} label="效力">
            {(aria) => (
              <Select {...aria} {...register(`${name}.${i}.status`)}>
                {CITATION_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {status}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <Button variant="ghost" size="sm" onClick={() => remove(i)}>
            删除
          </Button>
        </div>
      ))}
      <ListFooter
        error={listError}
        addLabel="添加依据"
        onAdd={() => append({ title: "", status: "现行有效" })}
      />
    </fieldset>
  );
}

/** The checking frameworks the item serves (挂牌督导事项, 专项督导, 负面清单, 校园餐整治). */
function FrameworkChoices({ index }: { index: number }) {
  const { control } = useFormContext<TemplateInput>();
  return (
    <Controller
      control={control}
      name={`items.${index}.frameworks`}
      render={({ field }) => (
        <fieldset className="space-y-1.5 rounded-lg border border-slate-200 p-3">
          <legend className="px-1 text-sm text-slate-600">检查框架</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            {FRAMEWORKS.map((framework) => (
              <label key={framework} className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  checked={field.value.includes(framework)}
                  onChange={(event) =>
                    field.onChange(
                      event.target.checked
                        ? FRAMEWORKS.filter((f) => f === framework || field.value.includes(f))
                        : field.value.filter((f) => f !== framework),
                    )
                  }
                />
                {framework}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    />
  );
}

function NumberRuleFields({ index }: { index: number }) {
  const { register } = useFormContext<TemplateInput>();
  const path = `items.${index}.response` as const;
  return (
    <div className="grid gap-4 rounded-lg border border-slate-200 p-3 sm:grid-cols-4">
      <FormField name={`${path}.rule.op`} label="规则">
        {(aria) => (
          <Select {...aria} {...register(`${path}.rule.op`)}>
            {Object.entries(RULE_OPS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField name={`${path}.rule.value`} label="规则数值">
        {(aria) => (
          <Input
            {...aria}
            type="number"
            inputMode="decimal"
            step="any"
            {...register(`${path}.rule.value`, asNumber)}
          />
        )}
      </FormField>
      <FormField name={`${path}.unit`} label="单位">
        {(aria) => <Input {...aria} placeholder="如：人" {...register(`${path}.unit`)} />}
      </FormField>
      <FormField name={`${path}.rule.failResult`} label="违反规则时">
        {(aria) => (
          <Select {...aria} {...register(`${path}.rule.failResult`)}>
            <option value="fail">{JUDGEMENT_LABELS.fail}</option>
            <option value="partial">{JUDGEMENT_LABELS.partial}</option>
          </Select>
        )}
      </FormField>
    </div>
  );
}

function ChoiceOptions({ index }: { index: number }) {
  const { register, control } = useFormContext<TemplateInput>();
  const name = `items.${index}.response.options` as const;
  const { fields, append, remove } = useFieldArray({ control, name });
  const listError = useFieldError(name);
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
      <legend className="px-1 text-sm text-slate-600">选项</legend>
      {fields.map((option, i) => (
        <div key={option.id} className="grid items-end gap-2 sm:grid-cols-[1fr_1fr_9rem_auto]">
          <FormField name={`${name}.${i}.label`} label={`选项 ${i + 1}`}>
            {(aria) => <Input {...aria} {...register(`${name}.${i}.label`)} />}
          </FormField>
          <FormField name={`${name}.${i}.value`} label="选项值">
            {(aria) => <Input {...aria} {...register(`${name}.${i}.value`)} />}
          </FormField>
          <FormField name={`${name}.${i}.result`} label="判定为">
            {(aria) => (
              <Select {...aria} {...register(`${name}.${i}.result`)}>
                {Object.entries(JUDGEMENT_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <Button variant="ghost" size="sm" onClick={() => remove(i)}>
            删除
          </Button>
        </div>
      ))}
      <ListFooter
        error={listError}
        addLabel="添加选项"
        onAdd={() => append({ value: `option-${fields.length + 1}`, label: "", result: "pass" })}
      />
    </fieldset>
  );
}

/** Under an editable list: the list's own error and the button that adds a row. */
function ListFooter({
  error,
  addLabel,
  onAdd,
}: {
  error: string | undefined;
  addLabel: string;
  onAdd: () => void;
}) {
  return (
    <>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      <Button variant="secondary" size="sm" onClick={onAdd}>
        {addLabel}
      </Button>
    </>
  );
}
