import Link from "next/link";

/**
 * Why a list shows nothing: its URL asks for something the page cannot read (a hand-edited or stale
 * link, a cursor from another list). Shown in place of the rows, with the way back to the whole list;
 * nothing when `message` is null (readPageQuery's `invalid` for a URL it could read).
 */
export function InvalidQuery({ message, path }: { message: string | null; path: string }) {
  if (message === null) return null;
  return (
    <div role="alert" className="mb-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
      <Link href={path} className="ml-2 font-medium underline underline-offset-4">
        清除筛选，查看全部
      </Link>
    </div>
  );
}
