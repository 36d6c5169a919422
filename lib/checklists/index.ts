/**
 * The built-in checklist library: every data file in this folder, listed here as the manifest and
 * validated against the template schema on load (test/unit/checklists/library.test.ts checks the
 * files themselves). Adding a file means adding its import below.
 */
import { type TemplateInput, templateInputSchema } from "@/lib/domain/template/template.schema";

import campusSafety from "./campus-safety.json";
import dormitory from "./dormitory.json";
import doubleReduction from "./double-reduction.json";
import fees from "./fees.json";
import fire from "./fire.json";
import foodSafety from "./food-safety.json";
import healthCare from "./health-care.json";
import schoolBus from "./school-bus.json";
import schoolManagement from "./school-management.json";

/** The library in the order the office sees it: safety first, then the special inspections. */
const FILES: readonly unknown[] = [
  campusSafety,
  fire,
  schoolBus,
  dormitory,
  foodSafety,
  healthCare,
  schoolManagement,
  fees,
  doubleReduction,
];

export const BUILT_IN_TEMPLATES: readonly TemplateInput[] = FILES.map((file) =>
  templateInputSchema.parse(file),
);
