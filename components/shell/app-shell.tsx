import Link from "next/link";
import type { ReactNode } from "react";

import { ROLE_LABELS } from "@/lib/domain/org/org.labels";
import type { User } from "@/lib/domain/org/org.schema";

import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

export type NavItem = { href: string; label: string };

/**
 * The frame of every signed-in surface: a header with the product, the signed-in user and sign-out; a
 * tab bar at the bottom on phones and a side list on wide screens. A static shell (the offline
 * inspector app) knows the user only in the browser and passes its own `account` block instead.
 */
export function AppShell({
  surface,
  nav,
  headerExtra,
  children,
  ...who
}: {
  surface: string;
  nav: NavItem[];
  headerExtra?: ReactNode;
  children: ReactNode;
} & ({ user: User; account?: never } | { user?: never; account: ReactNode })) {
  return (
    <div className="min-h-dvh pb-[calc(4rem+env(safe-area-inset-bottom))] md:pb-0 print:pb-0">
      <header className="bg-brand-700 sticky top-0 z-20 text-white shadow print:hidden">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4">
          {/* No prefetch: "/" only sends each role to its home, and on a phone the prefetch's round
              trip and payload would land before the first screen is ready. */}
          <Link href="/" prefetch={false} className="flex items-center gap-2 font-semibold">
            {/* eslint-disable-next-line @next/next/no-img-element -- a static icon */}
            <img src="/icons/icon-192.png" alt="" width={28} height={28} className="rounded-md" />
            <span>督学巡检</span>
            <span className="bg-brand-800 hidden rounded px-1.5 py-0.5 text-xs font-normal sm:inline">
              {surface}
            </span>
          </Link>
          <div className="ml-auto flex items-center gap-2">
            {headerExtra}
            {who.user ? (
              <>
                <span
                  className="text-brand-100 max-w-[9rem] truncate text-sm"
                  title={who.user.name}
                >
                  {who.user.name}
                  <span className="hidden sm:inline"> · {ROLE_LABELS[who.user.role]}</span>
                </span>
                <Link
                  href="/account/password"
                  className="text-brand-100 hover:bg-brand-800 hidden rounded-md px-2 py-1 text-sm hover:text-white sm:inline"
                >
                  修改密码
                </Link>
                <SignOutButton />
              </>
            ) : (
              who.account
            )}
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-6xl gap-6 px-4 py-4 md:py-6">
        <nav aria-label="主导航" className="hidden w-44 shrink-0 md:block print:hidden">
          <ul className="sticky top-20 space-y-1">
            {nav.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href} variant="side">
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main className="min-w-0 flex-1">{children}</main>
      </div>
      <nav
        aria-label="底部导航"
        className="fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] md:hidden print:hidden"
      >
        <ul className="flex">
          {nav.map((item) => (
            <li key={item.href} className="flex-1">
              <NavLink href={item.href} variant="tab">
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
