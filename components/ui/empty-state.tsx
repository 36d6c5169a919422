import type { ReactNode } from "react";

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="text-base font-medium text-slate-700">{title}</p>
      {children ? <div className="mt-2 text-sm leading-6 text-slate-500">{children}</div> : null}
    </div>
  );
}
