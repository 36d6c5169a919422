import { describe, expect, it } from "vitest";

import type { ItemKey } from "@/lib/domain/visit/checklist";
import { copyHtml, snapshotEdits, type SnapshotTap } from "@/lib/hooks/visit-snapshot";

import { aVisitAnswer } from "@/test/helpers/builders/visit";

const A = "campus-safety/AQ-001" as ItemKey;
const B = "campus-safety/AQ-002" as ItemKey;

const tap = (key: string, value: string, kind: SnapshotTap["kind"] = "result"): SnapshotTap => ({
  key,
  kind,
  value,
});

describe("snapshotEdits: the answers tapped on a visit's snapshot, for the live checklist", () => {
  it("makes each tapped answer an edit, in the order of the items' last taps", () => {
    expect(snapshotEdits([tap(A, "pass"), tap(B, "fail")], new Map())).toEqual([
      { key: A, edit: { kind: "result", result: "pass" } },
      { key: B, edit: { kind: "result", result: "fail" } },
    ]);
  });

  it("keeps only the last tap on an item", () => {
    expect(snapshotEdits([tap(A, "pass"), tap(A, "partial")], new Map())).toEqual([
      { key: A, edit: { kind: "result", result: "partial" } },
    ]);
  });

  it("never clears an answer the item already has (a second tap on the live one would)", () => {
    const answers = new Map([[A, aVisitAnswer({ result: "pass" })]]);
    expect(snapshotEdits([tap(A, "pass")], answers)).toEqual([]);
    expect(snapshotEdits([tap(A, "fail")], answers)).toEqual([
      { key: A, edit: { kind: "result", result: "fail" } },
    ]);
  });

  it("sets a choice item's value, unless it is already that value", () => {
    const answers = new Map([[B, aVisitAnswer({ value: "yes" })]]);
    expect(snapshotEdits([tap(B, "yes", "value")], answers)).toEqual([]);
    expect(snapshotEdits([tap(B, "no", "value")], answers)).toEqual([
      { key: B, edit: { kind: "value", value: "no" } },
    ]);
  });

  it("ignores a result that is not one of the four answers", () => {
    expect(snapshotEdits([tap(A, "maybe")], new Map())).toEqual([]);
  });
});

describe("copyHtml: live checklist HTML as a copy that can stand beside the live page", () => {
  it("renames ids and the attributes that point at them, each of their ids", () => {
    expect(
      copyHtml(
        '<label for="a-value">读数</label><input id="a-value" aria-describedby="a-hint a-unit">',
      ),
    ).toBe(
      '<label for="snapshot-a-value">读数</label><input readonly id="snapshot-a-value" aria-describedby="snapshot-a-hint snapshot-a-unit">',
    );
  });

  it("marks rows and sections as copies, so tests and the page never take them for live ones", () => {
    expect(
      copyHtml(
        '<section data-section-id="s1"><ul><li data-item-key="t/AQ-001"></li></ul></section>',
      ),
    ).toBe(
      '<section data-snapshot-section="s1"><ul><li data-snapshot-item-key="t/AQ-001"></li></ul></section>',
    );
  });

  it("makes fields read-only, so nothing typed into the copy is lost when it goes", () => {
    expect(copyHtml('<textarea class="w-full">门卫</textarea><select name="s"></select>')).toBe(
      '<textarea readonly class="w-full">门卫</textarea><select disabled name="s"></select>',
    );
  });

  it("drops photo thumbnails held as object URLs of the page that made the copy", () => {
    expect(copyHtml('<button><img alt="照片 1" src="blob:http://x/1"></button>')).toBe(
      "<button></button>",
    );
    expect(copyHtml('<img alt="图标" src="/icons/icon-192.png">')).toBe(
      '<img alt="图标" src="/icons/icon-192.png">',
    );
  });

  it("changes only tags, never the text between them", () => {
    const text = '<p>检查 id="x" 与 data-item-key="y" 的说明</p>';
    expect(copyHtml(text)).toBe(text);
  });
});
