import type { Citation } from "./template.schema";

/** Printed instead of a basis for an item that rests only on local practice. */
export const LOCAL_PRACTICE_LABEL = "地方实践";

/**
 * One citation as a 公文 prints it: 《全称》（文号）第X条. A document no longer in force says so,
 * so a stale basis never passes as current.
 */
export function formatCitation(citation: Citation): string {
  const docNo = citation.docNo === undefined ? "" : `（${citation.docNo}）`;
  const stale = citation.status === "现行有效" ? "" : `（${citation.status}）`;
  return `《${citation.title}》${docNo}${citation.article ?? ""}${stale}`;
}

/** An item's basis as one line, citations joined by "；"; 地方实践 when it has none. */
export function formatBasis(basis: readonly Citation[]): string {
  return basis.length === 0 ? LOCAL_PRACTICE_LABEL : basis.map(formatCitation).join("；");
}
