import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import {
  canonicalJson,
  chainEvent,
  rectificationEventSchema,
  verifyChain,
  ZERO_HASH,
  type RectificationEvent,
} from "@/lib/domain/rectification/events";
import {
  rectificationItemInputSchema,
  type RectificationAction,
  type RectificationActor,
} from "@/lib/domain/rectification/rectification.schema";
import { openRectificationItem, transition } from "@/lib/domain/rectification/transition";

import {
  aPhotoId,
  anActor,
  aRectificationItem,
  ITEM_ID,
} from "@/test/helpers/builders/rectification";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const NOW = Date.UTC(2026, 2, 10, 2, 0);
const eventId = (n: number) => `0195f3a0-0000-7000-8000-0000000001${String(n).padStart(2, "0")}`;

const school = anActor();
const inspector = anActor({
  userId: "user-inspector01",
  role: "inspector",
  schoolId: null,
  inspectsSchool: true,
});
const office = anActor({ userId: "user-office01", role: "office", schoolId: null });

/** A real history: opened, answered, returned, answered again, escalated, closed. */
function aHistory(): RectificationEvent[] {
  const opened = openRectificationItem(
    rectificationItemInputSchema.parse(aRectificationItem()),
    inspector,
    NOW,
  );
  const steps: [RectificationAction, RectificationActor][] = [
    [{ type: "respond", text: "已更换全部过期灭火器", photoIds: [aPhotoId("c")] }, school],
    [{ type: "verify_return", reason: "照片未显示压力表读数", dueDate: "2026-03-27" }, inspector],
    [{ type: "respond", text: "补拍压力表读数照片", photoIds: [aPhotoId("d")] }, school],
    [{ type: "escalate", kind: "circular", note: "整改反复，全区通报" }, office],
    [{ type: "verify_pass", note: "", photoIds: [] }, office],
  ];
  let item = opened.item;
  const events = [chainEvent(null, { id: eventId(1), ...opened.event }, sha256)];
  for (const [index, [action, actor]] of steps.entries()) {
    const result = transition(item, action, actor, NOW + (index + 1) * 60_000);
    if (!result.ok) throw new Error(result.message);
    item = result.item;
    events.push(
      chainEvent(events.at(-1) ?? null, { id: eventId(index + 2), ...result.event }, sha256),
    );
  }
  expect(item.version).toBe(events.length);
  return events;
}

describe("canonicalJson", () => {
  it("sorts keys at every depth and leaves out whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: true, e: null }], c: "整改" } })).toBe(
      '{"a":{"c":"整改","d":[3,{"e":null,"f":true}]},"b":1}',
    );
  });

  it("gives the same text whatever order the keys were added in", () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it("orders numeric-looking keys as text, not as JavaScript enumerates them", () => {
    expect(canonicalJson({ 2: "b", 10: "a" })).toBe('{"10":"a","2":"b"}');
  });

  it("drops undefined fields as JSON does and keeps array order", () => {
    expect(canonicalJson({ a: undefined, b: [2, 1] })).toBe('{"b":[2,1]}');
  });
});

describe("chainEvent", () => {
  const draft = {
    id: eventId(1),
    itemId: ITEM_ID,
    type: "acknowledge" as const,
    actorId: "user-school01",
    actorRole: "school" as const,
    at: NOW,
    payload: {},
  };

  it("numbers the first event 1 and links it to 64 zeros", () => {
    const first = chainEvent(null, draft, sha256);
    expect(first).toMatchObject({ seq: 1, prevHash: ZERO_HASH });
    expect(ZERO_HASH).toBe("0".repeat(64));
  });

  it("hashes the canonical JSON of everything but the hash itself", () => {
    const { hash, ...rest } = chainEvent(null, draft, sha256);
    expect(hash).toBe(sha256(canonicalJson(rest)));
  });

  it("links a following event to the previous hash and the next seq", () => {
    const first = chainEvent(null, draft, sha256);
    const second = chainEvent(first, { ...draft, id: eventId(2) }, sha256);
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash });
  });

  it("refuses to append an event of another item", () => {
    const first = chainEvent(null, draft, sha256);
    expect(() => chainEvent(first, { ...draft, itemId: eventId(99) }, sha256)).toThrow();
  });

  it("produces events the stored schema accepts", () => {
    for (const event of aHistory()) expect(rectificationEventSchema.parse(event)).toEqual(event);
  });
});

describe("verifyChain", () => {
  it("accepts an intact history", () => {
    expect(verifyChain(aHistory(), sha256)).toEqual({ ok: true });
  });

  it("accepts an empty history", () => {
    expect(verifyChain([], sha256)).toEqual({ ok: true });
  });

  it("accepts a history that went through a JSON round trip with reordered keys", () => {
    const stored = aHistory().map(
      (event) => JSON.parse(canonicalJson(event)) as RectificationEvent,
    );
    expect(verifyChain(stored, sha256)).toEqual({ ok: true });
  });

  it("finds an edited payload", () => {
    const events = aHistory();
    events[2] = { ...events[2]!, payload: { reason: "已核实" } };
    expect(verifyChain(events, sha256)).toEqual({
      ok: false,
      brokenAt: 3,
      reason: "第 3 条记录的内容与哈希不符，可能被篡改",
    });
  });

  it("finds an edited actor even when the payload is untouched", () => {
    const events = aHistory();
    events[5] = { ...events[5]!, actorId: "user-office02" };
    expect(verifyChain(events, sha256)).toMatchObject({ ok: false, brokenAt: 6 });
  });

  it("finds an edited hash", () => {
    const events = aHistory();
    events[1] = { ...events[1]!, hash: "f".repeat(64) };
    expect(verifyChain(events, sha256)).toEqual({
      ok: false,
      brokenAt: 2,
      reason: "第 2 条记录的内容与哈希不符，可能被篡改",
    });
  });

  it("finds an edited event whose own hash was recomputed, at the next event", () => {
    const events = aHistory();
    const { hash: _old, ...edited } = { ...events[2]!, payload: { reason: "已核实" } };
    events[2] = { ...edited, hash: sha256(canonicalJson(edited)) };
    expect(verifyChain(events, sha256)).toEqual({
      ok: false,
      brokenAt: 4,
      reason: "第 4 条记录与上一条记录的链接不一致",
    });
  });

  it("finds a removed event", () => {
    const events = aHistory();
    events.splice(3, 1);
    expect(verifyChain(events, sha256)).toEqual({
      ok: false,
      brokenAt: 4,
      reason: "第 4 条记录缺失或顺序被打乱",
    });
  });

  it("finds a removed first event", () => {
    expect(verifyChain(aHistory().slice(1), sha256)).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it("finds a removed event even when the later ones were renumbered", () => {
    const events = aHistory();
    events.splice(3, 1);
    const renumbered = events.map((event, index) => ({ ...event, seq: index + 1 }));
    expect(verifyChain(renumbered, sha256)).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it("finds reordered events", () => {
    const events = aHistory();
    [events[2], events[3]] = [events[3]!, events[2]!];
    expect(verifyChain(events, sha256)).toEqual({
      ok: false,
      brokenAt: 3,
      reason: "第 3 条记录缺失或顺序被打乱",
    });
  });

  it("finds an event of another item spliced in", () => {
    const events = aHistory();
    events[1] = { ...events[1]!, itemId: eventId(99) };
    expect(verifyChain(events, sha256)).toEqual({
      ok: false,
      brokenAt: 2,
      reason: "第 2 条记录属于另一个整改事项",
    });
  });
});
