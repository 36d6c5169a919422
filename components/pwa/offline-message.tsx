"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";

import { hasInspectorOnDevice } from "@/lib/hooks/use-inspector";

import { ReloadButton } from "./reload-button";

const noSubscription = () => () => {};

/**
 * What the offline page says depends on who uses this device: an inspector can keep working in the
 * precached inspector app; anyone else (a school, the office) only needs to know that what they
 * entered is kept and that the page needs the network.
 */
export function OfflineMessage() {
  const isInspector = useSyncExternalStore(noSubscription, hasInspectorOnDevice, () => false);
  return isInspector ? (
    <>
      <p className="mt-2 text-sm leading-6 text-slate-500">
        这个页面需要网络。检查工作不受影响：我的学校、检查记录和正在进行的检查都可以离线使用，数据保存在本机，联网后自动同步。
      </p>
      <Link
        href="/inspect"
        className="bg-brand-700 mt-6 inline-flex h-11 w-full items-center justify-center rounded-lg text-base font-medium text-white"
      >
        打开我的学校
      </Link>
      <ReloadButton />
    </>
  ) : (
    <>
      <p className="mt-2 text-sm leading-6 text-slate-500">
        这个页面需要网络，请连接网络后重试。已在本机填写的内容不会丢失，联网后自动发送。
      </p>
      <ReloadButton />
    </>
  );
}
