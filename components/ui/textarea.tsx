import type { TextareaHTMLAttributes } from "react";

import { cn } from "@/lib/utils/cn";

export function Textarea({
  className,
  rows = 3,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <textarea
      rows={rows}
      className={cn(
        "focus:border-brand-600 focus:ring-brand-100 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base leading-6 text-slate-900 placeholder:text-slate-400 focus:ring-2 focus:outline-none aria-invalid:border-red-500",
        className,
      )}
      {...props}
    />
  );
}
