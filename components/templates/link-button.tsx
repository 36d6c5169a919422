import Link from "next/link";
import type { ComponentProps } from "react";

import { cn } from "@/lib/utils/cn";

const VARIANTS = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
} as const;

type Variant = keyof typeof VARIANTS;

/** The look of a small Button, for links: pages to open, files to download. */
export function linkButtonClass(variant: Variant = "secondary", className?: string): string {
  return cn(
    "inline-flex h-9 items-center justify-center gap-2 rounded-lg px-3 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
    VARIANTS[variant],
    className,
  );
}

export function LinkButton({
  variant,
  className,
  ...props
}: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={linkButtonClass(variant, className)} {...props} />;
}
