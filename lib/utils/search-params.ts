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

/** The query string for `values` ("" when empty), for links that keep the current filters. */
export function toQueryString(values: Record<string, string>): string {
  const query = new URLSearchParams(values).toString();
  return query === "" ? "" : `?${query}`;
}
