"use client";

import { useEffect, useState } from "react";

import {
  issuedDocumentsPath,
  issuedDocumentsSchema,
  type IssuedDocuments,
} from "@/lib/domain/documents/issued";

import { send } from "./api-client";

export type IssuedState =
  | { status: "loading" }
  | { status: "ready"; issued: IssuedDocuments }
  /** Not on the server yet (still syncing) or no network: the documents open once it is. */
  | { status: "unavailable"; reason: string };

/** What the server issued for a submitted visit; asked again whenever `refreshKey` changes. */
export function useIssuedDocuments(visitId: string, refreshKey: unknown): IssuedState {
  const [state, setState] = useState<IssuedState>({ status: "loading" });
  useEffect(() => {
    let isCurrent = true;
    const settle = (next: IssuedState) => {
      if (isCurrent) setState(next);
    };
    void send(issuedDocumentsPath(visitId))
      .then(async (response) => {
        if (response === null) {
          return settle({ status: "unavailable", reason: "联网后可查看下发的通知书和检查记录" });
        }
        if (response.status === 404) {
          return settle({
            status: "unavailable",
            reason: "同步完成后可查看下发的通知书和检查记录",
          });
        }
        const parsed = issuedDocumentsSchema.safeParse(await response.json().catch(() => null));
        settle(
          response.ok && parsed.success
            ? { status: "ready", issued: parsed.data }
            : { status: "unavailable", reason: "暂时无法读取下发的文书，请稍后重试" },
        );
      })
      .catch(() => settle({ status: "unavailable", reason: "暂时无法读取下发的文书，请稍后重试" }));
    return () => {
      isCurrent = false;
    };
  }, [visitId, refreshKey]);
  return state;
}
