import type { SelectHTMLAttributes } from "react";

import { cn } from "@/lib/utils/cn";

/** A native select styled like Input: native pickers are the best on phones. */
export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      className={cn(
        "focus:border-brand-600 focus:ring-brand-100 block h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base text-slate-900 focus:ring-2 focus:outline-none aria-invalid:border-red-500",
        className,
      )}
      {...props}
    />
  );
}
