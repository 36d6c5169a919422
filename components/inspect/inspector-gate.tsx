"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, type ReactNode } from "react";

import { HOME_BY_ROLE, ROLE_LABELS } from "@/lib/domain/org/org.labels";
import { useStorageNotice } from "@/lib/hooks/use-app-db";
import { forgetInspector, useInspectorSession } from "@/lib/hooks/use-inspector";
import { useSyncStatus, useSyncTriggers } from "@/lib/hooks/use-sync";
import { endSnapshot } from "@/lib/hooks/visit-snapshot";

import { SignOutButton } from "@/components/shell/sign-out-button";
import { Button } from "@/components/ui/button";

/** Runs the tab's sync engine while an inspector is signed in. */
function SyncRunner() {
  useSyncTriggers();
  return null;
}

function Notice({ tone, children }: { tone: "warning" | "danger"; children: ReactNode }) {
  const colors =
    tone === "danger"
      ? "border-red-200 bg-red-50 text-red-800"
      : "border-amber-200 bg-amber-50 text-amber-900";
  return (
    <div
      role="alert"
      className={`mb-4 flex flex-wrap items-center gap-3 rounded-xl border px-4 py-3 text-sm ${colors}`}
    >
      {children}
    </div>
  );
}

/** The sync engine stopped on 401/403: nothing is lost, the inspector signs in again. */
function SignInAgainNotice() {
  const { status } = useSyncStatus();
  if (status !== "needs-auth") return null;
  return (
    <Notice tone="warning">
      <p className="flex-1">
        登录已失效，同步已暂停。未同步的检查记录和照片都保留在本机，重新登录后自动继续同步。
      </p>
      <Link href="/login" className="text-brand-700 font-medium underline underline-offset-4">
        重新登录
      </Link>
    </Notice>
  );
}

/**
 * The inspector pages are static shells (served offline by the service worker), so the role check
 * happens here, in the browser: signed out → sign-in page; another role → its own surface. Every
 * API call is still checked on the server.
 */
export function InspectorGate({ children }: { children: ReactNode }) {
  const session = useInspectorSession();
  const storageNotice = useStorageNotice();
  const router = useRouter();

  useEffect(() => {
    // The visit's last screen stands in only for a visit this inspector may open.
    if (session.status === "signed-out" || session.status === "wrong-role") endSnapshot();
    if (session.status === "signed-out") router.replace("/login");
  }, [session.status, router]);

  if (session.status === "checking" || session.status === "signed-out") {
    return (
      <p className="py-16 text-center text-sm text-slate-500" aria-live="polite" data-visit-opening>
        {session.status === "checking" ? "正在打开…" : "请先登录，正在前往登录页…"}
      </p>
    );
  }
  if (session.status === "wrong-role") {
    return (
      <div className="mx-auto max-w-md py-16 text-center">
        <h1 className="text-xl font-semibold text-slate-900">这里是督学的检查页面</h1>
        <p className="mt-2 text-sm leading-6 text-slate-500">
          当前登录的是{ROLE_LABELS[session.user.role]}账号（{session.user.name}）。
        </p>
        <Link
          href={HOME_BY_ROLE[session.user.role]}
          className="text-brand-700 mt-6 inline-block underline underline-offset-4"
        >
          返回我的首页
        </Link>
      </div>
    );
  }
  return (
    <>
      <SyncRunner />
      {storageNotice === "reload" ? (
        <Notice tone="danger">
          <p className="flex-1">应用已在其他窗口更新。请刷新本页后继续（已填写的内容都已保存）。</p>
          <Button size="sm" onClick={() => window.location.reload()}>
            刷新
          </Button>
        </Notice>
      ) : null}
      {storageNotice === "blocked" ? (
        <Notice tone="warning">
          <p className="flex-1">
            应用已更新，但还有其他打开本应用的窗口在使用旧版本。请关闭其他窗口，本页会自动继续。
          </p>
        </Notice>
      ) : null}
      <SignInAgainNotice />
      {children}
    </>
  );
}

/** The header's user block: who is signed in, and sign-out (which also forgets them on this device). */
export function InspectorAccount() {
  const session = useInspectorSession();
  if (session.status !== "signed-in") return null;
  return (
    <>
      <span
        className="text-brand-100 hidden max-w-[7rem] truncate text-sm sm:inline"
        title={session.user.name}
      >
        {session.user.name}
      </span>
      {/* Capture phase: forget the cached inspector before the button signs out and navigates. */}
      <span onClickCapture={forgetInspector}>
        <SignOutButton />
      </span>
    </>
  );
}
