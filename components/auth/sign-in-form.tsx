"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import type * as authExports from "@/lib/hooks/use-auth";
import type { SignInErrors } from "@/lib/hooks/use-auth";

import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

/** The auth client and the sign-in schema, fetched on the form's first touch (see use-auth.ts). */
let authModule: Promise<typeof authExports> | null = null;
const loadAuth = () =>
  (authModule ??= import("@/lib/hooks/use-auth").catch((error: unknown) => {
    authModule = null;
    throw error;
  }));

export function SignInForm() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<SignInErrors>({});

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = event.currentTarget.elements;
    const input = {
      username: (fields.namedItem("username") as HTMLInputElement).value,
      password: (fields.namedItem("password") as HTMLInputElement).value,
    };
    setPending(true);
    setError(null);
    try {
      const auth = await loadAuth();
      const invalid = auth.checkSignIn(input);
      setErrors(invalid);
      if (Object.keys(invalid).length > 0) return;
      const failure = await auth.signIn(input.username.trim(), input.password);
      // "/" is a server redirect that routes by role, now that the session cookie is set.
      if (failure === null) router.replace("/");
      else setError(failure);
    } catch {
      setError("网络不可用，请连接网络后登录");
    } finally {
      setPending(false);
    }
  };

  const clearError = (field: keyof SignInErrors) =>
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));

  return (
    <form
      onSubmit={onSubmit}
      onFocus={() => void loadAuth().catch(() => undefined)}
      noValidate
      className="space-y-4"
    >
      <Field id="username" label="用户名" error={errors.username}>
        <Input
          id="username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          aria-invalid={errors.username ? true : undefined}
          aria-describedby={errors.username ? "username-error" : undefined}
          onChange={() => clearError("username")}
        />
      </Field>
      <Field id="password" label="密码" error={errors.password}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "password-error" : undefined}
          onChange={() => clearError("password")}
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
