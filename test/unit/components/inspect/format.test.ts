import { describe, expect, it } from "vitest";

import type { Mutation } from "@/lib/domain/mutations";

import { describeMutation, formatBytes } from "@/components/inspect/format";
import { aStartedVisit, aVisitAnswer, aPhotoMeta, anId } from "@/test/helpers/builders/visit";

describe("formatBytes", () => {
  it.each([
    [512, "512 B"],
    [300 * 1024, "300 KB"],
    [5.25 * 1024 * 1024, "5.3 MB"],
    [2 * 1024 * 1024 * 1024, "2.0 GB"],
  ])("shows %d bytes as %s", (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});

describe("describeMutation", () => {
  const at = { id: anId(7), createdAt: 0 };
  it.each<[string, Mutation]>([
    ["开始检查", aStartedVisit().mutation],
    ["检查项 AQ-001 的结果", { ...at, name: "answer.save", args: aVisitAnswer() }],
    ["登记照片", { ...at, name: "photo.register", args: aPhotoMeta() }],
    [
      "修改检查信息",
      { ...at, name: "visit.update", args: { visitId: anId(1), patch: { summary: "良好" } } },
    ],
  ])("names the change %s", (expected, mutation) => {
    expect(describeMutation(mutation)).toBe(expected);
  });
});
