/**
 * Turns a submitted visit's findings into 整改事项 and one numbered 整改通知书, inside the caller's
 * transaction (the sync push applying "visit.submit", or the demo seed). Idempotent per visit.
 */
import "server-only";

import { toChinaDate } from "@/lib/domain/dates";
import { withOccurredAt } from "@/lib/domain/rectification/events";
import { formatNoticeNumber } from "@/lib/domain/rectification/notice-number";
import type { Notice } from "@/lib/domain/rectification/notice.schema";
import {
  type RectificationActor,
  type RectificationItem,
  type RectificationItemInput,
  rectificationItemInputSchema,
} from "@/lib/domain/rectification/rectification.schema";
import { openRectificationItem, transition } from "@/lib/domain/rectification/transition";
import { refused, type Refused } from "@/lib/domain/refusal";
import { formatBasis } from "@/lib/domain/template/citation";
import type { Finding } from "@/lib/domain/template/findings.schema";
import { newId } from "@/lib/utils/ids";

import { appendEvent } from "./event-log";
import { lockChangeSeq } from "../db/change-seq";
import type { Executor } from "../db/client";
import { noticeRepository } from "../repositories/notices/notice-repository";
import { schoolRepository } from "../repositories/org/school-repository";
import { itemRepository } from "../repositories/rectification/item-repository";

export type IssueNoticeInput = {
  visitId: string;
  districtId: string;
  schoolId: string;
  /** deriveFindings(...) of the submitted visit, in template and item order. */
  findings: readonly Finding[];
  /** The inspector who submitted the visit: issuer of the notice and actor of the items' first events. */
  issuedBy: string;
  /** Epoch ms of issue; the notice year is its China calendar year. */
  now: number;
};

/** `created` is false when the visit already had its notice (or has no findings): nothing was written. */
export type IssuedNotice = {
  ok: true;
  notice: Notice | null;
  items: RectificationItem[];
  created: boolean;
};

/** The item a finding opens, checked by the domain schema (also used by the scale seed, with its own ids). */
export function itemInputFor(
  finding: Finding,
  input: Pick<IssueNoticeInput, "visitId" | "districtId" | "schoolId">,
  noticeId: string,
  id: string = newId(),
) {
  const { rectification } = finding;
  return rectificationItemInputSchema.safeParse({
    id,
    districtId: input.districtId,
    schoolId: input.schoolId,
    visitId: input.visitId,
    noticeId,
    templateCode: finding.templateCode,
    templateVersion: finding.templateVersion,
    itemCode: finding.itemCode,
    section: finding.section,
    prompt: finding.finding,
    basis: formatBasis(finding.basis),
    severity: finding.severity,
    description: finding.description,
    requiredAction: finding.requiredAction,
    mode: rectification.mode,
    dueDate: rectification.mode === "on_site" ? null : rectification.dueDate,
    photoIds:
      rectification.mode === "control"
        ? [...finding.photoIds, ...rectification.controlPhotoIds]
        : finding.photoIds,
  } satisfies RectificationItemInput);
}

/** Creates the item with its "created" event; a 立行立改 finding with after-photos is closed at once. */
async function openItem(
  tx: Executor,
  input: RectificationItemInput,
  finding: Finding,
  inspector: RectificationActor,
  now: number,
): Promise<RectificationItem> {
  const opened = openRectificationItem(input, inspector, now);
  await itemRepository.insert(tx, opened.item, inspector.userId);
  await appendEvent(tx, withOccurredAt(opened.event, finding.occurredAt));
  const { rectification } = finding;
  if (rectification.mode !== "on_site" || rectification.afterPhotoIds.length === 0)
    return opened.item;
  const closed = transition(
    opened.item,
    { type: "close_on_site", photoIds: rectification.afterPhotoIds },
    inspector,
    now,
  );
  if (!closed.ok) throw new Error(`立行立改销号失败（${input.itemCode}）：${closed.message}`);
  await itemRepository.update(tx, closed.item);
  await appendEvent(tx, withOccurredAt(closed.event, finding.occurredAt));
  return closed.item;
}

/**
 * One 整改事项 per finding and, when there are findings, one 整改通知书 numbered
 * 〔year〕第N号 — N gap-free and unique per district and year, also under concurrent submits.
 * A second call for the same visit changes nothing and returns what the first created. Invalid
 * findings (422) write nothing. Run it in a READ COMMITTED transaction (PostgreSQL's default):
 * after waiting for the district's counter lock it must see the notices committed meanwhile.
 */
export async function issueNoticeForVisit(
  tx: Executor,
  input: IssueNoticeInput,
): Promise<IssuedNotice | Refused> {
  if (input.findings.length === 0) return { ok: true, notice: null, items: [], created: false };
  await lockChangeSeq(tx);
  const school = await schoolRepository.noticeIssuer(tx, input.schoolId);
  if (school === null) return refused("not_found", "学校不存在");
  if (school.districtId !== input.districtId) return refused("invalid_input", "学校不属于该区县");

  const year = Number(toChinaDate(input.now).slice(0, 4));
  await noticeRepository.lockCounter(tx, input.districtId, year);
  const existing = await noticeRepository.findByVisit(tx, input.visitId);
  if (existing !== null) {
    const items = await itemRepository.listByNotice(tx, existing.id);
    return { ok: true, notice: existing, items, created: false };
  }

  const noticeId = newId();
  const planned: { item: RectificationItemInput; finding: Finding }[] = [];
  for (const finding of input.findings) {
    const parsed = itemInputFor(finding, input, noticeId);
    if (!parsed.success) {
      return refused(
        "invalid_input",
        `「${finding.finding}」：${parsed.error.issues[0]?.message ?? "整改事项内容无效"}`,
      );
    }
    planned.push({ item: parsed.data, finding });
  }

  const serial = await noticeRepository.nextSerial(tx, input.districtId, year);
  const notice: Notice = {
    id: noticeId,
    districtId: input.districtId,
    schoolId: input.schoolId,
    visitId: input.visitId,
    year,
    serial,
    number: formatNoticeNumber(school.prefix, year, serial),
    issuedAt: input.now,
    issuedBy: input.issuedBy,
    readAt: null,
    readBy: null,
  };
  await noticeRepository.insert(tx, notice);
  // The inspector who ran the visit witnessed any 立行立改 fix, so they close it as its inspector.
  const inspector: RectificationActor = {
    userId: input.issuedBy,
    role: "inspector",
    schoolId: null,
    inspectsSchool: true,
  };
  const items: RectificationItem[] = [];
  for (const { item, finding } of planned) {
    items.push(await openItem(tx, item, finding, inspector, input.now));
  }
  return { ok: true, notice, items, created: true };
}
