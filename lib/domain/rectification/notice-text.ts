import { chineseDate } from "../dates";
import type { RectificationItem } from "./rectification.schema";

/** An item's deadline as the 整改通知书 words it, on the page and in its PDF alike. */
export function noticeDeadlineText(
  item: Pick<RectificationItem, "mode" | "dueDate" | "status">,
): string {
  if (item.mode === "on_site")
    return item.status === "closed" ? "已立行立改" : "立行立改（现场整改）";
  if (item.dueDate === null) return "—";
  const due = `${chineseDate(item.dueDate)}前完成整改`;
  return item.mode === "control" ? `已现场先行管控，${due}` : due;
}
