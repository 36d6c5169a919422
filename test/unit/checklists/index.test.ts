import { readdirSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { BUILT_IN_TEMPLATES } from "@/lib/checklists";

const LIBRARY_DIR = path.join(import.meta.dirname, "../../../lib/checklists");

describe("BUILT_IN_TEMPLATES", () => {
  it("lists every data file of the library when loaded", () => {
    const files = readdirSync(LIBRARY_DIR).filter((file) => file.endsWith(".json"));
    expect(BUILT_IN_TEMPLATES.map((template) => `${template.code}.json`).sort()).toEqual(
      files.sort(),
    );
  });
});
