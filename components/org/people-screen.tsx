"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";

import { ROLE_LABELS } from "@/lib/domain/org/org.labels";
import type { City, Role } from "@/lib/domain/org/org.schema";
import {
  type BulkSchoolAccountsResult,
  createUserInputSchema,
  type DistrictView,
  type OneTimeCredential,
  type Person,
  type UpdateUserInput,
  updateUserInputSchema,
  type ZoneView,
} from "@/lib/domain/org/people";
import { useApiAction } from "@/lib/hooks/api-client";
import { orgApi } from "@/lib/hooks/use-org";

import { FormField } from "@/components/forms/form-field";
import { DistrictPicker } from "@/components/org/district-picker";
import { FailureText } from "@/components/org/failure-text";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

type SchoolChoice = { id: string; name: string; code: string };

/**
 * The office's people list: open accounts, edit someone's name, phone and (inspectors) zones, reset
 * a password (the one-time password is shown once, here), disable and enable, and bulk school
 * accounts with the printable credential sheet. A 市级督导室 sees the same list without the buttons.
 */
export function PeopleScreen({
  people,
  zones,
  districts,
  cities,
  schoolsWithoutAccount,
  canWrite,
  creatableRoles,
}: {
  people: Person[];
  zones: ZoneView[];
  districts: DistrictView[];
  cities: City[];
  schoolsWithoutAccount: SchoolChoice[];
  canWrite: boolean;
  creatableRoles: Role[];
}) {
  const [shown, setShown] = useState<OneTimeCredential | null>(null);
  const [editing, setEditing] = useState<Person | null>(null);
  const zoneName = new Map(zones.map((z) => [z.id, z.name]));
  return (
    <div className="space-y-4">
      {shown ? <OneTimePassword credential={shown} onDone={() => setShown(null)} /> : null}
      {editing ? (
        <EditPersonForm
          key={editing.id}
          person={editing}
          zones={zones.filter(
            (z) =>
              z.districtId === editing.districtId && (z.active || editing.zoneIds.includes(z.id)),
          )}
          onDone={() => setEditing(null)}
        />
      ) : null}
      {canWrite ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <CreatePersonForm
            zones={zones}
            districts={districts}
            cities={cities}
            schools={schoolsWithoutAccount}
            roles={creatableRoles}
            onCreated={setShown}
          />
          <BulkSchoolAccounts districts={districts} lacking={schoolsWithoutAccount.length} />
        </div>
      ) : null}
      <Card className="overflow-x-auto p-0">
        <table className="w-full min-w-[48rem] text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">姓名</th>
              <th className="px-3 py-2 font-medium">账号</th>
              <th className="px-3 py-2 font-medium">角色</th>
              <th className="px-3 py-2 font-medium">学校 / 责任区</th>
              <th className="px-3 py-2 font-medium">手机号</th>
              <th className="px-3 py-2 font-medium">状态</th>
              {canWrite ? <th className="px-3 py-2 font-medium">操作</th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {people.map((person) => (
              <tr key={person.id} className={person.active ? "" : "text-slate-500"}>
                <td className="px-3 py-2">{person.name}</td>
                <td className="px-3 py-2 font-mono">{person.username}</td>
                <td className="px-3 py-2">{ROLE_LABELS[person.role]}</td>
                <td className="px-3 py-2">
                  {person.schoolName ??
                    person.zoneIds.map((id) => zoneName.get(id) ?? "").join("、")}
                </td>
                <td className="px-3 py-2">{person.phone}</td>
                <td className="px-3 py-2">
                  {person.active
                    ? person.mustChangePassword
                      ? "待修改初始密码"
                      : "启用"
                    : "已停用"}
                </td>
                {canWrite ? (
                  <td className="px-3 py-2">
                    <PersonActions
                      person={person}
                      onEdit={() => setEditing(person)}
                      onReset={setShown}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        {people.length === 0 ? (
          <p className="p-4 text-center text-slate-500">没有符合条件的人员</p>
        ) : null}
      </Card>
    </div>
  );
}

function PersonActions({
  person,
  onEdit,
  onReset,
}: {
  person: Person;
  onEdit: () => void;
  onReset: (c: OneTimeCredential) => void;
}) {
  const router = useRouter();
  const { run, pending, failure } = useApiAction();
  const reset = async () => {
    if (!window.confirm(`为“${person.name}”重置密码？其当前登录将立即失效。`)) return;
    const result = await run(() => orgApi.resetPassword(person.id));
    if (result) onReset(result.credential);
    router.refresh();
  };
  const toggle = async () => {
    if (person.active && !window.confirm(`停用“${person.name}”的账号？其当前登录将立即失效。`))
      return;
    if (await run(() => orgApi.setActive(person.id, !person.active))) router.refresh();
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        aria-label={`修改${person.name}的资料`}
        onClick={onEdit}
      >
        修改
      </Button>
      <Button size="sm" variant="secondary" disabled={pending} onClick={() => void reset()}>
        重置密码
      </Button>
      <Button
        size="sm"
        variant={person.active ? "danger" : "secondary"}
        disabled={pending}
        onClick={() => void toggle()}
      >
        {person.active ? "停用" : "启用"}
      </Button>
      <FailureText failure={failure} className="text-xs" />
    </div>
  );
}

/**
 * Name, phone and, for an inspector, the 督学责任区 of someone else's account. Username, role and
 * binding stay as created (the server refuses them; see updateUserInputSchema).
 */
function EditPersonForm({
  person,
  zones,
  onDone,
}: {
  person: Person;
  zones: ZoneView[];
  onDone: () => void;
}) {
  const router = useRouter();
  const isInspector = person.role === "inspector";
  const form = useForm<UpdateUserInput>({
    resolver: zodResolver(updateUserInputSchema),
    defaultValues: {
      name: person.name,
      phone: person.phone,
      ...(isInspector ? { zoneIds: person.zoneIds } : {}),
    },
  });
  const { errors } = form.formState;
  const { run, pending, failure } = useApiAction();
  const onSubmit = form.handleSubmit(async (patch) => {
    if (!(await run(() => orgApi.updateUser(person.id, patch)))) return;
    onDone();
    router.refresh();
  });
  return (
    <Card>
      <h2 className="mb-3 font-medium text-slate-900">
        修改资料：{person.name}（<span className="font-mono">{person.username}</span>）
      </h2>
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label={`修改${person.name}的资料`}
        className="grid gap-3 sm:grid-cols-2"
      >
        <Field id="edit-person-name" label="姓名" error={errors.name?.message}>
          <Input
            id="edit-person-name"
            aria-invalid={errors.name ? true : undefined}
            {...form.register("name")}
          />
        </Field>
        <Field id="edit-person-phone" label="手机号" error={errors.phone?.message}>
          <Input
            id="edit-person-phone"
            inputMode="tel"
            aria-invalid={errors.phone ? true : undefined}
            {...form.register("phone")}
          />
        </Field>
        {isInspector ? (
          <fieldset className="sm:col-span-2">
            <legend className="mb-1 text-sm font-medium text-slate-700">督学责任区</legend>
            <div className="flex flex-wrap gap-3">
              {zones.map((z) => (
                <label key={z.id} className="flex items-center gap-1.5 text-sm">
                  <input type="checkbox" value={z.id} {...form.register("zoneIds")} />
                  {z.name}
                </label>
              ))}
              {zones.length === 0 ? (
                <span className="text-sm text-slate-500">本区县还没有督学责任区</span>
              ) : null}
            </div>
          </fieldset>
        ) : null}
        <div className="flex gap-2 sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? "正在保存…" : "保存"}
          </Button>
          <Button type="button" variant="secondary" onClick={onDone}>
            取消
          </Button>
        </div>
        <FailureText failure={failure} className="sm:col-span-2" />
      </form>
    </Card>
  );
}

/** Shown once: the office copies it or reads it out; it is never shown again. */
function OneTimePassword({
  credential,
  onDone,
}: {
  credential: OneTimeCredential;
  onDone: () => void;
}) {
  return (
    <Card role="status" className="border-amber-300 bg-amber-50">
      <p className="font-medium text-amber-900">一次性密码（只显示这一次，请立即告知本人）</p>
      <p className="mt-2 text-sm text-amber-900">
        账号 <span className="font-mono">{credential.username}</span> · 初始密码{" "}
        <span
          data-testid="one-time-password"
          className="font-mono text-lg font-semibold tracking-wider"
        >
          {credential.password}
        </span>
      </p>
      <p className="mt-1 text-xs text-amber-800">本人首次登录后须修改密码。</p>
      <Button size="sm" variant="secondary" className="mt-3" onClick={onDone}>
        已告知，关闭
      </Button>
    </Card>
  );
}

type CreateValues = z.input<typeof createUserInputSchema>;

function CreatePersonForm({
  zones,
  districts,
  cities,
  schools,
  roles,
  onCreated,
}: {
  zones: ZoneView[];
  districts: DistrictView[];
  cities: City[];
  schools: SchoolChoice[];
  roles: Role[];
  onCreated: (c: OneTimeCredential) => void;
}) {
  const router = useRouter();
  const form = useForm<CreateValues, unknown, z.output<typeof createUserInputSchema>>({
    resolver: zodResolver(createUserInputSchema),
    defaultValues: {
      username: "",
      name: "",
      phone: "",
      role: "inspector",
      districtId: districts[0]?.id ?? null,
      schoolId: null,
      cityId: null,
      zoneIds: [],
    },
  });
  const role = useWatch({ control: form.control, name: "role" });
  const districtId = useWatch({ control: form.control, name: "districtId" });
  const { run, pending, failure } = useApiAction();
  const onSubmit = form.handleSubmit(async (input) => {
    const created = await run(() => orgApi.createUser(input));
    if (!created) return;
    onCreated(created.credential);
    form.reset({ ...form.getValues(), username: "", name: "", phone: "", zoneIds: [] });
    router.refresh();
  });
  return (
    <Card>
      <h2 className="mb-3 font-medium text-slate-900">开设账号</h2>
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-2">
          <FormField name="role" label="角色">
            {(aria) => (
              <Select {...aria} {...form.register("role")}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField name="name" label="姓名">
            {(aria) => <Input {...aria} {...form.register("name")} />}
          </FormField>
          <FormField name="username" label="用户名（登录用）">
            {(aria) => <Input {...aria} autoComplete="off" {...form.register("username")} />}
          </FormField>
          <FormField name="phone" label="手机号">
            {(aria) => <Input {...aria} inputMode="tel" {...form.register("phone")} />}
          </FormField>
          {role === "office" || role === "inspector" ? (
            <FormField name="districtId" label="所属区县">
              {(aria) => (
                <Select {...aria} {...form.register("districtId")}>
                  {districts.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
          ) : null}
          {role === "school" ? (
            <FormField name="schoolId" label="学校（尚无账号的）">
              {(aria) => (
                <Select
                  {...aria}
                  {...form.register("schoolId", { setValueAs: (v: string) => v || null })}
                >
                  <option value="">请选择学校</option>
                  {schools.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.code} {s.name}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
          ) : null}
          {role === "city" ? (
            <FormField name="cityId" label="所属市">
              {(aria) => (
                <Select
                  {...aria}
                  {...form.register("cityId", { setValueAs: (v: string) => v || null })}
                >
                  <option value="">请选择市</option>
                  {cities.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
          ) : null}
          {role === "inspector" ? (
            <fieldset className="sm:col-span-2">
              <legend className="mb-1 text-sm font-medium text-slate-700">督学责任区</legend>
              <div className="flex flex-wrap gap-3">
                {zones
                  .filter((z) => z.active && z.districtId === districtId)
                  .map((z) => (
                    <label key={z.id} className="flex items-center gap-1.5 text-sm">
                      <input type="checkbox" value={z.id} {...form.register("zoneIds")} />
                      {z.name}
                    </label>
                  ))}
              </div>
            </fieldset>
          ) : null}
          <div className="sm:col-span-2">
            <Button type="submit" disabled={pending}>
              {pending ? "正在开设…" : "开设账号"}
            </Button>
            <FailureText failure={failure} className="mt-2" />
          </div>
        </form>
      </FormProvider>
    </Card>
  );
}

/** One account per school lacking one, then the credential sheet to download and print. */
function BulkSchoolAccounts({
  districts,
  lacking,
}: {
  districts: DistrictView[];
  lacking: number;
}) {
  const router = useRouter();
  const [districtId, setDistrictId] = useState(districts[0]?.id ?? "");
  const [result, setResult] = useState<BulkSchoolAccountsResult | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const { run, pending, failure } = useApiAction();
  const create = async () => {
    const created = await run(() => orgApi.createSchoolAccounts({ districtId }));
    if (!created) return;
    setResult(created);
    router.refresh();
  };
  return (
    <Card>
      <h2 className="mb-1 font-medium text-slate-900">批量开设学校账号</h2>
      <p className="mb-3 text-sm text-slate-500">
        为尚无账号的学校（{lacking} 所）各开设一个账号，生成一次性初始密码，并下载账号单打印分发。
      </p>
      <DistrictPicker
        districts={districts}
        value={districtId}
        onChange={setDistrictId}
        className="mb-3"
      />
      <Button disabled={pending || districtId === ""} onClick={() => void create()}>
        {pending ? "正在开设…" : "批量开设"}
      </Button>
      <FailureText failure={failure} className="mt-2" />
      {result ? (
        <div role="status" className="mt-3 space-y-2 text-sm">
          <p>
            已开设 {result.created.length} 个账号
            {result.skipped > 0 ? `，${result.skipped} 所学校已有账号未变动` : ""}
            。初始密码只在这里出现一次。
          </p>
          {result.created.length > 0 ? (
            <Button
              variant="secondary"
              onClick={() =>
                void orgApi
                  .downloadCredentialSheet(result.created)
                  .then((error) => setDownloadError(error))
              }
            >
              下载账号单（Excel）
            </Button>
          ) : null}
          {downloadError ? <p className="text-red-600">{downloadError}</p> : null}
        </div>
      ) : null}
    </Card>
  );
}
