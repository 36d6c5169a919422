import { z } from "zod";

import { idSchema } from "../ids";
import { RECTIFICATION_ACTION_TYPES } from "./rectification.schema";
import { roleSchema } from "../org/org.schema";

/** The first event of every item links to this instead of a previous hash. */
export const ZERO_HASH = "0".repeat(64);

/** Hex SHA-256; the function itself is passed in so the domain stays free of node:crypto. */
export type HashText = (text: string) => string;

const hashSchema = z.string().regex(/^[0-9a-f]{64}$/, "哈希应为 64 位十六进制");

export const rectificationEventTypeSchema = z.enum(["created", ...RECTIFICATION_ACTION_TYPES], {
  message: "无效的记录类型",
});
export type RectificationEventType = z.infer<typeof rectificationEventTypeSchema>;

/**
 * One entry in an item's append-only history. `hash` covers every other field, `prevHash`
 * included, so editing, removing or reordering an entry breaks the chain.
 */
export const rectificationEventSchema = z.object({
  id: idSchema,
  itemId: idSchema,
  /** 1, 2, … per item, equal to the item's version after the event. */
  seq: z.number().int().min(1),
  type: rectificationEventTypeSchema,
  actorId: z.string().min(1),
  actorRole: roleSchema,
  at: z.number().int(),
  /**
   * The action's data without its `type` ("created": the item as the finding opened it). Kept
   * loose on purpose: history must still parse after an action's rules are tightened.
   */
  payload: z.record(z.string(), z.json()),
  prevHash: hashSchema,
  hash: hashSchema,
});
export type RectificationEvent = z.infer<typeof rectificationEventSchema>;

/** An event before it joins a chain: the caller supplies the id, `chainEvent` the rest. */
export type RectificationEventDraft = Omit<RectificationEvent, "seq" | "prevHash" | "hash">;

/**
 * The event with the time it happened on site (an offline 复查, a finding recorded on the phone)
 * in its payload, hashed with it; `at` stays the server's time. Unchanged when not known.
 */
export function withOccurredAt<E extends Pick<RectificationEvent, "payload">>(
  event: E,
  occurredAt: number | undefined,
): E {
  return occurredAt === undefined ? event : { ...event, payload: { ...event.payload, occurredAt } };
}

/** The on-site time an event carries, if any. */
export function occurredAtOf(event: Pick<RectificationEvent, "payload">): number | null {
  const value = event.payload.occurredAt;
  return typeof value === "number" ? value : null;
}

/** JSON with object keys sorted at every depth and no whitespace: the same value always hashes alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const fields = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${fields.join(",")}}`;
  }
  return JSON.stringify(value);
}

function hashOf(event: Omit<RectificationEvent, "hash">, hash: HashText): string {
  return hash(canonicalJson(event));
}

/** Appends `draft` after `prev` (null for an item's first event), numbering and hashing it. */
export function chainEvent(
  prev: RectificationEvent | null,
  draft: RectificationEventDraft,
  hash: HashText,
): RectificationEvent {
  if (prev !== null && prev.itemId !== draft.itemId) {
    throw new Error(`event for item ${draft.itemId} cannot follow an event of item ${prev.itemId}`);
  }
  const linked = {
    ...draft,
    seq: prev === null ? 1 : prev.seq + 1,
    prevHash: prev?.hash ?? ZERO_HASH,
  };
  return { ...linked, hash: hashOf(linked, hash) };
}

/** What checking an item's chain found: intact, or the first entry that breaks it and why. */
export const chainVerificationSchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), brokenAt: z.number().int(), reason: z.string() }),
]);
export type ChainVerification = z.infer<typeof chainVerificationSchema>;

/**
 * Checks one item's history, given in stored order, from its first event. Reports the first
 * position that breaks. A chain cannot show its own tail being cut off: compare the last seq
 * with the item's version for that.
 */
export function verifyChain(
  events: readonly RectificationEvent[],
  hash: HashText,
): ChainVerification {
  let prev: RectificationEvent | null = null;
  for (const [index, event] of events.entries()) {
    const seq = index + 1;
    const broken = (reason: string): ChainVerification => ({ ok: false, brokenAt: seq, reason });
    if (prev !== null && event.itemId !== prev.itemId)
      return broken(`第 ${seq} 条记录属于另一个整改事项`);
    if (event.seq !== seq) return broken(`第 ${seq} 条记录缺失或顺序被打乱`);
    if (event.prevHash !== (prev?.hash ?? ZERO_HASH))
      return broken(`第 ${seq} 条记录与上一条记录的链接不一致`);
    const { hash: stored, ...linked } = event;
    if (hashOf(linked, hash) !== stored)
      return broken(`第 ${seq} 条记录的内容与哈希不符，可能被篡改`);
    prev = event;
  }
  return { ok: true };
}
