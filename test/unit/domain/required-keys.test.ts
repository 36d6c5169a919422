import { describe, expect, it } from "vitest";
import type { z } from "zod";

import { userSchema } from "@/lib/domain/org/org.schema";
import { rectificationItemSchema } from "@/lib/domain/rectification/rectification.schema";
import {
  DEADLINE_POLICY_KEYS,
  hasKeys,
  PACK_SCHOOL_KEYS,
  RECTIFICATION_ITEM_KEYS,
  TEMPLATE_KEYS,
  USER_KEYS,
  VISIT_ANSWER_KEYS,
  VISIT_KEYS,
} from "@/lib/domain/required-keys";
import { deadlinePolicySchema } from "@/lib/domain/template/deadline-policy.schema";
import { templateSchema } from "@/lib/domain/template/template.schema";
import { packSchoolSchema } from "@/lib/domain/visit/visit-pack.schema";
import { visitAnswerSchema, visitSchema } from "@/lib/domain/visit/visit.schema";
import { PHOTO_RECORD_KEYS } from "@/lib/offline/record-checks";
import { photoRecordSchema } from "@/lib/offline/record-schemas";

/** Every key of an object schema except those that may be absent and stay absent. */
function requiredKeysOf(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>)
    .filter(([, field]) => {
      const absent = field.safeParse(undefined);
      return !absent.success || absent.data !== undefined;
    })
    .map(([key]) => key);
}

describe("required keys", () => {
  it.each([
    ["visit", VISIT_KEYS, visitSchema],
    ["answer", VISIT_ANSWER_KEYS, visitAnswerSchema],
    ["template", TEMPLATE_KEYS, templateSchema],
    ["pack school", PACK_SCHOOL_KEYS, packSchoolSchema],
    ["rectification item", RECTIFICATION_ITEM_KEYS, rectificationItemSchema],
    ["deadline policy", DEADLINE_POLICY_KEYS, deadlinePolicySchema],
    ["user", USER_KEYS, userSchema],
    ["stored photo", PHOTO_RECORD_KEYS, photoRecordSchema],
  ] as const)("of a %s are what its schema requires", (_name, keys, schema) => {
    expect([...keys].sort()).toEqual(requiredKeysOf(schema).sort());
  });

  it("hold for an object with every key, whatever its values", () => {
    expect(
      hasKeys(
        { minor: 1, major: 2, critical: 3, reviewDays: 4, returnDays: 5 },
        DEADLINE_POLICY_KEYS,
      ),
    ).toBe(true);
  });

  it("fail for a missing key, an array or a non-object", () => {
    expect(hasKeys({ minor: 1, major: 2, critical: 3, reviewDays: 4 }, DEADLINE_POLICY_KEYS)).toBe(
      false,
    );
    expect(hasKeys([], [])).toBe(false);
    expect(hasKeys(null, [])).toBe(false);
    expect(hasKeys("visit", [])).toBe(false);
  });
});
