/**
 * How the sync state reads in Chinese: the header badge and the 同步与存储 screen. Apart from
 * format.ts because the badge is on every inspector page, and the rest of the wording is not.
 */
import type { SyncStatus } from "@/lib/hooks/use-sync";

/** The header badge: short, with the count that matters in that state. */
export function syncBadgeText(status: SyncStatus, pending: number, rejected: number): string {
  switch (status) {
    case "syncing":
      return "同步中…";
    case "offline":
      return pending > 0 ? `离线 · ${pending} 条待同步` : "离线";
    case "backoff":
      return pending > 0 ? `${pending} 条待同步 · 稍后重试` : "稍后重试";
    case "needs-auth":
      return "需重新登录";
    case "has-rejections":
      return `${rejected} 条被退回`;
    case "idle":
      return pending > 0 ? `${pending} 条待同步` : "已同步";
  }
}

export const SYNC_STATUS_LABELS: Record<SyncStatus, string> = {
  idle: "正常",
  syncing: "正在同步",
  offline: "离线，网络恢复后自动同步",
  backoff: "服务器暂时无法处理，稍后自动重试",
  "needs-auth": "登录已失效，同步已暂停",
  "has-rejections": "有被服务器退回的更改",
};
