"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      className="text-brand-100 hover:bg-brand-800 rounded-md px-2 py-1 text-sm hover:text-white"
      onClick={async () => {
        setPending(true);
        // Loaded on tap: keeps the auth client (≈13 KB gzip) out of every page's first-load JS.
        await import("@/lib/hooks/use-auth")
          .then(({ signOut }) => signOut())
          .catch(() => undefined);
        router.replace("/login");
        router.refresh();
      }}
    >
      {pending ? "正在退出…" : "退出"}
    </button>
  );
}
