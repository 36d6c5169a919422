/** What refusals tell people, without zod: the conflict list shows it on an inspector's first screens (issue #10). */
import type { RefusalCode } from "./refusal";

/** What the inspector can do about a refused change, by its code (the conflict list shows it). */
export const REFUSAL_ADVICE: Record<RefusalCode, string> = {
  unauthorized: "请重新登录后重新提交",
  password_change_required: "请先修改初始密码，再重新提交",
  forbidden: "您无权进行这项更改，可以放弃",
  cross_site: "请在本系统页面中重新提交",
  not_found: "记录已不存在或已不在您的责任区，可以放弃",
  conflict: "记录的状态已变化（如已提交或已处理），请核对后放弃或重新录入",
  stale_version: "他人已更新这条记录，请先同步最新内容，再重新操作",
  invalid_input: "内容不符合要求，请修改后重新录入",
  photo_missing: "照片上传后重新提交即可",
  hash_mismatch: "照片已损坏，请重新拍摄",
  not_an_image: "只能上传 JPEG、PNG 或 WebP 格式的图片",
  unsupported_media_type: "内容格式不受支持",
  too_large: "内容过大，请分批提交",
  quota_exceeded: "存储空间已满，请联系督导室",
  rate_limited: "提交过于频繁，请稍后重新提交",
  database_unavailable: "服务器暂时不可用，请稍后重新提交",
  internal_error: "服务器出错，请稍后重新提交",
  network_unavailable: "联网后重新提交",
};
