"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

import { cn } from "@/lib/utils/cn";

/** A nav entry that knows whether it is the current page (the surface root matches only itself). */
export function NavLink({
  href,
  variant,
  children,
}: {
  href: string;
  variant: "side" | "tab";
  children: ReactNode;
}) {
  const pathname = usePathname();
  const isRoot = href.split("/").length === 2;
  const active = isRoot ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      // No prefetch: the service worker already holds every screen, and on a slow phone another
      // route's code (zod included) would load before the screen being opened.
      prefetch={false}
      aria-current={active ? "page" : undefined}
      className={cn(
        variant === "side"
          ? "block rounded-lg px-3 py-2 text-sm text-slate-600 hover:bg-slate-100"
          : "flex h-16 items-center justify-center text-center text-xs text-slate-500",
        active &&
          (variant === "side"
            ? "bg-brand-50 text-brand-700 font-medium"
            : "text-brand-700 font-medium"),
      )}
    >
      {children}
    </Link>
  );
}
