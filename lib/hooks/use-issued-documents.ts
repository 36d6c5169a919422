"use client";

import { useEffect, useState } from "react";

import { documentContracts } from "@/lib/contracts/documents";
import type { IssuedDocuments } from "@/lib/domain/documents/issued";

import { call } from "./api-client";

export type IssuedState =
  | { status: "loading" }
  | { status: "ready"; issued: IssuedDocuments }
  /** Not on the server yet (still syncing) or no network: the documents open once it is. */
  | { status: "unavailable"; reason: string };

/** Why the documents cannot be shown yet, by the failed answer's status (0: no answer). */
function unavailableReason(status: number): string {
  if (status === 0) return "联网后可查看下发的通知书和检查记录";
  if (status === 404) return "同步完成后可查看下发的通知书和检查记录";
  return "暂时无法读取下发的文书，请稍后重试";
}

/** What the server issued for a submitted visit; asked again whenever `refreshKey` changes. */
export function useIssuedDocuments(visitId: string, refreshKey: unknown): IssuedState {
  const [state, setState] = useState<IssuedState>({ status: "loading" });
  useEffect(() => {
    let isCurrent = true;
    void call(documentContracts.issued, { params: { id: visitId } }).then((result) => {
      if (!isCurrent) return;
      setState(
        result.ok
          ? { status: "ready", issued: result.data }
          : { status: "unavailable", reason: unavailableReason(result.status) },
      );
    });
    return () => {
      isCurrent = false;
    };
  }, [visitId, refreshKey]);
  return state;
}
