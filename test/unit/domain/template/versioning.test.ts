import { describe, expect, it } from "vitest";

import type { Template, TemplateInput } from "@/lib/domain/template/template.schema";
import {
  latestPublished,
  publishTemplate,
  resolvePinned,
  retireTemplate,
  templateDiff,
} from "@/lib/domain/template/versioning";

import { aClassSizeItem, aTemplate, aTemplateItem } from "@/test/helpers/builders/template";

const NOW = Date.UTC(2026, 3, 1, 2, 0);

function inputOf(template: Template): TemplateInput {
  const { version: _v, status: _s, publishedAt: _p, ...input } = template;
  return input;
}

const v1 = aTemplate({ version: 1 });
const v2 = aTemplate({ version: 2, items: [aTemplateItem(), aClassSizeItem()] });

describe("publishTemplate", () => {
  it("publishes the first version as v1 at the given time", () => {
    expect(publishTemplate(inputOf(v1), [], NOW)).toEqual({
      ok: true,
      template: { ...inputOf(v1), version: 1, status: "published", publishedAt: NOW },
    });
  });

  it("publishes one above the highest published or retired version", () => {
    const retired3 = aTemplate({ version: 3, status: "retired", items: [aClassSizeItem()] });
    const result = publishTemplate(
      inputOf(aTemplate({ title: "校园安全检查（2026 版）" })),
      [v1, v2, retired3],
      NOW,
    );
    expect(result.ok && result.template.version).toBe(4);
  });

  it("ignores stored drafts and other templates when numbering", () => {
    const draft = aTemplate({ version: 7, status: "draft", publishedAt: null });
    const fire = aTemplate({ code: "fire", domain: "fire", version: 9 });
    const result = publishTemplate(inputOf(v2), [v1, draft, fire], NOW);
    expect(result.ok && result.template.version).toBe(2);
  });

  it("leaves the existing versions untouched", () => {
    const existing = [v1];
    publishTemplate(inputOf(v2), existing, NOW);
    expect(existing).toEqual([aTemplate({ version: 1 })]);
  });

  it("refuses a draft identical to the latest published version", () => {
    expect(publishTemplate(inputOf(v2), [v1, v2], NOW)).toEqual({
      ok: false,
      code: "conflict",
      message: "内容与已发布的第 2 版相同，无需发布新版本",
    });
  });

  it("refuses an identical draft even when optional fields are spelled out as undefined", () => {
    const draft = { ...inputOf(v1), items: [{ ...aTemplateItem(), weight: undefined }] };
    expect(publishTemplate(draft, [v1], NOW).ok).toBe(false);
  });

  it.each<[string, Partial<TemplateInput>]>([
    ["a changed item", { items: [aTemplateItem({ severity: "critical" })] }],
    ["reordered items", { items: [aClassSizeItem(), aTemplateItem()] }],
    ["a changed title", { title: "校园安全专项检查" }],
    ["a changed description", { description: "2026 年春季学期使用" }],
  ])("publishes a draft with %s", (_case, change) => {
    const result = publishTemplate({ ...inputOf(v2), ...change }, [v1, v2], NOW);
    expect(result.ok && result.template.version).toBe(3);
  });

  it("publishes the content of a retired latest version again as a new version", () => {
    const retired = { ...v2, status: "retired" as const };
    const result = publishTemplate(inputOf(v2), [v1, retired], NOW);
    expect(result.ok && result.template.version).toBe(3);
  });
});

describe("retireTemplate", () => {
  it("retires a published version and keeps its content", () => {
    expect(retireTemplate(v1)).toEqual({ ok: true, template: { ...v1, status: "retired" } });
  });

  it.each([
    ["a draft", aTemplate({ status: "draft", publishedAt: null })],
    ["a retired version", aTemplate({ status: "retired" })],
  ])("refuses %s", (_case, template) => {
    expect(retireTemplate(template)).toEqual({
      ok: false,
      code: "conflict",
      message: "只有已发布的版本可以停用",
    });
  });
});

describe("latestPublished", () => {
  it.each<[string, Template[], number | undefined]>([
    ["no versions", [], undefined],
    ["one version", [v1], 1],
    ["versions in any order", [v2, v1], 2],
    ["a newer draft", [v1, aTemplate({ version: 2, status: "draft", publishedAt: null })], 1],
    ["a newer retired version", [v1, aTemplate({ version: 2, status: "retired" })], 1],
    ["only retired versions", [aTemplate({ status: "retired" })], undefined],
  ])("returns the right version for %s", (_case, versions, expected) => {
    expect(latestPublished(versions)?.version).toBe(expected);
  });
});

describe("resolvePinned", () => {
  it("returns the pinned v1 after v2 is published", () => {
    const published = publishTemplate(inputOf(v2), [v1], NOW);
    const versions = published.ok ? [v1, published.template] : [v1];

    expect(resolvePinned(versions, { code: "campus-safety", version: 1 })).toEqual({
      ok: true,
      template: v1,
    });
    expect(latestPublished(versions)?.version).toBe(2);
  });

  it("returns a retired version a visit pinned before it was retired", () => {
    const retired = aTemplate({ status: "retired" });
    expect(resolvePinned([retired], { code: "campus-safety", version: 1 })).toEqual({
      ok: true,
      template: retired,
    });
  });

  it.each<[string, Template[], string]>([
    ["an unknown version", [v1], "找不到检查表 campus-safety 第 2 版"],
    [
      "the same version of another template",
      [aTemplate({ code: "fire", version: 2 })],
      "找不到检查表 campus-safety 第 2 版",
    ],
    [
      "a draft",
      [aTemplate({ version: 2, status: "draft", publishedAt: null })],
      "检查表 campus-safety 第 2 版尚未发布",
    ],
  ])("refuses %s", (_case, versions, message) => {
    expect(resolvePinned(versions, { code: "campus-safety", version: 2 })).toEqual({
      ok: false,
      code: "not_found",
      message,
    });
  });
});

describe("templateDiff", () => {
  it("lists added, removed and changed items by code with the changed fields", () => {
    const kept = aTemplateItem({ code: "AQ-001" });
    const removed = aTemplateItem({ code: "AQ-002" });
    const changedBefore = aTemplateItem({ code: "AQ-003" });
    const changedAfter = aTemplateItem({ code: "AQ-003", severity: "critical", weight: 2 });
    const added = aClassSizeItem();

    const diff = templateDiff(
      inputOf(aTemplate({ items: [kept, removed, changedBefore] })),
      inputOf(aTemplate({ items: [changedAfter, kept, added] })),
    );

    expect(diff).toEqual({
      added: [added],
      removed: [removed],
      changed: [
        {
          code: "AQ-003",
          before: changedBefore,
          after: changedAfter,
          fields: ["severity", "weight"],
        },
      ],
    });
  });

  it("sees a change inside a nested field", () => {
    const before = aClassSizeItem();
    const after = aClassSizeItem({
      response: { type: "number", unit: "人", rule: { op: "lte", value: 45, failResult: "fail" } },
    });
    const diff = templateDiff(
      inputOf(aTemplate({ items: [before] })),
      inputOf(aTemplate({ items: [after] })),
    );
    expect(diff.changed.map((c) => c.fields)).toEqual([["response"]]);
  });

  it("returns nothing for the same items", () => {
    expect(templateDiff(inputOf(v2), inputOf(v2))).toEqual({ added: [], removed: [], changed: [] });
  });
});
