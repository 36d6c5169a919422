import Link from "next/link";
import type { ReactNode } from "react";

import { cn } from "@/lib/utils/cn";
import { toQueryString } from "@/lib/utils/search-params";

import { InvalidQuery } from "./invalid-query";

const linkClass =
  "inline-flex h-9 items-center rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-700 hover:bg-slate-50";

/**
 * 上一页 / 下一页 for a keyset-paged list: links that keep the page's filters and swap the cursor, so
 * every page is a URL (reload and back work). `next`/`prev` are the cursors the server answered.
 */
export function Pager({
  path,
  query,
  next,
  prev,
}: {
  path: string;
  query: Record<string, string>;
  next: string | null;
  prev: string | null;
}) {
  if (next === null && prev === null) return null;
  const { after: _after, before: _before, ...filters } = query;
  return (
    <nav aria-label="翻页" className="mt-4 flex items-center justify-between gap-2">
      <div className="flex gap-2">
        {prev !== null ? (
          <>
            <Link href={`${path}${toQueryString(filters)}`} className={linkClass}>
              第一页
            </Link>
            <Link
              href={`${path}${toQueryString({ ...filters, before: prev })}`}
              className={linkClass}
              rel="prev"
            >
              上一页
            </Link>
          </>
        ) : null}
      </div>
      {next !== null ? (
        <Link
          href={`${path}${toQueryString({ ...filters, after: next })}`}
          className={cn(linkClass, "ml-auto")}
          rel="next"
        >
          下一页
        </Link>
      ) : null}
    </nav>
  );
}

/**
 * 上一页 / 第 n / m 页 / 下一页 for the two short lists numbered by page (a district's schools, the
 * audit log), where the office wants to see how many pages there are. Links keep the filters.
 */
export function NumberedPager({
  path,
  values,
  page,
  pages,
  summary,
}: {
  path: string;
  values: Record<string, string>;
  page: number;
  pages: number;
  summary: string;
}) {
  const last = Math.max(1, pages);
  const href = (n: number) => `${path}${toQueryString({ ...values, page: String(n) })}`;
  return (
    <nav aria-label="翻页" className="mt-4 flex items-center gap-3 text-sm text-slate-700">
      {page > 1 ? (
        <Link href={href(page - 1)} className={linkClass} rel="prev">
          上一页
        </Link>
      ) : null}
      <span>
        第 {page} / {last} 页（{summary}）
      </span>
      {page < last ? (
        <Link href={href(page + 1)} className={linkClass} rel="next">
          下一页
        </Link>
      ) : null}
    </nav>
  );
}

/**
 * The body of a keyset-paged list page: why its URL cannot be read (the page's query or the list's
 * cursor), or `empty`, or the rows `children` renders followed by 上一页 / 下一页.
 */
export function PagedList<P extends { page: { next: string | null; prev: string | null } }>({
  path,
  values,
  result,
  isEmpty,
  empty,
  children,
}: {
  path: string;
  values: Record<string, string>;
  result: P | { error: string };
  isEmpty: (page: P) => boolean;
  empty: ReactNode;
  children: (page: P) => ReactNode;
}) {
  if (!("page" in result)) return <InvalidQuery message={result.error} path={path} />;
  if (isEmpty(result)) return empty;
  return (
    <>
      {children(result)}
      <Pager path={path} query={values} next={result.page.next} prev={result.page.prev} />
    </>
  );
}
