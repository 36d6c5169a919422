import { describe, expect, it } from "vitest";

import type { SyncStatus } from "@/lib/hooks/use-sync";

import { syncBadgeText } from "@/components/inspect/sync-wording";

describe("syncBadgeText", () => {
  it.each<[SyncStatus, number, number, string]>([
    ["idle", 0, 0, "已同步"],
    ["idle", 3, 0, "3 条待同步"],
    ["syncing", 3, 0, "同步中…"],
    ["offline", 12, 0, "离线 · 12 条待同步"],
    ["offline", 0, 0, "离线"],
    ["backoff", 2, 0, "2 条待同步 · 稍后重试"],
    ["needs-auth", 2, 0, "需重新登录"],
    ["has-rejections", 0, 1, "1 条被退回"],
  ])(
    "says what matters when %s with %d pending and %d rejected",
    (status, pending, rejected, expected) => {
      expect(syncBadgeText(status, pending, rejected)).toBe(expected);
    },
  );
});
