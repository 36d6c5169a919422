"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { FormProvider, useForm } from "react-hook-form";

import { type ChangePasswordInput, changePasswordInputSchema } from "@/lib/domain/org/people";
import { useApiAction } from "@/lib/hooks/api-client";
import { orgApi } from "@/lib/hooks/use-org";

import { FormField } from "@/components/forms/form-field";
import { FailureText } from "@/components/org/failure-text";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";

/** 修改密码: the current password, then the new one twice; afterwards the user goes `home`. */
export function ChangePasswordForm({ home }: { home: string }) {
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordInputSchema),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { run, pending, failure } = useApiAction();
  const [done, setDone] = useState(false);
  const onSubmit = form.handleSubmit(async (input) => {
    if (!(await run(() => orgApi.changePassword(input)))) return;
    setDone(true);
    // A full load: the surfaces check the account again on the server.
    window.location.assign(home);
  });
  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <FormField name="currentPassword" label="当前密码（或督导室给您的初始密码）">
          {(aria) => (
            <Input
              {...aria}
              type="password"
              autoComplete="current-password"
              {...form.register("currentPassword")}
            />
          )}
        </FormField>
        <FormField name="newPassword" label="新密码（至少 8 个字符）">
          {(aria) => (
            <Input
              {...aria}
              type="password"
              autoComplete="new-password"
              {...form.register("newPassword")}
            />
          )}
        </FormField>
        <FormField name="confirmPassword" label="再次输入新密码">
          {(aria) => (
            <Input
              {...aria}
              type="password"
              autoComplete="new-password"
              {...form.register("confirmPassword")}
            />
          )}
        </FormField>
        <Button type="submit" disabled={pending || done} className="w-full">
          {pending ? "正在保存…" : "保存新密码"}
        </Button>
        <FailureText failure={failure} />
        {done ? <p role="status">密码已修改，正在进入…</p> : null}
      </form>
    </FormProvider>
  );
}
