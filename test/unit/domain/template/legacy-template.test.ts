import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { BUILT_IN_TEMPLATES } from "@/lib/checklists";
import { formatBasis } from "@/lib/domain/template/citation";
import { parseTemplateImport } from "@/lib/domain/template/import-template";
import { upgradeLegacyTemplate } from "@/lib/domain/template/legacy-template";
import { templateSchema } from "@/lib/domain/template/template.schema";
import { migrateRecord } from "@/lib/offline/migrations";

/** A published template as stored before issue #9: free-text basis, no finding or requirement. */
const stored: unknown = JSON.parse(
  readFileSync(
    path.join(import.meta.dirname, "../../../fixtures/template-before-issue-9.json"),
    "utf8",
  ),
);

describe("upgradeLegacyTemplate", () => {
  it("reads a template stored before issue #9 in the current shape", () => {
    const template = templateSchema.parse(upgradeLegacyTemplate(stored));
    const [first] = template.items;
    expect(first?.finding).toBe(
      "未做到：每辆校车取得校车使用许可并随车放置有效的校车标牌，标牌载明的车牌号、驾驶人、行驶线路、开行时间、停靠站点与实际一致且在有效期内",
    );
    expect(formatBasis(first?.basis ?? [])).toBe("《校车安全管理条例》");
    expect(first?.provenance).toBe(
      "原检查依据：《校车安全管理条例》（国务院令第617号）第十六条、第十八条",
    );
  });

  it("leaves a template of the current shape as it is", () => {
    const current = BUILT_IN_TEMPLATES[0];
    expect(upgradeLegacyTemplate(current)).toEqual(current);
  });

  it("upgrades the templates of a visit pack stored on the phone", () => {
    expect(templateSchema.safeParse(migrateRecord("templates", stored)).success).toBe(true);
  });

  it("imports a file exported before issue #9", () => {
    expect(parseTemplateImport(stored).ok).toBe(true);
  });
});
