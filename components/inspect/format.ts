/** Chinese wording shared by the inspector screens: sizes and queued changes. */
import type { Mutation } from "@/lib/domain/mutations";
import { RECTIFICATION_ACTION_LABELS } from "@/lib/domain/rectification/rectification.labels";

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
}

/** What a queued change did, for the conflict list. */
export function describeMutation(mutation: Mutation): string {
  switch (mutation.name) {
    case "visit.start":
      return "开始检查";
    case "visit.update":
      return mutation.args.patch.signatures ? "保存签名" : "修改检查信息";
    case "answer.save":
      return `检查项 ${mutation.args.itemCode} 的结果`;
    case "photo.register":
      return "登记照片";
    case "visit.submit":
      return "提交检查";
    case "rectification.act":
      return `整改事项：${RECTIFICATION_ACTION_LABELS[mutation.args.action.type]}`;
  }
}
