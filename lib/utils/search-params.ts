import type { ZodType } from "zod";

/** What Next.js hands a page as `searchParams`. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * A page's query as one string per key, the shape the API's filter schemas parse. A repeated key
 * keeps its first value; empty values (a form's "全部" choice) count as absent.
 */
export function queryValues(
  params: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, raw] of Object.entries(params)) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && value !== "") values[key] = value;
  }
  return values;
}

/**
 * What a list page's URL asks for: the raw `values` (to refill its filter form and keep in its
 * links) and the query as the page's schema reads it — the same schema its API route parses — or,
 * when the URL holds something the schema refuses, why, in Chinese. Every list page reads its URL
 * this way and shows `invalid` with <InvalidQuery> instead of rows: a filter it cannot apply is
 * never silently dropped, so what is listed is always what the filters say.
 */
export type PageQuery<T> =
  | { values: Record<string, string>; query: T; invalid: null }
  | { values: Record<string, string>; query: null; invalid: string };

export async function readPageQuery<T>(
  searchParams: SearchParams,
  schema: ZodType<T>,
): Promise<PageQuery<T>> {
  const values = queryValues(await searchParams);
  const parsed = schema.safeParse(values);
  return parsed.success
    ? { values, query: parsed.data, invalid: null }
    : {
        values,
        query: null,
        invalid: `筛选条件无效：${parsed.error.issues[0]?.message ?? "请重新选择"}`,
      };
}

/** The query string for `values` ("" when empty), for links that keep the current filters. */
export function toQueryString(values: Record<string, string>): string {
  const query = new URLSearchParams(values).toString();
  return query === "" ? "" : `?${query}`;
}
