"use client";

import { useEffect, useState } from "react";

import type { IssuedDocuments } from "@/lib/domain/documents/issued";

import { afterPageLoad } from "./after-page-load";

export type IssuedState =
  | { status: "loading" }
  | { status: "ready"; issued: IssuedDocuments; links: IssuedLinks }
  /** Not on the server yet (still syncing) or no network: the documents open once it is. */
  | { status: "unavailable"; reason: string };

/** Where the PDFs open (the browser shows them inline); no notice link when none was issued. */
export type IssuedLinks = { notice: string | null; visitRecord: string };

/** Why the documents cannot be shown yet, by the failed answer's status (0: no answer). */
function unavailableReason(status: number): string {
  if (status === 0) return "联网后可查看下发的通知书和检查记录";
  if (status === 404) return "同步完成后可查看下发的通知书和检查记录";
  return "暂时无法读取下发的文书，请稍后重试";
}

/**
 * The call and its contract, which bring zod, load after the page: the visit list is an
 * inspector's first screen and shows without them (issue #10).
 */
async function fetchIssued(visitId: string) {
  await afterPageLoad();
  const [{ documentContracts, noticePdfPath, visitRecordPdfPath }, { call }] = await Promise.all([
    import("@/lib/contracts/documents"),
    import("./api-client"),
  ]);
  const result = await call(documentContracts.issued, { params: { id: visitId } });
  if (!result.ok) return result;
  const { notice } = result.data;
  const links: IssuedLinks = {
    notice: notice ? noticePdfPath(notice.id) : null,
    visitRecord: visitRecordPdfPath(visitId),
  };
  return { ...result, links };
}

/** What the server issued for a submitted visit; asked again whenever `refreshKey` changes. */
export function useIssuedDocuments(visitId: string, refreshKey: unknown): IssuedState {
  const [state, setState] = useState<IssuedState>({ status: "loading" });
  useEffect(() => {
    let isCurrent = true;
    fetchIssued(visitId).then(
      (result) => {
        if (!isCurrent) return;
        setState(
          result.ok
            ? { status: "ready", issued: result.data, links: result.links }
            : { status: "unavailable", reason: unavailableReason(result.status) },
        );
      },
      // The code could not be loaded: offline before the service worker cached it.
      () => {
        if (isCurrent) setState({ status: "unavailable", reason: unavailableReason(0) });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [visitId, refreshKey]);
  return state;
}
