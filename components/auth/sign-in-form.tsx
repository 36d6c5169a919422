"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";

import { type SignInInput, signInInputSchema } from "@/lib/domain/org/org.schema";
import { useSignIn } from "@/lib/hooks/use-auth";

import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

export function SignInForm() {
  const router = useRouter();
  const { signIn, pending, error } = useSignIn();
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInInputSchema),
    defaultValues: { username: "", password: "" },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async ({ username, password }) => {
    // "/" is a server redirect that routes by role, now that the session cookie is set.
    if (await signIn(username, password)) router.replace("/");
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field id="username" label="用户名" error={errors.username?.message}>
        <Input
          id="username"
          autoComplete="username"
          autoCapitalize="none"
          aria-invalid={errors.username ? true : undefined}
          aria-describedby={errors.username ? "username-error" : undefined}
          {...form.register("username")}
        />
      </Field>
      <Field id="password" label="密码" error={errors.password?.message}>
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "password-error" : undefined}
          {...form.register("password")}
        />
      </Field>
      {error ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? "正在登录…" : "登录"}
      </Button>
    </form>
  );
}
