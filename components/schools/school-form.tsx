"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider, useForm, useFormContext } from "react-hook-form";

import { CANTEEN_LABELS, OWNERSHIP_LABELS, STAGE_LABELS } from "@/lib/domain/org/org.labels";
import {
  SCHOOL_FIELD_LABELS,
  type School,
  type SchoolField,
  type SchoolInput,
  schoolInputSchema,
  type Zone,
} from "@/lib/domain/org/org.schema";
import { schoolApi } from "@/lib/hooks/use-schools";

import { FormField } from "@/components/forms/form-field";
import { SchoolZoneSelect } from "@/components/org/school-zone-select";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

const EMPTY: SchoolInput = {
  code: "",
  name: "",
  stage: "primary",
  ownership: "public",
  isVillage: false,
  isBoarding: false,
  canteen: "none",
  hasSchoolBus: false,
  studentCount: 0,
  classCount: 0,
  zoneId: null,
  address: "",
  principal: "",
  contact: "",
  phone: "",
};

type TextField = "code" | "name" | "address" | "principal" | "contact" | "phone";
const FLAG_FIELDS = ["isVillage", "isBoarding", "hasSchoolBus"] as const;

/**
 * Create or edit a school with the same schema the API and the import use; the server's refusals
 * (a code already used, a zone of another district) land on their fields. A new school is given
 * its zone with the form; an existing one is moved by the zone select on its own, at once and
 * recorded in the audit log (the one way a school changes zone).
 */
export function SchoolForm({
  school,
  zones,
  districtId,
}: {
  school: School | null;
  zones: readonly Zone[];
  /** For an admin: the district a new school goes to. */
  districtId: string | null;
}) {
  const router = useRouter();
  const form = useForm<SchoolInput>({
    resolver: zodResolver(schoolInputSchema),
    defaultValues: school ? schoolInputSchema.parse(school) : EMPTY,
  });
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const onSubmit = form.handleSubmit(async (input) => {
    setFailure(null);
    setSaved(false);
    const { zoneId: _zoneId, ...fields } = input;
    const result = school
      ? await schoolApi.update(school.id, fields)
      : await schoolApi.create(input, districtId);
    if (!result.ok) {
      setFailure(result.message);
      for (const [field, message] of Object.entries(result.fieldErrors)) {
        if (field in SCHOOL_FIELD_LABELS) form.setError(field as SchoolField, { message });
      }
      return;
    }
    if (school) {
      form.reset(schoolInputSchema.parse(result.data));
      setSaved(true);
      router.refresh();
    } else {
      router.push(`/office/schools/${result.data.id}`);
    }
  });

  const text = (field: TextField) => (
    <FormField key={field} name={field} label={SCHOOL_FIELD_LABELS[field]}>
      {(aria) => <Input {...aria} {...form.register(field)} />}
    </FormField>
  );

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Card className="grid gap-3 sm:grid-cols-2">
          {text("name")}
          {text("code")}
          {school ? (
            <div className="space-y-1">
              <p className="text-sm font-medium text-slate-700">{SCHOOL_FIELD_LABELS.zoneId}</p>
              <SchoolZoneSelect school={school} zones={zones} className="w-full" />
              <p className="text-xs text-slate-500">选择后立即调整，并记入操作日志</p>
            </div>
          ) : (
            <FormField
              name="zoneId"
              label={SCHOOL_FIELD_LABELS.zoneId}
              hint={zones.length === 0 ? "本区县还没有督学责任区" : undefined}
            >
              {(aria) => (
                <Select
                  {...aria}
                  {...form.register("zoneId", {
                    setValueAs: (v: string) => (v === "" ? null : v),
                  })}
                >
                  <option value="">未分配</option>
                  {zones.map((z) => (
                    <option key={z.id} value={z.id}>
                      {z.name}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
          )}
          {text("address")}
        </Card>
        <Card className="grid gap-3 sm:grid-cols-3">
          <LabelSelect field="stage" labels={STAGE_LABELS} />
          <LabelSelect field="ownership" labels={OWNERSHIP_LABELS} />
          <LabelSelect field="canteen" labels={CANTEEN_LABELS} />
          <FormField name="studentCount" label={SCHOOL_FIELD_LABELS.studentCount}>
            {(aria) => (
              <Input
                {...aria}
                type="number"
                inputMode="numeric"
                {...form.register("studentCount", { valueAsNumber: true })}
              />
            )}
          </FormField>
          <FormField name="classCount" label={SCHOOL_FIELD_LABELS.classCount}>
            {(aria) => (
              <Input
                {...aria}
                type="number"
                inputMode="numeric"
                {...form.register("classCount", { valueAsNumber: true })}
              />
            )}
          </FormField>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">办学条件</legend>
            {FLAG_FIELDS.map((field) => (
              <label key={field} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" className="size-4" {...form.register(field)} />
                {SCHOOL_FIELD_LABELS[field]}
              </label>
            ))}
          </fieldset>
        </Card>
        <Card className="grid gap-3 sm:grid-cols-3">
          {text("principal")}
          {text("contact")}
          {text("phone")}
        </Card>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? "正在保存…" : school ? "保存修改" : "创建学校"}
          </Button>
          {saved ? (
            <p role="status" className="text-sm text-slate-600">
              已保存。
            </p>
          ) : null}
        </div>
        {failure ? (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
            {failure}
          </p>
        ) : null}
      </form>
    </FormProvider>
  );
}

/** A select over one of the schema's label maps (学段, 办学性质, 食堂). */
function LabelSelect({
  field,
  labels,
}: {
  field: "stage" | "ownership" | "canteen";
  labels: Record<string, string>;
}) {
  const form = useFormContext<SchoolInput>();
  return (
    <FormField name={field} label={SCHOOL_FIELD_LABELS[field]}>
      {(aria) => (
        <Select {...aria} {...form.register(field)}>
          {Object.entries(labels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      )}
    </FormField>
  );
}

/** 停用 / 启用 with a confirmation: a deactivated school keeps its history but leaves packs. */
export function SchoolActiveToggle({ school }: { school: School }) {
  const router = useRouter();
  const [isConfirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const apply = async () => {
    setPending(true);
    const result = await schoolApi.setActive(school.id, !school.isActive);
    setPending(false);
    if (!result.ok) {
      setFailure(result.message);
      return;
    }
    setConfirming(false);
    router.refresh();
  };

  if (school.isActive && isConfirming) {
    return (
      <Card className="space-y-3 border-red-200 bg-red-50">
        <p className="text-sm text-red-800">
          停用后，「{school.name}
          」不再出现在督学的巡检包中，也不能再发起新的督导检查；已有的检查记录、整改事项和通知书全部保留，可随时重新启用。
        </p>
        <div className="flex gap-2">
          <Button variant="danger" size="sm" disabled={pending} onClick={apply}>
            确认停用
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setConfirming(false)}>
            取消
          </Button>
        </div>
        {failure ? (
          <p role="alert" className="text-sm text-red-700">
            {failure}
          </p>
        ) : null}
      </Card>
    );
  }
  return (
    <div className="flex items-center gap-3">
      <Button
        variant={school.isActive ? "secondary" : "primary"}
        size="sm"
        disabled={pending}
        onClick={school.isActive ? () => setConfirming(true) : apply}
      >
        {school.isActive ? "停用学校" : "重新启用"}
      </Button>
      {failure ? (
        <p role="alert" className="text-sm text-red-700">
          {failure}
        </p>
      ) : null}
    </div>
  );
}
