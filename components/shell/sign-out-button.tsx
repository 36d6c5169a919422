"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { signOut } from "@/lib/hooks/use-auth";

export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      className="rounded-md px-2 py-1 text-sm text-brand-100 hover:bg-brand-800 hover:text-white"
      onClick={async () => {
        setPending(true);
        await signOut().catch(() => undefined);
        router.replace("/login");
        router.refresh();
      }}
    >
      {pending ? "正在退出…" : "退出"}
    </button>
  );
}
