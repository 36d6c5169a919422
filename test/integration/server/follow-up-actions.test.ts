/**
 * A 复查's decisions on items the school has not reported (issue #10 item 3), as the server judges
 * them: 现场核实已整改 closes with the after-photo, 退回 gives the policy's new deadline, 仍未整改 is
 * recorded without a change of state; each keeps the on-site time beside the server's. Anyone but
 * the school's own 责任督学 is refused, and a refusal changes nothing.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { User } from "@/lib/domain/org/org.schema";
import { occurredAtOf } from "@/lib/domain/rectification/events";
import type { RectificationAction } from "@/lib/domain/rectification/rectification.schema";
import { rectificationEvents, rectificationItems } from "@/lib/server/db/schema";
import { applyRectificationAction } from "@/lib/server/rectification/act";
import { getItemTimeline } from "@/lib/server/rectification/queries";
import { REFUSAL_STATUS } from "@/lib/server/refusal";

import { buildCounty } from "../../helpers/builders/county";
import { addInspectorB, addSecondDistrictAndCity } from "../../helpers/org-fixtures";
import {
  aFinding,
  domainUser,
  insertPhotos,
  issueTestNotice,
  photoId,
} from "../../helpers/rectification-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

/** 10:00 China time on a day of a year the demo history does not reach. */
const at = (date: string) => Date.parse(`${date}T02:00:00Z`);
const ON_SITE = at("2032-04-10");
/** The phone synced an hour and a half after the 复查. */
const SYNCED = ON_SITE + 90 * 60_000;

let t: TestDatabase;
let users: Record<"school01" | "inspector1" | "inspector2" | "office" | "inspectorB", User>;
let itemIds: string[];

beforeAll(async () => {
  t = await createTestDatabase();
  await buildCounty(t.db);
  const two = await addSecondDistrictAndCity(t.db);
  const inspectorB = await addInspectorB(t.db, two);
  const [school01, inspector1, inspector2, office] = await Promise.all(
    ["school01", "inspector1", "inspector2", "office"].map((n) => domainUser(t.db, n)),
  );
  users = {
    school01: school01!,
    inspector1: inspector1!,
    inspector2: inspector2!,
    office: office!,
    inspectorB,
  };
  await insertPhotos(t.db, [photoId(1)], users.inspector1.id);
  const { items } = await issueTestNotice(t.db, {
    schoolCode: "S01",
    inspector: "inspector1",
    now: at("2032-03-02"),
    findings: ["XF-012", "XF-015", "XF-016"].map((code) =>
      aFinding(code, { rectification: { mode: "deadline", dueDate: "2032-03-20" } }),
    ),
  });
  itemIds = items.map((item) => item.id);
});
afterAll(() => t.drop());

function act(user: User, itemId: string, action: RectificationAction) {
  return applyRectificationAction(
    t.db,
    user,
    { itemId, action, expectedVersion: 1, occurredAt: ON_SITE },
    SYNCED,
  );
}

async function snapshot(itemId: string) {
  const [item] = await t.db
    .select()
    .from(rectificationItems)
    .where(eq(rectificationItems.id, itemId));
  const events = await t.db
    .select({ id: rectificationEvents.id })
    .from(rectificationEvents)
    .where(eq(rectificationEvents.itemId, itemId));
  return { item, events: events.length };
}

describe("a 复查 of items the school has not reported", () => {
  const verifyOnSite: RectificationAction = {
    type: "verify_on_site",
    note: "现场核实已更换",
    photoIds: [photoId(1)],
  };
  const stillOpen: RectificationAction = { type: "record_still_open", note: "水带仍未补齐" };
  const returnIt: RectificationAction = { type: "verify_return", reason: "仍未整改，请尽快落实" };

  it.each<[string, keyof typeof users, RectificationAction, number, RegExp]>([
    ["an inspector of another district closes", "inspectorB", verifyOnSite, 404, /不存在/],
    ["an inspector of another zone closes", "inspector2", verifyOnSite, 404, /不存在/],
    ["the school closes its own item", "school01", verifyOnSite, 403, /只有该校的责任督学/],
    ["the school records it still open", "school01", stillOpen, 403, /只有该校的责任督学/],
    ["the office closes it from its desk", "office", verifyOnSite, 403, /只有该校的责任督学/],
    ["the office returns an unreported item", "office", returnIt, 403, /现场复查时退回/],
    ["an inspector of another district returns", "inspectorB", returnIt, 404, /不存在/],
    [
      "the inspector closes without an after-photo",
      "inspector1",
      { ...verifyOnSite, photoIds: [] },
      422,
      /至少拍 1 张整改后照片/,
    ],
    [
      "the inspector records it still open without a word",
      "inspector1",
      { type: "record_still_open", note: "" },
      422,
      /请填写现场看到的情况/,
    ],
  ])("refuses when %s, and changes nothing", async (_case, who, action, status, reason) => {
    const itemId = itemIds[0]!;
    const before = await snapshot(itemId);
    const result = await act(users[who], itemId, action);
    expect(!result.ok && REFUSAL_STATUS[result.code]).toBe(status);
    expect(!result.ok && result.message).toMatch(reason);
    expect(await snapshot(itemId)).toEqual(before);
  });

  it("closes an item verified fixed on site, with the after-photo and both times", async () => {
    const itemId = itemIds[0]!;
    const result = await act(users.inspector1, itemId, verifyOnSite);
    expect(result).toMatchObject({ ok: true });
    const timeline = await getItemTimeline(t.db, users.office, itemId, SYNCED);
    expect(timeline).toMatchObject({
      item: { status: "closed", afterPhotoIds: [photoId(1)] },
      reviewNote: "现场核实已更换",
      verification: { ok: true },
    });
    const last = timeline!.events.at(-1)!;
    expect(last).toMatchObject({ type: "verify_on_site", actorRole: "inspector", at: SYNCED });
    expect(occurredAtOf(last)).toBe(ON_SITE);
  });

  it("returns an unreported item with the district policy's new deadline", async () => {
    const itemId = itemIds[1]!;
    expect(await act(users.inspector1, itemId, returnIt)).toMatchObject({ ok: true });
    const timeline = await getItemTimeline(t.db, users.office, itemId, SYNCED);
    expect(timeline?.item).toMatchObject({
      status: "returned",
      returnReason: "仍未整改，请尽快落实",
    });
    // Later than the old deadline and than the day of the 复查.
    expect(timeline!.item.dueDate! > "2032-04-10").toBe(true);
    expect(occurredAtOf(timeline!.events.at(-1)!)).toBe(ON_SITE);
  });

  it("records an item still open as an event, leaving its state and deadline", async () => {
    const itemId = itemIds[2]!;
    const before = await getItemTimeline(t.db, users.office, itemId, SYNCED);
    expect(await act(users.inspector1, itemId, stillOpen)).toMatchObject({ ok: true });
    const after = await getItemTimeline(t.db, users.office, itemId, SYNCED);
    expect(after?.item).toMatchObject({ status: "pending", dueDate: "2032-03-20", version: 2 });
    expect(before?.item).toMatchObject({ status: "pending", dueDate: "2032-03-20", version: 1 });
    expect(after!.events.at(-1)).toMatchObject({
      type: "record_still_open",
      payload: { note: "水带仍未补齐", occurredAt: ON_SITE },
    });
  });
});
